import type { Core } from '@strapi/strapi';
import {
  DEFAULT_POLICY_SETTINGS,
  ENTITLEMENT_CLASSES,
  type EntitlementClass,
  type PolicySettings,
} from '../../../shared/contracts/constants';
import type { ResolvedPolicyView } from '../../../shared/contracts/api';
import type { DomainEventType } from '../../../shared/contracts/events';
import type { CancellationPolicy, ProvisioningPolicy } from '../../../shared/contracts/entities';
import { UID } from '../constants';
import { resolvePolicy, type PolicyCandidate, type ResolvedPolicy } from '../domain/policy';
import { organizationStore } from '../store/organization';
import { toApi, type Row } from '../utils/db';
import { fromStored, STORED_STATUS } from '../utils/stored-status';
import { conflictError, notFound } from '../utils/errors';
import { getService } from '../utils';
import { changes, type Actor } from './audit';

export interface PolicyInput extends Partial<PolicySettings> {
  name?: string;
  isDefault?: boolean;
  entitlementClass?: EntitlementClass | null;
}

export const DEFAULT_POLICY_NAME = 'Default';

export const policyView = (resolved: ResolvedPolicy): ResolvedPolicyView => ({
  source: resolved.source,
  documentId: resolved.policy?.documentId ?? null,
  name: resolved.policy?.name ?? null,
  settings: resolved.settings,
});

const createPolicyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.cancellationPolicy);

  const SETTING_FIELDS = ['name', 'isDefault', 'entitlementClass', ...Object.keys(DEFAULT_POLICY_SETTINGS)];

  const recordSettingsEvent = (type: DomainEventType, actor: Actor, targetType: string, targetId: string, diff: ReturnType<typeof changes>) =>
    getService(strapi, 'events').emit({ type, actor, targetType, targetId, organization: null, ...diff });

  const all = async () => (await query().findMany({ orderBy: [{ id: 'asc' }] })) as PolicyCandidate[];

  type Resolver = (entitlementClass: EntitlementClass | null) => ReturnType<typeof resolvePolicy>;

  /** The policy resolver of each organization: two reads whatever their number (a sweep's batch). */
  const resolversFor = async (organizationIds: number[]): Promise<Map<number, Resolver>> => {
    const overrides = await organizationStore(strapi).policyOverrideIds(organizationIds);
    const policies = (await all()) as (PolicyCandidate & { id?: number })[];
    return new Map(
      organizationIds.map((id) => {
        const override = policies.find((policy) => policy.id === overrides.get(id)) ?? null;
        const resolve: Resolver = (entitlementClass) => resolvePolicy({ organizationOverride: override, policies, entitlementClass });
        return [id, resolve];
      })
    );
  };

  /**
   * After a policy change that may move dunning stages (its list, its class, the default): the
   * tasks of every suspension under stages are derived again from the policies now in force, so
   * a stage moved earlier is not waited for at its old day (docs/spec.md §13). One read of those
   * entitlements, the policies' two, and one sync; suspensions without stages are left alone.
   */
  const resyncDunning = async () => {
    const rows = (await strapi.db.query(UID.entitlement).findMany({
      where: { [STORED_STATUS]: 'suspended', suspensionReason: 'non_payment', dunningStagesDone: { $notNull: true } },
      populate: { organization: { select: ['id'] } },
    })) as (Row & { organization?: { id: number } | null })[];
    const owned = rows.filter((row) => row.organization);
    if (!owned.length) return;
    const resolvers = await resolversFor([...new Set(owned.map((row) => (row.organization as { id: number }).id))]);
    await getService(strapi, 'scheduler').syncEntitlements(
      owned.map((row) => {
        const resolve = resolvers.get((row.organization as { id: number }).id) as Resolver;
        return { row: fromStored(row), dunningStages: resolve((row.class as EntitlementClass | null) ?? null).settings.dunningStages };
      })
    );
  };

  /** Whether a policy change may change which dunning stages govern a suspension. */
  const movesDunning = (input: PolicyInput) =>
    input.dunningStages !== undefined || input.entitlementClass !== undefined || input.isDefault !== undefined;

  /** One policy per class, and exactly one default. */
  const assertConsistent = async (input: PolicyInput, selfId: number | null) => {
    if (input.name !== undefined) {
      const sameName = await query().findOne({ where: { name: input.name }, select: ['id', 'documentId'] });
      if (sameName && sameName.id !== selfId) {
        throw conflictError('policy.name_taken', `A policy named "${input.name}" already exists`, { existing: sameName.documentId });
      }
    }
    if (input.entitlementClass && !input.isDefault) {
      const sameClass = await query().findOne({
        where: { entitlementClass: input.entitlementClass, isDefault: false },
        select: ['id', 'documentId', 'name'],
      });
      if (sameClass && sameClass.id !== selfId) {
        throw conflictError('policy.class_taken', `The policy "${sameClass.name}" already applies to class ${input.entitlementClass}`, {
          existing: sameClass.documentId,
        });
      }
    }
  };

  return {
    async list(): Promise<CancellationPolicy[]> {
      return (await all()).map((row) => toApi<CancellationPolicy>(row as Record<string, unknown>));
    },

    async findOne(documentId: string) {
      const row = await query().findOne({ where: { documentId } });
      if (!row) throw notFound('policy', documentId);
      return row as PolicyCandidate & { id: number; documentId: string };
    },

    async create(input: PolicyInput & { name: string }, actor: Actor) {
      return strapi.db.transaction(async () => {
        await assertConsistent(input, null);
        if (input.isDefault) await query().updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        const row = await query().create({ data: { ...DEFAULT_POLICY_SETTINGS, ...input, isDefault: input.isDefault ?? false } });
        await recordSettingsEvent('policy.created', actor, 'cancellation-policy', row.documentId, changes(null, row, SETTING_FIELDS));
        await getService(strapi, 'organization').refreshRetentionAll();
        await resyncDunning();
        return toApi<CancellationPolicy>(row);
      });
    },

    async update(documentId: string, input: PolicyInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const current = await query().findOne({ where: { documentId } });
        if (!current) throw notFound('policy', documentId);
        const merged = { ...current, ...input } as PolicyInput;
        await assertConsistent({ ...input, entitlementClass: merged.entitlementClass, isDefault: merged.isDefault }, current.id);
        if (current.isDefault && input.isDefault === false) {
          throw conflictError('policy.default_required', 'There must be one default policy: make another policy the default instead', {
            rule: 'isDefault',
          });
        }
        if (input.isDefault && !current.isDefault) {
          await query().updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        }
        const row = await query().update({ where: { id: current.id }, data: { ...input } });
        await recordSettingsEvent('policy.updated', actor, 'cancellation-policy', documentId, changes(current, row, SETTING_FIELDS));
        await getService(strapi, 'organization').refreshRetentionAll();
        if (movesDunning(input)) await resyncDunning();
        return toApi<CancellationPolicy>(row);
      });
    },

    /** docs/spec.md §1 resolution for one entitlement class (or organization-wide when `entitlementClass` is null). */
    async resolve(organization: { cancellationPolicy?: PolicyCandidate | null }, entitlementClass: EntitlementClass | null) {
      return resolvePolicy({
        organizationOverride: organization.cancellationPolicy ?? null,
        policies: await all(),
        entitlementClass,
      });
    },

    /**
     * The policies governing a stored organization, for any class: its override found through
     * the link table and every policy in one read of the policies table.
     */
    async resolverFor(organization: { id: number }) {
      const resolvers = await resolversFor([organization.id]);
      return resolvers.get(organization.id) as Resolver;
    },

    /** `resolverFor` for several organizations at once: two reads whatever their number (a sweep's batch). */
    resolversFor,

    /** The same, for several classes with one read of the policies table. */
    async resolver(organization: { cancellationPolicy?: PolicyCandidate | null }) {
      const policies = await all();
      return (entitlementClass: EntitlementClass | null) =>
        resolvePolicy({ organizationOverride: organization.cancellationPolicy ?? null, policies, entitlementClass });
    },

    async listProvisioning(): Promise<ProvisioningPolicy[]> {
      const rows = await strapi.db.query(UID.provisioningPolicy).findMany({ orderBy: [{ id: 'asc' }] });
      return rows.map((row: Record<string, unknown>) => toApi<ProvisioningPolicy>(row));
    },

    async updateProvisioning(documentId: string, input: { deprovisionOnCancel: boolean }, actor: Actor) {
      return strapi.db.transaction(async () => {
        const row = await strapi.db.query(UID.provisioningPolicy).findOne({ where: { documentId } });
        if (!row) throw notFound('provisioningPolicy', documentId);
        const updated = await strapi.db.query(UID.provisioningPolicy).update({ where: { id: row.id }, data: { ...input } });
        await recordSettingsEvent('provisioning_policy.updated', actor, 'provisioning-policy', documentId, changes(row, updated, ['deprovisionOnCancel']));
        return toApi<ProvisioningPolicy>(updated);
      });
    },

    /** Idempotent: a default policy and one provisioning policy per class, created only when missing. */
    async seed() {
      const hasDefault = await query().findOne({ where: { isDefault: true }, select: ['id'] });
      if (!hasDefault) {
        const named = await query().findOne({ where: { name: DEFAULT_POLICY_NAME }, select: ['id'] });
        if (named) await query().update({ where: { id: named.id }, data: { isDefault: true } });
        else await query().create({ data: { name: DEFAULT_POLICY_NAME, isDefault: true, ...DEFAULT_POLICY_SETTINGS } });
      }
      for (const entitlementClass of ENTITLEMENT_CLASSES) {
        const existing = await strapi.db
          .query(UID.provisioningPolicy)
          .findOne({ where: { entitlementClass }, select: ['id'] });
        if (!existing) {
          await strapi.db.query(UID.provisioningPolicy).create({ data: { entitlementClass, deprovisionOnCancel: true } });
        }
      }
    },
  };
};

export type PolicyService = ReturnType<typeof createPolicyService>;
export default createPolicyService;
