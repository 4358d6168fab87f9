import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tooltip, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import { getTranslation } from '../../utils/translations';
import { EntitlementActions } from '../entitlements/EntitlementActions';
import { useFormat, type Format } from './format';
import { PROVISIONING_VARIANT, STATUS_VARIANT, useLabels, type Labels } from './labels';
import { Section } from './Section';
import type { ReasonLabel } from './useReasonLabels';


const Small = ({ children }: { children: string }) => (
  <Typography variant="pi" textColor="neutral800">
    {children}
  </Typography>
);

const Muted = ({ children }: { children: string }) => (
  <Typography variant="pi" textColor="neutral600">
    {children}
  </Typography>
);

interface CellProps {
  entitlement: EntitlementView;
  format: Format;
  labels: Labels;
}

const RefundCell = ({ entitlement: e, format, labels }: CellProps) => {
  if (!e.refundMode || e.refundMode === 'none') return <Muted>{e.refundMode ? labels.refundMode('none') : format.none}</Muted>;
  return (
    <Flex direction="column" alignItems="flex-start">
      <Small>{format.money(e.refundAmount, e.currency)}</Small>
      <Muted>{labels.refundMode(e.refundMode)}</Muted>
    </Flex>
  );
};

const ProvisioningCell = ({ entitlement: e, labels }: Omit<CellProps, 'format'>) => {
  const { formatMessage } = useIntl();
  const state = e.provisioningState ?? 'none';
  if (state === 'none') return <Muted>{labels.provisioningState('none')}</Muted>;
  const badge = (
    <Badge variant={PROVISIONING_VARIANT[state]}>
      {e.provisioningOperation
        ? formatMessage(
            {
              id: getTranslation('organization.entitlements.provisioningOperation'),
              defaultMessage: '{operation, select, deprovision {Deprovision} other {Reprovision}}: {state}',
            },
            { operation: e.provisioningOperation, state: labels.provisioningState(state) },
          )
        : labels.provisioningState(state)}
    </Badge>
  );
  if (state !== 'failed' || !e.provisioningError) return badge;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="200px">
      {badge}
      <Typography variant="pi" textColor="danger600" style={{ whiteSpace: 'normal' }}>
        {e.provisioningError}
      </Typography>
    </Flex>
  );
};

/** The dates that decide what happens next: a pending cancellation, the end of a suspension's grace. */
const KeyDatesCell = ({
  cancelsAt,
  graceEndsAt,
  format,
}: {
  cancelsAt: string | null;
  graceEndsAt: string | null;
  format: Format;
}) => {
  const { formatMessage } = useIntl();
  if (!cancelsAt && !graceEndsAt) return <Muted>{format.none}</Muted>;
  return (
    <Flex direction="column" alignItems="flex-start">
      {cancelsAt ? (
        <Small>
          {formatMessage(
            { id: getTranslation('organization.entitlements.cancelsOn'), defaultMessage: 'Cancels {date}' },
            { date: format.date(cancelsAt) },
          )}
        </Small>
      ) : null}
      {graceEndsAt ? (
        <Small>
          {formatMessage(
            { id: getTranslation('organization.entitlements.graceEndsOn'), defaultMessage: 'Grace ends {date}' },
            { date: format.date(graceEndsAt) },
          )}
        </Small>
      ) : null}
    </Flex>
  );
};

const ReactivationCell = ({ entitlement: e, format }: Omit<CellProps, 'labels'>) => {
  const { formatMessage } = useIntl();
  if (!e.reactivation) return <Muted>{format.none}</Muted>;
  if (e.reactivation.allowed) {
    return (
      <Small>
        {formatMessage(
          { id: getTranslation('organization.entitlements.reactivableUntil'), defaultMessage: 'Until {date}' },
          { date: format.date(e.reactivation.until) },
        )}
      </Small>
    );
  }
  return (
    <Box maxWidth="200px">
      <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'normal' }}>
        {e.reactivation.refusal ?? format.none}
      </Typography>
    </Box>
  );
};

const EntitlementRow = ({
  entitlement: e,
  organization,
  onChanged,
  reasonLabel,
  format,
  labels,
}: CellProps & EntitlementsSectionProps) => {
  const { formatMessage } = useIntl();
  const pendingAt = e.status === 'pending_cancellation' ? e.cancelEffectiveAt : null;
  const reason =
    e.status === 'suspended'
      ? (e.suspensionReasonCode ?? e.suspensionReason)
      : e.status === 'active'
        ? null
        : e.cancellationReason;
  return (
    <Tr>
      <Td>
        <Flex
          direction="column"
          alignItems="flex-start"
          gap={1}
          minWidth="160px"
          maxWidth="220px"
          style={{ whiteSpace: 'normal' }}
        >
          <Flex gap={2} alignItems="baseline">
            <Tooltip label={labels.entitlementClass(e.class)}>
              <Typography variant="pi" fontWeight="bold" textColor="neutral800" tabIndex={0}>
                {e.class}
              </Typography>
            </Tooltip>
            <Typography variant="omega" textColor="neutral800">
              {e.name ?? labels.entitlementClass(e.class)}
            </Typography>
          </Flex>
          {reason ? (
            <Muted>
              {formatMessage(
                { id: getTranslation('organization.entitlements.reason'), defaultMessage: 'Reason: {reason}' },
                { reason: reasonLabel(reason) },
              )}
            </Muted>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Badge variant={STATUS_VARIANT[e.status]}>{labels.status(e.status)}</Badge>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Small>{format.money(e.price, e.currency)}</Small>
          <Muted>{labels.billingPeriod(e.billingPeriod)}</Muted>
        </Flex>
      </Td>
      <Td>
        {e.currentPeriodStart || e.currentPeriodEnd ? (
          <Flex direction="column" alignItems="flex-start">
            <Small>{format.date(e.currentPeriodStart)}</Small>
            <Muted>
              {formatMessage(
                { id: getTranslation('organization.entitlements.periodEnd'), defaultMessage: 'to {date}' },
                { date: format.date(e.currentPeriodEnd) },
              )}
            </Muted>
          </Flex>
        ) : (
          <Muted>{format.none}</Muted>
        )}
      </Td>
      <Td>
        <KeyDatesCell cancelsAt={pendingAt} graceEndsAt={e.graceEndsAt} format={format} />
      </Td>
      <Td>
        <RefundCell entitlement={e} format={format} labels={labels} />
      </Td>
      <Td>
        <ReactivationCell entitlement={e} format={format} />
      </Td>
      <Td>
        <ProvisioningCell entitlement={e} labels={labels} />
      </Td>
      <Td>
        <EntitlementActions entitlement={e} organization={organization} onChanged={onChanged} />
      </Td>
    </Tr>
  );
};

interface EntitlementsSectionProps {
  organization: OrganizationDetail;
  onChanged: () => void | Promise<void>;
  reasonLabel: ReasonLabel;
}

/** Every entitlement with its billing, cancellation and provisioning facts, and its own actions. */
export const EntitlementsSection = ({ organization, onChanged, reasonLabel }: EntitlementsSectionProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`organization.entitlements.${id}`), defaultMessage });
  const headers = [
    t('entitlement', 'Entitlement'),
    t('status', 'Status'),
    t('price', 'Price'),
    t('currentPeriod', 'Current period'),
    t('keyDates', 'Key dates'),
    t('refund', 'Refund'),
    t('reactivation', 'Reactivation'),
    t('provisioning', 'Provisioning'),
  ];

  return (
    <Section title={t('title', 'Entitlements')}>
      {organization.entitlements.length === 0 ? (
        <Typography textColor="neutral600">{t('empty', 'This organization has no entitlement.')}</Typography>
      ) : (
        <Table colCount={headers.length + 1} rowCount={organization.entitlements.length + 1}>
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
            {organization.entitlements.map((entitlement) => (
              <EntitlementRow
                key={entitlement.documentId}
                entitlement={entitlement}
                organization={organization}
                onChanged={onChanged}
                reasonLabel={reasonLabel}
                format={format}
                labels={labels}
              />
            ))}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};
