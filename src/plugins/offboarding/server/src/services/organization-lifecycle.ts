import type { Core } from '@strapi/strapi';
import type { AccessStatus } from '../../../shared/contracts/constants';
import { UID } from '../constants';
import { getService } from '../utils';
import { fromStored } from '../utils/stored-status';
import { selectForUpdate, type Row } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import { changes, type Actor } from './audit';
import type { OrganizationRow } from './organization';

const ARCHIVE_FIELDS = ['archivedAt', 'archivedBy', 'retentionUntil', 'purgeState', 'purgeAfter'];

/** Archive, unarchive, portal access and deletion: the organization-level actions. */
const createOrganizationLifecycleService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.organization);
  const organizations = () => getService(strapi, 'organization');
  const audit = () => getService(strapi, 'audit');
  const now = () => getService(strapi, 'clock').now();

  /** Locks the organization row for the rest of the transaction (404 when unknown). */
  const lock = async (documentId: string) => {
    const row = await selectForUpdate<OrganizationRow>(strapi, UID.organization, { documentId });
    if (!row) throw notFound('Organization', documentId);
    return row;
  };

  const refuseIfPurged = (org: OrganizationRow, action: string) => {
    if (org.purgeState === 'purged') {
      throw conflictError(`Cannot ${action}: the organization was purged`, { purgeState: 'purged' });
    }
  };

  const recordOrgEvent = (action: string, org: OrganizationRow, actor: Actor, extra: Record<string, unknown> = {}) =>
    audit().record({ action, actor, targetType: 'organization', targetId: org.documentId, organization: org.documentId, ...extra });

  return {
    /** Refused while any entitlement is not cancelled; the 409 lists them. */
    async archive(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, 'archive');
        if (org.archivedAt) throw conflictError('The organization is already archived', { archivedAt: org.archivedAt });
        const open = (await strapi.db.query(UID.entitlement).findMany({
          where: { organization: { id: org.id }, lifecycleStatus: { $ne: 'cancelled' } },
          select: ['documentId', 'class', 'name', 'lifecycleStatus'],
        })).map((row: Row) => fromStored(row)) as Row[];
        if (open.length) {
          throw conflictError(
            `Cannot archive: ${open.length} entitlement(s) are not cancelled (${open.map((e) => `${e.class} ${e.documentId} is ${e.status}`).join(', ')})`,
            { entitlements: open.map(({ documentId: id, class: cls, name, status }) => ({ documentId: id, class: cls, name, status })) }
          );
        }
        await query().update({ where: { id: org.id }, data: { archivedAt: now(), archivedBy: actor.name ?? actor.id } });
        await organizations().refreshDerived(org.id);
        const after = await organizations().findRowById(org.id);
        await recordOrgEvent('organization.archived', org, actor, changes(org, after, ARCHIVE_FIELDS));
        await getService(strapi, 'checklist').reevaluate(documentId);
        return organizations().detail(documentId);
      });
    },

    /** Takes the organization out of the purge queue, if it was in it. */
    async unarchive(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, 'unarchive');
        if (!org.archivedAt) throw conflictError('The organization is not archived', { archivedAt: null });
        await query().update({
          where: { id: org.id },
          data: { archivedAt: null, archivedBy: null, purgeState: 'none', purgeAfter: null },
        });
        await organizations().refreshDerived(org.id);
        const after = await organizations().findRowById(org.id);
        await recordOrgEvent('organization.unarchived', org, actor, changes(org, after, ARCHIVE_FIELDS));
        return organizations().detail(documentId);
      });
    },

    /** Portal access only: billing and data keep running. */
    async setAccess(documentId: string, accessStatus: AccessStatus, reason: string | null, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, accessStatus === 'enabled' ? 'enable access' : 'disable access');
        if (org.accessStatus === accessStatus) {
          throw conflictError(`Access is already ${accessStatus}`, { accessStatus });
        }
        await query().update({
          where: { id: org.id },
          data: { accessStatus, accessChangedAt: now(), accessReason: reason },
        });
        const after = await organizations().findRowById(org.id);
        await recordOrgEvent(
          accessStatus === 'enabled' ? 'organization.access_enabled' : 'organization.access_disabled',
          org,
          actor,
          { ...changes(org, after, ['accessStatus', 'accessReason']), notes: reason }
        );
        return organizations().detail(documentId);
      });
    },

    /**
     * Immediate, irreversible removal of everything the organization holds; only the audit
     * trail stays (personal fields redacted) with the deletion event. Refused under legal hold.
     */
    async remove(documentId: string, confirm: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        if (confirm !== org.name) {
          throw fieldError('confirm', 'type the organization\'s exact name in "confirm" to delete it');
        }
        if (org.legalHold) {
          throw conflictError('Cannot delete: the organization is under legal hold', { legalHold: true });
        }
        const counts = await getService(strapi, 'retention').purgeCounts(org.id, documentId);
        await getService(strapi, 'purge').deleteChildren([org.id]);
        await getService(strapi, 'scheduler').cancelForMany([documentId]);
        await getService(strapi, 'export').removeForOrganizations([documentId]);
        await getService(strapi, 'checklist').removeForOrganizations([documentId]);
        await getService(strapi, 'refund').removeForOrganizations([documentId]);
        await query().delete({ where: { id: org.id } });
        const at = now();
        await audit().redactOrganizations([documentId], at);
        await recordOrgEvent('organization.deleted', org, actor, {
          before: { name: org.name, taxId: org.taxId ?? null },
          // Entitlements, collaborators and the app's owned data (orders, invoices…): what went.
          after: { deleted: Object.fromEntries(Object.entries(counts).filter(([kind]) => kind !== 'auditEventsRedacted')) },
        });
        return { documentId, name: org.name, deletedAt: at.toISOString(), deleted: counts };
      });
    },
  };
};

export type OrganizationLifecycleService = ReturnType<typeof createOrganizationLifecycleService>;
export default createOrganizationLifecycleService;
