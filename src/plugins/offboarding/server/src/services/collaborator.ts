import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { organizationStore } from '../store/organization';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import { conflictError, notFound } from '../utils/errors';
import type { Actor } from './audit';

/**
 * Links between users-permissions users and organizations, with a role. A link is made only by
 * accepting an invitation (services/invitation.ts, docs/spec.md §12); admins may remove one.
 */
const createCollaboratorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const lockOrganization = async (documentId: string) => {
    const org = await organizationStore(strapi).lock({ documentId });
    if (!org) throw notFound('organization', documentId);
    if (org.purgeState === 'purged') throw conflictError('organization.purged', 'The organization was purged', { purgeState: 'purged' });
    return org;
  };

  return {
    /** `userId` is the user's documentId. */
    async remove(organizationDocumentId: string, userId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lockOrganization(organizationDocumentId);
        const link = (await strapi.db.query(UID.collaborator).findOne({
          where: { organization: { id: org.id }, user: { documentId: userId } },
          populate: { user: { select: ['documentId', 'email'] } },
        })) as (Row & { role: string; user: Row & { email: string } }) | null;
        if (!link) throw notFound('collaborator', userId);
        await strapi.db.query(UID.collaborator).delete({ where: { id: link.id } });
        await getService(strapi, 'events').emit({
          type: 'collaborator.removed',
          actor,
          targetType: 'collaborator',
          targetId: link.documentId,
          organization: org.documentId,
          before: { user: link.user.documentId, email: link.user.email, role: link.role },
        });
        return getService(strapi, 'organization').detail(org.documentId);
      });
    },
  };
};

export type CollaboratorService = ReturnType<typeof createCollaboratorService>;
export default createCollaboratorService;
