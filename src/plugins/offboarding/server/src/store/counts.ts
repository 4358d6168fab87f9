import type { Core } from '@strapi/strapi';
import { BUCKET_COLUMNS, COUNTS_TABLE } from '../migrations/counters';

/** One bucket's count: organizations alike in these facts, or entitlements in one status. */
export interface CountBucket {
  subject: 'organization' | 'entitlement';
  archived: boolean;
  lifecycleStatus: string | null;
  accessStatus: string | null;
  purgeState: string | null;
  legalHold: boolean;
  count: number;
}

/** How many delta rows one compaction folds at most (one DELETE by id list). */
const COMPACT_CHUNK = 5000;

/** Another instance folded some of the same rows first: this compaction rolls back. */
class Raced extends Error {}

const keyOf = (row: Record<string, unknown>) => ['subject', ...BUCKET_COLUMNS].map((column) => String(row[column] ?? '')).join('\u0000');

/**
 * The counters' reads and upkeep (migrations/counters.ts keeps them in step with every write).
 */
export const countsStore = (strapi: Core.Strapi) => ({
  /** Every non-empty bucket, organizations' and entitlements', in one statement (one snapshot). */
  async buckets(): Promise<CountBucket[]> {
    const rows = (await strapi.db.transaction(({ trx }) =>
      trx(COUNTS_TABLE)
        .select('subject', ...BUCKET_COLUMNS)
        .sum({ count: 'delta' })
        .groupBy('subject', ...BUCKET_COLUMNS)
        .havingRaw('SUM(delta) <> 0')
    )) as Record<string, unknown>[];
    return rows.map((row) => ({
      subject: row.subject as CountBucket['subject'],
      archived: Number(row.archived) === 1,
      lifecycleStatus: (row.lifecycle_status as string | null) ?? null,
      accessStatus: (row.access_status as string | null) || null,
      purgeState: (row.purge_state as string | null) || null,
      legalHold: Number(row.legal_hold) === 1,
      count: Number(row.count),
    }));
  },

  /**
   * Folds the deltas into one row per bucket, a chunk at a time: the rows read are deleted by
   * id, and their sums inserted, in one transaction. Writers keep inserting meanwhile (a delta
   * committed after the read is not in the id list, so it stays); two instances compacting at
   * once cannot both fold the same rows, because the second one's DELETE finds fewer rows than
   * it read and rolls back. Answers how many rows it folded.
   */
  async compact(): Promise<number> {
    let folded = 0;
    for (;;) {
      const rows = (await strapi.db.transaction(({ trx }) =>
        trx(COUNTS_TABLE).select('id', 'subject', ...BUCKET_COLUMNS, 'delta').orderBy('id').limit(COMPACT_CHUNK)
      )) as Record<string, unknown>[];
      const sums = new Map<string, Record<string, unknown>>();
      for (const row of rows) {
        const key = keyOf(row);
        const sum = sums.get(key);
        if (sum) sum.delta = Number(sum.delta) + Number(row.delta);
        else sums.set(key, { ...row, id: undefined, delta: Number(row.delta) });
      }
      if (sums.size === rows.length) return folded;
      try {
        await strapi.db.transaction(async ({ trx }) => {
          const deleted = Number(await trx(COUNTS_TABLE).whereIn('id', rows.map((row) => row.id as number)).del());
          if (deleted !== rows.length) throw new Raced();
          const kept = [...sums.values()].filter((sum) => Number(sum.delta) !== 0).map(({ id: _id, ...sum }) => sum);
          if (kept.length) await trx(COUNTS_TABLE).insert(kept);
        });
      } catch (error) {
        if (error instanceof Raced) return folded;
        throw error;
      }
      folded += rows.length;
      if (rows.length < COMPACT_CHUNK) return folded;
    }
  },
});
