import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { selectForUpdate, type Row } from '../utils/db';
import { linkTableOf, tableOf } from '../utils/links';

/** A stored organization row: its status is the attribute `lifecycleStatus` (utils/stored-status). */
export type OrganizationRow = Row & {
  name: string;
  lifecycleStatus: string;
  archivedAt: Date | string | null;
  purgeState: string;
  accessStatus: string;
  legalHold: boolean;
  retentionExtendedUntil: Date | string | null;
  cancellationPolicy?: (Row & Record<string, unknown>) | null;
};

/**
 * The organization aggregate's queries (docs/architecture.md "Store"). Lock order everywhere:
 * organization, then its entitlements and the rows hanging off it. The organization's lock
 * guards the lifecycle of its entitlements and the sequence of its events.
 */
export const organizationStore = (strapi: Core.Strapi) => ({
  /** Reads and, inside a transaction, locks the organization (null when unknown). */
  lock: (where: Record<string, unknown>) => selectForUpdate<OrganizationRow>(strapi, UID.organization, where),

  /**
   * Locks the organization owning an entitlement, found in the same statement (the entitlement
   * row itself is read afterwards, under this lock, with its siblings).
   */
  lockOwnerOf(entitlementDocumentId: string) {
    const link = linkTableOf(strapi, UID.entitlement, 'organization');
    const entitlements = tableOf(strapi, UID.entitlement);
    const owner = strapi.db
      .connection(link.table)
      .join(entitlements, `${entitlements}.id`, `${link.table}.${link.ownColumn}`)
      .where(`${entitlements}.document_id`, entitlementDocumentId)
      .select(`${link.table}.${link.relatedColumn}`);
    return selectForUpdate<OrganizationRow>(strapi, UID.organization, { id: { $in: owner } });
  },

  /** The id of the organization's own cancellation policy, if it has one (a link-table read). */
  async policyOverrideId(organizationId: number): Promise<number | null> {
    const link = linkTableOf(strapi, UID.organization, 'cancellationPolicy');
    const row = (await strapi.db.transaction(({ trx }) =>
      trx(link.table).where(link.ownColumn, organizationId).first(link.relatedColumn)
    )) as Record<string, unknown> | undefined;
    return row ? Number(row[link.relatedColumn]) : null;
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
});
