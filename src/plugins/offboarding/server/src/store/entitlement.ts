import type { Core } from '@strapi/strapi';
import {
  ENTITLEMENT_STATUSES,
  type BillingPeriod,
  type DunningLevel,
  type EntitlementClass,
  type EntitlementStatus,
  type PauseAccess,
  type ProvisioningOperation,
  type RefundMode,
} from '../../../shared/contracts/constants';
import { UID } from '../constants';
import { countersReady } from '../migrations/counters';
import type { DateInput } from '../domain/dates';
import { selectForUpdate, updateEach, type Row } from '../utils/db';
import { linkPager, linkTableOf, tableOf } from '../utils/links';
import { fromStored, toStored } from '../utils/stored-status';
import { countsStore } from './counts';

/** The fields of an entitlement that the plugin reads by name. */
interface EntitlementFields {
  name: string | null;
  class: EntitlementClass;
  price: number;
  currency: string;
  billingPeriod: BillingPeriod;
  currentPeriodStart: DateInput;
  currentPeriodEnd: DateInput;
  creditBalance: number | null;
  suspendedAt: DateInput;
  graceEndsAt: DateInput;
  cancelEffectiveAt: DateInput;
  cancelledAt: DateInput;
  refundMode: RefundMode | null;
  refundAmount: number | null;
  provisioningState: string | null;
  provisioningOperation: ProvisioningOperation | null;
  provisioningError: string | null;
  /** Issue 15 (docs/spec.md §13): what the access rule reads of a pause and of dunning. */
  pauseAccess: PauseAccess | null;
  dunningLevel: DunningLevel | null;
}

/** An entitlement row in API terms: the stored `lifecycleStatus` read as `status` (utils/stored-status). */
export type EntitlementRow = Row & EntitlementFields & { status: EntitlementStatus };

/** An entitlement row as stored: `lifecycleStatus`, as an app's provisioning handler receives it. */
export type StoredEntitlementRow = Row & EntitlementFields & { lifecycleStatus: EntitlementStatus };

/** An entitlement with its organization's documentId and name (null when it has none). */
export type EntitlementWithOrganization = StoredEntitlementRow & { organization: (Row & { name: string }) | null };

/** What a refusal to archive names of each entitlement still open. */
export type OpenEntitlement = Pick<EntitlementRow, 'documentId' | 'class' | 'name' | 'status'>;

/** A value as the query engine hands it back: datetimes are ISO strings. */
const asRead = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const ofOrganizationWhere = (organizationId: number) => ({ organization: { id: organizationId } });
const OPEN = { lifecycleStatus: { $ne: 'cancelled' } };

/**
 * What an organization's derived fields need of its entitlements (docs/spec.md §1): per status
 * and class, how many and the latest cancellation. A few rows whatever the organization's size.
 */
export interface EntitlementSummary {
  status: EntitlementStatus;
  class: EntitlementClass;
  count: number;
  cancelledAt: Date | null;
}

/** The entitlement aggregate's queries (docs/architecture.md "Store"). */
export const entitlementStore = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(UID.entitlement);

  /**
   * Writes each row's patch (API terms), one statement per chunk of rows whatever the patches
   * (utils/db.ts `updateEach`), and answers the rows as a re-read would show them: no read
   * before or after.
   */
  const writeMany = async <T extends Row>(items: { row: T; patch: object }[]): Promise<T[]> => {
    const updatedAt = new Date();
    await updateEach(strapi, UID.entitlement, items.map(({ row, patch }) => ({ id: row.id, data: toStored(patch) as Record<string, unknown> })), updatedAt);
    return items.map(({ row, patch }) => {
      const after: Record<string, unknown> = { ...row, updatedAt: updatedAt.toISOString() };
      for (const [key, value] of Object.entries(patch)) after[key] = asRead(value);
      return after as T;
    });
  };

  return {
    /** Every entitlement of the organization, oldest first, in API terms: one statement. */
    async ofOrganization(organizationId: number): Promise<EntitlementRow[]> {
      const rows = (await query().findMany({ where: ofOrganizationWhere(organizationId), orderBy: [{ id: 'asc' }] })) as StoredEntitlementRow[];
      return rows.map((row) => fromStored(row) as unknown as EntitlementRow);
    },

    /** The entitlements of several organizations, oldest first, in API terms, by organization id: one statement. */
    async byOrganization(organizationIds: number[]): Promise<Map<number, EntitlementRow[]>> {
      const byOrganization = new Map<number, EntitlementRow[]>();
      if (!organizationIds.length) return byOrganization;
      const rows = (await query().findMany({
        where: { organization: { id: { $in: organizationIds } } },
        populate: { organization: { select: ['id'] } },
        orderBy: [{ id: 'asc' }],
      })) as (StoredEntitlementRow & { organization: { id: number } | null })[];
      for (const row of rows) {
        if (!row.organization) continue;
        const list = byOrganization.get(row.organization.id) ?? [];
        list.push(fromStored(row) as unknown as EntitlementRow);
        byOrganization.set(row.organization.id, list);
      }
      return byOrganization;
    },

    /**
     * The named entitlements in API terms, each with its organization's id (null when it has
     * none), for a batch of transitions: one statement.
     */
    /** The rows, each with its organization's id beside it (never inside: a row's view must not carry it). */
    async byDocumentIds(documentIds: string[]): Promise<{ row: EntitlementRow; organizationId: number | null }[]> {
      if (!documentIds.length) return [];
      const rows = (await query().findMany({
        where: { documentId: { $in: documentIds } },
        populate: { organization: { select: ['id'] } },
        orderBy: [{ id: 'asc' }],
      })) as (StoredEntitlementRow & { organization: { id: number } | null })[];
      return rows.map(({ organization, ...row }) => ({ row: fromStored(row) as unknown as EntitlementRow, organizationId: organization?.id ?? null }));
    },

    /** Per organization, its entitlements summed up by status and class: one grouped statement. */
    async summaryOf(organizationIds: number[]): Promise<Map<number, EntitlementSummary[]>> {
      const summaries = new Map<number, EntitlementSummary[]>(organizationIds.map((id) => [id, []]));
      if (!organizationIds.length) return summaries;
      const link = linkTableOf(strapi, UID.entitlement, 'organization');
      const table = tableOf(strapi, UID.entitlement);
      const owner = `${link.table}.${link.relatedColumn}`;
      const rows = (await strapi.db.transaction(({ trx }) =>
        trx(link.table)
          .join(table, `${table}.id`, `${link.table}.${link.ownColumn}`)
          .whereIn(owner, organizationIds)
          .groupBy(owner, `${table}.lifecycle_status`, `${table}.class`)
          .select({ organization: owner, status: `${table}.lifecycle_status`, class: `${table}.class` })
          .count({ count: '*' })
          .max({ cancelledAt: `${table}.cancelled_at` })
      )) as { organization: number | string; status: EntitlementStatus; class: EntitlementClass; count: number | string; cancelledAt: unknown }[];
      for (const row of rows) {
        summaries.get(Number(row.organization))?.push({
          status: row.status,
          class: row.class,
          count: Number(row.count),
          // SQLite keeps datetimes as epoch milliseconds; the others answer a Date.
          cancelledAt: row.cancelledAt === null || row.cancelledAt === undefined ? null : new Date(row.cancelledAt as string | number),
        });
      }
      return summaries;
    },

    /** How many of the organization's entitlements are not cancelled. */
    async countOpen(organizationId: number): Promise<number> {
      return Number(await query().count({ where: { ...ofOrganizationWhere(organizationId), ...OPEN } }));
    },

    /** The organization's entitlements that are not cancelled, in API terms. */
    async openOf(organizationId: number): Promise<OpenEntitlement[]> {
      const rows = (await query().findMany({
        where: { ...ofOrganizationWhere(organizationId), ...OPEN },
        select: ['documentId', 'class', 'name', 'lifecycleStatus'],
      })) as Pick<StoredEntitlementRow, 'documentId' | 'class' | 'name' | 'lifecycleStatus'>[];
      return rows.map((row) => fromStored(row) as unknown as OpenEntitlement);
    },

    /** Of the organizations named, those with an entitlement not cancelled: one set-wise statement (purge batches). */
    async organizationsWithOpen(organizationIds: number[]): Promise<Set<number>> {
      const link = linkTableOf(strapi, UID.entitlement, 'organization');
      const table = tableOf(strapi, UID.entitlement);
      const owner = `${link.table}.${link.relatedColumn}`;
      // Inside the caller's transaction when there is one (SQLite has a single connection).
      const ids = (await strapi.db.transaction(({ trx }) =>
        trx(link.table)
          .join(table, `${table}.id`, `${link.table}.${link.ownColumn}`)
          .whereIn(owner, organizationIds)
          .whereNot(`${table}.lifecycle_status`, 'cancelled')
          .distinct(owner)
          .pluck(owner)
      )) as number[];
      return new Set(ids.map(Number));
    },

    /** Each entitlement's status and provisioning state (the checklist's facts), in API terms. */
    async provisioningOf(organizationId: number): Promise<Pick<EntitlementRow, 'status' | 'provisioningState'>[]> {
      const rows = (await query().findMany({
        where: ofOrganizationWhere(organizationId),
        select: ['lifecycleStatus', 'provisioningState'],
      })) as Pick<StoredEntitlementRow, 'lifecycleStatus' | 'provisioningState'>[];
      return rows.map((row) => ({ status: row.lifecycleStatus, provisioningState: row.provisioningState ?? null }));
    },

    /** The row's id (null when there is no such entitlement). */
    async idOf(documentId: string): Promise<number | null> {
      const row = (await query().findOne({ where: { documentId }, select: ['id'] })) as Pick<Row, 'id'> | null;
      return row ? row.id : null;
    },

    /** The stored row with its organization's documentId and name (null when unknown). */
    async withOrganization(where: { id: number } | { documentId: string }): Promise<EntitlementWithOrganization | null> {
      return ((await query().findOne({ where, populate: { organization: { select: ['documentId', 'name'] } } })) as EntitlementWithOrganization | null) ?? null;
    },

    /** Reads and, inside a transaction, locks the stored row; take the organization's lock first (lockOwnerOf). */
    lock: (documentId: string) => selectForUpdate<StoredEntitlementRow>(strapi, UID.entitlement, { documentId }),

    /** Creates the entitlement (stored terms; the caller emits its event). */
    async create(data: Record<string, unknown>): Promise<StoredEntitlementRow> {
      return (await query().create({ data })) as StoredEntitlementRow;
    },

    /** The provisioning sweep's work is done. */
    async markProvisioned(id: number, at: Date) {
      await query().update({ where: { id }, data: { provisioningState: 'done', provisioningError: null, provisionedAt: at } });
    },

    /** The handler failed (its work rolled back): the failure stays visible on the entitlement. */
    async markProvisioningFailed(documentId: string, operation: ProvisioningOperation, message: string) {
      await query().updateMany({
        where: { documentId, provisioningOperation: operation },
        data: { provisioningState: 'failed', provisioningError: message },
      });
    },

    /**
     * How many entitlements there are in each status, all organizations together: off the
     * counters (migrations/counters.ts) when the database keeps them, else a count per status.
     */
    async countByStatus(): Promise<Record<string, number>> {
      const counts: Record<string, number> = Object.fromEntries(ENTITLEMENT_STATUSES.map((status) => [status, 0]));
      if (countersReady(strapi)) {
        for (const bucket of await countsStore(strapi).buckets()) {
          if (bucket.subject === 'entitlement' && bucket.lifecycleStatus && bucket.lifecycleStatus in counts) counts[bucket.lifecycleStatus] += bucket.count;
        }
        return counts;
      }
      for (const status of ENTITLEMENT_STATUSES) counts[status] = Number(await query().count({ where: { lifecycleStatus: status } }));
      return counts;
    },

    /** Each named entitlement's name, by documentId (the refund ledger shows them). */
    async namesOf(documentIds: string[]): Promise<Map<string, string | null>> {
      const rows = (await query().findMany({ where: { documentId: { $in: documentIds } }, select: ['documentId', 'name'] })) as Pick<
        StoredEntitlementRow,
        'documentId' | 'name'
      >[];
      return new Map(rows.map((row) => [String(row.documentId), row.name ?? null]));
    },

    /**
     * The export's pages of the organization's entitlements: `(afterId, limit)` answers the next
     * rows by id, as stored, their ids read straight from the link table (utils/links.ts linkPager).
     */
    pagerOf: (organizationId: number) => linkPager<StoredEntitlementRow>(strapi, UID.entitlement, 'organization', organizationId),

    /** How many entitlements the organization has. */
    async countOf(organizationId: number): Promise<number> {
      return Number(await query().count({ where: ofOrganizationWhere(organizationId) }));
    },

    /**
     * Writes a patch (API terms) in one statement and answers the row as a re-read would show
     * it, built from the row the caller holds under its organization's lock: no read before or
     * after.
     */
    async write<T extends Row>(row: T, patch: object): Promise<T> {
      return (await writeMany([{ row, patch }]))[0];
    },

    writeMany,
  };
};
