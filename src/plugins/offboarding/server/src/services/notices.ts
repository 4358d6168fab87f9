import type { Core } from '@strapi/strapi';
import type { TaskKind } from '../../../shared/contracts/constants';
import type { NoticeKey, NoticeTemplate, Notification, NotificationState, RenderedNotice } from '../../../shared/contracts/notices';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID, UID } from '../constants';
import { addDays, toDate, type DateInput } from '../domain/dates';
import {
  NOTICE_KEYS,
  noticeOfEvent,
  dunningStageNotifies,
  effectiveTemplate,
  noticeValues,
  render,
  textToHtml,
  uniqueRecipients,
  unknownVariables,
  linkVariablesIn,
  withoutLinks,
  type NoticeFacts,
  type TemplateOverride,
} from '../domain/notices';
import { desiredEntitlementTasks, desiredOrganizationTasks, dueReminder, type ReminderSettings } from '../domain/schedule';
import type { ChangeContext, EmittedEvent } from '../events/types';
import { entitlementStore } from '../store/entitlement';
import { organizationStore } from '../store/organization';
import { taskStore, type TaskRow } from '../store/task';
import { getService } from '../utils';
import { toApi, type Row } from '../utils/db';
import { fieldError, notFound } from '../utils/errors';
import { findPageBounded, type PageRequest } from '../utils/paging';
import { JOB_ACTOR } from './audit';
import { entitlementState } from './entitlement-state';
import type { ExportService } from './export';
import { retentionStateOf } from './scheduler';
import type { TaskOutcome } from './sweeps';

/** One notice to queue: what it is, whom it concerns, and the allow-listed facts it renders. */
export interface QueueEntry {
  organization: string;
  key: NoticeKey;
  dedupeKey: string;
  facts: Omit<NoticeFacts, 'organization'>;
  /**
   * Its own recipients instead of the organization's owners and contact address: an invitation
   * goes to the invited address alone (docs/spec.md §12).
   */
  to?: string[];
}

type NotificationRow = Row & {
  organization: string;
  key: NoticeKey;
  recipients: unknown;
  subject: string | null;
  body: string | null;
  state: NotificationState;
  attempts: number | null;
  claimedBy?: string | null;
};

const REMINDER_NOTICE: Partial<Record<TaskKind, NoticeKey>> = {
  remind_cancellation: 'cancellation_reminder',
  remind_grace: 'grace_reminder',
  warn_purge: 'purge_warning',
};

const parseList = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    // Not JSON: no list to read.
    return [];
  }
};

/** A 400 naming the field and the variables the notice does not offer; nothing is saved. */
const refuseUnknownVariables = (key: NoticeKey, input: { subject?: string; body?: string }) => {
  for (const field of ['subject', 'body'] as const) {
    const text = input[field];
    if (text === undefined) continue;
    const unknown = unknownVariables(key, text);
    if (unknown.length) {
      throw fieldError(field, `${field} uses unknown variable(s): ${unknown.join(', ')}; ${key} may use ${effectiveTemplate(key, null).variables.join(', ')}`, { unknown });
    }
  }
  const links = input.subject === undefined ? [] : linkVariablesIn(input.subject);
  if (links.length) {
    throw fieldError('subject', `subject may not use ${links.map((name) => `{{${name}}}`).join(', ')}: a link goes in the body only (subjects are listed to admins and kept in the audit trail)`, { links });
  }
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Customer notices by mail (docs/spec.md §11). Events and reminders queue notifications (rendered
 * then, with the allow-listed facts of that moment) and a `send_notice` task each; the notices
 * sweep sends them through Strapi's email plugin, once, retrying when the provider fails.
 */
const createNoticesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig;
  const clock = () => getService(strapi, 'clock');
  const templates = () => strapi.db.query(UID.noticeTemplate);
  const notifications = () => strapi.db.query(UID.notification);

  const overrides = async (): Promise<Map<NoticeKey, TemplateOverride & { updatedAt: unknown }>> => {
    const rows = (await templates().findMany({})) as (Row & TemplateOverride & { key: NoticeKey; updatedAt: unknown })[];
    return new Map(rows.map((row) => [row.key, { subject: row.subject ?? null, body: row.body ?? null, enabled: row.enabled ?? null, updatedAt: row.updatedAt }]));
  };

  const templateView = (key: NoticeKey, override: (TemplateOverride & { updatedAt: unknown }) | undefined): NoticeTemplate => ({
    ...effectiveTemplate(key, override ?? null),
    updatedAt: override ? (toDate(override.updatedAt as DateInput)?.toISOString() ?? null) : null,
  });

  /** Each organization's name and recipients: its owners' addresses and its contact address. */
  const audienceOf = async (organizations: string[]) => {
    const audience = new Map<string, { name: string; to: string[] }>();
    if (!organizations.length) return audience;
    const orgs = (await strapi.db.query(UID.organization).findMany({
      where: { documentId: { $in: organizations } },
      select: ['documentId', 'name', 'email'],
    })) as { documentId: string; name: string; email: string | null }[];
    const owners = (await strapi.db.query(UID.collaborator).findMany({
      where: { role: 'owner', organization: { documentId: { $in: organizations } } },
      populate: { user: { select: ['email', 'blocked'] }, organization: { select: ['documentId'] } },
    })) as { user?: { email?: string | null; blocked?: boolean | null } | null; organization?: { documentId: string } | null }[];
    for (const org of orgs) {
      const ownerMails = owners.filter((c) => c.organization?.documentId === org.documentId && c.user && !c.user.blocked).map((c) => c.user?.email);
      audience.set(org.documentId, { name: org.name, to: uniqueRecipients([...ownerMails, org.email]) });
    }
    return audience;
  };

  /**
   * Queues notices: one notification each (skipped when its notice is off or no one would
   * receive it) and a `send_notice` task due now for each to send. A dedupe key already queued
   * is left alone, so a notice is queued once. In the caller's transaction; a few statements
   * for the whole batch.
   */
  const queue = async (entries: QueueEntry[]): Promise<number> => {
    if (!entries.length) return 0;
    const keys = [...new Set(entries.map((e) => e.dedupeKey))];
    const existing = (await notifications().findMany({ where: { dedupeKey: { $in: keys } }, select: ['dedupeKey'] })) as { dedupeKey: string }[];
    const seen = new Set(existing.map((row) => row.dedupeKey));
    const fresh = entries.filter((entry) => {
      if (seen.has(entry.dedupeKey)) return false;
      seen.add(entry.dedupeKey);
      return true;
    });
    if (!fresh.length) return 0;
    const [templateOverrides, audience] = await Promise.all([overrides(), audienceOf([...new Set(fresh.map((e) => e.organization))])]);
    const rows = fresh.map((entry) => {
      const template = effectiveTemplate(entry.key, templateOverrides.get(entry.key) ?? null);
      const org = audience.get(entry.organization);
      const values = noticeValues(entry.key, { ...entry.facts, organization: { name: org?.name ?? null } });
      const to = entry.to ? uniqueRecipients(entry.to) : (org?.to ?? []);
      const skippedReason = !template.enabled ? 'the notice is off' : !to.length ? 'no recipient: the organization has no owner and no contact email' : null;
      return {
        organization: entry.organization,
        key: entry.key,
        dedupeKey: entry.dedupeKey,
        recipients: to,
        // A link never in the subject, even one saved before subjects were refused them.
        subject: render(template.subject, withoutLinks(values)).slice(0, 255),
        body: render(template.body, values),
        state: skippedReason ? 'skipped' : 'pending',
        skippedReason,
        attempts: 0,
      };
    });
    await notifications().createMany({ data: rows });
    const pending = rows.filter((row) => row.state === 'pending').map((row) => row.dedupeKey);
    if (pending.length) {
      const created = (await notifications().findMany({ where: { dedupeKey: { $in: pending } }, select: ['documentId'] })) as { documentId: string }[];
      const at = clock().now();
      await taskStore(strapi).enqueueMany(created.map((row) => ({ kind: 'send_notice' as const, targetType: 'notification', targetId: row.documentId, dueAt: at })));
    }
    return rows.length;
  };

  /** The signed link of a customer export, absolute, as the mail carries it. */
  const customerDownloadUrl = async (exportId: string | null): Promise<{ downloadUrl: string; expiresAt: Date | null } | null> => {
    if (!exportId) return null;
    const row = (await strapi.db.query(UID.dataExport).findOne({ where: { documentId: exportId } })) as Row | null;
    if (!row || row.profile !== 'customer' || row.state !== 'ready') return null;
    const path = getService(strapi, 'export').downloadUrl(row as Parameters<ExportService['downloadUrl']>[0]);
    const base = String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/$/, '');
    return { downloadUrl: `${base}${path}`, expiresAt: toDate(row.expiresAt as DateInput) };
  };

  /** The facts of an entitlement a notice may show (the customer allow-list, nothing else). */
  const entitlementFacts = (row: Row): NonNullable<NoticeFacts['entitlement']> => ({
    name: (row.name as string | null) ?? null,
    class: (row.class as string | null) ?? null,
    currency: (row.currency as string | null) ?? null,
    cancelEffectiveAt: toDate(row.cancelEffectiveAt as DateInput),
    cancelledAt: toDate(row.cancelledAt as DateInput),
    refundAmount: row.refundAmount === null || row.refundAmount === undefined ? null : Number(row.refundAmount),
    suspendedAt: toDate(row.suspendedAt as DateInput),
    graceEndsAt: toDate(row.graceEndsAt as DateInput),
    reactivatedAt: toDate(row.reactivatedAt as DateInput),
    pausedAt: toDate(row.pausedAt as DateInput),
    resumeAt: toDate(row.resumeAt as DateInput),
    currentPeriodEnd: toDate(row.currentPeriodEnd as DateInput),
  });

  const reminderSettings = (): ReminderSettings => ({ ...config().notices, now: clock().now() });

  /** The email plugin's `send`, as `@strapi/email` declares it. */
  const mailer = () => strapi.plugin('email').service('email') as { send: (options: { to: string | string[]; subject: string; text: string; html: string }) => Promise<unknown> };

  const notificationView = (row: Record<string, unknown>): Notification => {
    const fields = toApi<Record<string, unknown>>(row);
    return {
      documentId: String(fields.documentId),
      key: fields.key as NoticeKey,
      recipients: parseList(fields.recipients),
      subject: String(fields.subject ?? ''),
      state: fields.state as NotificationState,
      attempts: Number(fields.attempts ?? 0),
      lastError: (fields.lastError as string | null) ?? null,
      skippedReason: (fields.skippedReason as string | null) ?? null,
      sentAt: toDate(fields.sentAt as DateInput)?.toISOString() ?? null,
      createdAt: toDate(fields.createdAt as DateInput)?.toISOString() ?? String(fields.createdAt),
    };
  };

  const service = {
    queue,

    /** Every notice with its text in effect and its switch. */
    async list(): Promise<NoticeTemplate[]> {
      const saved = await overrides();
      return NOTICE_KEYS.map((key) => templateView(key, saved.get(key)));
    },

    /**
     * Saves an override. A text equal to the built-in one is stored as "none" (so a later change
     * of the built-in text reaches it); `reset` goes back to the built-in subject and body.
     */
    async update(key: NoticeKey, input: { subject?: string; body?: string; enabled?: boolean; reset?: boolean }): Promise<NoticeTemplate> {
      refuseUnknownVariables(key, input);
      if (input.reset && (input.subject !== undefined || input.body !== undefined)) throw fieldError('reset', 'reset goes back to the built-in subject and body: send it without subject or body');
      const defaults = effectiveTemplate(key, null).defaults;
      return strapi.db.transaction(async () => {
        const current = (await templates().findOne({ where: { key } })) as (Row & TemplateOverride) | null;
        const data: Partial<TemplateOverride> = {};
        if (input.reset) Object.assign(data, { subject: null, body: null });
        if (input.subject !== undefined) data.subject = input.subject === defaults.subject ? null : input.subject;
        if (input.body !== undefined) data.body = input.body === defaults.body ? null : input.body;
        if (input.enabled !== undefined) data.enabled = input.enabled;
        if (current) await templates().update({ where: { id: current.id }, data });
        else await templates().create({ data: { key, subject: null, body: null, enabled: null, ...data } });
        return templateView(key, (await overrides()).get(key));
      });
    },

    /**
     * A notice rendered for a real organization, with the text given (an unsaved edit) or the
     * saved one: its newest entitlement stands in for the entitlement's variables, and dates it
     * does not have are shown as they would be (a reminder N days ahead).
     */
    async preview(key: NoticeKey, input: { organization: string; subject?: string; body?: string }): Promise<RenderedNotice> {
      refuseUnknownVariables(key, input);
      const org = await organizationStore(strapi).find({ documentId: input.organization });
      if (!org) throw notFound('organization', input.organization);
      const template = effectiveTemplate(key, (await overrides()).get(key) ?? null);
      const audience = (await audienceOf([org.documentId])).get(org.documentId);
      const entitlement = (await strapi.db.query(UID.entitlement).findOne({
        where: { organization: { id: org.id } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      })) as Row | null;
      const now = clock().now();
      const ent = entitlement ? entitlementFacts(entitlement) : { name: null, class: null };
      const sample = addDays(now, 7);
      const values = noticeValues(key, {
        organization: { name: org.name },
        entitlement: {
          ...ent,
          cancelEffectiveAt: ent.cancelEffectiveAt ?? sample,
          cancelledAt: ent.cancelledAt ?? now,
          suspendedAt: ent.suspendedAt ?? now,
          graceEndsAt: ent.graceEndsAt ?? sample,
          reactivatedAt: ent.reactivatedAt ?? now,
          pausedAt: ent.pausedAt ?? now,
          resumeAt: ent.resumeAt ?? sample,
          currentPeriodEnd: ent.currentPeriodEnd ?? sample,
        },
        export: { downloadUrl: `${String(strapi.config.get('server.absoluteUrl') ?? '')}/api/${PLUGIN_ID}/exports/download?token=…`, expiresAt: addDays(now, config().exports.expiresInDays) },
        purgeAfter: toDate(org.purgeAfter) ?? addDays(now, 30),
        daysLeft: 7,
        daysOverdue: 10,
        invitation: { role: 'member', acceptUrl: `${String(strapi.config.get('server.absoluteUrl') ?? '')}/…` },
      });
      return { subject: render(input.subject ?? template.subject, withoutLinks(values)), body: render(input.body ?? template.body, values), to: audience?.to ?? [] };
    },

    /** The notices of a change's events (the `notices-outbox` consumer), set-wise. */
    async onEvents(items: { event: EmittedEvent; context: ChangeContext }[]) {
      const entries: QueueEntry[] = [];
      for (const { event, context } of items) {
        const key = noticeOfEvent(event.type, context.entitlement?.before.status);
        if (!key || !event.organization || event.sequence === null) continue;
        const dedupeKey = `${key}:${event.organization}:${event.sequence}`;
        if (key === 'export_ready') {
          // A staff export is internal: only a customer export is announced, with its link.
          if ((event.after as Record<string, unknown> | null | undefined)?.profile !== 'customer') continue;
          const link = await customerDownloadUrl(event.targetId);
          if (!link) continue;
          entries.push({ organization: event.organization, key, dedupeKey, facts: { export: link } });
          continue;
        }
        const row = context.entitlement?.after;
        if (!row) continue;
        if (key === 'dunning_notice') {
          const data = (event.data ?? {}) as { stage?: unknown; daysOverdue?: unknown };
          if (!dunningStageNotifies(data.stage)) continue;
          const daysOverdue = typeof data.daysOverdue === 'number' ? data.daysOverdue : null;
          entries.push({ organization: event.organization, key, dedupeKey, facts: { entitlement: entitlementFacts(row), daysOverdue } });
          continue;
        }
        entries.push({ organization: event.organization, key, dedupeKey, facts: { entitlement: entitlementFacts(row) } });
      }
      await queue(entries);
    },

    /**
     * A reminder task's work: queues its notice when the target's state still calls for it now
     * (the task may have been superseded meanwhile, or be more than a day late: then nothing).
     */
    async remind(kind: TaskKind, targetId: string): Promise<TaskOutcome> {
      const key = REMINDER_NOTICE[kind];
      if (!key) return 'noop';
      return strapi.db.transaction(async () => {
        const settings = reminderSettings();
        if (kind === 'warn_purge') {
          const org = await organizationStore(strapi).find({ documentId: targetId });
          if (!org) return 'noop';
          const allCancelled = (await entitlementStore(strapi).countOpen(org.id)) === 0;
          const purgeAfter = toDate(org.purgeAfter);
          const due = dueReminder(desiredOrganizationTasks(retentionStateOf(org, allCancelled), settings), kind, settings.now, purgeAfter);
          if (!due) return 'noop';
          const queued = await queue([{ organization: org.documentId, key, dedupeKey: `${key}:${targetId}:${due.dueAt.toISOString()}`, facts: { purgeAfter, daysLeft: due.daysLeft } }]);
          return queued ? 'performed' : 'noop';
        }
        const row = (await strapi.db.query(UID.entitlement).findOne({ where: { documentId: targetId }, populate: { organization: { select: ['documentId'] } } })) as
          | (Row & { organization?: { documentId: string } | null })
          | null;
        if (!row?.organization) return 'noop';
        const state = entitlementState(row);
        const target = kind === 'remind_cancellation' ? state.cancelEffectiveAt : state.graceEndsAt;
        const due = dueReminder(desiredEntitlementTasks(state, settings), kind, settings.now, target);
        if (!due) return 'noop';
        const queued = await queue([
          { organization: row.organization.documentId, key, dedupeKey: `${key}:${targetId}:${due.dueAt.toISOString()}`, facts: { entitlement: entitlementFacts(row), daysLeft: due.daysLeft } },
        ]);
        return queued ? 'performed' : 'noop';
      });
    },

    /**
     * Sends one notification, once across instances: it is claimed (a conditional update that
     * only one instance can make) before the provider is called, and marked sent only by its
     * claimant. A provider failure is recorded on it and thrown, so the sweep retries the task
     * with its backoff; the last attempt leaves it `failed`.
     */
    async send(documentId: string, task: Pick<TaskRow, 'attempts'>): Promise<TaskOutcome> {
      const row = (await notifications().findOne({ where: { documentId } })) as NotificationRow | null;
      if (!row || row.state !== 'pending') return 'noop';
      const holder = getService(strapi, 'lease').holder;
      const system = clock().system();
      const claimed = await notifications().updateMany({
        where: { id: row.id, state: 'pending', $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: system } }] },
        data: { claimedBy: holder, claimedUntil: new Date(system.getTime() + config().sweeps.leaseTtlMs) },
      });
      if (!Number((claimed as { count?: number }).count ?? 0)) return 'noop';
      const to = parseList(row.recipients);
      const attempts = Number(row.attempts ?? 0) + 1;
      try {
        await mailer().send({ to, subject: row.subject ?? '', text: row.body ?? '', html: textToHtml(row.body ?? '') });
      } catch (error) {
        const giveUp = Number(task.attempts ?? 0) + 1 >= config().sweeps.maxAttempts;
        await notifications().updateMany({
          where: { id: row.id, claimedBy: holder },
          data: { attempts, lastError: messageOf(error).slice(0, 2000), claimedBy: null, claimedUntil: null, ...(giveUp ? { state: 'failed' } : {}) },
        });
        throw error;
      }
      const at = clock().now();
      await strapi.db.transaction(async () => {
        await notifications().updateMany({
          where: { id: row.id, claimedBy: holder, state: 'pending' },
          data: { state: 'sent', sentAt: at, attempts, lastError: null, claimedBy: null, claimedUntil: null },
        });
        // The trail says what was sent, to whom and when; never the body (it may hold a signed link).
        await getService(strapi, 'audit').appendEntry({
          action: 'notice.sent',
          actor: JOB_ACTOR,
          targetType: 'notification',
          targetId: documentId,
          organization: row.organization,
          after: { notice: row.key, subject: row.subject, recipients: to.join(', '), attempts },
        });
      });
      return 'performed';
    },

    /**
     * Purge and delete: the organization's notifications go (recipients and bodies are personal
     * data); a pending one's send_notice task then finds nothing and is a no-op.
     */
    async removeForOrganizations(organizations: string[]) {
      if (!organizations.length) return;
      await notifications().deleteMany({ where: { organization: { $in: organizations } } });
    },

    /** What was sent to an organization, newest first; paginated. */
    async listForOrganization(organization: string, page: PageRequest) {
      const org = await organizationStore(strapi).find({ documentId: organization });
      if (!org) throw notFound('organization', organization);
      const { results, pagination } = await findPageBounded(notifications(), {
        where: { organization },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...page,
      });
      return { results: results.map(notificationView), pagination };
    },
  };
  return service;
};

export type NoticesService = ReturnType<typeof createNoticesService>;
export default createNoticesService;
