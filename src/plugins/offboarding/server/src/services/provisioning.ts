import type { Core } from '@strapi/strapi';
import type { EntitlementClass, ProvisioningOperation } from '../../../shared/contracts/constants';
import { UID } from '../constants';
import { addDays, toDate } from '../domain/dates';
import { planResource, type ResourceState } from '../domain/provisioning';
import { getService } from '../utils';
import { entitlementStore, type StoredEntitlementRow } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { taskStore } from '../store/task';
import { toApi, type Row } from '../utils/db';
import { conflictError, notFound } from '../utils/errors';
import { JOB_ACTOR, type Actor } from './audit';

export interface ProvisioningHandlerContext {
  strapi: Core.Strapi;
  operation: ProvisioningOperation;
  entitlement: StoredEntitlementRow;
  organization: OrganizationRow | null;
  resources: Row[];
  now: Date;
}

/** An app's own downstream work for a class; it runs inside the outbox task's transaction. */
export interface ProvisioningHandler {
  deprovision?: (ctx: ProvisioningHandlerContext) => Promise<void> | void;
  reprovision?: (ctx: ProvisioningHandlerContext) => Promise<void> | void;
}

export interface ResourceInput {
  kind: string;
  name?: string | null;
  status?: string;
  data?: Record<string, unknown> | null;
}

/**
 * Downstream deprovisioning and re-provisioning. A cancellation or reactivation queues an
 * outbox task in its own transaction; the provisioning sweep runs the class's handler (the
 * app's, or the default one of docs/spec.md §1) in a transaction of its own, with retries and backoff.
 * A handler that throws changes nothing and leaves its failure on the entitlement.
 */
const createProvisioningService = ({ strapi }: { strapi: Core.Strapi }) => {
  const handlers = new Map<EntitlementClass, ProvisioningHandler>();
  const now = () => getService(strapi, 'clock').now();
  const resourcesOf = (entitlementId: number) =>
    strapi.db.query(UID.resource).findMany({ where: { entitlement: { id: entitlementId } }, orderBy: [{ id: 'asc' }] }) as Promise<Row[]>;

  const deprovisionOnCancel = async (entitlementClass: EntitlementClass) => {
    const policy = await strapi.db.query(UID.provisioningPolicy).findOne({ where: { entitlementClass }, select: ['deprovisionOnCancel'] });
    return policy ? Boolean(policy.deprovisionOnCancel) : true;
  };

  /** The default handler: each resource patched as domain/provisioning plans it. */
  const runDefault = async (ctx: ProvisioningHandlerContext) => {
    // Teardown follows the data retention of the policy governing this entitlement.
    const policy = ctx.organization
      ? (await getService(strapi, 'policy').resolverFor({ id: ctx.organization.id }))(ctx.entitlement.class)
      : null;
    const cancelledAt = toDate(ctx.entitlement.cancelledAt ?? null) ?? ctx.now;
    const teardownAt = policy ? addDays(cancelledAt, policy.settings.dataRetentionDays) : null;
    for (const resource of ctx.resources) {
      const patch = planResource(ctx.entitlement.class, ctx.operation, resource as unknown as ResourceState, {
        now: ctx.now,
        teardownAt,
      });
      if (patch) await strapi.db.query(UID.resource).update({ where: { id: resource.id }, data: patch });
    }
  };

  const service = {
    /** `strapi.plugin('offboarding').service('provisioning').register('ENV', { deprovision, reprovision })` */
    register(entitlementClass: EntitlementClass, handler: ProvisioningHandler) {
      handlers.set(entitlementClass, handler);
    },

    /**
     * Called in the transaction of every entitlement transition: becoming cancelled queues a
     * deprovision (when the class's provisioning policy says so), coming back from cancelled or
     * a prospect's activation queues a reprovision; a prospect's cancellation queues nothing. Answers the entitlement row as it now stands when it changed it
     * (null otherwise), so the caller needs no re-read.
     */
    async onTransition(before: Row, after: Row): Promise<Row | null> {
      return (await service.onTransitions([{ before, after }]))[0];
    },

    /**
     * `onTransition` for a batch of transitions (a sweep's): each class's policy read once, one
     * write of the marks and one insert of the outbox tasks. Answers, in order, each row as it
     * now stands when it was marked (null otherwise).
     */
    async onTransitions(changes: { before: Row; after: Row }[]): Promise<(Row | null)[]> {
      const policies = new Map<EntitlementClass, boolean>();
      const operations: (ProvisioningOperation | null)[] = [];
      for (const { before, after } of changes) {
        // A prospect was never provisioned (docs/spec.md §13): its cancellation tears nothing down,
        // and its activation provisions it as a reactivation would.
        if (before.status === 'prospect') {
          operations.push(after.status === 'active' ? 'reprovision' : null);
        } else if (before.status !== 'cancelled' && after.status === 'cancelled') {
          const entitlementClass = after.class as EntitlementClass;
          if (!policies.has(entitlementClass)) policies.set(entitlementClass, await deprovisionOnCancel(entitlementClass));
          operations.push(policies.get(entitlementClass) ? 'deprovision' : null);
        } else operations.push(before.status === 'cancelled' && after.status !== 'cancelled' ? 'reprovision' : null);
      }
      const marked = changes.flatMap(({ after }, i) => {
        const operation = operations[i];
        return operation ? [{ row: after, operation, patch: { provisioningState: 'pending', provisioningOperation: operation, provisioningError: null } }] : [];
      });
      if (!marked.length) return changes.map(() => null);
      const written = await entitlementStore(strapi).writeMany(marked);
      const at = now();
      await taskStore(strapi).enqueueMany(marked.map(({ row, operation }) => ({ kind: operation, targetType: 'entitlement', targetId: String(row.documentId), dueAt: at })));
      const byId = new Map(written.map((row) => [row.id, row]));
      return changes.map(({ after }) => byId.get(after.id) ?? null);
    },

    /** The provisioning sweep's task; locked and re-checked, so a repeat is a no-op. */
    async run(documentId: string, operation: ProvisioningOperation): Promise<'performed' | 'noop'> {
      try {
        return await strapi.db.transaction(async () => {
          // Lock order: the organization (whose lock guards its entitlements and numbers its events), then the entitlement.
          const organization = await organizationStore(strapi).lockOwnerOf(documentId);
          const ent = await entitlementStore(strapi).lock(documentId);
          if (!ent || !['pending', 'failed'].includes(String(ent.provisioningState)) || ent.provisioningOperation !== operation) return 'noop';
          const ctx: ProvisioningHandlerContext = { strapi, operation, entitlement: ent, organization, resources: await resourcesOf(ent.id), now: now() };
          const custom = handlers.get(ent.class)?.[operation];
          if (custom) await custom(ctx);
          else await runDefault(ctx);
          await entitlementStore(strapi).markProvisioned(ent.id, ctx.now);
          await getService(strapi, 'events').emit({
            type: operation === 'deprovision' ? 'entitlement.deprovisioned' : 'entitlement.reprovisioned',
            actor: JOB_ACTOR,
            targetType: 'entitlement',
            targetId: documentId,
            organization: organization?.documentId ?? null,
            after: { resources: ctx.resources.length, handler: custom ? 'app' : 'default' },
          }, organization ? { organization } : {});
          return 'performed' as const;
        });
      } catch (error) {
        // The handler's work rolled back; its failure stays visible on the entitlement.
        const message = error instanceof Error ? error.message : String(error);
        await entitlementStore(strapi).markProvisioningFailed(documentId, operation, message.slice(0, 2000));
        throw error;
      }
    },

    /** An admin's retry of a failed deprovision or reprovision: queued again at once. */
    async retry(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const organization = await organizationStore(strapi).lockOwnerOf(documentId);
        const ent = await entitlementStore(strapi).lock(documentId);
        if (!ent) throw notFound('entitlement', documentId);
        const operation = ent.provisioningOperation;
        if (ent.provisioningState !== 'failed' || !operation) {
          throw conflictError('provisioning.nothing_to_retry', `Nothing to retry: provisioning is "${ent.provisioningState ?? 'none'}"`, { provisioningState: ent.provisioningState });
        }
        await getService(strapi, 'scheduler').cancelForMany([documentId]);
        await getService(strapi, 'scheduler').enqueue(operation, 'entitlement', documentId, now());
        await entitlementStore(strapi).write(ent, { provisioningState: 'pending' });
        await getService(strapi, 'events').emit({
          type: 'entitlement.provisioning_retried',
          actor,
          targetType: 'entitlement',
          targetId: documentId,
          organization: organization?.documentId ?? null,
          before: { provisioningState: 'failed', provisioningError: ent.provisioningError ?? null },
          after: { provisioningState: 'pending' },
        }, organization ? { organization } : {});
        return getService(strapi, 'entitlement').findOne(documentId);
      });
    },

    async listResources(documentId: string) {
      const id = await entitlementStore(strapi).idOf(documentId);
      if (id === null) throw notFound('entitlement', documentId);
      return (await resourcesOf(id)).map((row) => toApi<Record<string, unknown>>(row));
    },

    /** Records a resource the app provisioned for an entitlement (409 naming the stage when it may not assign one). */
    async addResource(documentId: string, input: ResourceInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        // Lock order: the organization (whose lock numbers its events) before the rows it links.
        const organization = await organizationStore(strapi).lockOwnerOf(documentId);
        const ent = await entitlementStore(strapi).withOrganization({ documentId });
        if (!ent) throw notFound('entitlement', documentId);
        // docs/spec.md §12: a new resource only while the organization's stage allows assigning
        // (not while anything is pending cancellation or suspended, nor once cancelled or closed).
        if (organization) await getService(strapi, 'access').assertRow(organization, 'assignResources');
        const row = (await strapi.db.query(UID.resource).create({
          data: { entitlement: ent.id, kind: input.kind, name: input.name ?? null, status: input.status ?? 'active', data: input.data ?? null },
        })) as Row;
        await getService(strapi, 'events').emit({
          type: 'resource.added',
          actor,
          targetType: 'resource',
          targetId: row.documentId,
          organization: ent.organization?.documentId ?? null,
          after: { entitlement: documentId, kind: input.kind, name: input.name ?? null, status: row.status },
        }, organization ? { organization } : {});
        return toApi<Record<string, unknown>>(row);
      });
    },
  };
  return service;
};

export type ProvisioningService = ReturnType<typeof createProvisioningService>;
export default createProvisioningService;
