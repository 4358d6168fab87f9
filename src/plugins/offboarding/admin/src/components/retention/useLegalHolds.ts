import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Organization } from '../../../../shared/contracts/entities';
import { api, fetchQuery } from '../../api';
import { useApiErrorText } from '../../hooks/useApiErrorText';

const PAGE_SIZE = 100;

interface LegalHoldsState {
  data: Organization[] | undefined;
  error: string | null;
  isLoading: boolean;
}

/**
 * The organizations under legal hold. The admin API has no hold filter and held organizations
 * leave the purge queue, so this reads the organization list page by page and stops as soon as
 * it has found as many holds as the stats count.
 */
export const useLegalHolds = (refreshKey: number): LegalHoldsState => {
  const { get } = useFetchClient();
  const errorText = useApiErrorText();
  const [state, setState] = React.useState<LegalHoldsState>({ data: undefined, error: null, isLoading: true });

  React.useEffect(() => {
    let current = true;
    const load = async () => {
      const stats = await fetchQuery({ get }, api.organizations.stats());
      const held: Organization[] = [];
      for (let page = 1; held.length < stats.data.legalHolds; page += 1) {
        const list = await fetchQuery({ get }, api.organizations.list({ archived: 'include', page, pageSize: PAGE_SIZE }));
        held.push(...list.data.filter((org) => org.legalHold));
        if (page >= list.meta.pagination.pageCount) break;
      }
      return held;
    };
    setState((previous) => ({ ...previous, isLoading: true }));
    load().then(
      (data) => {
        if (current) setState({ data, error: null, isLoading: false });
      },
      (error: unknown) => {
        if (!current) return;
        const message = errorText(error);
        setState((previous) => ({ ...previous, error: message, isLoading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [get, refreshKey]);

  return state;
};
