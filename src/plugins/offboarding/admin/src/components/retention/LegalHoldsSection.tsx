import { useIntl } from 'react-intl';
import { OrganizationLink } from '../organizations/OrganizationLink';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { useFormat } from '../../hooks/useFormat';
import { OrganizationFlags } from '../organizations/OrganizationFlags';
import { RetentionActions } from './RetentionActions';
import { Section } from '../common/Section';
import { useLegalHolds } from './useLegalHolds';

export interface RetentionSectionProps {
  canRetention: boolean;
  refreshKey: number;
  onChanged: () => void;
}

/** Organizations under legal hold: never purged until the hold is lifted. */
export const LegalHoldsSection = ({ canRetention, refreshKey, onChanged }: RetentionSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const holds = useLegalHolds(refreshKey);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`retention.holds.${id}`), defaultMessage });

  return (
    <Section
      title={t('title', 'Legal holds')}
      description={t('description', 'Organizations kept whatever their retention date says, until the hold is lifted.')}
    >
      <DataTable
        rows={holds.data}
        status={holds}
        emptyMessage={t('empty', 'No organization is under legal hold.')}
        columns={[
          {
            key: 'organization',
            header: t('organization', 'Organization'),
            cell: (org) => (
              <OrganizationLink organization={org}>
                <OrganizationFlags organization={org} />
              </OrganizationLink>
            ),
          },
          {
            key: 'legalHold',
            header: t('legalHold', 'Legal hold'),
            cell: (org) =>
              formatMessage(
                { id: getTranslation('retention.holds.placed'), defaultMessage: 'Since {date} by {by}' },
                { date: format.dateTime(org.legalHoldAt), by: org.legalHoldBy ?? format.none },
              ),
          },
          { key: 'reason', header: t('reason', 'Reason'), wrap: true, cell: (org) => format.text(org.legalHoldReason) },
          { key: 'retentionUntil', header: t('retentionUntil', 'Retained until'), cell: (org) => format.dateTime(org.retentionUntil) },
          canRetention && {
            key: 'actions',
            header: t('actions', 'Actions'),
            cell: (org) => <RetentionActions organization={org} held onChanged={onChanged} />,
          },
        ]}
      />
    </Section>
  );
};
