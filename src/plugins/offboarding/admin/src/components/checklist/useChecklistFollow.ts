import * as React from 'react';
import type { Checklist } from '../../../../shared/contracts/checklist';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';

const POLL_MS = 5000;

/** What an admin sees change: each step's state and the run's completion. */
const signature = (checklist: Checklist) => JSON.stringify([checklist.completedAt, checklist.steps.map((s) => s.state)]);

/**
 * While the current step is automatic, it waits on work done elsewhere (the sweeps deprovision
 * and build exports in the background): the checklist is re-read every few seconds and, when it
 * moved on, `onChanged` lets the page reload the organization. Returns the last read's error.
 */
export const useChecklistFollow = (organization: string, checklist: Checklist, onChanged: () => void): string | null => {
  const current = checklist.steps.find((step) => step.state === 'current');
  const waiting = Boolean(current?.automatic);
  const { data, error, refetch } = useApiQuery(waiting ? api.organizations.checklist.get(organization) : null);

  React.useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => void refetch(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, refetch]);

  const known = signature(checklist);
  const seen = data ? signature(data.data) : known;
  React.useEffect(() => {
    if (waiting && seen !== known) onChanged();
    // onChanged is the page's callback; what matters is that the server's checklist moved on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, seen, known]);

  return waiting ? error : null;
};
