import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancelPreview } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime, formatDays, formatMinorUnits, policyLabel } from './format';
import { STATUS_VARIANT, labelMessages } from '../../hooks/useLabels';

const usePreviewText = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`entitlement.preview.${id}`), defaultMessage }, values);
};

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
    <Typography variant="omega" textColor="neutral600">
      {label}
    </Typography>
    <Box textAlign="right">{children}</Box>
  </Flex>
);

const Figures = ({ preview }: { preview: CancelPreview }) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = usePreviewText();
  const { refund } = preview;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Row label={t('effectiveAt', 'Takes effect')}>
        <Typography fontWeight="semiBold">{formatDateTime(intl, preview.effectiveAt)}</Typography>
      </Row>
      <Row label={t('resultingStatus', 'Resulting status')}>
        <Badge variant={STATUS_VARIANT[preview.resultingStatus]}>
          {formatMessage(labelMessages.status[preview.resultingStatus])}
        </Badge>
      </Row>
      <Row label={t('refund', 'Refund')}>
        <Typography fontWeight="bold" data-testid="cancel-preview-refund">
          {formatMinorUnits(intl, refund.amount, refund.currency)}
        </Typography>{' '}
        <Typography variant="pi" textColor="neutral600">
          ({formatMessage(labelMessages.refundMode[refund.mode])}
          {refund.mode === 'prorated' ? `, ${t('asOf', 'as of {date}', { date: formatDateTime(intl, refund.asOf) })}` : ''})
        </Typography>
      </Row>
      {refund.alreadyRefunded > 0 ? (
        <Row label={t('alreadyRefunded', 'Already refunded in this period')}>
          <Typography data-testid="cancel-preview-already-refunded">
            {formatMinorUnits(intl, refund.alreadyRefunded, refund.currency)}
          </Typography>
        </Row>
      ) : null}
      {refund.cappedBy > 0 ? (
        <Typography variant="pi" textColor="warning600" data-testid="cancel-preview-capped">
          {t('cappedBy', '{uncapped} by the refund mode; at most {refundable} is left to refund in this period', {
            uncapped: formatMinorUnits(intl, refund.uncappedAmount, refund.currency),
            refundable: formatMinorUnits(intl, refund.refundable, refund.currency),
          })}
        </Typography>
      ) : null}
      {refund.unusedSeconds !== null && refund.periodSeconds !== null ? (
        <Row label={t('unused', 'Unused period')}>
          <Typography>
            {t('unusedDays', '{unused} of {total} days unused', {
              unused: formatDays(intl, refund.unusedSeconds),
              total: formatDays(intl, refund.periodSeconds),
            })}
          </Typography>
        </Row>
      ) : null}
      <Row label={t('policy', 'Policy applied')}>
        <Typography>{policyLabel(intl, preview.policy)}</Typography>
      </Row>
    </Flex>
  );
};

/**
 * What the cancellation would do, as the server computed it. `hint` explains why there is
 * nothing to show yet (a field still to fill, or no permission to preview).
 */
export const CancelPreviewPanel = ({
  preview,
  error,
  isLoading,
  hint,
}: {
  preview: CancelPreview | null;
  error: string | null;
  isLoading: boolean;
  hint: string | null;
}) => {
  const t = usePreviewText();
  let body: React.ReactNode = null;
  if (hint) body = <Typography textColor="neutral600">{hint}</Typography>;
  else if (error) body = <ErrorAlert error={error} />;
  else if (preview) body = <Figures preview={preview} />;
  return (
    <Box data-testid="cancel-preview" aria-live="polite" aria-busy={isLoading} background="neutral100" hasRadius padding={4}>
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('title', 'Preview')}
        </Typography>
        {isLoading ? (
          <Typography variant="pi" textColor="neutral500">
            {t('updating', 'Updating…')}
          </Typography>
        ) : null}
      </Flex>
      {body}
    </Box>
  );
};
