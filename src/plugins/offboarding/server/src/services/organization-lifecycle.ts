import type { Core } from '@strapi/strapi';
import type { AccessStatus } from '../../../shared/contracts/constants';
import { getService } from '../utils';
import { entitlementStore } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { conflictError, fieldError, notFound } from '../utils/errors';
import type { Actor } from './audit';

const ARCHIVE_FIELDS = ['archivedAt', 'archivedBy', 'retentionUntil', 'purgeState', 'purgeAfter'];

/** Archive, unarchive, portal access and deletion: the organization-level actions. */
const createOrganizationLifecycleService = ({ strapi }: { strapi: Core.Strapi }) => {
  const organizations = () => getService(strapi, 'organization');
  const audit = () => getService(strapi, 'audit');
  const now = () => getService(strapi, 'clock').now();

  /** Locks the organization row for the rest of the transaction (404 when unknown). */
  const lock = async (documentId: string) => {
    const row = await organizationStore(strapi).lock({ documentId });
    if (!row) throw notFound('organization', documentId);
    return row;
  };

  const refuseIfPurged = (org: OrganizationRow, action: string) => {
    if (org.purgeState === 'purged') {
      throw conflictError('organization.purged', `Cannot ${action}: the organization was purged`, { purgeState: 'purged' });
    }
  };

  return {
    /** Refused while any entitlement is not cancelled; the 409 lists them. */
    async archive(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, 'archive');
        if (org.archivedAt) throw conflictError('organization.already_archived', 'The organization is already archived', { archivedAt: org.archivedAt });
        const open = await entitlementStore(strapi).openOf(org.id);
        if (open.length) {
          throw conflictError(
            'organization.open_entitlements',
            `Cannot archive: ${open.length} entitlement(s) are not cancelled (${open.map((e) => `${e.class} ${e.documentId} is ${e.status}`).join(', ')})`,
            { entitlements: open.map(({ documentId: id, class: cls, name, status }) => ({ documentId: id, class: cls, name, status })) }
          );
        }
        await organizations().change(org, { archivedAt: now(), archivedBy: actor.name ?? actor.id }, {
          type: 'organization.archived',
          actor,
          fields: ARCHIVE_FIELDS,
          derive: true,
        });
        return organizations().detail(documentId);
      });
    },

    /** Takes the organization out of the purge queue, if it was in it. */
    async unarchive(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, 'unarchive');
        if (!org.archivedAt) throw conflictError('organization.not_archived', 'The organization is not archived', { archivedAt: null });
        await organizations().change(org, { archivedAt: null, archivedBy: null, purgeState: 'none', purgeAfter: null }, {
          type: 'organization.unarchived',
          actor,
          fields: ARCHIVE_FIELDS,
          derive: true,
        });
        await getService(strapi, 'checklist').reopenArchiveStep(documentId, actor);
        return organizations().detail(documentId);
      });
    },

    /** Portal access only: billing and data keep running. */
    async setAccess(documentId: string, accessStatus: AccessStatus, reason: string | null, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lock(documentId);
        refuseIfPurged(org, accessStatus === 'enabled' ? 'enable access' : 'disable access');
        if (org.accessStatus === accessStatus) {
          throw conflictError('organization.access_unchanged', `Access is already ${accessStatus}`, { accessStatus });
        }
        await organizations().change(org, { accessStatus, accessChangedAt: now(), accessReason: reason }, {
          type: accessStatus === 'enabled' ? 'organization.access_enabled' : 'organization.access_disabled',
          actor,
          fields: ['accessStatus', 'accessReason'],
          derive: false,
          notes: reason,
        });
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
          throw conflictError('organization.legal_hold', 'Cannot delete: the organization is under legal hold', { legalHold: true });
        }
        const counts = await getService(strapi, 'retention').purgeCounts(org.id, documentId);
        await getService(strapi, 'purge').deleteChildren([org.id]);
        await getService(strapi, 'scheduler').cancelForMany([documentId]);
        await getService(strapi, 'export').removeForOrganizations([documentId]);
        await getService(strapi, 'scheduled-change').removeForOrganizations([documentId]);
        await getService(strapi, 'checklist').removeForOrganizations([documentId]);
        await getService(strapi, 'refund').removeForOrganizations([documentId]);
        await getService(strapi, 'notices').removeForOrganizations([documentId]);
        await organizationStore(strapi).remove(org.id);
        const at = now();
        await audit().redactOrganizations([documentId], at);
        await getService(strapi, 'events').redactOrganizations([documentId], at);
        // The deletion's own event keeps what an auditor needs: the name, and what went.
        await getService(strapi, 'events').emit(
          {
            type: 'organization.deleted',
            actor,
            targetType: 'organization',
            targetId: documentId,
            organization: documentId,
            before: { name: org.name, taxId: org.taxId ?? null },
            // Entitlements, collaborators and the app's owned data (orders, invoices…): what went.
            after: { deleted: Object.fromEntries(Object.entries(counts).filter(([kind]) => kind !== 'auditEventsRedacted')) },
            data: { documentId, name: org.name, deletedAt: at.toISOString() },
          },
          { organization: org }
        );
        return { documentId, name: org.name, deletedAt: at.toISOString(), deleted: counts };
      });
    },
  };
};

export type OrganizationLifecycleService = ReturnType<typeof createOrganizationLifecycleService>;
export default createOrganizationLifecycleService;
