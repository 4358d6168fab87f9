import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelAllPreview } from '../../../../shared/contracts/api';
import { labelMessages } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { entitlementLabel, formatDateTime, formatMinorUnits } from './format';

const messages = {
  title: { id: getTranslation('organization.cancelAll.preview.title'), defaultMessage: 'Preview' },
  updating: { id: getTranslation('entitlement.preview.updating'), defaultMessage: 'Updating…' },
  row: { id: getTranslation('organization.cancelAll.preview.row'), defaultMessage: '{status} {date}' },
  total: { id: getTranslation('organization.cancelAll.preview.total'), defaultMessage: 'Total refund' },
};

/** The refunds added up, one amount per currency: "€20.00 + $6.00". */
export const formatTotals = (intl: ReturnType<typeof useIntl>, preview: CancelAllPreview) =>
  preview.totals.map(({ amount, currency }) => formatMinorUnits(intl, amount, currency)).join(' + ');

/** What cancel-all would do, entitlement by entitlement, as the server computed it; `hint` says why there is nothing yet. */
export const CancelAllPreviewPanel = ({
  preview,
  error,
  isLoading,
  hint,
}: {
  preview: CancelAllPreview | null;
  error: string | null;
  isLoading: boolean;
  hint: string | null;
}) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  let body: React.ReactNode = null;
  if (hint) body = <Typography textColor="neutral600">{hint}</Typography>;
  else if (error) body = <ErrorAlert error={error} />;
  else if (preview) {
    body = (
      <Flex direction="column" alignItems="stretch" gap={1}>
        {preview.entitlements.map((row) => (
          <Flex key={row.entitlement} justifyContent="space-between" gap={4}>
            <Typography variant="omega" textColor="neutral700" ellipsis>
              {entitlementLabel(intl, row)} ·{' '}
              {formatMessage(messages.row, {
                status: formatMessage(labelMessages.status[row.resultingStatus]),
                date: formatDateTime(intl, row.effectiveAt),
              })}
            </Typography>
            <Typography variant="omega">{formatMinorUnits(intl, row.refund.amount, row.refund.currency)}</Typography>
          </Flex>
        ))}
        <Flex justifyContent="space-between" gap={4} paddingTop={1}>
          <Typography fontWeight="bold">{formatMessage(messages.total)}</Typography>
          <Typography fontWeight="bold" data-testid="cancel-all-preview-total">
            {formatTotals(intl, preview)}
          </Typography>
        </Flex>
      </Flex>
    );
  }
  return (
    <Box data-testid="cancel-all-preview" aria-live="polite" aria-busy={isLoading} background="neutral100" hasRadius padding={3} maxHeight="12rem" overflow="auto">
      <Flex justifyContent="space-between" paddingBottom={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage(messages.title)}
        </Typography>
        {isLoading ? (
          <Typography variant="pi" textColor="neutral500">
            {formatMessage(messages.updating)}
          </Typography>
        ) : null}
      </Flex>
      {body}
    </Box>
  );
};
