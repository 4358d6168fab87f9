import { Badge, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { DataExport } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { useFormat } from '../../hooks/useFormat';
import { EXPORT_STATE_VARIANT, useLabels } from '../../hooks/useLabels';
import { Section } from '../common/Section';
import { CustomerLinkDialog } from './CustomerLinkDialog';
import { useExportDownload } from './useExportDownload';

interface ExportsSectionProps {
  exports: DataExport[] | undefined;
  error: string | null;
  /** Downloading needs the export permission. */
  canDownload: boolean;
  /** Why the access rule refuses customer exports now (a signed link is refused too); null: allowed. */
  linkRefusal: string | null;
}

const StateCell = ({ dataExport: e }: { dataExport: DataExport }) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const badge = <Badge variant={EXPORT_STATE_VARIANT[e.state]}>{labels.exportState(e.state)}</Badge>;
  if (e.state === 'queued' || e.state === 'running') {
    const label = formatMessage(
      { id: getTranslation('organization.exports.progress'), defaultMessage: '{progress}% done' },
      { progress: e.progress },
    );
    return (
      <Flex gap={3}>
        {badge}
        <ProgressBar value={e.progress} size="S" aria-label={label} />
        <Typography variant="pi" textColor="neutral600">
          {label}
        </Typography>
      </Flex>
    );
  }
  if (e.state === 'failed' && e.error) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {badge}
        <Typography variant="pi" textColor="danger600">
          {e.error}
        </Typography>
      </Flex>
    );
  }
  return badge;
};

/** The organization's data exports, newest first, with their progress and a download for ready ones. */
export const ExportsSection = ({ exports, error, canDownload, linkRefusal }: ExportsSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const { download, downloading } = useExportDownload();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`organization.exports.${id}`), defaultMessage });

  return (
    <Section title={t('title', 'Data exports')}>
      <DataTable
        rows={exports}
        status={{ error, isLoading: !error }}
        emptyMessage={t('empty', 'No data export has been generated yet.')}
        columns={[
          {
            key: 'requested',
            header: t('requested', 'Requested'),
            cell: (e) => (
              <Flex direction="column" alignItems="flex-start">
                <Typography textColor="neutral800">{format.dateTime(e.createdAt)}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {e.requestedByName ?? format.none}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {e.profile === 'customer'
                    ? t('profile.customer', 'Customer export (allow-listed)')
                    : t('profile.admin', 'Admin export (everything)')}
                </Typography>
              </Flex>
            ),
          },
          { key: 'state', header: t('state', 'State'), cell: (e) => <StateCell dataExport={e} /> },
          { key: 'size', header: t('size', 'Size'), cell: (e) => format.bytes(e.size) },
          { key: 'expires', header: t('expires', 'Expires'), cell: (e) => format.dateTime(e.expiresAt) },
          {
            key: 'actions',
            header: formatMessage(commonMessages.actions),
            cell: (e) =>
              e.state === 'ready' && canDownload ? (
                <Flex gap={2} wrap="wrap">
                  <Button
                    variant="secondary"
                    size="S"
                    startIcon={<Download />}
                    loading={downloading === e.documentId}
                    onClick={() => void download(e)}
                  >
                    {t('download', 'Download')}
                  </Button>
                  {e.profile === 'customer' ? <CustomerLinkDialog dataExport={e} refusal={linkRefusal} /> : null}
                </Flex>
              ) : null,
          },
        ]}
      />
    </Section>
  );
};
