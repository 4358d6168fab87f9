import * as React from 'react';
import type { CancelAllPreview, CancelAllRequest } from '../../../../shared/contracts/api';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';

export interface CancelAllPreviewState {
  preview: CancelAllPreview | null;
  error: string | null;
  isLoading: boolean;
}

const IDLE: CancelAllPreviewState = { preview: null, error: null, isLoading: false };

/** What cancel-all would do, asked ~300 ms after the last change (null: nothing to ask yet); only the latest answer counts. */
export const useCancelAllPreview = (organizationId: string, request: CancelAllRequest | null): CancelAllPreviewState => {
  const { run } = useApiAction();
  const [state, setState] = React.useState<CancelAllPreviewState>(IDLE);
  const body = request ? JSON.stringify(request) : null;
  React.useEffect(() => {
    if (body === null) {
      setState(IDLE);
      return undefined;
    }
    let current = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    const timer = window.setTimeout(async () => {
      const result = await run(api.organizations.previewCancelAll(organizationId, JSON.parse(body) as CancelAllRequest), { silent: true });
      if (!current) return;
      setState(result.ok ? { preview: result.data.data, error: null, isLoading: false } : { preview: null, error: result.error, isLoading: false });
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [body, organizationId, run]);
  return state;
};
