import * as React from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** The API's own default page size. */
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

const positiveInteger = (value: string | null, fallback: number) => {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= 1 ? number : fallback;
};

/**
 * A list's state kept in the URL query, so that back/forward and a shared link restore it.
 * `update` sets or (with null) removes parameters and leaves the others alone.
 */
export const useUrlParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = positiveInteger(searchParams.get('page'), 1);
  const pageSize = Math.min(positiveInteger(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);

  const update = React.useCallback(
    (patch: Record<string, string | null>) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      }),
    [setSearchParams],
  );

  return { searchParams, page, pageSize, update };
};
