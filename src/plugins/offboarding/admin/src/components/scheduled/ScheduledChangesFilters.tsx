import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { SCHEDULED_CHANGE_KINDS, type ScheduledChangeKind } from '../../../../shared/contracts/lifecycle';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLabels } from '../../hooks/useLabels';

import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { WINDOWS, type WindowDays } from './ScheduledChangesTimeline';

const ALL = 'all';
/** The organizations offered in the filter: the API's largest page, by name. */
const ORGANIZATION_OPTIONS = { archived: 'include', pageSize: 100 } as const;

export interface ScheduledChangesFiltersProps {
  days: WindowDays;
  onDays: (days: WindowDays) => void;
  kind: ScheduledChangeKind | null;
  organization: string | null;
  onKind: (kind: ScheduledChangeKind | null) => void;
  onOrganization: (documentId: string | null) => void;
}

/** The kind of change and the organization the scheduled changes page shows. */
export const ScheduledChangesFilters = ({ days, onDays, kind, organization, onKind, onOrganization }: ScheduledChangesFiltersProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const organizations = useApiQuery(api.organizations.list(ORGANIZATION_OPTIONS));
  const all = formatMessage({ id: getTranslation('scheduled.filter.all'), defaultMessage: 'All' });

  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-end">
      <Field.Root name="days" minWidth="16rem">
        <Field.Label>{formatMessage({ id: getTranslation('scheduled.filter.days'), defaultMessage: 'Period' })}</Field.Label>
        <SingleSelect size="S" value={String(days)} onChange={(value) => onDays(WINDOWS.find((candidate) => String(candidate) === String(value)) ?? WINDOWS[0])}>
          {WINDOWS.map((value) => (
            <SingleSelectOption key={value} value={String(value)}>
              {formatMessage({ id: getTranslation('scheduled.filter.days.option'), defaultMessage: 'Next {days} days' }, { days: value })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="kind" minWidth="22rem">
        <Field.Label>{formatMessage({ id: getTranslation('scheduled.filter.kind'), defaultMessage: 'Kind of change' })}</Field.Label>
        <SingleSelect
          size="S"
          value={kind ?? ALL}
          onChange={(value) => onKind(SCHEDULED_CHANGE_KINDS.find((candidate) => candidate === value) ?? null)}
        >
          <SingleSelectOption value={ALL}>{all}</SingleSelectOption>
          {SCHEDULED_CHANGE_KINDS.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {labels.scheduledChangeKind(value)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="organization" minWidth="28rem">
        <Field.Label>
          {formatMessage({ id: getTranslation('scheduled.filter.organization'), defaultMessage: 'Organization' })}
        </Field.Label>
        <SingleSelect
          size="S"
          value={organization ?? ALL}
          loading={organizations.isLoading && !organizations.data}
          onChange={(value) => onOrganization(value === ALL ? null : String(value))}
        >
          <SingleSelectOption value={ALL}>{all}</SingleSelectOption>
          {(organizations.data?.data ?? []).map((candidate) => (
            <SingleSelectOption key={candidate.documentId} value={candidate.documentId}>
              {candidate.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <ErrorAlert error={organizations.error} />
    </Flex>
  );
};
