import type { Core } from '@strapi/strapi';
import type { AccessCapability, AccessView } from '../../../shared/contracts/access';
import type { EntitlementClass } from '../../../shared/contracts/constants';
import { ACCESS_CAPABILITIES, accessOf, type Access } from '../domain/access';
import { toDate } from '../domain/dates';
import type { ResolvedPolicy } from '../domain/policy';
import { entitlementStore, type EntitlementRow } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { getService } from '../utils';
import { iso } from '../utils/db';
import { conflictError, notFound } from '../utils/errors';

/** An organization, its entitlements, its policies and the access its stage grants now. */
export interface Assessment {
  organization: OrganizationRow;
  entitlements: EntitlementRow[];
  resolve: (entitlementClass: EntitlementClass | null) => ResolvedPolicy;
  /** The longest `portalVisibilityDays` among the policies governing the organization. */
  visibilityDays: number;
  access: Access;
}

export const accessView = (access: Access): AccessView => ({
  ...access.capabilities,
  stage: access.stage,
  reasons: access.reasons,
  portalAccessUntil: iso(access.portalAccessUntil),
});

const isCapability = (value: unknown): value is AccessCapability => (ACCESS_CAPABILITIES as readonly unknown[]).includes(value);

/**
 * Access stages (docs/spec.md §12) as a service: the one rule of `domain/access` applied to an
 * organization's stored state and the plugin clock. Host apps guard their own routes with it:
 * `strapi.plugin('offboarding').service('access').assert(organizationDocumentId, 'newOrders')`.
 */
const createAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  const now = () => getService(strapi, 'clock').now();

  /** Several organizations at once: three reads whatever their number (entitlements, policy overrides, policies). */
  const assess = async (organizations: OrganizationRow[], at: Date = now()): Promise<Assessment[]> => {
    const ids = organizations.map((org) => org.id);
    const [byOrganization, resolvers] = await Promise.all([
      entitlementStore(strapi).byOrganization(ids),
      getService(strapi, 'policy').resolversFor(ids),
    ]);
    const result: Assessment[] = [];
    for (const organization of organizations) {
      const entitlements = byOrganization.get(organization.id) ?? [];
      const resolve = resolvers.get(organization.id) as Assessment['resolve'];
      // The longest window among the policies governing the organization (as for retention), so
      // the organization never closes while one of its cancelled entitlements is still to be shown.
      const visibilityDays = Math.max(
        resolve(null).settings.portalVisibilityDays,
        ...entitlements.map((e) => resolve(e.class).settings.portalVisibilityDays)
      );
      const access = accessOf(
        {
          name: organization.name,
          purgeState: organization.purgeState,
          accessStatus: organization.accessStatus,
          archivedAt: toDate(organization.archivedAt),
          entitlements: entitlements.map((e) => ({
            status: e.status,
            pauseAccess: e.pauseAccess ?? null,
            dunningLevel: e.dunningLevel ?? null,
          })),
          lastCancelledAt: toDate(organization.lastCancelledAt),
          portalVisibilityDays: visibilityDays,
        },
        at
      );
      result.push({ organization, entitlements, resolve, visibilityDays, access });
    }
    return result;
  };

  const load = async (organizationDocumentId: string) => {
    // Only a string names an organization: a host app may pass a value from a parsed body, and an
    // object there (`{ $ne: 'x' }`) would be read as a query operator matching another one.
    if (typeof organizationDocumentId !== 'string' || !organizationDocumentId) return null;
    const org = await organizationStore(strapi).find({ documentId: organizationDocumentId });
    if (!org) return null;
    const [assessment] = await assess([org]);
    return assessment;
  };

  /** The 409 a withheld capability answers: the stage named, nothing changed. */
  const refused = ({ organization, access }: Pick<Assessment, 'organization' | 'access'>, capability: AccessCapability) =>
    conflictError('access.not_allowed', access.reasons[capability] ?? `Organization ${JSON.stringify(organization.name)}: ${capability} is not allowed`, {
      organization: organization.documentId,
      stage: access.stage,
      capability,
    });

  const requireCapability = (capability: unknown): AccessCapability => {
    if (!isCapability(capability)) {
      throw new TypeError(`Unknown access capability ${JSON.stringify(capability)}: one of ${ACCESS_CAPABILITIES.join(', ')}`);
    }
    return capability;
  };

  return {
    assess,

    /** The organization's access now (404 when unknown). */
    async of(organizationDocumentId: string): Promise<AccessView> {
      const assessment = await load(organizationDocumentId);
      if (!assessment) throw notFound('organization', String(organizationDocumentId));
      return accessView(assessment.access);
    },

    /** Whether the organization may do this now; an unknown organization may do nothing. */
    async can(organizationDocumentId: string, capability: AccessCapability): Promise<boolean> {
      const cap = requireCapability(capability);
      const assessment = await load(organizationDocumentId);
      return Boolean(assessment?.access.capabilities[cap]);
    },

    /**
     * Throws when the organization may not do this now: 404 when unknown, 409 naming the stage
     * (`details: { organization, stage, capability }`) when its stage withholds it.
     */
    async assert(organizationDocumentId: string, capability: AccessCapability): Promise<void> {
      const cap = requireCapability(capability);
      const assessment = await load(organizationDocumentId);
      if (!assessment) throw notFound('organization', String(organizationDocumentId));
      if (!assessment.access.capabilities[cap]) throw refused(assessment, cap);
    },

    /** `assert` for an organization row the caller already holds (locked, in its transaction). */
    async assertRow(organization: OrganizationRow, capability: AccessCapability): Promise<Assessment> {
      const cap = requireCapability(capability);
      const [assessment] = await assess([organization]);
      if (!assessment.access.capabilities[cap]) throw refused(assessment, cap);
      return assessment;
    },

    refused,
  };
};

export type AccessService = ReturnType<typeof createAccessService>;
export default createAccessService;
