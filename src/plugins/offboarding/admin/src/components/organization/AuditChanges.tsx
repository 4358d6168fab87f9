import { Box, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { CHECKLIST_STEPS, type ChecklistStepKey } from '../../../../shared/contracts/checklist';
import type { AuditTimelineEvent } from '../../../../shared/contracts/entities';
import { STEP_MESSAGES } from '../checklist/messages';
import { getTranslation } from '../../utils/translations';
import { useFormat, type Format } from '../../hooks/useFormat';
import { humanize, labelMessages, useLabels } from '../../hooks/useLabels';
import { FIELD_MESSAGES } from './auditFields';
import type { ReasonLabel } from './useReasonLabels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields holding integer minor units, shown as money when the event or its entitlement names the currency. */
const MONEY_FIELDS = new Set(['price', 'refundAmount', 'creditBalance', 'amount']);
const REASON_FIELDS = new Set(['cancellationReason', 'suspensionReasonCode']);
const BYTE_FIELDS = new Set(['size']);
/** Ids that repeat what the event shows in words (the collaborator's e-mail beside their user id). */
const HIDDEN_FIELDS = new Set(['user', 'invitation', 'refund', 'cause']);
/** Fields holding a checklist step's key (or a list of them), shown by the step's name. */
const STEP_FIELDS = new Set(['step', 'current', 'reopened']);
/** Fields holding another document's id, shown by its name (AuditTimelineEvent.names). */
const REFERENCE_FIELDS = new Set(['cancellationPolicy']);

/** A checklist step's recorded state. */
const STEP_STATE: Record<string, MessageDescriptor> = {
  pending: { id: getTranslation('checklist.state.pending'), defaultMessage: 'Open' },
  done: { id: getTranslation('checklist.state.done'), defaultMessage: 'Done' },
  skipped: { id: getTranslation('checklist.state.skipped'), defaultMessage: 'Skipped' },
};
const TIMING: Record<string, MessageDescriptor> = {
  immediate: { id: getTranslation('entitlement.cancel.timing.immediate'), defaultMessage: 'Immediately' },
  period_end: { id: getTranslation('entitlement.cancel.timing.period_end'), defaultMessage: 'At end of period' },
  date: { id: getTranslation('entitlement.cancel.timing.date'), defaultMessage: 'On a date' },
};
const ACCESS: Record<string, MessageDescriptor> = {
  enabled: { id: getTranslation('organization.audit.value.access.enabled'), defaultMessage: 'Enabled' },
  disabled: { id: getTranslation('organization.audit.value.access.disabled'), defaultMessage: 'Disabled' },
};
const PROFILE: Record<string, MessageDescriptor> = {
  admin: { id: getTranslation('organization.exports.profile.admin'), defaultMessage: 'Admin export (everything)' },
  customer: { id: getTranslation('organization.exports.profile.customer'), defaultMessage: 'Customer export (allow-listed)' },
};

const isStep = (value: unknown): value is ChecklistStepKey => typeof value === 'string' && (CHECKLIST_STEPS as readonly string[]).includes(value);

/** One recorded value in words: dates in the admin's locale, nested objects as "key: value" pairs. */
const show = (value: unknown, format: Format, yes: string, no: string): string => {
  if (value === null || value === undefined || value === '') return format.none;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') return ISO_DATE.test(value) ? format.dateTime(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => show(item, format, yes, no)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${humanize(key)}: ${show(item, format, yes, no)}`)
      .join(', ');
  }
  return String(value);
};

interface AuditChangesProps {
  event: AuditTimelineEvent;
  /** The currency of the entitlement the event is about, if any. */
  currency: string | null;
  reasonLabel: ReasonLabel;
}

/** What an event changed, field by field: "Status: active → cancelled". */
export const AuditChanges = ({ event, currency, reasonLabel }: AuditChangesProps) => {
  const { formatMessage } = useIntl();
  const format = useFormat();
  const labels = useLabels();
  const before = event.before ?? {};
  const after = event.after ?? {};
  // A field recorded on both sides with the same value changed nothing: not listed.
  const same = (key: string) => key in before && key in after && JSON.stringify(before[key]) === JSON.stringify(after[key]);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !HIDDEN_FIELDS.has(key) && !same(key));
  if (keys.length === 0) return null;
  const yes = formatMessage({ id: getTranslation('organization.value.yes'), defaultMessage: 'Yes' });
  const no = formatMessage({ id: getTranslation('organization.value.no'), defaultMessage: 'No' });
  const eventCurrency = [after.currency, before.currency, currency].find((c): c is string => typeof c === 'string');
  // A recorded code in words, by the field and the kind of event it is on (null: not a code we name).
  const area = event.action.split('.')[0];
  const codeLabel = (key: string, value: string): string | null => {
    const named = <T extends string>(names: Record<T, unknown>, label: (code: T) => string) => (Object.hasOwn(names, value) ? label(value as T) : null);
    if ((key === 'status' || key === 'previousStatus' || key === 'lifecycleStatus') && area !== 'invitation') return named(labelMessages.status, labels.status);
    if (key === 'status' || (key === 'state' && area === 'invitation')) return named(labelMessages.invitationState, labels.invitationState);
    if (key === 'state' && area === 'export') return named(labelMessages.exportState, labels.exportState);
    if (key === 'state' && area === 'notice') return named(labelMessages.notificationState, labels.notificationState);
    if (key === 'state' && area === 'checklist') return Object.hasOwn(STEP_STATE, value) ? formatMessage(STEP_STATE[value]) : null;
    if (key === 'purgeState') return named(labelMessages.purgeState, labels.purgeState);
    if (key === 'billingPeriod') return named(labelMessages.billingPeriod, labels.billingPeriod);
    if (key === 'class' || key === 'entitlementClass') return named(labelMessages.entitlementClass, labels.entitlementClass);
    if (key === 'refundMode' || key === 'mode') return named(labelMessages.refundMode, labels.refundMode);
    if (key === 'pauseAccess') return named(labelMessages.pauseAccess, labels.pauseAccess);
    if (key === 'kind' && area === 'scheduled_change') return named(labelMessages.scheduledChangeKind, labels.scheduledChangeKind);
    if (key === 'role') return named(labelMessages.role, labels.role);
    if (key === 'notice') return named(labelMessages.notice, labels.notice);
    if (key === 'cancelTiming' || key === 'timing') return Object.hasOwn(TIMING, value) ? formatMessage(TIMING[value]) : null;
    if (key === 'accessStatus') return Object.hasOwn(ACCESS, value) ? formatMessage(ACCESS[value]) : null;
    if (key === 'profile') return Object.hasOwn(PROFILE, value) ? formatMessage(PROFILE[value]) : null;
    return null;
  };
  const showField = (key: string, value: unknown) => {
    if (MONEY_FIELDS.has(key) && typeof value === 'number' && eventCurrency) return format.money(value, eventCurrency);
    if (REASON_FIELDS.has(key) && typeof value === 'string') return reasonLabel(value);
    if (BYTE_FIELDS.has(key) && typeof value === 'number') return format.bytes(value);
    const code = typeof value === 'string' ? codeLabel(key, value) : null;
    if (code) return code;
    if (STEP_FIELDS.has(key) && isStep(value)) return formatMessage(STEP_MESSAGES[value].title);
    if (STEP_FIELDS.has(key) && Array.isArray(value) && value.every(isStep)) {
      return value.map((step) => formatMessage(STEP_MESSAGES[step].title)).join(', ');
    }
    if (REFERENCE_FIELDS.has(key)) {
      if (value === null) return formatMessage({ id: getTranslation('organization.audit.defaultPolicy'), defaultMessage: 'the default policy' });
      if (typeof value === 'string') {
        return (
          event.names[value] ??
          formatMessage({ id: getTranslation('organization.audit.deletedDocument'), defaultMessage: 'one since deleted' })
        );
      }
    }
    return show(value, format, yes, no);
  };

  return (
    <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
      {keys.map((key) => {
        const hasBefore = key in before;
        const hasAfter = key in after;
        const value =
          hasBefore && hasAfter
            ? `${showField(key, before[key])} → ${showField(key, after[key])}`
            : hasAfter
              ? showField(key, after[key])
              : formatMessage(
                  { id: getTranslation('organization.audit.was'), defaultMessage: 'was {value}' },
                  { value: showField(key, before[key]) },
                );
        return (
          <Typography key={key} tag="li" variant="pi" textColor="neutral700" style={{ overflowWrap: 'anywhere' }}>
            <Typography variant="pi" fontWeight="semiBold" textColor="neutral800">
              {Object.hasOwn(FIELD_MESSAGES, key) ? formatMessage(FIELD_MESSAGES[key]) : humanize(key)}:
            </Typography>{' '}
            {value}
          </Typography>
        );
      })}
    </Box>
  );
};
