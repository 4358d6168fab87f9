import { Badge, Box, Flex, Tooltip, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import type { PauseAccess } from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { EntitlementActions } from '../entitlements/EntitlementActions';
import { useFormat, type Format } from '../../hooks/useFormat';
import { PROVISIONING_VARIANT, STATUS_VARIANT, useLabels, type Labels } from '../../hooks/useLabels';
import { Section } from '../common/Section';
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
              defaultMessage:
                '{operation, select, deprovision {Access removal downstream} other {Access restored downstream}} {state, select, pending {in progress} done {done} failed {failed} other {}}',
            },
            { operation: e.provisioningOperation, state },
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

/** The dates that decide what happens next: a pending cancellation, the end of a suspension's grace, the end of a pause. */
const KeyDatesCell = ({
  cancelsAt,
  graceEndsAt,
  pause,
  format,
}: {
  cancelsAt: string | null;
  graceEndsAt: string | null;
  /** A paused entitlement's resume date (null: on demand) and its portal meanwhile. */
  pause: { resumeAt: string | null; access: PauseAccess | null } | null;
  format: Format;
}) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  if (!cancelsAt && !graceEndsAt && !pause) return <Muted>{format.none}</Muted>;
  return (
    <Flex direction="column" alignItems="flex-start">
      {pause ? (
        <Small>
          {pause.resumeAt
            ? formatMessage(
                { id: getTranslation('organization.entitlements.resumesOn'), defaultMessage: 'Resumes {date}' },
                { date: format.date(pause.resumeAt) },
              )
            : formatMessage({ id: getTranslation('organization.entitlements.resumesOnDemand'), defaultMessage: 'Paused until resumed' })}
        </Small>
      ) : null}
      {pause?.access ? <Muted>{labels.pauseAccess(pause.access)}</Muted> : null}
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

/** The name and, once it stopped being active, why. */
const NameCell = ({ entitlement: e, labels, reasonLabel }: { entitlement: EntitlementView; labels: Labels; reasonLabel: ReasonLabel }) => {
  const { formatMessage } = useIntl();
  let reason: string | null = e.cancellationReason;
  if (e.status === 'suspended') reason = e.suspensionReasonCode ?? e.suspensionReason;
  else if (e.status === 'paused') reason = e.pauseReason;
  else if (e.status === 'active' || e.status === 'prospect') reason = null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} minWidth="160px" maxWidth="220px" style={{ whiteSpace: 'normal' }}>
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
  const reload = () => void onChanged();

  return (
    <Section title={t('title', 'Entitlements')}>
      <DataTable
        rows={organization.entitlements}
        emptyMessage={t('empty', 'This organization has no entitlement.')}
        columns={[
          {
            key: 'entitlement',
            header: t('entitlement', 'Entitlement'),
            cell: (e) => <NameCell entitlement={e} labels={labels} reasonLabel={reasonLabel} />,
          },
          {
            key: 'status',
            header: t('status', 'Status'),
            cell: (e) => <Badge variant={STATUS_VARIANT[e.status]}>{labels.status(e.status)}</Badge>,
          },
          {
            key: 'price',
            header: t('price', 'Price'),
            cell: (e) => (
              <Flex direction="column" alignItems="flex-start">
                <Small>{format.money(e.price, e.currency)}</Small>
                <Muted>{labels.billingPeriod(e.billingPeriod)}</Muted>
              </Flex>
            ),
          },
          {
            key: 'currentPeriod',
            header: t('currentPeriod', 'Current period'),
            cell: (e) =>
              e.currentPeriodStart || e.currentPeriodEnd ? (
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
              ),
          },
          {
            key: 'keyDates',
            header: t('keyDates', 'Key dates'),
            cell: (e) => (
              <KeyDatesCell
                cancelsAt={e.status === 'pending_cancellation' ? e.cancelEffectiveAt : null}
                graceEndsAt={e.graceEndsAt}
                pause={e.status === 'paused' ? { resumeAt: e.resumeAt, access: e.pauseAccess } : null}
                format={format}
              />
            ),
          },
          { key: 'refund', header: t('refund', 'Refund'), cell: (e) => <RefundCell entitlement={e} format={format} labels={labels} /> },
          {
            key: 'reactivation',
            header: t('reactivation', 'Reactivation'),
            cell: (e) => <ReactivationCell entitlement={e} format={format} />,
          },
          {
            key: 'provisioning',
            header: t('provisioning', 'Provisioning'),
            cell: (e) => <ProvisioningCell entitlement={e} labels={labels} />,
          },
          {
            key: 'actions',
            header: formatMessage(commonMessages.actions),
            cell: (e) => <EntitlementActions entitlement={e} organization={organization} onChanged={reload} />,
          },
        ]}
      />
    </Section>
  );
};
