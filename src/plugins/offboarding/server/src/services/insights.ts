import type { Core } from '@strapi/strapi';
import { ENTITLEMENT_STATUSES, type EntitlementStatus } from '../../../shared/contracts/constants';
import type {
  CancellationInsights,
  ChurnInsights,
  RefundInsights,
  StatusInsights,
  UpcomingInsights,
  UpcomingInterval,
} from '../../../shared/contracts/insights';
import type { ScheduledChangeKind } from '../../../shared/contracts/lifecycle';
import { UID, type ModelUid } from '../constants';
import { addDays } from '../domain/dates';
import { LISTED_TASK_KINDS } from '../domain/scheduled-change';
import { tableOf } from '../utils/links';

type Knex = Core.Strapi['db']['connection'];
type Bucket = 'month' | UpcomingInterval;

/**
 * A date column as its bucket's text (`YYYY-MM`, `YYYY-MM-DD`; a week is its Monday), in the
 * stored time (UTC). Each client spells it differently; SQLite keeps Strapi's datetimes as
 * epoch milliseconds (text when written as text).
 */
const bucketOf = (knex: Knex, client: string, column: string, bucket: Bucket) => {
  if (client === 'postgres') {
    if (bucket === 'month') return knex.raw(`to_char(date_trunc('month', ??), 'YYYY-MM')`, [column]);
    if (bucket === 'week') return knex.raw(`to_char(date_trunc('week', ??), 'YYYY-MM-DD')`, [column]);
    return knex.raw(`to_char(??, 'YYYY-MM-DD')`, [column]);
  }
  if (client === 'mysql') {
    if (bucket === 'month') return knex.raw(`DATE_FORMAT(??, '%Y-%m')`, [column]);
    if (bucket === 'week') return knex.raw(`DATE_FORMAT(DATE_SUB(??, INTERVAL WEEKDAY(??) DAY), '%Y-%m-%d')`, [column, column]);
    return knex.raw(`DATE_FORMAT(??, '%Y-%m-%d')`, [column]);
  }
  const moment = `CASE WHEN typeof(??) = 'text' THEN ?? ELSE datetime(?? / 1000, 'unixepoch') END`;
  if (bucket === 'month') return knex.raw(`strftime('%Y-%m', ${moment})`, [column, column, column]);
  if (bucket === 'week') return knex.raw(`date(${moment}, '-6 days', 'weekday 1')`, [column, column, column]);
  return knex.raw(`date(${moment})`, [column, column, column]);
};

/** Aggregates come back as numbers, bigint strings (PostgreSQL, MySQL) or decimals: one reading. */
const num = (value: unknown) => Number(value ?? 0);

/** The Insights page's figures (docs/spec.md §7): one aggregate statement each, grouped in the database. */
const createInsightsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const client = () => strapi.db.config.connection.client as string;
  const column = (uid: ModelUid, attribute: string) => {
    const meta = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined;
    return `${tableOf(strapi, uid)}.${meta?.columnName ?? attribute}`;
  };
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });

  return {
    /** Entitlements cancelled (still cancelled) per month of `cancelledAt`, by reason, with the reason's label. */
    async cancellations(from: Date, to: Date): Promise<CancellationInsights> {
      const k = knex();
      const ent = (name: string) => column(UID.entitlement, name);
      const reasons = tableOf(strapi, UID.reason);
      const rows = (await k(tableOf(strapi, UID.entitlement))
        .leftJoin(reasons, column(UID.reason, 'code'), ent('cancellationReason'))
        .where(ent('lifecycleStatus'), 'cancelled')
        .where(ent('cancelledAt'), '>=', from)
        .where(ent('cancelledAt'), '<', to)
        .select({ month: bucketOf(k, client(), ent('cancelledAt'), 'month'), reason: ent('cancellationReason'), label: column(UID.reason, 'label') })
        .count({ count: '*' })
        .groupByRaw('1, 2, 3')
        .orderByRaw('1, 2')) as { month: string; reason: string | null; label: string | null; count: unknown }[];
      return { ...range(from, to), rows: rows.map((row) => ({ month: row.month, reason: row.reason ?? null, label: row.label ?? null, count: num(row.count) })) };
    },

    /** The refund ledger per month and currency: the net amount (reversals are negative) and the refunds granted. */
    async refunds(from: Date, to: Date): Promise<RefundInsights> {
      const k = knex();
      const col = (name: string) => column(UID.refund, name);
      const rows = (await k(tableOf(strapi, UID.refund))
        .where(col('createdAt'), '>=', from)
        .where(col('createdAt'), '<', to)
        .select({
          month: bucketOf(k, client(), col('createdAt'), 'month'),
          currency: col('currency'),
          amount: k.raw('SUM(??)', [col('amount')]),
          count: k.raw(`SUM(CASE WHEN ?? = 'refund' THEN 1 ELSE 0 END)`, [col('kind')]),
        })
        .groupByRaw('1, 2')
        .orderByRaw('1, 2')) as { month: string; currency: string; amount: unknown; count: unknown }[];
      return { ...range(from, to), rows: rows.map((row) => ({ month: row.month, currency: row.currency, amount: num(row.amount), count: num(row.count) })) };
    },

    /**
     * Recurring revenue lost per month of `cancelledAt` and currency. Summed in yearly terms
     * (a monthly price × 12) so the database adds integers only; the month's figure is that ÷ 12.
     */
    async churn(from: Date, to: Date): Promise<ChurnInsights> {
      const k = knex();
      const ent = (name: string) => column(UID.entitlement, name);
      const rows = (await k(tableOf(strapi, UID.entitlement))
        .where(ent('lifecycleStatus'), 'cancelled')
        .whereIn(ent('billingPeriod'), ['month', 'year'])
        .where(ent('cancelledAt'), '>=', from)
        .where(ent('cancelledAt'), '<', to)
        .select({
          month: bucketOf(k, client(), ent('cancelledAt'), 'month'),
          currency: ent('currency'),
          yearly: k.raw(`SUM(CASE WHEN ?? = 'year' THEN ?? ELSE ?? * 12 END)`, [ent('billingPeriod'), ent('price'), ent('price')]),
        })
        .count({ count: '*' })
        .groupByRaw('1, 2')
        .orderByRaw('1, 2')) as { month: string; currency: string; yearly: unknown; count: unknown }[];
      return {
        ...range(from, to),
        rows: rows.map((row) => ({ month: row.month, currency: row.currency, monthlyAmount: Math.round(num(row.yearly) / 12), count: num(row.count) })),
      };
    },

    /** Every entitlement by status; a status no entitlement has is listed with 0. */
    async statuses(): Promise<StatusInsights> {
      const status = column(UID.entitlement, 'lifecycleStatus');
      const rows = (await knex()(tableOf(strapi, UID.entitlement)).select({ status }).count({ count: '*' }).groupBy(status)) as {
        status: EntitlementStatus;
        count: unknown;
      }[];
      const counts = new Map(rows.map((row) => [row.status, num(row.count)]));
      const all = ENTITLEMENT_STATUSES.map((name) => ({ status: name, count: counts.get(name) ?? 0 }));
      return { rows: all, total: all.reduce((sum, row) => sum + row.count, 0) };
    },

    /**
     * What the scheduled-changes list holds for the next `days` days, per day or week and kind,
     * off the pending task queue: a dated change takes its row's kind, the other tasks the kind
     * the list gives them (a purge, a cancellation, a pause's end, a grace end, a dunning step).
     */
    async upcoming(now: Date, days: number, interval: UpcomingInterval): Promise<UpcomingInsights> {
      const k = knex();
      const task = (name: string) => column(UID.task, name);
      const change = (name: string) => column(UID.scheduledChange, name);
      const to = addDays(now, days);
      const derived = Object.entries(LISTED_TASK_KINDS) as [string, ScheduledChangeKind][];
      const kind = k.raw(
        `CASE ?? ${derived.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ?? END`,
        [task('kind'), ...derived.flatMap(([taskKind, listed]) => [taskKind, listed]), change('kind')]
      );
      const rows = (await k(tableOf(strapi, UID.task))
        .leftJoin(tableOf(strapi, UID.scheduledChange), (join) => {
          join.on(change('documentId'), '=', task('targetId')).andOn(task('kind'), '=', k.raw('?', ['apply_change']));
        })
        .where(task('state'), 'pending')
        .whereIn(task('kind'), ['apply_change', ...derived.map(([taskKind]) => taskKind)])
        .where((q) => q.whereNot(task('kind'), 'apply_change').orWhere(change('state'), 'pending'))
        .where(task('dueAt'), '>=', now)
        .where(task('dueAt'), '<', to)
        .select({ period: bucketOf(k, client(), task('dueAt'), interval), kind })
        .count({ count: '*' })
        .groupByRaw('1, 2')
        .orderByRaw('1, 2')) as { period: string; kind: ScheduledChangeKind; count: unknown }[];
      return { ...range(now, to), interval, rows: rows.map((row) => ({ period: row.period, kind: row.kind, count: num(row.count) })) };
    },
  };
};

export type InsightsService = ReturnType<typeof createInsightsService>;
export default createInsightsService;
