import type { Core } from '@strapi/strapi';
import type { CollaboratorRole, OrganizationStatus } from '../../../shared/contracts/constants';
import type { Pagination } from '../../../shared/contracts/entities';
import type {
  PortalEntitlement,
  PortalListQuery,
  PortalOrganization,
  PortalOrganizationDetail,
} from '../../../shared/contracts/portal';
import { PLUGIN_ID, UID } from '../constants';
import { toDate, type DateInput } from '../domain/dates';
import { entitlementVisibleUntil, isEntitlementVisible, type PortalClosure } from '../domain/portal';
import type { AccessCapability, AccessStage, AccessView } from '../../../shared/contracts/access';
import { accessView, type Assessment } from './access';
import { CUSTOMER_ENTITLEMENT_FIELDS, CUSTOMER_ORGANIZATION_FIELDS, pickFields } from '../domain/customer-view';
import { getService } from '../utils';
import { iso, toApi, type Row } from '../utils/db';
import { forbiddenError, goneError, notFound } from '../utils/errors';
import type { EntitlementRow } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

type PortalOrganizationRow = OrganizationRow & {
  taxId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: OrganizationStatus;
  lastCancelledAt: DateInput;
};

type CollaboratorLink = Row & { role: CollaboratorRole; organization: PortalOrganizationRow | null };

/** Where the portal stands for one organization, whoever asks: its access assessment (docs/spec.md §12). */
type Standing = Assessment & { organization: PortalOrganizationRow };

/** The standing as one collaborator sees it, computed once for the list and the detail. */
interface Assessed extends Standing {
  link: CollaboratorLink & { organization: PortalOrganizationRow };
}

/** The portal's word for why it is closed (`details.reason` of its 403s), by the stage that closed it. */
const CLOSURE_OF_STAGE: Partial<Record<AccessStage, PortalClosure>> = {
  purged: 'purged',
  access_disabled: 'disabled',
  archived: 'archived',
  cancelled_closed: 'period_ended',
};

/**
 * Every content-API route that needs a login is a collaborator route: the action ids
 * users-permissions derives for them (`plugin::<plugin>.<controller>.<handler>`).
 */
export const collaboratorActions = (routes: readonly { handler: string; config?: { auth?: unknown } }[]) =>
  routes.filter((route) => route.config?.auth !== false).map((route) => `plugin::${PLUGIN_ID}.${route.handler}`);

/** The collaborator portal (docs/spec.md §5): a user's own organizations, as much as they may still see. */
const createPortalService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();

  const linksOf = async (userId: number, organizationDocumentId?: string) => {
    const rows = (await strapi.db.query(UID.collaborator).findMany({
      where: {
        user: { id: userId },
        ...(organizationDocumentId ? { organization: { documentId: organizationDocumentId } } : {}),
      },
      populate: { organization: true },
      orderBy: [{ id: 'asc' }],
    })) as CollaboratorLink[];
    return rows.filter((link): link is Assessed['link'] => link.organization !== null);
  };

  const standings = async (organizations: PortalOrganizationRow[], at: Date): Promise<Standing[]> =>
    (await getService(strapi, 'access').assess(organizations, at)) as Standing[];

  const assess = async (links: Assessed['link'][], at: Date): Promise<Assessed[]> =>
    (await standings(links.map((link) => link.organization), at)).map((standing, i) => ({ ...standing, link: links[i] }));

  const closureOf = (standing: Standing): PortalClosure | null => (standing.access.capabilities.portalLogin ? null : (CLOSURE_OF_STAGE[standing.access.stage] ?? 'period_ended'));

  const closedError = (standing: Standing) => {
    const { organization, visibilityDays } = standing;
    const closure = closureOf(standing);
    const visibleUntil = standing.access.portalAccessUntil;
    const name = JSON.stringify(organization.name);
    const details = { reason: closure, stage: standing.access.stage };
    switch (closure) {
      case 'purged':
        return forbiddenError('portal.purged', `The data of organization ${name} was purged: its portal is closed`, details);
      case 'disabled':
        return forbiddenError('portal.access_disabled', `Portal access to organization ${name} is disabled`, details);
      case 'archived':
        return forbiddenError('portal.archived', `Organization ${name} is archived: its portal is closed`, details);
      default:
        return forbiddenError(
          'portal.period_ended',
          `The portal access period of organization ${name} ended on ${iso(visibleUntil)}, ${visibilityDays} days after its last cancellation`,
          { ...details, portalAccessUntil: iso(visibleUntil) }
        );
    }
  };

  // Built from the customers' allow-list (domain/customer-view), the same one customer exports use.
  const organizationView = ({ link, access }: Assessed): PortalOrganization => ({
    ...(pickFields(toApi(link.organization), CUSTOMER_ORGANIZATION_FIELDS) as Omit<PortalOrganization, 'role' | 'portalAccessUntil'>),
    role: link.role,
    portalAccessUntil: iso(access.portalAccessUntil),
  });

  const entitlementView = (row: EntitlementRow, visibilityDays: number): PortalEntitlement => ({
    ...(pickFields(row, CUSTOMER_ENTITLEMENT_FIELDS) as Omit<PortalEntitlement, 'visibleUntil'>),
    visibleUntil: iso(entitlementVisibleUntil({ status: row.status, cancelledAt: toDate(row.cancelledAt) }, visibilityDays)),
  });

  return {
    /**
     * Re-checked on every customer path to an organization's data (its exports, signed links):
     * a purged or deleted organization is gone (410); one whose stage withholds the capability
     * (docs/spec.md §12) is refused: 403 saying why when its portal is closed, else 409 naming
     * the stage.
     */
    async assertOpenToCustomers(organizationDocumentId: string, capability: AccessCapability = 'portalLogin') {
      // The portal's fields are the organization row's own; the store types the ones it reads.
      const org = (await organizationStore(strapi).find({ documentId: organizationDocumentId })) as PortalOrganizationRow | null;
      if (!org || org.purgeState === 'purged') {
        throw goneError('organization.gone', "This organization's data no longer exists", { reason: 'purged' });
      }
      const [standing] = await standings([org], now());
      if (standing.access.capabilities[capability]) return;
      if (!standing.access.capabilities.portalLogin) throw closedError(standing);
      throw getService(strapi, 'access').refused(standing, capability);
    },

    /**
     * The caller's access to one of their organizations (docs/spec.md §12): every capability and
     * why one is withheld. Answered while the portal is closed too (it says so); another
     * organization's id is an unknown id.
     */
    async access(userId: number, documentId: string): Promise<AccessView> {
      const [assessed] = await assess(await linksOf(userId, documentId), now());
      if (!assessed || assessed.organization.purgeState === 'purged') throw notFound('organization', documentId);
      return accessView(assessed.access);
    },

    /** The caller's organizations that are open to them; closed ones are left out. */
    async list(userId: number, { page, pageSize }: PortalListQuery): Promise<{ results: PortalOrganization[]; pagination: Pagination }> {
      const open = (await assess(await linksOf(userId), now()))
        .filter((assessment) => assessment.access.capabilities.portalLogin)
        .map(organizationView)
        .sort((a, b) => a.name.localeCompare(b.name) || a.documentId.localeCompare(b.documentId));
      const total = open.length;
      return {
        results: open.slice((page - 1) * pageSize, page * pageSize),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /**
     * One organization of the caller's, with the entitlements they may still see. Another
     * organization's id is an unknown id: the portal never confirms that it exists.
     */
    async detail(userId: number, documentId: string): Promise<PortalOrganizationDetail> {
      const at = now();
      const [assessment] = await assess(await linksOf(userId, documentId), at);
      if (!assessment) throw notFound('organization', documentId);
      if (!assessment.access.capabilities.portalLogin) throw closedError(assessment);
      const entitlements = assessment.entitlements
        .map((row) => ({ row, days: assessment.resolve(row.class).settings.portalVisibilityDays }))
        .filter(({ row, days }) => isEntitlementVisible({ status: row.status, cancelledAt: toDate(row.cancelledAt) }, days, at))
        .map(({ row, days }) => entitlementView(row, days));
      return { ...organizationView(assessment), entitlements };
    },

    /**
     * Opens the portal routes to users-permissions' `authenticated` role, so no admin has to tick
     * them in Settings. Only what is missing is created: a repeat boot changes nothing.
     */
    async grantToAuthenticatedRole(actions: string[]) {
      const usersPermissions = strapi.plugin('users-permissions');
      if (!usersPermissions) {
        strapi.log.warn('[offboarding] users-permissions is not enabled: the collaborator portal has no login');
        return [];
      }
      const findRole = () => strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' }, select: ['id'] });
      let role = (await findRole()) as { id: number } | null;
      if (!role) {
        // users-permissions bootstraps after this plugin when the app's config lists it later;
        // its initialize() is idempotent and creates the default roles.
        await usersPermissions.service('users-permissions').initialize();
        role = (await findRole()) as { id: number } | null;
      }
      if (!role) {
        strapi.log.warn(`[offboarding] users-permissions has no "authenticated" role: grant ${actions.join(', ')} to the collaborators' role`);
        return [];
      }
      const granted: string[] = [];
      for (const action of actions) {
        const existing = await strapi.db.query(PERMISSION_UID).findOne({ where: { action, role: { id: role.id } }, select: ['id'] });
        if (existing) continue;
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
        granted.push(action);
      }
      return granted;
    },
  };
};

export type PortalService = ReturnType<typeof createPortalService>;
export default createPortalService;
