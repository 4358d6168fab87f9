import * as React from 'react';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl, type IntlShape } from 'react-intl';
import type { ApiAction, ApiQuery } from '../api';
import { errorBodyOf, hasTranslation, translateApiError } from '../utils/apiError';
import { useApiErrorText } from './useApiErrorText';

export interface QueryState<T> {
  data: T | undefined;
  /** The API's refusal in the admin's language (its own message for a code the panel does not know). */
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
  const errorText = useApiErrorText();
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
      if (call === latest.current) setError(errorText(err));
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [url, key, get, errorText]);

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

/**
 * A refusal whose code the panel translates (`validation.date_not_in_future`) shows that text at
 * its field; a plain validation failure keeps the server's words for each field.
 */
const fieldErrorsOf = (err: unknown, intl: IntlShape): FieldErrors => {
  if (!isFetchError(err)) return {};
  const body = errorBodyOf(err.response?.data);
  const translated = body && body.details && hasTranslation(intl, body) && (body.details as { code?: unknown }).code !== 'validation.invalid';
  const details: unknown = body?.details;
  const errors: unknown = typeof details === 'object' && details !== null ? (details as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return {};
  // `dunningStages[1].afterDays` (a domain refusal naming its field) and ['dunningStages', 1, 'afterDays'] are one path.
  return Object.fromEntries(
    errors
      .filter(isPathError)
      .map((error) => [error.path.map(String).join('.').replace(/\[(\d+)\]/g, '.$1'), translated ? translateApiError(intl, body) : error.message]),
  );
};

/**
 * Sends one change of `api` to the server. A refusal is returned (for the dialog to show) and also
 * raised as a notification, in the admin's language (utils/apiError): nothing is swallowed.
 */
export const useApiAction = () => {
  const { post, put, del } = useFetchClient();
  const intl = useIntl();
  const errorText = useApiErrorText();
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
        const message = errorText(err);
        if (!options?.silent) toggleNotification({ type: 'danger', message });
        return { ok: false, error: message, fieldErrors: fieldErrorsOf(err, intl) };
      } finally {
        setSubmitting(false);
      }
    },
    // intl changes identity with the locale only; errorText is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [post, put, del, toggleNotification, errorText],
  );

  return { run, isSubmitting };
};
