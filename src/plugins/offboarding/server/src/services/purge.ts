import type { Core } from '@strapi/strapi';
import { UID, type ModelUid } from '../constants';
import { canPurge } from '../domain/schedule';
import { getService } from '../utils';
import { supportsRowLocks } from '../utils/db';
import { linkTableOf, tableOf } from '../utils/links';
import { JOB_ACTOR, type AuditInput } from './audit';
import { retentionStateOf } from './scheduler';

/** Columns cleared on the tombstone: it keeps only name, taxId, createdAt, archivedAt, lastCancelledAt and purgedAt. */
const TOMBSTONE = {
  email: null,
  phone: null,
  address: null,
  notes: null,
  access_reason: null,
  access_changed_at: null,
  archived_by: null,
  retention_until: null,
  retention_extended_until: null,
  retention_extension_reason: null,
  purge_after: null,
  legal_hold: false,
  legal_hold_reason: null,
  legal_hold_by: null,
  legal_hold_at: null,
  access_status: 'disabled',
  purge_state: 'purged',
};

/** Children deleted with an organization, by the relation that links them to it. */
const CHILDREN: { uid: ModelUid; attribute: string; otherLinks: string[] }[] = [
  { uid: UID.collaborator, attribute: 'organization', otherLinks: ['user'] },
  { uid: UID.entitlement, attribute: 'organization', otherLinks: [] },
];

type BatchHook = (uid: ModelUid, count: number) => Promise<void>;
export type PurgeOutcome = 'performed' | 'noop';

interface OrganizationRecord {
  id: number;
  document_id: string;
  name: string;
  archived_at: unknown;
  retention_until: unknown;
  purge_state: string;
  purge_after: unknown;
  legal_hold: unknown;
}

/**
 * Purge to a tombstone. Due organizations flip to their tombstone together in one
 * transaction — none is ever half visible — each still guarded by its own locked row state;
 * the rows they owned are then deleted in batches with plain SQL. A task stays pending until
 * its last batch is gone, so a purge killed half way resumes at the next sweep.
 */
const createPurgeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  let batchHook: BatchHook | undefined;
  const batchSize = () => Number(strapi.config.get('plugin::offboarding.purge.batchSize', 1000));

  /** Deletes the children linked to the organizations, `batchSize` rows per transaction. */
  const deleteChildren = async (organizationIds: number[], onBatch?: BatchHook) => {
    if (!organizationIds.length) return;
    for (const child of CHILDREN) {
      const link = linkTableOf(strapi, child.uid, child.attribute);
      const table = tableOf(strapi, child.uid);
      const others = child.otherLinks.map((attribute) => linkTableOf(strapi, child.uid, attribute));
      for (;;) {
        // Read and delete in one transaction (the caller's, when there is one).
        const deleted = await strapi.db.transaction(async ({ trx }) => {
          const ids = (await trx(link.table).whereIn(link.relatedColumn, organizationIds).limit(batchSize()).pluck(link.ownColumn)) as number[];
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

  /** Per organization id: how many rows of a child hang off it (only those that have some). */
  const countLinked = async (trx: Core.Strapi['db']['connection'], uid: ModelUid, organizationIds: number[]) => {
    const link = linkTableOf(strapi, uid, 'organization');
    const rows = (await trx(link.table)
      .whereIn(link.relatedColumn, organizationIds)
      .groupBy(link.relatedColumn)
      .select({ org: link.relatedColumn })
      .count({ n: '*' })) as { org: number; n: number | string }[];
    return new Map(rows.map((r) => [Number(r.org), Number(r.n)]));
  };

  /** Locks the organizations, keeps the purgeable ones and turns them into tombstones at once. */
  const tombstone = (documentIds: string[]) =>
    strapi.db.transaction(async ({ trx }) => {
      const orgTable = tableOf(strapi, UID.organization);
      const select = trx(orgTable)
        .whereIn('document_id', documentIds)
        .select('id', 'document_id', 'name', 'archived_at', 'retention_until', 'purge_state', 'purge_after', 'legal_hold');
      const rows = (await (supportsRowLocks(strapi) ? select.forUpdate() : select)) as OrganizationRecord[];
      const ids = rows.map((r) => r.id);
      const entitlementLink = linkTableOf(strapi, UID.entitlement, 'organization');
      const entitlementTable = tableOf(strapi, UID.entitlement);
      const openRows = (await trx(entitlementLink.table)
        .join(entitlementTable, `${entitlementTable}.id`, `${entitlementLink.table}.${entitlementLink.ownColumn}`)
        .whereIn(`${entitlementLink.table}.${entitlementLink.relatedColumn}`, ids)
        .whereNot(`${entitlementTable}.status`, 'cancelled')
        .distinct(`${entitlementLink.table}.${entitlementLink.relatedColumn}`)
        .pluck(`${entitlementLink.table}.${entitlementLink.relatedColumn}`)) as number[];
      const open = new Set(openRows.map(Number));
      const at = now();
      const resumed = rows.filter((r) => r.purge_state === 'purged');
      const fresh = rows.filter(
        (r) =>
          r.purge_state !== 'purged' &&
          canPurge(
            retentionStateOf(
              {
                id: r.id,
                documentId: r.document_id,
                archivedAt: r.archived_at,
                retentionUntil: r.retention_until,
                purgeState: r.purge_state,
                purgeAfter: r.purge_after,
                legalHold: r.legal_hold,
              },
              !open.has(r.id)
            ),
            at
          )
      );
      if (fresh.length) {
        const freshIds = fresh.map((r) => r.id);
        const [entitlements, collaborators] = [
          await countLinked(trx, UID.entitlement, freshIds),
          await countLinked(trx, UID.collaborator, freshIds),
        ];
        const auditRows = (await trx(tableOf(strapi, UID.auditEvent))
          .whereIn('organization', fresh.map((r) => r.document_id))
          .groupBy('organization')
          .select('organization')
          .count({ n: '*' })) as { organization: string; n: number | string }[];
        const audits = new Map(auditRows.map((r) => [r.organization, Number(r.n)]));
        await trx(orgTable).whereIn('id', freshIds).update({ ...TOMBSTONE, purged_at: at, updated_at: at });
        const policyLink = linkTableOf(strapi, UID.organization, 'cancellationPolicy');
        await trx(policyLink.table).whereIn(policyLink.ownColumn, freshIds).del();
        const events: AuditInput[] = fresh.map((r) => ({
          action: 'organization.purged',
          actor: JOB_ACTOR,
          targetType: 'organization',
          targetId: r.document_id,
          organization: r.document_id,
          before: { purgeState: 'scheduled' },
          after: {
            purgeState: 'purged',
            purgedAt: at.toISOString(),
            deleted: {
              entitlements: entitlements.get(r.id) ?? 0,
              collaborators: collaborators.get(r.id) ?? 0,
              auditEventsRedacted: audits.get(r.document_id) ?? 0,
            },
          },
        }));
        await getService(strapi, 'audit').recordMany(events);
      }
      return { fresh, resumed };
    });

  /**
   * The purge sweep's batch of due organizations. `performed` for each one tombstoned now;
   * `noop` for one no longer purgeable, or already a tombstone (whose leftovers are finished).
   */
  const purgeMany = async (documentIds: string[]): Promise<Record<string, PurgeOutcome>> => {
    const { fresh, resumed } = await tombstone(documentIds);
    const work = [...fresh, ...resumed];
    await deleteChildren(work.map((r) => r.id), batchHook);
    await getService(strapi, 'export').removeForOrganizations(work.map((r) => r.document_id));
    await getService(strapi, 'audit').redactOrganizations(work.map((r) => r.document_id), now(), 5 * batchSize());
    const performed = new Set(fresh.map((r) => r.document_id));
    return Object.fromEntries(documentIds.map((id) => [id, performed.has(id) ? 'performed' : 'noop']));
  };

  return {
    purgeMany,

    async purge(documentId: string): Promise<PurgeOutcome> {
      return (await purgeMany([documentId]))[documentId];
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
