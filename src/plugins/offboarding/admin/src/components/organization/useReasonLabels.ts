import * as React from 'react';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { humanize } from '../../hooks/useLabels';

export type ReasonLabel = (code: string) => string;

/** Reason codes as the admins named them in the settings (a code no longer listed is made readable). */
export const useReasonLabels = (): ReasonLabel => {
  const { data } = useApiQuery(api.reasons.list());
  return React.useMemo(() => {
    const labels = new Map((data?.data ?? []).map((reason) => [reason.code, reason.label]));
    return (code: string) => labels.get(code) ?? humanize(code);
  }, [data]);
};
