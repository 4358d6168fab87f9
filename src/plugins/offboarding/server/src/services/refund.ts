import type { Core } from '@strapi/strapi';
import type { RefundEntryKind, RefundMode } from '../../../shared/contracts/constants';
import type { RefundEntry } from '../../../shared/contracts/entities';
import { UID } from '../constants';
import { entitlementStore } from '../store/entitlement';
import { getService } from '../utils';
import { iso, toApi } from '../utils/db';
import { tableOf } from '../utils/links';
import type { ChangeContext } from '../events/types';
import type { Actor } from './audit';
import { findPageBounded } from '../utils/paging';

/** One billing period of one entitlement: the unit the cap applies to. */
export interface RefundPeriod {
  entitlement: string;
  periodStart: Date | null;
  periodEnd: Date | null;
}

export interface LedgerEntry extends RefundPeriod {
  organization: string;
  amount: number;
  currency: string;
  mode: Exclude<RefundMode, 'none'>;
  kind: RefundEntryKind;
}

type Values = Record<string, unknown>;

/** A null bound is its own period (a one-off order has none): match it as null, not as "any". */
const periodWhere = ({ entitlement, periodStart, periodEnd }: RefundPeriod) => ({
  entitlement,
  periodStart: periodStart ?? { $null: true },
  periodEnd: periodEnd ?? { $null: true },
});

const sum = (rows: Values[]) => rows.reduce((total, row) => total + Number(row.amount ?? 0), 0);

/**
 * The refund ledger. Rows are only ever created (in the transaction of the cancellation that
 * grants the money) and deleted with their organization; nothing here updates one.
 */
const createRefundService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.refund);

  return {
    /** Net refunds of one period (refunds minus reversals); read under the entitlement's lock. */
    async refundedInPeriod(period: RefundPeriod): Promise<number> {
      return sum((await query().findMany({ where: periodWhere(period), select: ['amount'] })) as Values[]);
    },

    /** Appends a row and its audit event `refund.recorded` / `refund.reversed`; a zero amount writes nothing. */
    async record(entry: LedgerEntry, actor: Actor, context: ChangeContext = {}): Promise<RefundEntry | null> {
      if (!entry.amount) return null;
      const row = (await query().create({
        // The plugin clock's time, like every date the plugin writes: a frozen clock dates its refunds.
        data: { ...entry, actorType: actor.type, actorId: actor.id, actorName: actor.name, createdAt: getService(strapi, 'clock').now() },
      })) as Values;
      await getService(strapi, 'events').emit({
        type: entry.kind === 'reversal' ? 'refund.reversed' : 'refund.recorded',
        actor,
        targetType: 'entitlement',
        targetId: entry.entitlement,
        organization: entry.organization,
        after: {
          refund: row.documentId,
          amount: entry.amount,
          currency: entry.currency,
          mode: entry.mode,
          periodStart: iso(entry.periodStart),
          periodEnd: iso(entry.periodEnd),
        },
      }, context);
      return { ...toApi<RefundEntry>(row), entitlementName: null };
    },

    /** Net refunded per entitlement documentId, all periods (only those with rows). */
    async totalsByEntitlement(entitlements: string[]): Promise<Map<string, number>> {
      if (!entitlements.length) return new Map();
      // Through a transaction: it joins the caller's, where a bare connection would wait for it.
      const rows = (await strapi.db.transaction(({ trx }) =>
        trx(tableOf(strapi, UID.refund))
          .whereIn('entitlement', entitlements)
          .groupBy('entitlement')
          .select('entitlement')
          .sum({ total: 'amount' })
      )) as { entitlement: string; total: number | string | null }[];
      return new Map(rows.map((r) => [r.entitlement, Number(r.total ?? 0)]));
    },

    /** Newest first; ties (same millisecond) broken by insertion order. */
    async listForOrganization(organization: string, { page, pageSize }: { page: number; pageSize: number }) {
      const { results, pagination } = await findPageBounded(query(), {
        where: { organization },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page,
        pageSize,
      });
      const ids = [...new Set((results as Values[]).map((row) => String(row.entitlement)))];
      const names = await entitlementStore(strapi).namesOf(ids);
      const data = (results as Values[]).map((row) => ({
        ...toApi<RefundEntry>(row),
        entitlementName: names.get(String(row.entitlement)) ?? null,
      }));
      return { results: data, pagination };
    },

    /**
     * Purge and delete take the organization's ledger with its entitlements (the choice of
     * docs/spec.md §2: nothing it owned stays beside the tombstone). The amounts stay in the audit
     * trail's `refund.recorded` events. Batched, so a long ledger never holds one long lock.
     */
    async removeForOrganizations(organizations: string[], batchSize = 5000): Promise<number> {
      if (!organizations.length) return 0;
      const table = tableOf(strapi, UID.refund);
      let removed = 0;
      for (;;) {
        const count = await strapi.db.transaction(async ({ trx }) => {
          const ids = (await trx(table).whereIn('organization', organizations).limit(batchSize).pluck('id')) as number[];
          if (ids.length) await trx(table).whereIn('id', ids).del();
          return ids.length;
        });
        if (!count) return removed;
        removed += count;
      }
    },
  };
};

export type RefundService = ReturnType<typeof createRefundService>;
export default createRefundService;
