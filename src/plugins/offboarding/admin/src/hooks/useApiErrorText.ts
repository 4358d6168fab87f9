import * as React from 'react';
import { isFetchError, useAPIErrorHandler } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorBodyOf, translateApiError } from '../utils/apiError';

/**
 * `(error) => text` for any error a request threw: a refusal of the API in the admin's language,
 * anything else as Strapi's `formatAPIError` (or `String`) gives it. Stable across renders.
 */
export const useApiErrorText = () => {
  const intl = useIntl();
  const { formatAPIError } = useAPIErrorHandler();
  // Both change identity on every render; the latest ones are enough.
  const latest = React.useRef({ intl, formatAPIError });
  latest.current = { intl, formatAPIError };
  return React.useCallback((err: unknown): string => {
    if (!isFetchError(err)) return String(err);
    const body = errorBodyOf(err.response?.data);
    return body ? translateApiError(latest.current.intl, body) : latest.current.formatAPIError(err);
  }, []);
};
