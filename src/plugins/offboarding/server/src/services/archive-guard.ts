import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID, UID } from '../constants';
import { hasRefs, relationRefs, type RelationRefs } from '../domain/relation-refs';
import { STAGE_PHRASES } from '../domain/access';
import type { OrganizationRow } from '../store/organization';
import type { Assessment } from './access';
import { getService } from '../utils';
import { conflictError, forbiddenError } from '../utils/errors';

/** The Document Service actions that can attach a row to an organization. */
const GUARDED_ACTIONS = new Set(['create', 'update', 'clone']);

/** Every Document Service action that writes. */
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

export interface DocumentCall {
  uid: string;
  action: string;
  params?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * docs/spec.md §3 and §12: an owned row with `refuseWhileArchived` (orders, quotes) is never created
 * for, or moved to, an organization whose access stage withholds `newOrders` (suspended, cancelled,
 * access disabled, archived, purged). It runs as a Document Service middleware
 * (registered in register()), so the content manager, the REST API and any code calling
 * `strapi.documents()` all pass through this one check.
 */
const createArchiveGuardService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The organization a clone inherits when its data does not name one. */
  const sourceOrganization = async (uid: string, relation: string, documentId: unknown): Promise<RelationRefs> => {
    if (typeof documentId !== 'string' || !documentId) return { ids: [], documentIds: [] };
    const source = (await strapi.db.query(uid).findOne({
      where: { documentId },
      select: ['id'],
      populate: { [relation]: { select: ['id'] } },
    })) as Record<string, { id: number } | null> | null;
    const linked = source?.[relation];
    return { ids: linked ? [linked.id] : [], documentIds: [] };
  };

  /** The first of these organizations whose stage withholds new orders (docs/spec.md §12), with its stage. */
  const refusingOrganization = async (refs: RelationRefs): Promise<Assessment | undefined> => {
    const or: Record<string, unknown>[] = [];
    if (refs.ids.length) or.push({ id: { $in: refs.ids } });
    if (refs.documentIds.length) or.push({ documentId: { $in: refs.documentIds } });
    const organizations = (await strapi.db.query(UID.organization).findMany({ where: { $or: or } })) as OrganizationRow[];
    const assessed = await getService(strapi, 'access').assess(organizations);
    return assessed.find(({ access }) => !access.capabilities.newOrders);
  };

  return {
    /**
     * The plugin's own types change only through its actions, which pass the state machine, the
     * refund ledger and the audit trail (the plugin itself writes with `strapi.db.query`). A
     * write through the Document Service — the Content Manager of an app that shows these
     * types, the REST API, host-app code — is refused, naming the way to do it.
     */
    assertPluginTypeAccess({ uid, action }: DocumentCall): void {
      if (!uid.startsWith(`plugin::${PLUGIN_ID}.`)) return;
      if (!WRITE_ACTIONS.has(action)) {
        // A read through the Content Manager (a role may be granted its permissions on these
        // hidden types) re-checks the plugin's own read permission: the raw rows hold internal
        // fields the plugin shows only to admins allowed to read it. Host-app code reads freely.
        const request = strapi.requestContext.get();
        if (!request?.path.startsWith('/content-manager/')) return;
        const ability = request.state?.userAbility as { can: (action: string) => boolean } | undefined;
        if (ability?.can(ACTIONS.read)) return;
        throw forbiddenError('content.read_forbidden', `Reading ${uid} needs the Offboarding permission "Read" (${ACTIONS.read})`, { uid, action });
      }
      throw conflictError(
        'content.plugin_type_read_only',
        `${uid} changes only through the Offboarding plugin's actions (admin API, panel or its services), so every change passes its rules and audit trail; "${action}" through the Document Service is refused`,
        { uid, action }
      );
    },

    /** Throws a 409 naming the organization and its stage when the call would attach the row to one that may not take new orders. */
    async check({ uid, action, params }: DocumentCall): Promise<void> {
      if (!GUARDED_ACTIONS.has(action)) return;
      const owned = getService(strapi, 'owned-data').get(uid);
      if (!owned?.refuseWhileArchived) return;
      const input = isRecord(params) ? params : {};
      const data = isRecord(input.data) ? input.data : {};
      let refs = relationRefs(data[owned.relation]);
      if (action === 'clone' && !(owned.relation in data)) refs = await sourceOrganization(uid, owned.relation, input.documentId);
      if (!hasRefs(refs)) return;
      const refusing = await refusingOrganization(refs);
      if (!refusing) return;
      const { organization, access } = refusing;
      const what = getService(strapi, 'owned-data').displayName(uid).toLowerCase();
      const stage = access.stage === 'purged' ? 'archived and purged' : STAGE_PHRASES[access.stage];
      throw conflictError(
        'content.organization_closed',
        `Organization ${JSON.stringify(organization.name)} is ${stage}: no ${what} can be created for it or moved to it${
          access.stage === 'archived' ? ' until it is unarchived' : ''
        }`,
        {
          organization: organization.documentId,
          stage: access.stage,
          capability: 'newOrders',
          archived: Boolean(organization.archivedAt),
          purgeState: organization.purgeState,
          relation: owned.relation,
        }
      );
    },
  };
};

export type ArchiveGuardService = ReturnType<typeof createArchiveGuardService>;
export default createArchiveGuardService;
