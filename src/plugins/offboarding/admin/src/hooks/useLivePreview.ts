import * as React from 'react';
import type { ApiAction } from '../api';
import { useApiAction } from './useApi';

const DEBOUNCE_MS = 300;

export interface LivePreview<T> {
  preview: T | null;
  error: string | null;
  isLoading: boolean;
}

const IDLE = { preview: null, error: null, isLoading: false } as const;

/**
 * Asks the server what an action would do (its `…/preview` route, nothing written), ~300 ms
 * after the last change of `body` (null: nothing to ask yet). Only the answer to the latest body
 * is kept; the previous one stays on screen while the next loads. Refusals come back as `error`
 * for the dialog to show inline, never as notifications.
 */
export const useLivePreview = <B, T>(body: B | null, ask: (body: B) => ApiAction<{ data: T }>): LivePreview<T> => {
  const { run } = useApiAction();
  const [state, setState] = React.useState<LivePreview<T>>(IDLE);
  const key = body === null ? null : JSON.stringify(body);
  // The latest `ask`: callers pass a new arrow on each render, the request only changes with `key`.
  const askRef = React.useRef(ask);
  askRef.current = ask;

  React.useEffect(() => {
    if (key === null) {
      setState(IDLE);
      return undefined;
    }
    let current = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    const timer = window.setTimeout(async () => {
      const result = await run(askRef.current(JSON.parse(key) as B), { silent: true });
      if (!current) return;
      setState(result.ok ? { preview: result.data.data, error: null, isLoading: false } : { preview: null, error: result.error, isLoading: false });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key, run]);

  return state;
};
