import type { Core } from '@strapi/strapi';
import { ORGANIZATION_STATUSES, type OrganizationSort, type OrganizationSortField } from '../../../shared/contracts/constants';
import type { ListOrganizationsQuery, Stats } from '../../../shared/contracts/api';
import { UID } from '../constants';
import type { DateInput } from '../domain/dates';
import { countersReady } from '../migrations/counters';
import { sqliteSearchCandidates } from '../migrations/indexes';
import { countsStore, type CountBucket } from './counts';
import { selectForUpdate, supportsRowLocks, updateEach, type Row } from '../utils/db';
import { linkTableOf, tableOf } from '../utils/links';
import { findPageBounded, type PageRequest } from '../utils/paging';

/** A stored organization row: its status is the attribute `lifecycleStatus` (utils/stored-status). */
export type OrganizationRow = Row & {
  name: string;
  taxId?: string | null;
  lifecycleStatus: string;
  archivedAt: Date | string | null;
  purgeState: string;
  purgeAfter?: DateInput;
  accessStatus: string;
  legalHold: boolean;
  lastCancelledAt?: DateInput;
  retentionUntil?: DateInput;
  retentionExtendedUntil: Date | string | null;
  cancellationPolicy?: (Row & Record<string, unknown>) | null;
};

/** What the archive guard and the checklist need of an organization: is it closed? */
export type OrganizationRef = Pick<OrganizationRow, 'id' | 'documentId' | 'name' | 'archivedAt' | 'purgeState'>;

/** The organization counts of the dashboard (`GET /offboarding/stats`, entitlements aside). */
export type OrganizationCounts = Stats['organizations'] & Pick<Stats, 'purgeQueue' | 'legalHolds'>;

const REF_FIELDS = ['id', 'documentId', 'name', 'archivedAt', 'purgeState'];

/** The ids of the organizations owning these entitlements, as a subquery (link table joined). */
const ownersOf = (strapi: Core.Strapi, entitlementDocumentIds: string[]) => {
  const link = linkTableOf(strapi, UID.entitlement, 'organization');
  const entitlements = tableOf(strapi, UID.entitlement);
  return strapi.db
    .connection(link.table)
    .join(entitlements, `${entitlements}.id`, `${link.table}.${link.ownColumn}`)
    .whereIn(`${entitlements}.document_id`, entitlementDocumentIds)
    .select(`${link.table}.${link.relatedColumn}`);
};

/** The organizations' count buckets: off the counters, or counted (two grouped reads) without them. */
const organizationBuckets = async (strapi: Core.Strapi): Promise<CountBucket[]> => {
  if (countersReady(strapi)) return (await countsStore(strapi).buckets()).filter((bucket) => bucket.subject === 'organization');
  const table = tableOf(strapi, UID.organization);
  const columns = { lifecycleStatus: 'lifecycle_status', accessStatus: 'access_status', purgeState: 'purge_state', legalHold: 'legal_hold' };
  const groups = (await strapi.db.transaction(async ({ trx }) =>
    Promise.all(
      [true, false].map(async (archived) => {
        const qb = archived ? trx(table).whereNotNull('archived_at') : trx(table).whereNull('archived_at');
        const rows = (await qb.select(columns).count({ count: '*' }).groupBy(Object.values(columns))) as Record<string, unknown>[];
        return rows.map((row) => ({ ...row, archived }));
      })
    )
  )) as Record<string, unknown>[][];
  return groups.flat().map((row) => ({
    subject: 'organization',
    archived: row.archived as boolean,
    lifecycleStatus: row.lifecycleStatus as string,
    accessStatus: row.accessStatus as string,
    purgeState: row.purgeState as string,
    // SQLite and MySQL keep booleans as 0/1, PostgreSQL as true/false.
    legalHold: row.legalHold === true || Number(row.legalHold) === 1,
    count: Number(row.count),
  }));
};

/** The list's total off the counters, where no search narrows it (null: count the query). */
const listTotal = async (strapi: Core.Strapi, params: Pick<ListOrganizationsQuery, 'q' | 'status' | 'archived'>): Promise<number | null> => {
  if (params.q || !countersReady(strapi)) return null;
  let total = 0;
  for (const bucket of await organizationBuckets(strapi)) {
    if (params.archived === 'exclude' && bucket.archived) continue;
    if (params.archived === 'only' && !bucket.archived) continue;
    if (params.status && bucket.lifecycleStatus !== params.status) continue;
    total += bucket.count;
  }
  return total;
};

/** The attribute each sortable column orders by (migrations/indexes.ts has an index for each). */
const SORT_ATTRIBUTES: Record<OrganizationSortField, string> = {
  name: 'name',
  status: 'lifecycleStatus',
  createdAt: 'createdAt',
  lastCancelledAt: 'lastCancelledAt',
  retentionUntil: 'retentionUntil',
};

/** The list's order: the column asked for, then name (within a status), then id, so pages never overlap. */
const orderOf = (sort: OrganizationSort | undefined): Record<string, 'asc' | 'desc'>[] => {
  const [field, direction] = (sort ?? 'name:asc').split(':') as [OrganizationSortField, 'asc' | 'desc'];
  if (field === 'name') return [{ name: direction }, { id: direction }];
  if (field === 'status') return [{ lifecycleStatus: direction }, { name: 'asc' }, { id: 'asc' }];
  return [{ [SORT_ATTRIBUTES[field]]: direction }, { id: direction }];
};

/** The list's search: name, tax id or email, case-insensitive (null: no search). */
const searchWhere = (strapi: Core.Strapi, q: string | undefined): Record<string, unknown>[] => {
  if (!q) return [];
  const where: Record<string, unknown>[] = [
    { $or: [{ name: { $containsi: q } }, { taxId: { $containsi: q } }, { email: { $containsi: q } }] },
  ];
  // SQLite: only the rows its trigram index finds are checked (migrations/indexes.ts).
  const candidates = sqliteSearchCandidates(strapi, q);
  if (candidates) where.push({ id: { $in: candidates } });
  return where;
};

/** The list's filters as one where clause. */
const listWhere = (strapi: Core.Strapi, params: Pick<ListOrganizationsQuery, 'q' | 'status' | 'archived'>) => {
  const where = searchWhere(strapi, params.q);
  if (params.status) where.push({ lifecycleStatus: params.status });
  if (params.archived === 'exclude') where.push({ archivedAt: { $null: true } });
  if (params.archived === 'only') where.push({ archivedAt: { $notNull: true } });
  return { $and: where };
};

/**
 * The organization aggregate's queries (docs/architecture.md "Store"). Lock order everywhere:
 * organization, then its entitlements and the rows hanging off it. The organization's lock
 * guards the lifecycle of its entitlements and the sequence of its events.
 */
export const organizationStore = (strapi: Core.Strapi) => ({
  /** The organization row, without its relations (null when unknown). */
  async find(where: { id: number } | { documentId: string }): Promise<OrganizationRow | null> {
    return ((await strapi.db.query(UID.organization).findOne({ where })) as OrganizationRow | null) ?? null;
  },

  /** The organization row with its own cancellation policy populated (null when unknown). */
  async findWithPolicy(where: { id: number } | { documentId: string }): Promise<OrganizationRow | null> {
    return ((await strapi.db.query(UID.organization).findOne({ where, populate: { cancellationPolicy: true } })) as OrganizationRow | null) ?? null;
  },

  /** The named organizations, as far as their closing goes, by id or documentId. */
  async refs({ ids = [], documentIds = [] }: { ids?: number[]; documentIds?: string[] }): Promise<OrganizationRef[]> {
    const or: Record<string, unknown>[] = [];
    if (ids.length) or.push({ id: { $in: ids } });
    if (documentIds.length) or.push({ documentId: { $in: documentIds } });
    return (await strapi.db.query(UID.organization).findMany({ where: { $or: or }, select: REF_FIELDS })) as OrganizationRef[];
  },

  /** One organization's closing fields (null when unknown). */
  async refOf(documentId: string): Promise<OrganizationRef | null> {
    return ((await strapi.db.query(UID.organization).findOne({ where: { documentId }, select: REF_FIELDS })) as OrganizationRef | null) ?? null;
  },

  /** The admin list: searched by name, tax id or email, filtered by status and archiving, sorted (by name by default). */
  async list(params: Pick<ListOrganizationsQuery, 'q' | 'status' | 'archived' | 'sort'> & PageRequest) {
    const orderBy = orderOf(params.sort);
    // The page's ids first, off the list's indexes alone (migrations/indexes.ts; the declared
    // (archived_at, <column>, id) on MySQL), then those rows: a deep page skips index entries,
    // not whole rows.
    const { results: page, pagination } = await findPageBounded(strapi.db.query(UID.organization), {
      where: listWhere(strapi, params),
      select: ['id'],
      orderBy,
      page: params.page,
      pageSize: params.pageSize,
      total: await listTotal(strapi, params),
    });
    if (!page.length) return { results: [] as OrganizationRow[], pagination };
    const results = await strapi.db.query(UID.organization).findMany({ where: { id: { $in: page.map((row) => row.id) } }, orderBy });
    return { results: results as OrganizationRow[], pagination };
  },

  /** How many archived organizations a search matches (in the status asked for): the list hid them. */
  async archivedMatches(params: Pick<ListOrganizationsQuery, 'q' | 'status'>): Promise<number> {
    return Number(await strapi.db.query(UID.organization).count({ where: listWhere(strapi, { ...params, archived: 'only' }) }));
  },

  /** Every row the filters select, in the list's order, a batch at a time (the CSV export). */
  async *each(params: Pick<ListOrganizationsQuery, 'q' | 'status' | 'archived' | 'sort'>, batchSize = 500): AsyncGenerator<OrganizationRow> {
    const query = strapi.db.query(UID.organization);
    // The matching ids first, in the list's order (one narrow read through the list's indexes),
    // then their rows a batch at a time by id: no OFFSET, which reads ever more rows as it goes
    // deeper and skips or repeats an organization that moves while the file streams. One
    // deleted meanwhile is left out.
    const ids = ((await query.findMany({ where: listWhere(strapi, params), orderBy: orderOf(params.sort), select: ['id'] })) as { id: number }[]).map((row) => row.id);
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      const rows = new Map(((await query.findMany({ where: { id: { $in: batch } } })) as OrganizationRow[]).map((row) => [row.id, row]));
      for (const id of batch) {
        const row = rows.get(id);
        if (row) yield row;
      }
    }
  },

  /** Organizations queued for purge, soonest first. */
  async purgeQueue(page: PageRequest) {
    const { results, pagination } = await findPageBounded(strapi.db.query(UID.organization), {
      where: { purgeState: 'scheduled' },
      orderBy: [{ purgeAfter: 'asc' }, { id: 'asc' }],
      ...page,
    });
    return { results: results as OrganizationRow[], pagination };
  },

  /**
   * The next ids (after `afterId`, ascending) whose retention date derives from their
   * entitlements or archiving: cancelled or archived, not purged.
   */
  async retainedIdsAfter(afterId: number, limit: number): Promise<number[]> {
    const rows = (await strapi.db.query(UID.organization).findMany({
      where: { id: { $gt: afterId }, purgeState: { $ne: 'purged' }, $or: [{ lifecycleStatus: 'cancelled' }, { archivedAt: { $notNull: true } }] },
      select: ['id'],
      orderBy: [{ id: 'asc' }],
      limit,
    })) as { id: number }[];
    return rows.map((row) => row.id);
  },

  /**
   * `retainedIdsAfter`'s rows themselves, without their relations: a policy edit re-derives
   * them a batch at a time (their overrides are read apart, in one link-table read).
   */
  async retainedAfter(afterId: number, limit: number): Promise<OrganizationRow[]> {
    const qb = strapi.db
      .queryBuilder(UID.organization)
      .where({ id: { $gt: afterId }, purgeState: { $ne: 'purged' }, $or: [{ lifecycleStatus: 'cancelled' }, { archivedAt: { $notNull: true } }] })
      .orderBy([{ id: 'asc' }])
      .limit(limit);
    // Locked in id order, as a transition batch locks its organizations (lockOwnersOf): the rows
    // re-derived are the rows written (a reactivation in between waits, it is not overwritten),
    // and the two can never wait on each other in a cycle.
    if (supportsRowLocks(strapi) && strapi.db.inTransaction()) qb.forUpdate();
    return (await qb.execute()) as OrganizationRow[];
  },

  /**
   * The dashboard's counts: by status (archived ones aside, and with them), archived, disabled, purged, queued,
   * held. Read off the counters (migrations/counters.ts) when the database keeps them, else two
   * grouped reads (open, then archived organizations) of the `offboarding_orgs_counts` index.
   */
  async counts(): Promise<OrganizationCounts> {
    const byStatus = Object.fromEntries(ORGANIZATION_STATUSES.map((status) => [status, 0])) as Stats['organizations']['byStatus'];
    const byStatusWithArchived = { ...byStatus };
    const counts: OrganizationCounts = { total: 0, byStatus, byStatusWithArchived, archived: 0, disabled: 0, purged: 0, purgeQueue: 0, legalHolds: 0 };
    for (const bucket of await organizationBuckets(strapi)) {
      const n = bucket.count;
      counts.total += n;
      if (bucket.accessStatus === 'disabled') counts.disabled += n;
      if (bucket.purgeState === 'purged') counts.purged += n;
      if (bucket.purgeState === 'scheduled') counts.purgeQueue += n;
      if (bucket.legalHold) counts.legalHolds += n;
      if (bucket.lifecycleStatus && bucket.lifecycleStatus in byStatusWithArchived) byStatusWithArchived[bucket.lifecycleStatus as keyof typeof byStatus] += n;
      if (bucket.archived) counts.archived += n;
      else if (bucket.lifecycleStatus && bucket.lifecycleStatus in byStatus) byStatus[bucket.lifecycleStatus as keyof typeof byStatus] += n;
    }
    return counts;
  },

  /** Creates the organization (the caller emits its event). */
  async create(data: Record<string, unknown>): Promise<OrganizationRow> {
    return (await strapi.db.query(UID.organization).create({ data })) as OrganizationRow;
  },

  /** Updates and answers the row as it now stands, its policy override populated. */
  async update(id: number, data: Record<string, unknown>): Promise<OrganizationRow> {
    return (await strapi.db.query(UID.organization).update({ where: { id }, data, populate: { cancellationPolicy: true } })) as OrganizationRow;
  },

  /** Deletes the organization row (its children are gone first: purge.deleteChildren). */
  async remove(id: number) {
    await strapi.db.query(UID.organization).delete({ where: { id } });
  },

  /** Reads and, inside a transaction, locks the organization (null when unknown). */
  lock: (where: Record<string, unknown>) => selectForUpdate<OrganizationRow>(strapi, UID.organization, where),

  /**
   * Locks the organization owning an entitlement, found in the same statement (the entitlement
   * row itself is read afterwards, under this lock, with its siblings).
   */
  lockOwnerOf(entitlementDocumentId: string) {
    return selectForUpdate<OrganizationRow>(strapi, UID.organization, { id: { $in: ownersOf(strapi, [entitlementDocumentId]) } });
  },

  /**
   * Locks the organizations owning these entitlements, in id order (a batch of transitions).
   * PostgreSQL locks the rows after sorting them (its LockRows step sits above the sort), and
   * SQLite has one writer. MySQL may lock them in the order it reads the link table (ORDER BY
   * sorts after locking), and two batches could then deadlock: there the owners' ids are read
   * first and the rows then locked by id, ascending. An entitlement never changes organization,
   * so the ids read stay the owners; the read does not fix a snapshot under READ COMMITTED,
   * which the plugin requires on MySQL (README "Database").
   */
  async lockOwnersOf(entitlementDocumentIds: string[]): Promise<OrganizationRow[]> {
    if (!entitlementDocumentIds.length) return [];
    let owners: number[] | ReturnType<typeof ownersOf> = ownersOf(strapi, entitlementDocumentIds);
    if (strapi.db.config.connection.client === 'mysql') {
      const subquery = owners;
      const rows = (await strapi.db.transaction(({ trx }) => subquery.transacting(trx))) as Record<string, unknown>[];
      owners = [...new Set(rows.map((row) => Number(Object.values(row)[0])))];
      if (!owners.length) return [];
    }
    const qb = strapi.db.queryBuilder(UID.organization).where({ id: { $in: owners } }).orderBy([{ id: 'asc' }]);
    if (supportsRowLocks(strapi) && strapi.db.inTransaction()) qb.forUpdate();
    return (await qb.execute()) as OrganizationRow[];
  },

  /** Each organization's own cancellation policy id, for those that have one: one link-table read. */
  async policyOverrideIds(organizationIds: number[]): Promise<Map<number, number>> {
    if (!organizationIds.length) return new Map();
    const link = linkTableOf(strapi, UID.organization, 'cancellationPolicy');
    const rows = (await strapi.db.transaction(({ trx }) =>
      trx(link.table).whereIn(link.ownColumn, organizationIds).select(link.ownColumn, link.relatedColumn)
    )) as Record<string, unknown>[];
    return new Map(rows.map((row) => [Number(row[link.ownColumn]), Number(row[link.relatedColumn])]));
  },

  /**
   * Writes fields in one statement (no read before or after: the caller holds the row). Strapi
   * stamps `updatedAt` only on `update`, so it is set here.
   */
  async write(id: number, data: Record<string, unknown>) {
    const updatedAt = new Date();
    await strapi.db.query(UID.organization).updateMany({ where: { id }, data: { ...data, updatedAt } });
    return updatedAt;
  },

  /** Writes each organization's fields, one statement per chunk of rows whatever their values (utils/db.ts `updateEach`). */
  async writeMany(items: { id: number; data: Record<string, unknown> }[]) {
    const updatedAt = new Date();
    await updateEach(strapi, UID.organization, items, updatedAt);
    return updatedAt;
  },
});
