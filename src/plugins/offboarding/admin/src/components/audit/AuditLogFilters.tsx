import { Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ACTOR_TYPES } from '../../../../shared/contracts/constants';
import { DOMAIN_EVENT_TYPES } from '../../../../shared/contracts/events';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';

const ALL = 'all';
const ORGANIZATION_OPTIONS = { archived: 'include', pageSize: 100 } as const;

export interface AuditLogFilterValues {
  organization: string | null;
  action: string | null;
  actorType: string | null;
  from: string | null;
  to: string | null;
}

interface AuditLogFiltersProps {
  values: AuditLogFilterValues;
  /** Sets one filter (null: any), kept in the URL. */
  onChange: (name: keyof AuditLogFilterValues, value: string | null) => void;
}

/** Organization, action, actor type and dates of the global audit log. */
export const AuditLogFilters = ({ values, onChange }: AuditLogFiltersProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const organizations = useApiQuery(api.organizations.list(ORGANIZATION_OPTIONS));
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`auditLog.filter.${id}`), defaultMessage });
  const all = t('all', 'All');
  const zoneHint = formatMessage(
    { id: getTranslation('auditLog.filter.zone'), defaultMessage: 'Days in {zone}' },
    { zone: Intl.DateTimeFormat().resolvedOptions().timeZone },
  );
  const select = (name: keyof AuditLogFilterValues) => (value: string | number) => onChange(name, value === ALL ? null : String(value));

  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-end">
      <Field.Root name="organization" minWidth="22rem">
        <Field.Label>{t('organization', 'Organization')}</Field.Label>
        <SingleSelect size="S" value={values.organization ?? ALL} loading={organizations.isLoading && !organizations.data} onChange={select('organization')}>
          <SingleSelectOption value={ALL}>{all}</SingleSelectOption>
          {(organizations.data?.data ?? []).map((candidate) => (
            <SingleSelectOption key={candidate.documentId} value={candidate.documentId}>
              {candidate.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="action" minWidth="22rem">
        <Field.Label>{t('action', 'Action')}</Field.Label>
        <SingleSelect size="S" value={values.action ?? ALL} onChange={select('action')}>
          <SingleSelectOption value={ALL}>{all}</SingleSelectOption>
          {DOMAIN_EVENT_TYPES.map((type) => (
            <SingleSelectOption key={type} value={type}>
              {labels.auditAction(type)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="actorType" minWidth="16rem">
        <Field.Label>{t('actorType', 'Done by')}</Field.Label>
        <SingleSelect size="S" value={values.actorType ?? ALL} onChange={select('actorType')}>
          <SingleSelectOption value={ALL}>{all}</SingleSelectOption>
          {ACTOR_TYPES.map((type) => (
            <SingleSelectOption key={type} value={type}>
              {labels.actorType(type)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="from" hint={zoneHint}>
        <Field.Label>{t('from', 'From')}</Field.Label>
        <TextInput type="date" size="S" value={values.from ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange('from', event.target.value || null)} />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="to" hint={zoneHint}>
        <Field.Label>{t('to', 'To')}</Field.Label>
        <TextInput type="date" size="S" value={values.to ?? ''} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange('to', event.target.value || null)} />
        <Field.Hint />
      </Field.Root>
      <ErrorAlert error={organizations.error} />
    </Flex>
  );
};
