import * as React from 'react';
import type { CancelPreview, CancelRequest } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';

const DEBOUNCE_MS = 300;

export interface PreviewState {
  preview: CancelPreview | null;
  error: string | null;
  isLoading: boolean;
}

const IDLE: PreviewState = { preview: null, error: null, isLoading: false };

/**
 * Asks the server what the cancellation would do, ~300 ms after the last change of the request
 * (null: nothing to ask yet). Only the answer to the latest request is kept; the previous one
 * stays on screen while the next loads. Refusals are shown inline, not as notifications.
 */
export const useCancelPreview = (entitlementId: string, request: CancelRequest | null): PreviewState => {
  const { run } = useApiAction();
  const [state, setState] = React.useState<PreviewState>(IDLE);
  const body = request ? JSON.stringify(request) : null;

  React.useEffect(() => {
    if (body === null) {
      setState(IDLE);
      return undefined;
    }
    let current = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    const timer = window.setTimeout(async () => {
      const result = await run(api.entitlements.previewCancel(entitlementId, JSON.parse(body) as CancelRequest), { silent: true });
      if (!current) return;
      setState(result.ok ? { preview: result.data.data, error: null, isLoading: false } : { preview: null, error: result.error, isLoading: false });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body, entitlementId, run]);

  return state;
};
