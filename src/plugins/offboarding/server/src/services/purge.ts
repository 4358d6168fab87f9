import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { DateInput } from '../domain/dates';
import { canPurge } from '../domain/schedule';
import { entitlementStore } from '../store/entitlement';
import { taskStore } from '../store/task';
import { getService } from '../utils';
import { supportsRowLocks } from '../utils/db';
import { linkedAttributes, linkTableOf, tableOf } from '../utils/links';
import { mediaLinkTable, UPLOAD_FILE_UID, type UploadFile, type UploadService } from '../utils/media';
import type { EventInput } from '../events/types';
import { JOB_ACTOR } from './audit';
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

/** A kind of row deleted with an organization, by the relation that links it to it. */
interface Child {
  uid: string;
  attribute: string;
  /** Its other relations whose link rows go with it. */
  otherLinks: string[];
  /** Its media attributes, whose files go with it. */
  media: string[];
  /** Rows that hang off it (not off the organization) and go with it: uid and their relation to it. */
  dependents?: { uid: string; attribute: string }[];
}

/** The plugin's own children; the app's owned data (config `ownedData`, `purge: true`) follows them. */
const CHILDREN: Child[] = [
  // Invitations hold an e-mail address (personal data) and a user link once accepted.
  { uid: UID.invitation, attribute: 'organization', otherLinks: ['acceptedBy'], media: [] },
  { uid: UID.collaborator, attribute: 'organization', otherLinks: ['user'], media: [] },
  // An entitlement's downstream resources go with it.
  { uid: UID.entitlement, attribute: 'organization', otherLinks: [], media: [], dependents: [{ uid: UID.resource, attribute: 'entitlement' }] },
];

type BatchHook = (uid: string, count: number) => Promise<void>;
export type PurgeOutcome = 'performed' | 'noop';

interface OrganizationRecord {
  id: number;
  document_id: string;
  name: string;
  archived_at: Date | string | null;
  retention_until: DateInput;
  purge_state: string;
  purge_after: DateInput;
  legal_hold: boolean | number;
}

/**
 * Purge to a tombstone. The statements here stay set-wise batch SQL on purpose, outside the
 * store: they lock, count, rewrite and delete the rows of many organizations (and of every kind
 * of child, the app's owned data among them) through the link tables, a batch per statement,
 * which no per-aggregate query of the store expresses. The queue and the entitlements' open
 * set are asked of the store. Due organizations flip to their tombstone together in one
 * transaction — none is ever half visible — each still guarded by its own locked row state;
 * the rows they owned are then deleted in batches with plain SQL. A task stays pending until
 * its last batch is gone, so a purge killed half way resumes at the next sweep.
 */
const createPurgeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();
  let batchHook: BatchHook | undefined;
  const batchSize = () => Number(strapi.config.get('plugin::offboarding.purge.batchSize', 1000));

  const ownedPurged = () => getService(strapi, 'owned-data').list().filter((type) => type.purge);

  const children = (): Child[] => [
    ...CHILDREN,
    ...ownedPurged().map((type) => ({
      uid: type.uid,
      attribute: type.relation,
      otherLinks: linkedAttributes(strapi, type.uid).filter((attribute) => attribute !== type.relation),
      media: getService(strapi, 'owned-data').mediaAttributes(type.uid),
    })),
  ];

  /**
   * Removes the files attached to the rows through the upload plugin (provider file and upload
   * row), before the rows go: a purge killed in between finds the rows again, and the provider
   * treats an already missing file as removed. A file also attached to something else stays.
   */
  const removeFiles = async (trx: Core.Strapi['db']['connection'], uid: string, ids: number[]) => {
    const morph = mediaLinkTable(strapi);
    const attached = trx(morph.table).where(morph.typeColumn, uid).whereIn(morph.idColumn, ids);
    const fileIds = (await attached.clone().distinct(morph.fileColumn).pluck(morph.fileColumn)) as number[];
    if (!fileIds.length) return;
    const shared = new Set(
      ((await trx(morph.table)
        .whereIn(morph.fileColumn, fileIds)
        .where((q) => q.whereNot(morph.typeColumn, uid).orWhereNotIn(morph.idColumn, ids))
        .distinct(morph.fileColumn)
        .pluck(morph.fileColumn)) as number[]).map(Number)
    );
    await attached.clone().del();
    const own = fileIds.map(Number).filter((id) => !shared.has(id));
    if (!own.length) return;
    const files = (await strapi.db.query(UPLOAD_FILE_UID).findMany({ where: { id: { $in: own } } })) as UploadFile[];
    const upload = strapi.plugin('upload').service('upload') as UploadService;
    for (const file of files) await upload.remove(file);
  };

  /** Deletes the children linked to the organizations, `batchSize` rows per transaction. */
  const deleteChildren = async (organizationIds: number[], onBatch?: BatchHook) => {
    if (!organizationIds.length) return;
    for (const child of children()) {
      const link = linkTableOf(strapi, child.uid, child.attribute);
      const table = tableOf(strapi, child.uid);
      const others = child.otherLinks.map((attribute) => linkTableOf(strapi, child.uid, attribute));
      for (;;) {
        // Read and delete in one transaction (the caller's, when there is one).
        const deleted = await strapi.db.transaction(async ({ trx }) => {
          const ids = (await trx(link.table).whereIn(link.relatedColumn, organizationIds).limit(batchSize()).pluck(link.ownColumn)) as number[];
          if (!ids.length) return 0;
          const documentIds = (await trx(table).whereIn('id', ids).pluck('document_id')) as string[];
          if (documentIds.length) await taskStore(strapi).cancelPendingOf(documentIds, 'target purged', now());
          if (child.media.length) await removeFiles(trx, child.uid, ids);
          for (const dependent of child.dependents ?? []) {
            const dependentLink = linkTableOf(strapi, dependent.uid, dependent.attribute);
            const dependentIds = (await trx(dependentLink.table).whereIn(dependentLink.relatedColumn, ids).pluck(dependentLink.ownColumn)) as number[];
            await trx(dependentLink.table).whereIn(dependentLink.relatedColumn, ids).del();
            if (dependentIds.length) await trx(tableOf(strapi, dependent.uid)).whereIn('id', dependentIds).del();
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
  const countLinked = async (trx: Core.Strapi['db']['connection'], uid: string, organizationIds: number[], relation = 'organization') => {
    const link = linkTableOf(strapi, uid, relation);
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
      const open = await entitlementStore(strapi).organizationsWithOpen(ids);
      const at = now();
      const resumed = rows.filter((r) => r.purge_state === 'purged');
      const fresh = rows.filter(
        (r) =>
          r.purge_state !== 'purged' &&
          canPurge(
            retentionStateOf(
              {
                archivedAt: r.archived_at,
                retentionUntil: r.retention_until,
                purgeState: r.purge_state,
                purgeAfter: r.purge_after,
                legalHold: Boolean(r.legal_hold),
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
        const owned: [string, Map<number, number>][] = [];
        for (const type of ownedPurged()) {
          owned.push([getService(strapi, 'owned-data').pluralName(type.uid), await countLinked(trx, type.uid, freshIds, type.relation)]);
        }
        const auditRows = (await trx(tableOf(strapi, UID.auditEvent))
          .whereIn('organization', fresh.map((r) => r.document_id))
          .groupBy('organization')
          .select('organization')
          .count({ n: '*' })) as { organization: string; n: number | string }[];
        const audits = new Map(auditRows.map((r) => [r.organization, Number(r.n)]));
        await trx(orgTable).whereIn('id', freshIds).update({ ...TOMBSTONE, purged_at: at, updated_at: at });
        const policyLink = linkTableOf(strapi, UID.organization, 'cancellationPolicy');
        await trx(policyLink.table).whereIn(policyLink.ownColumn, freshIds).del();
        const events: EventInput[] = fresh.map((r) => ({
          type: 'organization.purged',
          organizationName: r.name,
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
              ...Object.fromEntries(owned.map(([name, counts]) => [name, counts.get(r.id) ?? 0])),
              auditEventsRedacted: audits.get(r.document_id) ?? 0,
            },
          },
        }));
        // Locked above, all of them: their events are numbered under those locks.
        await getService(strapi, 'events').emit(events, { organizationsLocked: true });
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
    await getService(strapi, 'checklist').removeForOrganizations(work.map((r) => r.document_id));
    await getService(strapi, 'scheduled-change').removeForOrganizations(work.map((r) => r.document_id));
    await getService(strapi, 'refund').removeForOrganizations(work.map((r) => r.document_id), 5 * batchSize());
    await getService(strapi, 'notices').removeForOrganizations(work.map((r) => r.document_id));
    await getService(strapi, 'audit').redactOrganizations(work.map((r) => r.document_id), now(), 5 * batchSize());
    await getService(strapi, 'events').redactOrganizations(work.map((r) => r.document_id), now());
    const performed = new Set(fresh.map((r) => r.document_id));
    return Object.fromEntries(documentIds.map((id) => [id, performed.has(id) ? 'performed' : 'noop']));
  };

  return {
    purgeMany,


    /** Test seam: called after each deleted batch (a test throws here to kill a purge half way). */
    setBatchHook(hook: BatchHook | undefined) {
      batchHook = hook;
    },

    deleteChildren,
  };
};

export type PurgeService = ReturnType<typeof createPurgeService>;
export default createPurgeService;
