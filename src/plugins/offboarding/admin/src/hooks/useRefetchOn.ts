import * as React from 'react';

/** Reloads a query whenever another part of the page changed something (`refreshKey` went up). */
export const useRefetchOn = (refreshKey: number, refetch: () => Promise<void>) => {
  const seen = React.useRef(refreshKey);
  React.useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    void refetch();
  }, [refreshKey, refetch]);
};
