import { Badge, Button, Flex, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { DataExport } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { useFormat } from './format';
import { EXPORT_STATE_VARIANT, useLabels } from './labels';
import { Section } from './Section';
import { useExportDownload } from './useExportDownload';

interface ExportsSectionProps {
  exports: DataExport[] | undefined;
  error: string | null;
  /** Downloading needs the export permission. */
  canDownload: boolean;
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
export const ExportsSection = ({ exports, error, canDownload }: ExportsSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const { download, downloading } = useExportDownload();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`organization.exports.${id}`), defaultMessage });

  const body = () => {
    if (error) return <Typography textColor="danger600">{error}</Typography>;
    if (!exports) return <Typography textColor="neutral600">{t('loading', 'Loading exports…')}</Typography>;
    if (exports.length === 0) {
      return <Typography textColor="neutral600">{t('empty', 'No data export has been generated yet.')}</Typography>;
    }
    const headers = [t('requested', 'Requested'), t('state', 'State'), t('size', 'Size'), t('expires', 'Expires')];
    return (
      <Table colCount={headers.length + 1} rowCount={exports.length + 1}>
        <Thead>
          <Tr>
            {headers.map((header) => (
              <Th key={header}>
                <Typography variant="sigma" textColor="neutral600">
                  {header}
                </Typography>
              </Th>
            ))}
            <Th>
              <Typography variant="sigma" textColor="neutral600">
                {t('actions', 'Actions')}
              </Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {exports.map((e) => (
            <Tr key={e.documentId}>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography variant="pi" textColor="neutral800">
                    {format.dateTime(e.createdAt)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {e.requestedByName ?? format.none}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {e.profile === 'customer'
                      ? t('profile.customer', 'Customer export (allow-listed)')
                      : t('profile.admin', 'Admin export (everything)')}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <StateCell dataExport={e} />
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral800">
                  {format.bytes(e.size)}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral800">
                  {format.dateTime(e.expiresAt)}
                </Typography>
              </Td>
              <Td>
                {e.state === 'ready' && canDownload ? (
                  <Button
                    variant="secondary"
                    size="S"
                    startIcon={<Download />}
                    loading={downloading === e.documentId}
                    onClick={() => void download(e)}
                  >
                    {t('download', 'Download')}
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  };

  return <Section title={t('title', 'Data exports')}>{body()}</Section>;
};
