import type { Core } from '@strapi/strapi';
import type { CollaboratorInput } from '../../../shared/contracts/api';
import { UID } from '../constants';
import { organizationStore } from '../store/organization';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import type { Actor } from './audit';

/** Links between users-permissions users and organizations, with a role. */
const createCollaboratorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const lockOrganization = async (documentId: string) => {
    const org = await organizationStore(strapi).lock({ documentId });
    if (!org) throw notFound('Organization', documentId);
    if (org.purgeState === 'purged') throw conflictError('The organization was purged', { purgeState: 'purged' });
    return org;
  };

  return {
    async add(organizationDocumentId: string, input: CollaboratorInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lockOrganization(organizationDocumentId);
        const user = (await strapi.db.query(UID.user).findOne({
          where: { email: input.email.toLowerCase() },
          select: ['id', 'documentId', 'email'],
        })) as (Row & { email: string }) | null;
        if (!user) throw fieldError('email', `no users-permissions user has the email "${input.email}"`);
        const existing = await strapi.db.query(UID.collaborator).findOne({
          where: { organization: { id: org.id }, user: { id: user.id } },
          select: ['id', 'role'],
        });
        if (existing) {
          throw conflictError(`${user.email} is already a collaborator (${existing.role}) of this organization`, { user: user.documentId });
        }
        const row = await strapi.db.query(UID.collaborator).create({
          data: { organization: org.id, user: user.id, role: input.role },
        });
        await getService(strapi, 'events').emit({
          type: 'collaborator.added',
          actor,
          targetType: 'collaborator',
          targetId: row.documentId,
          organization: org.documentId,
          after: { user: user.documentId, email: user.email, role: input.role },
        });
        return getService(strapi, 'organization').detail(org.documentId);
      });
    },

    /** `userId` is the user's documentId. */
    async remove(organizationDocumentId: string, userId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await lockOrganization(organizationDocumentId);
        const link = (await strapi.db.query(UID.collaborator).findOne({
          where: { organization: { id: org.id }, user: { documentId: userId } },
          populate: { user: { select: ['documentId', 'email'] } },
        })) as (Row & { role: string; user: Row & { email: string } }) | null;
        if (!link) throw notFound('Collaborator of this organization', userId);
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
