import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CHECKLIST_STEPS, type ChecklistStepKey } from '../../../../shared/contracts/checklist';
import type { AuditTimelineEvent } from '../../../../shared/contracts/entities';
import { STEP_MESSAGES } from '../checklist/messages';
import { getTranslation } from '../../utils/translations';
import { useFormat, type Format } from '../../hooks/useFormat';
import { humanize } from '../../hooks/useLabels';
import type { ReasonLabel } from './useReasonLabels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields holding integer minor units, shown as money when the event or its entitlement names the currency. */
const MONEY_FIELDS = new Set(['price', 'refundAmount', 'creditBalance']);
const REASON_FIELDS = new Set(['cancellationReason', 'suspensionReasonCode']);
const BYTE_FIELDS = new Set(['size']);
/** Ids that repeat what the event shows in words (the collaborator's e-mail beside their user id). */
const HIDDEN_FIELDS = new Set(['user', 'invitation']);
/** Fields holding a checklist step's key (or a list of them), shown by the step's name. */
const STEP_FIELDS = new Set(['step', 'current', 'reopened']);
/** Fields holding another document's id, shown by its name (AuditTimelineEvent.names). */
const REFERENCE_FIELDS = new Set(['cancellationPolicy']);

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
  const before = event.before ?? {};
  const after = event.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !HIDDEN_FIELDS.has(key));
  if (keys.length === 0) return null;
  const yes = formatMessage({ id: getTranslation('organization.value.yes'), defaultMessage: 'Yes' });
  const no = formatMessage({ id: getTranslation('organization.value.no'), defaultMessage: 'No' });
  const eventCurrency = [after.currency, before.currency, currency].find((c): c is string => typeof c === 'string');
  const showField = (key: string, value: unknown) => {
    if (MONEY_FIELDS.has(key) && typeof value === 'number' && eventCurrency) return format.money(value, eventCurrency);
    if (REASON_FIELDS.has(key) && typeof value === 'string') return reasonLabel(value);
    if (BYTE_FIELDS.has(key) && typeof value === 'number') return format.bytes(value);
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
              {humanize(key)}:
            </Typography>{' '}
            {value}
          </Typography>
        );
      })}
    </Box>
  );
};
