import { UID } from '../constants';
import type { PluginMigration } from './types';

const PAGE = 500;

interface CancelledRow {
  id: number;
  documentId: string;
  organization?: { documentId: string } | null;
  refundMode: 'prorated' | 'full';
  refundAmount: number;
  currency: string;
  currentPeriodStart: Date | string | null;
  currentPeriodEnd: Date | string | null;
  cancelRequestedAt: Date | string | null;
  cancelledAt: Date | string | null;
}

/**
 * 0.2.0 keeps refunds in a ledger (plugin::offboarding.refund): the cap of a billing period, the
 * reversal when a pending cancellation is undone, the organization's refund list and each
 * entitlement's refunded total all read it. 0.1.0 kept the refund granted by a cancellation on
 * the entitlement only (`refundMode`, `refundAmount`). After the sync has created the ledger,
 * this writes one `refund` row for each such entitlement that has none, dated when the
 * cancellation was requested, for the period the entitlement was in. Entitlements that already
 * have ledger rows (cancelled by 0.2.0) are left alone, so it can run again.
 */
export const refundLedgerFromEntitlements: PluginMigration = {
  name: 'offboarding::0.2.0-refund-ledger-from-entitlements',
  version: '0.2.0',
  async afterSync({ db }) {
    let after = 0;
    for (;;) {
      const rows = (await db.query(UID.entitlement).findMany({
        where: { id: { $gt: after }, refundAmount: { $gt: 0 }, refundMode: { $in: ['prorated', 'full'] } },
        select: ['id', 'documentId', 'refundMode', 'refundAmount', 'currency', 'currentPeriodStart', 'currentPeriodEnd', 'cancelRequestedAt', 'cancelledAt'],
        populate: { organization: { select: ['documentId'] } },
        orderBy: { id: 'asc' },
        limit: PAGE,
      })) as CancelledRow[];
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      const ledgered = new Set(
        ((await db.query(UID.refund).findMany({
          where: { entitlement: { $in: rows.map((row) => row.documentId) } },
          select: ['entitlement'],
        })) as { entitlement: string }[]).map((row) => row.entitlement)
      );
      for (const row of rows) {
        if (ledgered.has(row.documentId) || !row.organization) continue;
        await db.query(UID.refund).create({
          data: {
            entitlement: row.documentId,
            organization: row.organization.documentId,
            periodStart: row.currentPeriodStart,
            periodEnd: row.currentPeriodEnd,
            amount: row.refundAmount,
            currency: row.currency,
            mode: row.refundMode,
            kind: 'refund',
            actorType: 'job',
            actorName: 'migration 0.2.0 (refund recorded on the entitlement by 0.1.0)',
            createdAt: row.cancelRequestedAt ?? row.cancelledAt ?? new Date(),
          },
        });
      }
    }
  },
};
