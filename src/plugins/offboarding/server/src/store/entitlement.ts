import type { Core } from '@strapi/strapi';
import type { EntitlementClass, EntitlementStatus } from '../../../shared/contracts/constants';
import { UID } from '../constants';
import type { Row } from '../utils/db';
import { fromStored, toStored } from '../utils/stored-status';

/** An entitlement row in API terms: the stored `lifecycleStatus` read as `status` (utils/stored-status). */
export type EntitlementRow = Row & { class: EntitlementClass; currency: string; status: EntitlementStatus };

/** A value as the query engine hands it back: datetimes are ISO strings. */
const asRead = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** The entitlement aggregate's queries (docs/architecture.md "Store"). */
export const entitlementStore = (strapi: Core.Strapi) => ({
  /** Every entitlement of the organization, oldest first, in API terms: one statement. */
  async ofOrganization(organizationId: number): Promise<EntitlementRow[]> {
    const rows = (await strapi.db.query(UID.entitlement).findMany({
      where: { organization: { id: organizationId } },
      orderBy: [{ id: 'asc' }],
    })) as Row[];
    return rows.map((row) => fromStored(row) as EntitlementRow);
  },

  /**
   * Writes a patch (API terms) in one statement and answers the row as a re-read would show
   * it, built from the row the caller holds under its organization's lock: no read before or
   * after.
   */
  async write<T extends Row>(row: T, patch: object): Promise<T> {
    const updatedAt = new Date();
    await strapi.db.query(UID.entitlement).updateMany({ where: { id: row.id }, data: { ...toStored(patch), updatedAt } });
    const after: Record<string, unknown> = { ...row, updatedAt: updatedAt.toISOString() };
    for (const [key, value] of Object.entries(patch)) after[key] = asRead(value);
    return after as T;
  },
});
