import type { IntlShape } from 'react-intl';
import type { Entitlement } from '../../../../shared/contracts/entities';
import type { ResolvedPolicyView } from '../../../../shared/contracts/api';
import { labelMessages } from '../../hooks/useLabels';
import { unnamedMessage } from './messages';
import { formatIntlMoment } from '../../utils/dates';

const SECONDS_PER_DAY = 86_400;

/**
 * Money travels as integer minor units; the currency says how many of them make a unit
 * (EUR 2, JPY 0, KWD 3), so the divisor comes from Intl rather than a fixed 100.
 */
export const formatMinorUnits = (intl: IntlShape, amount: number, currency: string) => {
  const format = new Intl.NumberFormat(intl.locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
};

export const formatDays = (intl: IntlShape, seconds: number) => intl.formatNumber(seconds / SECONDS_PER_DAY, { maximumFractionDigits: 1 });

/** In the admin's locale, with the time zone: "Dec 4, 2026, 2:30 PM UTC". */
export const formatDateTime = (intl: IntlShape, value: string | Date) => formatIntlMoment(intl, value);

export const entitlementLabel = (intl: IntlShape, entitlement: Pick<Entitlement, 'name' | 'class'>) =>
  entitlement.name?.trim()
    ? `${entitlement.class} · ${entitlement.name}`
    : intl.formatMessage(unnamedMessage, { class: entitlement.class });

const policySources: Record<string, { id: string; defaultMessage: string }> = labelMessages.policySource;
const isKnownSource = (source: string): source is ResolvedPolicyView['source'] => Object.hasOwn(policySources, source);

/** "Name (where it came from)"; the preview types its source as a plain string. */
export const policyLabel = (intl: IntlShape, policy: { name: string | null; source: string }) => {
  const source = isKnownSource(policy.source) ? intl.formatMessage(labelMessages.policySource[policy.source]) : policy.source;
  return policy.name ? `${policy.name} (${source})` : source;
};
