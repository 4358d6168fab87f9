import * as React from 'react';
import { isFetchError, useAPIErrorHandler, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ApiAction, ApiQuery } from '../api';

export interface QueryState<T> {
  data: T | undefined;
  /** The API's own message, shown as it is. */
  error: string | null;
  isLoading: boolean;
  refetch: () => Promise<void>;
}

/**
 * Loads a query of `api` (null: nothing to load) and keeps the last answer while it reloads, so
 * a page does not flash empty after every action.
 */
export const useApiQuery = <T>(request: ApiQuery<T> | null): QueryState<T> => {
  const url = request?.url ?? null;
  const { get } = useFetchClient();
  const { formatAPIError } = useAPIErrorHandler();
  const [data, setData] = React.useState<T | undefined>(undefined);
  const [error, setError] = React.useState<string | null>(null);
  const [isLoading, setLoading] = React.useState(url !== null);
  const key = JSON.stringify(request?.params ?? {});
  const latest = React.useRef(0);

  const refetch = React.useCallback(async () => {
    if (url === null) return;
    const call = ++latest.current;
    setLoading(true);
    try {
      const response = await get<T>(url, { params: JSON.parse(key) });
      if (call === latest.current) {
        setData(response.data);
        setError(null);
      }
    } catch (err) {
      if (call === latest.current) setError(isFetchError(err) ? formatAPIError(err) : String(err));
    } finally {
      if (call === latest.current) setLoading(false);
    }
    // formatAPIError changes identity on every render; the url and params are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, key, get]);

  React.useEffect(() => {
    void refetch();
  }, [refetch]);

  return { data, error, isLoading, refetch };
};

/** A refusal's messages by field (`details.errors[].path` of a validation error, dotted: `dunningStages.1.afterDays`), for the form to show next to its fields. */
export type FieldErrors = Record<string, string>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors };

const isPathError = (value: unknown): value is { path: unknown[]; message: string } =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { path?: unknown }).path) &&
  typeof (value as { message?: unknown }).message === 'string';

const fieldErrorsOf = (err: unknown): FieldErrors => {
  if (!isFetchError(err)) return {};
  const details: unknown = err.response?.data?.error?.details;
  const errors: unknown = typeof details === 'object' && details !== null ? (details as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return {};
  // `dunningStages[1].afterDays` (a domain refusal naming its field) and ['dunningStages', 1, 'afterDays'] are one path.
  return Object.fromEntries(
    errors.filter(isPathError).map((error) => [error.path.map(String).join('.').replace(/\[(\d+)\]/g, '.$1'), error.message]),
  );
};

/**
 * Sends one change of `api` to the server. A refusal is returned (for the dialog to show) and also
 * raised as a notification, with the API's message as it is: nothing is swallowed.
 */
export const useApiAction = () => {
  const { post, put, del } = useFetchClient();
  const { formatAPIError } = useAPIErrorHandler();
  const { toggleNotification } = useNotification();
  const [isSubmitting, setSubmitting] = React.useState(false);

  const run = React.useCallback(
    async <T>(request: ApiAction<T>, options?: { silent?: boolean }): Promise<ActionResult<T>> => {
      const { method, url, body } = request;
      setSubmitting(true);
      try {
        const response = method === 'POST' ? await post<T>(url, body) : method === 'PUT' ? await put<T>(url, body) : await del<T>(url);
        return { ok: true, data: response.data };
      } catch (err) {
        const message = isFetchError(err) ? formatAPIError(err) : String(err);
        if (!options?.silent) toggleNotification({ type: 'danger', message });
        return { ok: false, error: message, fieldErrors: fieldErrorsOf(err) };
      } finally {
        setSubmitting(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [post, put, del, toggleNotification],
  );

  return { run, isSubmitting };
};
