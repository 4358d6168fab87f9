import type { DomainEventType } from '../../../shared/contracts/events';
import type { NoticeKey } from '../../../shared/contracts/notices';
import { NOTICE_KEYS } from '../../../shared/contracts/notices';
import { DAY_MS } from './dates';

/**
 * Customer notices by mail (docs/spec.md §11): the built-in texts, the variables each notice
 * may use, and rendering. Pure: values in, values out.
 *
 * The variables are the whole of what a template can reach (docs/spec.md §9): the values are
 * computed from the customer allow-list before rendering, so no template, however written,
 * can print a note, an internal reason, a legal hold or who on the staff did what.
 */

export { NOTICE_KEYS };
export type { NoticeKey };

export const MAX_SUBJECT = 200;
export const MAX_BODY = 10_000;

const ENTITLEMENT = ['organization.name', 'entitlement.name', 'entitlement.class'] as const;

/** The variables each notice may use. */
export const NOTICE_VARIABLES: Record<NoticeKey, readonly string[]> = {
  cancellation_scheduled: [...ENTITLEMENT, 'effectiveAt', 'refundAmount', 'currency'],
  cancellation_reminder: [...ENTITLEMENT, 'effectiveAt', 'daysLeft'],
  cancelled: [...ENTITLEMENT, 'cancelledAt', 'refundAmount', 'currency'],
  suspended: [...ENTITLEMENT, 'suspendedAt', 'graceEndsAt'],
  grace_reminder: [...ENTITLEMENT, 'graceEndsAt', 'daysLeft'],
  resumed: [...ENTITLEMENT],
  reactivated: [...ENTITLEMENT, 'reactivatedAt'],
  export_ready: ['organization.name', 'downloadUrl', 'expiresAt'],
  purge_warning: ['organization.name', 'purgeAfter', 'daysLeft'],
  invitation: ['organization.name', 'role', 'acceptUrl'],
  dunning_notice: [...ENTITLEMENT, 'suspendedAt', 'graceEndsAt', 'daysOverdue'],
};

const SIGNATURE = '\n\n— The {{organization.name}} account team';

/** The built-in subject and body of each notice; an admin's override replaces them. */
export const NOTICE_DEFAULTS: Record<NoticeKey, { subject: string; body: string }> = {
  cancellation_scheduled: {
    subject: 'Your {{entitlement.name}} subscription will end on {{effectiveAt}}',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} is scheduled to end on {{effectiveAt}}. Until then it keeps working as before.\n\nRefund: {{refundAmount}} {{currency}}.' + SIGNATURE,
  },
  cancellation_reminder: {
    subject: 'Reminder: {{entitlement.name}} ends in {{daysLeft}} days',
    body: 'Hello,\n\nThis is a reminder that the {{entitlement.name}} subscription of {{organization.name}} ends on {{effectiveAt}}, in {{daysLeft}} days.' + SIGNATURE,
  },
  cancelled: {
    subject: 'Your {{entitlement.name}} subscription has ended',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} ended on {{cancelledAt}}.\n\nRefund: {{refundAmount}} {{currency}}.' + SIGNATURE,
  },
  suspended: {
    subject: 'Your {{entitlement.name}} subscription is suspended',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} was suspended on {{suspendedAt}}. Grace period ends: {{graceEndsAt}}.' + SIGNATURE,
  },
  grace_reminder: {
    subject: 'Reminder: {{entitlement.name}} grace period ends in {{daysLeft}} days',
    body: 'Hello,\n\nThe grace period of the suspended {{entitlement.name}} subscription of {{organization.name}} ends on {{graceEndsAt}}, in {{daysLeft}} days. After that the subscription is cancelled.' + SIGNATURE,
  },
  resumed: {
    subject: 'Your {{entitlement.name}} subscription is active again',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} is active again.' + SIGNATURE,
  },
  reactivated: {
    subject: 'Your {{entitlement.name}} subscription is reactivated',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} was reactivated on {{reactivatedAt}}.' + SIGNATURE,
  },
  export_ready: {
    subject: 'Your data export for {{organization.name}} is ready',
    body: 'Hello,\n\nThe data export of {{organization.name}} is ready. Download it here until {{expiresAt}}:\n\n{{downloadUrl}}\n\nAnyone holding this link can download the file: do not forward it.' + SIGNATURE,
  },
  purge_warning: {
    subject: 'The data of {{organization.name}} will be deleted on {{purgeAfter}}',
    body: 'Hello,\n\nThe data of {{organization.name}} is scheduled to be deleted for good on {{purgeAfter}}, in {{daysLeft}} days. If you need a copy, request a data export before then.' + SIGNATURE,
  },
  invitation: {
    subject: 'You are invited to {{organization.name}}',
    body: 'Hello,\n\nYou are invited to join {{organization.name}} as {{role}}. Accept the invitation here:\n\n{{acceptUrl}}' + SIGNATURE,
  },
  dunning_notice: {
    subject: 'Payment overdue: {{entitlement.name}} is suspended',
    body: 'Hello,\n\nThe {{entitlement.name}} subscription of {{organization.name}} has been suspended for non-payment since {{suspendedAt}} ({{daysOverdue}} days). Please settle the overdue payment to restore it. Cancellation date if it stays unpaid: {{graceEndsAt}}.' + SIGNATURE,
  },
};

/** The notice a domain event sends, if any (reminders and invitations come from elsewhere). */
export const NOTICE_OF_EVENT: Partial<Record<DomainEventType, NoticeKey>> = {
  'entitlement.cancellation_scheduled': 'cancellation_scheduled',
  'entitlement.cancelled': 'cancelled',
  'entitlement.suspended': 'suspended',
  'entitlement.resumed': 'resumed',
  'entitlement.reactivated': 'reactivated',
  'export.ready': 'export_ready',
  // Only a `notify` stage after day 0 (services/notices.ts); day 0 is the `suspended` notice.
  'entitlement.dunning_stage_reached': 'dunning_notice',
};

/**
 * Whether a dunning stage reached sends the `dunning_notice`: its action is `notify` and it comes
 * after the suspension's day (a stage at 0 days is the `suspended` notice, sent already).
 */
export const dunningStageNotifies = (stage: unknown): boolean => {
  if (typeof stage !== 'object' || stage === null) return false;
  const { action, afterDays } = stage as { action?: unknown; afterDays?: unknown };
  return action === 'notify' && typeof afterDays === 'number' && afterDays > 0;
};

export const isNoticeKey = (value: string): value is NoticeKey => (NOTICE_KEYS as readonly string[]).includes(value);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable names a text uses, in order, each once. */
export const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

/** The variables of `text` that `key` does not offer (empty: the text is valid). */
export const unknownVariables = (key: NoticeKey, text: string): string[] => {
  const allowed = NOTICE_VARIABLES[key];
  return placeholdersOf(text).filter((name) => !allowed.includes(name));
};

/**
 * Variables that carry a bearer link (a signed download link, an invitation's token). They belong
 * in the body only: a subject is listed to every admin who may read the organization's
 * notifications and kept in the `notice.sent` audit row, a body is kept with the mail alone.
 */
export const LINK_VARIABLES: readonly string[] = ['downloadUrl', 'acceptUrl'];

/** The link variables a subject uses (empty: the subject carries no link). */
export const linkVariablesIn = (text: string): string[] => placeholdersOf(text).filter((name) => LINK_VARIABLES.includes(name));

/** The values with every link blanked: what a subject is rendered with, whatever its text. */
export const withoutLinks = (values: NoticeValues): NoticeValues =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, LINK_VARIABLES.includes(name) ? null : value]));

export type NoticeValues = Partial<Record<string, string | number | null>>;

/** Replaces every `{{variable}}`; a variable without a value renders as an empty string. */
export const render = (text: string, values: NoticeValues): string =>
  text.replace(PLACEHOLDER, (_match, name: string) => {
    // Own values only: `{{constructor}}` must not reach the object's prototype.
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : null;
    return value === null || value === undefined ? '' : String(value);
  });

/** Plain text as HTML: escaped, line breaks kept. Nothing of the text is ever markup. */
export const textToHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>\n');

/** A date as the customer reads it: the UTC calendar day. */
export const formatDate = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);

/** Integer minor units as a decimal amount (two places). */
export const formatAmount = (minor: number | null | undefined): string | null =>
  minor === null || minor === undefined || Number.isNaN(Number(minor)) ? null : (Number(minor) / 100).toFixed(2);

/** Whole days from `from` to `to` (a reminder's "in N days"). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** The customer-facing facts a notice may draw on: all of them allow-listed, nothing else. */
export interface NoticeFacts {
  organization: { name: string | null };
  entitlement?: {
    name: string | null;
    class: string | null;
    currency?: string | null;
    cancelEffectiveAt?: Date | null;
    cancelledAt?: Date | null;
    refundAmount?: number | null;
    suspendedAt?: Date | null;
    graceEndsAt?: Date | null;
    reactivatedAt?: Date | null;
  };
  export?: { downloadUrl: string | null; expiresAt: Date | null };
  purgeAfter?: Date | null;
  /** A reminder's distance to its date. */
  daysLeft?: number | null;
  /** A dunning notice's whole days since the non-payment suspension. */
  daysOverdue?: number | null;
  invitation?: { role: string | null; acceptUrl: string | null };
}

/** The values of every variable `key` offers, from the facts; only those. */
export const noticeValues = (key: NoticeKey, facts: NoticeFacts): NoticeValues => {
  const ent = facts.entitlement;
  const all: NoticeValues = {
    'organization.name': facts.organization.name,
    'entitlement.name': ent?.name ?? null,
    'entitlement.class': ent?.class ?? null,
    effectiveAt: formatDate(ent?.cancelEffectiveAt ?? null),
    cancelledAt: formatDate(ent?.cancelledAt ?? null),
    refundAmount: formatAmount(ent?.refundAmount ?? 0),
    currency: ent?.currency ?? null,
    suspendedAt: formatDate(ent?.suspendedAt ?? null),
    graceEndsAt: formatDate(ent?.graceEndsAt ?? null),
    reactivatedAt: formatDate(ent?.reactivatedAt ?? null),
    downloadUrl: facts.export?.downloadUrl ?? null,
    expiresAt: formatDate(facts.export?.expiresAt ?? null),
    purgeAfter: formatDate(facts.purgeAfter ?? null),
    daysLeft: facts.daysLeft ?? null,
    daysOverdue: facts.daysOverdue ?? null,
    role: facts.invitation?.role ?? null,
    acceptUrl: facts.invitation?.acceptUrl ?? null,
  };
  const values: NoticeValues = {};
  for (const name of NOTICE_VARIABLES[key]) values[name] = all[name] ?? null;
  return values;
};

/** A template as stored: the override's fields, each null while the built-in one applies. */
export interface TemplateOverride {
  subject: string | null;
  body: string | null;
  enabled: boolean | null;
}

/** The template in effect: the override where there is one, else the built-in text; on by default. */
export const effectiveTemplate = (key: NoticeKey, override: TemplateOverride | null) => {
  const defaults = NOTICE_DEFAULTS[key];
  const subject = override?.subject ?? defaults.subject;
  const body = override?.body ?? defaults.body;
  return {
    key,
    subject,
    body,
    enabled: override?.enabled ?? true,
    variables: [...NOTICE_VARIABLES[key]],
    defaults: { ...defaults },
    customized: subject !== defaults.subject || body !== defaults.body,
  };
};

/** Addresses de-duplicated case-insensitively, first spelling kept, blanks dropped. */
export const uniqueRecipients = (addresses: (string | null | undefined)[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of addresses) {
    const trimmed = address?.trim();
    if (!trimmed) continue;
    const folded = trimmed.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(trimmed);
  }
  return out;
};
