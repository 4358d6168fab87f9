import * as React from 'react';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';

const POLL_MS = 2000;

/** The organization's exports, reloaded every 2 s while one is queued or running so its progress moves. */
export const useOrganizationExports = (organizationId: string | null) => {
  const query = useApiQuery(organizationId ? api.exports.list(organizationId) : null);
  const { refetch } = query;
  const inProgress = (query.data?.data ?? []).some((e) => e.state === 'queued' || e.state === 'running');

  React.useEffect(() => {
    if (!inProgress) return undefined;
    const timer = window.setInterval(() => void refetch(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [inProgress, refetch]);

  return { ...query, inProgress };
};
