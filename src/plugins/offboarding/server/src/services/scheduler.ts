import type { Core } from '@strapi/strapi';
import type { DunningStage, TaskKind } from '../../../shared/contracts/constants';
import { toDate, type DateInput } from '../domain/dates';
import { desiredEntitlementTasks, desiredOrganizationTasks, type DesiredTask, type OrganizationRetentionState, type ReminderSettings } from '../domain/schedule';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { entitlementStore } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { taskStore, type TaskRow } from '../store/task';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import type { PageRequest } from '../utils/paging';
import { entitlementState } from './entitlement-state';

export type { TaskRow };

/** Kinds whose pending tasks are re-derived from their row's state after every change. */
const DERIVED_KINDS: readonly TaskKind[] = [
  'complete_cancellation',
  'expire_grace',
  'flag_retention',
  'purge',
  'generate_export',
  'expire_export',
  'remind_cancellation',
  'remind_grace',
  'warn_purge',
  'dunning_step',
  'apply_change',
];

const sameTime = (a: DateInput, b: Date) => toDate(a)?.getTime() === b.getTime();

/**
 * The durable queue. After every change, the pending tasks of the changed row are made to
 * match what its state calls for (derived, never hand-kept), in the same transaction.
 */
const createSchedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const tasks = () => taskStore(strapi);
  const now = () => getService(strapi, 'clock').now();
  /** The reminder notices' days (config `notices`), as of now. */
  const reminders = (): ReminderSettings => ({ ...(strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig).notices, now: now() });

  /**
   * Makes each target's pending tasks of the kinds derived from its state match its `desired`
   * ones: one read for all the targets, one insert of what is missing, one update of what is
   * no longer called for. Other kinds (the provisioning outbox's) are events, not state: they
   * are left alone.
   */
  const syncMany = async (targetType: string, targets: { targetId: string; desired: DesiredTask[] }[]) => {
    if (!targets.length) return;
    const pending = await tasks().pendingOfMany(targetType, targets.map((t) => t.targetId), DERIVED_KINDS);
    const keep = new Set<number>();
    const missing: { kind: TaskKind; targetType: string; targetId: string; dueAt: Date }[] = [];
    for (const { targetId, desired } of targets) {
      for (const want of desired) {
        const match = pending.find((t) => t.targetId === targetId && t.kind === want.kind && sameTime(t.dueAt, want.dueAt) && !keep.has(t.id));
        if (match) keep.add(match.id);
        else missing.push({ kind: want.kind, targetType, targetId, dueAt: want.dueAt });
      }
    }
    await tasks().enqueueMany(missing);
    const stale = pending.filter((t) => !keep.has(t.id)).map((t) => t.id);
    if (stale.length) await tasks().supersede(stale, now());
  };

  const sync = (targetType: string, targetId: string, desired: DesiredTask[]) => syncMany(targetType, [{ targetId, desired }]);

  return {
    /** `dunningStages`: the stages of the policy governing the entitlement (null: the single grace period). */
    async syncEntitlement(row: Row, dunningStages: readonly DunningStage[] | null) {
      await sync('entitlement', row.documentId, desiredEntitlementTasks(entitlementState(row), reminders(), dunningStages));
    },

    /** `syncEntitlement` for a batch of changed entitlements, in three statements at most. */
    async syncEntitlements(items: { row: Row; dunningStages: readonly DunningStage[] | null }[]) {
      const settings = reminders();
      await syncMany('entitlement', items.map(({ row, dunningStages }) => ({ targetId: row.documentId, desired: desiredEntitlementTasks(entitlementState(row), settings, dunningStages) })));
    },

    /**
     * `known`: the organization as the caller has just written it and whether every
     * entitlement is cancelled, so nothing is read again; otherwise both are read here.
     */
    async syncOrganization(organizationId: number, known?: { org: OrganizationRow; allCancelled: boolean }) {
      const org = known?.org ?? (await organizationStore(strapi).find({ id: organizationId }));
      if (!org) return;
      const allCancelled = known?.allCancelled ?? (await entitlementStore(strapi).countOpen(organizationId)) === 0;
      await sync('organization', org.documentId, desiredOrganizationTasks(retentionStateOf(org, allCancelled), reminders()));
    },

    /** `syncOrganization` for a batch, each organization as the caller has just written it. */
    async syncOrganizations(known: { org: OrganizationRow; allCancelled: boolean }[]) {
      const settings = reminders();
      await syncMany('organization', known.map(({ org, allCancelled }) => ({ targetId: org.documentId, desired: desiredOrganizationTasks(retentionStateOf(org, allCancelled), settings) })));
    },

    /** An export is generated as soon as a sweep runs, and expires when its time comes. */
    async syncExport(row: Row, now: Date) {
      const desired: DesiredTask[] = [];
      if (row.state === 'queued') desired.push({ kind: 'generate_export', dueAt: toDate(row.createdAt as DateInput) ?? now });
      const expiresAt = toDate(row.expiresAt as DateInput);
      if (row.state === 'ready' && expiresAt) desired.push({ kind: 'expire_export', dueAt: expiresAt });
      await sync('data-export', row.documentId, desired);
    },

    /** A dated status change (`offboarding_scheduled_changes`): made when due while pending. */
    async syncScheduledChange(documentId: string, desired: DesiredTask[]) {
      await sync('scheduled-change', documentId, desired);
    },

    /** Cancels every pending task of these targets (they are being deleted). */
    async cancelForMany(targetIds: string[]) {
      await tasks().cancelPendingOf(targetIds, 'target removed', now());
    },

    /** Queues one outbox task (an event to act on), due at `dueAt`: one statement. */
    async enqueue(kind: TaskKind, targetType: string, targetId: string, dueAt: Date) {
      await tasks().enqueue(kind, targetType, targetId, dueAt);
    },

    /** Oldest due first, through the (state, kind, due_at) index. */
    due: (kinds: readonly TaskKind[], at: Date, limit: number): Promise<TaskRow[]> => tasks().due(kinds, at, limit),

    /** Soonest due first; paginated, never capped (docs/spec.md §9). */
    list: (filter: { state?: string; targetId?: string }, page: PageRequest) => tasks().list(filter, page),

    /** The jobs page: how a sweep's kinds stand in the queue. */
    standing: (kinds: readonly TaskKind[], at: Date) => tasks().standing(kinds, at),
  };
};

export const retentionStateOf = (
  org: Pick<OrganizationRow, 'archivedAt' | 'retentionUntil' | 'purgeState' | 'purgeAfter' | 'legalHold'>,
  allCancelled: boolean
): OrganizationRetentionState => ({
  archivedAt: toDate(org.archivedAt),
  retentionUntil: toDate(org.retentionUntil),
  purgeState: org.purgeState as OrganizationRetentionState['purgeState'],
  purgeAfter: toDate(org.purgeAfter),
  legalHold: Boolean(org.legalHold),
  allCancelled,
});

export type SchedulerService = ReturnType<typeof createSchedulerService>;
export default createSchedulerService;
