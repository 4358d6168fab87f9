import type { IntlShape } from 'react-intl';
import type { EntitlementView } from '../../../../shared/contracts/api';
import type { CancelTiming, RefundMode } from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';
import { formatDateTime } from './format';
import { labelMessages } from '../../hooks/useLabels';

/** Why an option is not available (null: available). Mirrors what the server refuses. */
export type Availability<K extends string> = Record<K, string | null>;

const messages = {
  noPeriodEnd: {
    id: getTranslation('entitlement.cancel.timing.noPeriodEnd'),
    defaultMessage: 'This entitlement has no current period end.',
  },
  periodEnded: {
    id: getTranslation('entitlement.cancel.timing.periodEnded'),
    defaultMessage: 'The current period already ended on {date}.',
  },
  notRefundEligible: {
    id: getTranslation('entitlement.cancel.refund.notEligible'),
    defaultMessage: 'Not allowed: the cancellation policy “{policy}” is not refund-eligible.',
  },
  prospectNow: {
    id: getTranslation('entitlement.cancel.timing.prospect'),
    defaultMessage: 'A prospect is cancelled at once.',
  },
  prospectUnbilled: {
    id: getTranslation('entitlement.cancel.refund.prospect'),
    defaultMessage: 'A prospect was never billed: nothing to refund.',
  },
  noBillingPeriod: {
    id: getTranslation('entitlement.cancel.refund.noBillingPeriod'),
    defaultMessage: 'A prorated refund needs a billing period with a start and an end.',
  },
};

export const timingAvailability = (intl: IntlShape, entitlement: EntitlementView, now: Date): Availability<CancelTiming> => {
  if (entitlement.status === 'prospect') {
    const prospect = intl.formatMessage(messages.prospectNow);
    return { immediate: null, period_end: prospect, date: prospect };
  }
  const end = entitlement.currentPeriodEnd ? new Date(entitlement.currentPeriodEnd) : null;
  let periodEnd: string | null = null;
  if (!end) periodEnd = intl.formatMessage(messages.noPeriodEnd);
  else if (end.getTime() <= now.getTime()) periodEnd = intl.formatMessage(messages.periodEnded, { date: formatDateTime(intl, end) });
  return { immediate: null, period_end: periodEnd, date: null };
};

export const refundAvailability = (intl: IntlShape, entitlement: EntitlementView): Availability<RefundMode> => {
  if (entitlement.status === 'prospect') {
    const unbilled = intl.formatMessage(messages.prospectUnbilled);
    return { none: null, prorated: unbilled, full: unbilled };
  }
  const notEligible = entitlement.policy.settings.refundEligible
    ? null
    : intl.formatMessage(messages.notRefundEligible, {
        policy: entitlement.policy.name ?? intl.formatMessage(labelMessages.policySource[entitlement.policy.source]),
      });
  const noPeriod =
    entitlement.billingPeriod === 'none' || !entitlement.currentPeriodStart || !entitlement.currentPeriodEnd
      ? intl.formatMessage(messages.noBillingPeriod)
      : null;
  return { none: null, prorated: notEligible ?? noPeriod, full: notEligible };
};
