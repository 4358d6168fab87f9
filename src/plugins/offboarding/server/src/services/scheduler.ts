import type { Core } from '@strapi/strapi';
import type { TaskKind } from '../../../shared/contracts/constants';
import { UID } from '../constants';
import { toDate, type DateInput } from '../domain/dates';
import { desiredEntitlementTasks, desiredOrganizationTasks, type DesiredTask, type OrganizationRetentionState } from '../domain/schedule';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import { findPageBounded, type PageRequest } from '../utils/paging';
import { entitlementState } from './entitlement-state';

export type TaskRow = Row & { kind: TaskKind; targetType: string; targetId: string; dueAt: DateInput; state: string; attempts: number };

/** Kinds whose pending tasks are re-derived from their row's state after every change. */
const DERIVED_KINDS: readonly TaskKind[] = ['complete_cancellation', 'expire_grace', 'flag_retention', 'purge', 'generate_export', 'expire_export'];

const sameTime = (a: DateInput, b: Date) => toDate(a)?.getTime() === b.getTime();

/**
 * The durable queue. After every change, the pending tasks of the changed row are made to
 * match what its state calls for (derived, never hand-kept), in the same transaction.
 */
const createSchedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const tasks = () => strapi.db.query(UID.task);

  /**
   * Makes the target's pending tasks of the kinds derived from its state match `desired`.
   * Other kinds (the provisioning outbox's) are events, not state: they are left alone.
   */
  const sync = async (targetType: string, targetId: string, desired: DesiredTask[]) => {
    const pending = (await tasks().findMany({
      where: { targetId, targetType, state: 'pending', kind: { $in: [...DERIVED_KINDS] } },
    })) as TaskRow[];
    const keep = new Set<number>();
    for (const want of desired) {
      const match = pending.find((t) => t.kind === want.kind && sameTime(t.dueAt, want.dueAt) && !keep.has(t.id));
      if (match) keep.add(match.id);
      else await tasks().create({ data: { kind: want.kind, targetType, targetId, dueAt: want.dueAt, state: 'pending', attempts: 0 } });
    }
    const stale = pending.filter((t) => !keep.has(t.id)).map((t) => t.id);
    if (stale.length) {
      const now = getService(strapi, 'clock').now();
      await tasks().updateMany({ where: { id: { $in: stale } }, data: { state: 'cancelled', outcome: 'superseded', finishedAt: now } });
    }
  };

  return {
    async syncEntitlement(row: Row) {
      await sync('entitlement', row.documentId, desiredEntitlementTasks(entitlementState(row)));
    },

    /**
     * `known`: the organization as the caller has just written it and whether every
     * entitlement is cancelled, so nothing is read again; otherwise both are read here.
     */
    async syncOrganization(organizationId: number, known?: { org: Row; allCancelled: boolean }) {
      const org = known?.org ?? ((await strapi.db.query(UID.organization).findOne({ where: { id: organizationId } })) as Row | null);
      if (!org) return;
      const allCancelled =
        known?.allCancelled ??
        (await strapi.db.query(UID.entitlement).count({
          where: { organization: { id: organizationId }, lifecycleStatus: { $ne: 'cancelled' } },
        })) === 0;
      await sync('organization', org.documentId, desiredOrganizationTasks(retentionStateOf(org, allCancelled)));
    },

    /** An export is generated as soon as a sweep runs, and expires when its time comes. */
    async syncExport(row: Row, now: Date) {
      const desired: DesiredTask[] = [];
      if (row.state === 'queued') desired.push({ kind: 'generate_export', dueAt: toDate(row.createdAt as DateInput) ?? now });
      const expiresAt = toDate(row.expiresAt as DateInput);
      if (row.state === 'ready' && expiresAt) desired.push({ kind: 'expire_export', dueAt: expiresAt });
      await sync('data-export', row.documentId, desired);
    },

    /** Cancels every pending task of these targets (they are being deleted). */
    async cancelForMany(targetIds: string[]) {
      const now = getService(strapi, 'clock').now();
      await tasks().updateMany({
        where: { targetId: { $in: targetIds }, state: 'pending' },
        data: { state: 'cancelled', outcome: 'target removed', finishedAt: now },
      });
    },

    /** Queues one outbox task (an event to act on), due at `dueAt`: one statement. */
    async enqueue(kind: TaskKind, targetType: string, targetId: string, dueAt: Date) {
      await tasks().createMany({ data: [{ kind, targetType, targetId, dueAt, state: 'pending', attempts: 0 }] });
    },


    /** Oldest due first, through the (state, kind, due_at) index. */
    async due(kinds: readonly TaskKind[], now: Date, limit: number) {
      return (await tasks().findMany({
        where: { state: 'pending', kind: { $in: [...kinds] }, dueAt: { $lte: now } },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        limit,
      })) as TaskRow[];
    },

    /** Soonest due first; paginated, never capped (docs/spec.md §9). */
    async list(filter: { state?: string; targetId?: string }, page: PageRequest) {
      const { results, pagination } = await findPageBounded(tasks(), { where: filter, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], ...page });
      return { results: results as TaskRow[], pagination };
    },
  };
};

export const retentionStateOf = (org: Row, allCancelled: boolean): OrganizationRetentionState => ({
  archivedAt: toDate(org.archivedAt as DateInput),
  retentionUntil: toDate(org.retentionUntil as DateInput),
  purgeState: org.purgeState as OrganizationRetentionState['purgeState'],
  purgeAfter: toDate(org.purgeAfter as DateInput),
  legalHold: Boolean(org.legalHold),
  allCancelled,
});

export type SchedulerService = ReturnType<typeof createSchedulerService>;
export default createSchedulerService;
