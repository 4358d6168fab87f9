import type { Core } from '@strapi/strapi';
import { SWEEPS, type SweepName, type TaskKind } from '../../../shared/contracts/constants';
import type { SweepResult } from '../../../shared/contracts/retention';
import type { OffboardingConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { countersReady } from '../migrations/counters';
import { countsStore } from '../store/counts';
import { taskStore, type TaskRow } from '../store/task';
import { getService } from '../utils';
import { supportsRowLocks } from '../utils/db';

export type TaskOutcome = 'performed' | 'noop';
/** A row's outcome in a group handler's batch: a row that cannot be worked fails alone, with its error. */
export type GroupOutcome = TaskOutcome | { failed: Error };

/** What a sweep did: the API's answer to `POST /offboarding/jobs/:name/run`. */
export type { SweepResult };

const MINUTE = 60_000;

/**
 * Sweeps work the durable queue. On PostgreSQL and MySQL every instance claims batches of the
 * due tasks (`runClaiming`), so N instances share a month-end peak; on SQLite a sweep's lease
 * lets one instance work it at a time (`runLeased`). Either way each task's own transaction
 * locks and re-checks its row, so even a task that two instances reach is performed once and
 * the other sees a no-op.
 */
const createSweepsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig;
  const now = () => getService(strapi, 'clock').now();
  /** Due transitions are worked set-wise, so their batches are larger (config `sweeps`). */
  const batchSizeOf = (name: SweepName) => (name === 'transitions' ? config().sweeps.transitionBatchSize : config().sweeps.batchSize);

  /** One task at a time, each in its own guarded transaction. */
  const handlers: Partial<Record<TaskKind, (targetId: string, task: TaskRow) => Promise<TaskOutcome>>> = {
    complete_cancellation: (id) => getService(strapi, 'entitlement').runScheduled(id, 'complete_cancellation'),
    expire_grace: (id) => getService(strapi, 'entitlement').runScheduled(id, 'expire_grace'),
    dunning_step: (id) => getService(strapi, 'entitlement').runDunningStep(id),
    flag_retention: (id) => getService(strapi, 'retention').flag(id),
    generate_export: (id) => getService(strapi, 'export').generate(id),
    expire_export: (id) => getService(strapi, 'export').expire(id),
    deprovision: (id) => getService(strapi, 'provisioning').run(id, 'deprovision'),
    reprovision: (id) => getService(strapi, 'provisioning').run(id, 'reprovision'),
    // Customer notices (docs/spec.md §11): a reminder queues its notice, send_notice mails it.
    send_notice: (id, task) => getService(strapi, 'notices').send(id, task),
    remind_cancellation: (id) => getService(strapi, 'notices').remind('remind_cancellation', id),
    remind_grace: (id) => getService(strapi, 'notices').remind('remind_grace', id),
    warn_purge: (id) => getService(strapi, 'notices').remind('warn_purge', id),
    // A status change asked for on a date (docs/spec.md §13), made by its own service path.
    apply_change: (id) => getService(strapi, 'scheduled-change').apply(id),
  };
  /**
   * A whole batch at once, where per-row work would dominate: purge deletes in bulk, and due
   * transitions are worked set-wise (a month-end peak). When a kind also has a one-at-a-time
   * handler and its batch fails, the batch is worked again task by task, so that one bad row
   * fails alone and names itself.
   */
  const scheduledMany = (kind: 'complete_cancellation' | 'expire_grace') => (ids: string[]) =>
    getService(strapi, 'entitlement').runScheduledMany(ids.map((documentId) => ({ documentId, kind })));
  const groupHandlers: Partial<Record<TaskKind, (targetIds: string[]) => Promise<Record<string, GroupOutcome>>>> = {
    purge: (ids) => getService(strapi, 'purge').purgeMany(ids),
    complete_cancellation: scheduledMany('complete_cancellation'),
    expire_grace: scheduledMany('expire_grace'),
    // Webhook deliveries: endpoints in parallel, so one hanging receiver delays only its own
    // (no transaction around the batch: each attempt claims and records its own delivery).
    deliver_webhook: (ids) => getService(strapi, 'webhook-delivery').deliverMany(ids),
  };

  const runBatch = async (due: TaskRow[], result: SweepResult) => {
    const count = (outcome: TaskOutcome | 'failed') => {
      result[outcome] += 1;
      result.processed += 1;
    };
    /** One task at a time, each in its own guarded transaction. */
    const oneByOne = async (tasks: TaskRow[]) => {
      for (const task of tasks) {
        const handler = handlers[task.kind];
        if (!handler) continue;
        try {
          const outcome = await handler(task.targetId, task);
          await finish([task], outcome);
          count(outcome);
        } catch (error) {
          await fail(task, error);
          count('failed');
        }
      }
    };
    for (const [kind, group] of Object.entries(groupHandlers) as [TaskKind, (ids: string[]) => Promise<Record<string, GroupOutcome>>][]) {
      const tasks = due.filter((t) => t.kind === kind);
      if (!tasks.length) continue;
      try {
        const work = async () => {
          const outcomeOf = taskOutcomes(tasks, await group([...new Set(tasks.map((t) => t.targetId))]));
          for (const outcome of ['performed', 'noop'] as const) await finish(tasks.filter((t) => outcomeOf(t) === outcome), outcome);
          // A row that failed alone keeps its task pending with its error and retry, as one at a time.
          for (const task of tasks) {
            const outcome = outcomeOf(task);
            if (typeof outcome === 'object') await fail(task, outcome.failed);
          }
          return outcomeOf;
        };
        // A kind that falls back to one at a time (the set-wise transitions) works its batch and
        // marks its tasks done in one transaction: a failed batch leaves nothing behind for the
        // fallback to find, and a task is never left pending after its work committed. Purge,
        // with no fallback, commits per chunk.
        const outcomeOf = handlers[kind] ? await strapi.db.transaction(work) : await work();
        tasks.forEach((task) => {
          const outcome = outcomeOf(task);
          count(typeof outcome === 'object' ? 'failed' : outcome);
        });
      } catch (error) {
        if (handlers[kind]) {
          strapi.log.warn(`[offboarding] a batch of ${tasks.length} ${kind} tasks failed (${error instanceof Error ? error.message : String(error)}); working them one by one`);
          await oneByOne(tasks);
          continue;
        }
        for (const task of tasks) {
          await fail(task, error);
          count('failed');
        }
      }
    }
    await oneByOne(due.filter((task) => !groupHandlers[task.kind]));
  };

  /**
   * Each task's outcome from its row's. A row is worked once, so of two tasks for it in one
   * batch only the first performs and the other is a no-op, as it would be one at a time; a
   * row that failed fails each of its tasks, as one at a time.
   */
  const taskOutcomes = (tasks: TaskRow[], outcomes: Record<string, GroupOutcome>) => {
    const byTask = new Map<number, GroupOutcome>();
    const performed = new Set<string>();
    for (const task of tasks) {
      const outcome = outcomes[task.targetId] ?? 'noop';
      byTask.set(task.id, outcome === 'performed' && performed.has(task.targetId) ? 'noop' : outcome);
      if (outcome === 'performed') performed.add(task.targetId);
    }
    return (task: TaskRow): GroupOutcome => byTask.get(task.id) ?? 'noop';
  };

  /** Marks tasks done, one statement for all that share an outcome. */
  const finish = async (tasks: TaskRow[], outcome: TaskOutcome) => {
    if (!tasks.length) return;
    // The work's own transaction may have superseded a task; what counts is that it is done.
    await taskStore(strapi).finish(tasks.map((t) => t.id), outcome, now());
  };

  /** A failure is kept visible; the task retries with backoff and gives up after maxAttempts. */
  const fail = async (task: TaskRow, error: unknown) => {
    const attempts = (task.attempts ?? 0) + 1;
    const giveUp = attempts >= config().sweeps.maxAttempts;
    const message = error instanceof Error ? error.message : String(error);
    strapi.log.error(`[offboarding] ${task.kind} of ${task.targetType} ${task.targetId} failed (attempt ${attempts}): ${message}`);
    const at = now();
    const retryAt = giveUp ? null : new Date(at.getTime() + Math.min(2 ** attempts, 60) * MINUTE);
    await taskStore(strapi).recordFailure(task.id, attempts, message.slice(0, 2000), retryAt, at);
  };

  /**
   * PostgreSQL and MySQL: instances share the due work. Each claims a batch (SKIP LOCKED, so
   * two claiming at once take different rows), works it and claims the next; a dead
   * instance's claims expire after `leaseTtlMs` and the tasks are due again for the others.
   */
  const runClaiming = async (name: SweepName, result: SweepResult) => {
    const { sweeps } = config();
    const holder = getService(strapi, 'lease').holder;
    const store = taskStore(strapi);
    result.ran = true;
    while (result.processed < sweeps.maxTasksPerRun) {
      const at = now();
      const limit = Math.min(batchSizeOf(name), sweeps.maxTasksPerRun - result.processed);
      const batch = await store.claim(SWEEPS[name], at, limit, holder, new Date(at.getTime() + sweeps.leaseTtlMs));
      if (!batch.length) break;
      try {
        await runBatch(batch, result);
      } finally {
        // Whatever the batch left pending (a kind without a handler, an error between tasks)
        // is due again at once for any instance rather than when the claim expires.
        await store.release(batch.map((task) => task.id), holder);
      }
    }
    return { ...result, finishedAt: new Date().toISOString() };
  };

  /** SQLite (one writer at a time): one instance works a sweep, under its lease. */
  const runLeased = async (name: SweepName, result: SweepResult) => {
    const { sweeps } = config();
    const leaseName = `sweep:${name}`;
    const lease = getService(strapi, 'lease');
    if (!(await lease.acquire(leaseName, sweeps.leaseTtlMs))) {
      const holder = await lease.current(leaseName);
      return { ...result, skipped: `another instance (${holder?.holder ?? 'unknown'}) holds the ${name} lease` };
    }
    result.ran = true;
    let renewedAt = Date.now();
    try {
      while (result.processed < sweeps.maxTasksPerRun) {
        const due = await getService(strapi, 'scheduler').due(SWEEPS[name], now(), batchSizeOf(name));
        if (!due.length) break;
        await runBatch(due, result);
        // Renewed between batches once a third of its time is gone (each renewal is a write and
        // a commit); a lease lost (expired and taken) means another instance goes on.
        if (Date.now() - renewedAt < sweeps.leaseTtlMs / 3) continue;
        if (!(await lease.acquire(leaseName, sweeps.leaseTtlMs))) break;
        renewedAt = Date.now();
      }
    } finally {
      await lease.release(leaseName);
    }
    return { ...result, finishedAt: new Date().toISOString() };
  };

  return {
    async run(name: SweepName): Promise<SweepResult> {
      const startedAt = new Date().toISOString();
      const result: SweepResult = { sweep: name, ran: false, skipped: null, processed: 0, performed: 0, noop: 0, failed: 0, startedAt, finishedAt: startedAt };
      const done = await (supportsRowLocks(strapi) ? runClaiming(name, result) : runLeased(name, result));
      // The transitions sweep, the one that runs every minute and moves most rows at a peak,
      // also folds the counters' deltas (store/counts.ts), so the totals stay a short read.
      if (name === 'transitions' && done.ran && countersReady(strapi)) {
        // The sweep's own work is committed: a failed fold is only logged, the next run folds.
        await countsStore(strapi)
          .compact()
          .catch((error: unknown) => strapi.log.warn(`[offboarding] the counters' compaction failed: ${error instanceof Error ? error.message : String(error)}`));
      }
      return done;
    },
  };
};

export type SweepsService = ReturnType<typeof createSweepsService>;
export default createSweepsService;
