import type { Core } from '@strapi/strapi';
import { UID, type ModelUid } from '../constants';
import { toDate } from '../domain/dates';
import { canPurge } from '../domain/schedule';
import { getService } from '../utils';
import { selectForUpdate } from '../utils/db';
import { linkTableOf, tableOf } from '../utils/links';
import { JOB_ACTOR } from './audit';
import type { OrganizationRow } from './organization';
import { retentionStateOf } from './scheduler';

/** Fields cleared on the tombstone: it keeps only name, taxId, createdAt, archivedAt, lastCancelledAt and purgedAt. */
const TOMBSTONE_CLEARED = {
  email: null,
  phone: null,
  address: null,
  notes: null,
  accessReason: null,
  accessChangedAt: null,
  archivedBy: null,
  retentionUntil: null,
  retentionExtendedUntil: null,
  retentionExtensionReason: null,
  purgeAfter: null,
  legalHoldReason: null,
  legalHoldBy: null,
  legalHoldAt: null,
  cancellationPolicy: null,
};

/** Children deleted with an organization, by the relation that links them to it. */
const CHILDREN: { uid: ModelUid; attribute: string; otherLinks: string[] }[] = [
  { uid: UID.collaborator, attribute: 'organization', otherLinks: ['user'] },
  { uid: UID.entitlement, attribute: 'organization', otherLinks: [] },
];

type BatchHook = (uid: ModelUid, count: number) => Promise<void>;

/**
 * Purge to a tombstone. The organization flips to its tombstone in one transaction — it is
 * never half visible — and the rows it owned are then deleted in batches with plain SQL. The
 * task stays pending until the last batch is gone, so a purge killed half way resumes at the
 * next sweep where it stopped.
 */
const createPurgeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  let batchHook: BatchHook | undefined;
  const batchSize = () => Number(strapi.config.get('plugin::offboarding.purge.batchSize', 1000));

  /** Deletes the children linked to the organization, `batchSize` rows per transaction. */
  const deleteChildren = async (organizationId: number, onBatch?: BatchHook) => {
    for (const child of CHILDREN) {
      const link = linkTableOf(strapi, child.uid, child.attribute);
      const table = tableOf(strapi, child.uid);
      const others = child.otherLinks.map((attribute) => linkTableOf(strapi, child.uid, attribute));
      for (;;) {
        // Read and delete in one transaction (the caller's, when there is one).
        const deleted = await strapi.db.transaction(async ({ trx }) => {
          const ids = (await trx(link.table).where(link.relatedColumn, organizationId).limit(batchSize()).pluck(link.ownColumn)) as number[];
          if (!ids.length) return 0;
          const documentIds = (await trx(table).whereIn('id', ids).pluck('document_id')) as string[];
          if (documentIds.length) {
            await trx(tableOf(strapi, UID.task))
              .whereIn('target_id', documentIds)
              .where('state', 'pending')
              .update({ state: 'cancelled', outcome: 'target purged', finished_at: now() });
          }
          for (const other of others) await trx(other.table).whereIn(other.ownColumn, ids).del();
          await trx(link.table).whereIn(link.ownColumn, ids).del();
          await trx(table).whereIn('id', ids).del();
          return ids.length;
        });
        if (!deleted) break;
        if (onBatch) await onBatch(child.uid, deleted);
      }
    }
  };

  return {
    /** The purge sweep's task. */
    async purge(documentId: string): Promise<'performed' | 'noop'> {
      const tombstoned = await strapi.db.transaction(async () => {
        const org = await selectForUpdate<OrganizationRow>(strapi, UID.organization, { documentId });
        if (!org) return null;
        if (org.purgeState === 'purged') return { id: org.id, fresh: false };
        const open = (await strapi.db.query(UID.entitlement).count({
          where: { organization: { id: org.id }, status: { $ne: 'cancelled' } },
        })) as number;
        if (!canPurge(retentionStateOf(org, open === 0), now())) return null;
        const counts = await getService(strapi, 'retention').purgeCounts(org.id, documentId);
        const purgedAt = now();
        await strapi.db.query(UID.organization).update({
          where: { id: org.id },
          data: { ...TOMBSTONE_CLEARED, legalHold: false, accessStatus: 'disabled', purgeState: 'purged', purgedAt },
        });
        await getService(strapi, 'audit').record({
          action: 'organization.purged',
          actor: JOB_ACTOR,
          targetType: 'organization',
          targetId: documentId,
          organization: documentId,
          before: { purgeState: 'scheduled', purgeAfter: toDate(org.purgeAfter as string)?.toISOString() ?? null },
          after: { purgeState: 'purged', purgedAt: purgedAt.toISOString(), deleted: counts },
        });
        return { id: org.id, fresh: true };
      });
      if (!tombstoned) return 'noop';
      await deleteChildren(tombstoned.id, batchHook);
      await getService(strapi, 'audit').redactOrganization(documentId, now(), 5 * batchSize());
      return tombstoned.fresh ? 'performed' : 'noop';
    },

    /** Test seam: called after each deleted batch (a test throws here to kill a purge half way). */
    setBatchHook(hook: BatchHook | undefined) {
      batchHook = hook;
    },

    deleteChildren,
  };
};

export type PurgeService = ReturnType<typeof createPurgeService>;
export default createPurgeService;
