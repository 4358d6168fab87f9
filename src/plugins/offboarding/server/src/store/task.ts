import type { Core } from '@strapi/strapi';
import type { TaskKind } from '../../../shared/contracts/constants';
import { UID } from '../constants';
import type { DateInput } from '../domain/dates';
import type { Row } from '../utils/db';
import { findPageBounded, type PageRequest } from '../utils/paging';

/** A row of the durable queue (`offboarding_scheduled_tasks`). */
export type TaskRow = Row & {
  kind: TaskKind;
  targetType: string;
  targetId: string;
  dueAt: DateInput;
  state: string;
  attempts: number;
  outcome?: string | null;
  lastError?: string | null;
  finishedAt?: DateInput;
};

/** How a sweep's kinds stand in the queue (the jobs page). */
export interface QueueStanding {
  /** The soonest pending task's due time (null when none is pending). */
  next: Pick<TaskRow, 'dueAt'> | null;
  due: number;
  pending: number;
  failed: number;
  /** Pending tasks under a live claim, and the instances holding them. */
  claimed: { tasks: number; instances: number };
}

/**
 * The durable queue's queries (docs/architecture.md "Store", "Scheduled work"). Every write is
 * one statement; none reads the row first (the caller decided from rows it holds).
 */
export const taskStore = (strapi: Core.Strapi) => {
  const tasks = () => strapi.db.query(UID.task);

  const claimedOf = async (kind: { $in: TaskKind[] }, now: Date) => {
    const live = { state: 'pending', kind, claimedUntil: { $gt: now } };
    const holders = (await tasks().findMany({ where: live, select: ['claimedBy'], limit: 1000 })) as { claimedBy: string | null }[];
    return { tasks: Number(await tasks().count({ where: live })), instances: new Set(holders.map((h) => h.claimedBy)).size };
  };

  /** Queues tasks in one statement (no read-back). */
  const enqueueMany = async (list: { kind: TaskKind; targetType: string; targetId: string; dueAt: Date }[]) => {
    if (!list.length) return;
    await tasks().createMany({ data: list.map((task) => ({ ...task, state: 'pending', attempts: 0 })) });
  };

  return {
    /** The pending tasks of these kinds of several targets: one statement. */
    async pendingOfMany(targetType: string, targetIds: string[], kinds: readonly TaskKind[]): Promise<TaskRow[]> {
      if (!targetIds.length) return [];
      return (await tasks().findMany({
        where: { targetId: { $in: targetIds }, targetType, state: 'pending', kind: { $in: [...kinds] } },
      })) as TaskRow[];
    },

    /** Queues one task in one statement (no read-back). */
    enqueue: (kind: TaskKind, targetType: string, targetId: string, dueAt: Date) => enqueueMany([{ kind, targetType, targetId, dueAt }]),

    enqueueMany,

    /** Pending tasks no longer called for by their target's state. */
    async supersede(ids: number[], at: Date) {
      await tasks().updateMany({ where: { id: { $in: ids } }, data: { state: 'cancelled', outcome: 'superseded', finishedAt: at } });
    },

    /** Cancels every pending task of these targets (removed or purged: `outcome` says which). */
    async cancelPendingOf(targetIds: string[], outcome: string, at: Date) {
      await tasks().updateMany({
        where: { targetId: { $in: targetIds }, state: 'pending' },
        data: { state: 'cancelled', outcome, finishedAt: at },
      });
    },

    /** Oldest due first, through the (state, kind, due_at) index; another instance's live claims left out. */
    async due(kinds: readonly TaskKind[], now: Date, limit: number): Promise<TaskRow[]> {
      return (await tasks().findMany({
        where: { state: 'pending', kind: { $in: [...kinds] }, dueAt: { $lte: now }, $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: now } }] },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        limit,
      })) as TaskRow[];
    },

    /**
     * Claims up to `limit` due tasks for `holder` until `until`, and answers them: the oldest due
     * that no live claim holds, selected `FOR UPDATE SKIP LOCKED` (PostgreSQL, MySQL 8,
     * MariaDB 10.6) so that instances claiming at the same moment take different rows, and
     * marked in the same transaction. A claim only shares the work out: each task's own
     * transaction still locks and re-checks its target, so a task is performed once.
     */
    async claim(kinds: readonly TaskKind[], now: Date, limit: number, holder: string, until: Date): Promise<TaskRow[]> {
      const ids = await strapi.db.transaction(async ({ trx }) => {
        // Strapi's query builder converts the values (dates) per dialect; knex adds SKIP LOCKED.
        const select = strapi.db
          .queryBuilder(UID.task)
          .select(['id'])
          .where({ state: 'pending', kind: { $in: [...kinds] }, dueAt: { $lte: now }, $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: now } }] })
          .orderBy([{ dueAt: 'asc' }, { id: 'asc' }])
          .limit(limit)
          .transacting(trx)
          .forUpdate();
        const rows = (await select.getKnexQuery().skipLocked()) as { id: number }[];
        const claimed = rows.map((row) => row.id);
        if (claimed.length) await tasks().updateMany({ where: { id: { $in: claimed } }, data: { claimedBy: holder, claimedUntil: until } });
        return claimed;
      });
      if (!ids.length) return [];
      return (await tasks().findMany({ where: { id: { $in: ids } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] })) as TaskRow[];
    },

    /** Gives claims back (a run that stops early): the tasks are due again for any instance. */
    async release(ids: number[], holder: string) {
      if (!ids.length) return;
      await tasks().updateMany({ where: { id: { $in: ids }, claimedBy: holder, state: 'pending' }, data: { claimedBy: null, claimedUntil: null } });
    },

    /** Marks tasks done, one statement; one that its work's own transaction superseded counts as done too. */
    async finish(ids: number[], outcome: string, at: Date) {
      await tasks().updateMany({
        where: { id: { $in: ids }, state: { $ne: 'done' } },
        data: { state: 'done', outcome, finishedAt: at, lastError: null },
      });
    },

    /** A failed attempt: retried at `retryAt`, or given up (`failed`) when `retryAt` is null. */
    async recordFailure(id: number, attempts: number, lastError: string, retryAt: Date | null, at: Date) {
      await tasks().update({
        where: { id },
        data: { attempts, lastError, claimedBy: null, claimedUntil: null, ...(retryAt ? { dueAt: retryAt } : { state: 'failed', finishedAt: at }) },
      });
    },

    /** Soonest due first; paginated, never capped (docs/spec.md §9). */
    async list(filter: { state?: string; targetId?: string }, page: PageRequest) {
      const { results, pagination } = await findPageBounded(tasks(), { where: filter, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], ...page });
      return { results: results as TaskRow[], pagination };
    },

    /** The next due time and the due, pending and failed counts of these kinds. */
    async standing(kinds: readonly TaskKind[], now: Date): Promise<QueueStanding> {
      const kind = { $in: [...kinds] };
      const next = (await tasks().findOne({ where: { state: 'pending', kind }, orderBy: [{ dueAt: 'asc' }], select: ['dueAt'] })) as Pick<TaskRow, 'dueAt'> | null;
      return {
        next,
        due: Number(await tasks().count({ where: { state: 'pending', kind, dueAt: { $lte: now } } })),
        pending: Number(await tasks().count({ where: { state: 'pending', kind } })),
        failed: Number(await tasks().count({ where: { state: 'failed', kind } })),
        claimed: await claimedOf(kind, now),
      };
    },
  };
};
