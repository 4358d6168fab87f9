import type { Core } from '@strapi/strapi';
import type {
  EntitlementView,
  ListOrganizationsQuery,
  OrganizationDetail,
  OrganizationInput,
  PolicyPreview,
  RetentionFacts,
  Stats,
} from '../../../shared/contracts/api';
import type { EntitlementClass, EntitlementStatus } from '../../../shared/contracts/constants';
import type { Collaborator, Entitlement, Organization } from '../../../shared/contracts/entities';
import type { DomainEventType } from '../../../shared/contracts/events';
import { UID } from '../constants';
import { toDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { planReactivate, reactivationDeadline } from '../domain/entitlement-lifecycle';
import { deriveOrganizationStatus } from '../domain/organization-status';
import type { ResolvedPolicy } from '../domain/policy';
import { computeRetentionUntil, lastCancellationOf } from '../domain/retention';
import { planRetentionFlag } from '../domain/schedule';
import { getService } from '../utils';
import { iso, toApi, type Row } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import type { Actor } from './audit';
import { changes } from './audit';
import { policyView } from './policy';
import { entitlementState } from './entitlement-state';
import type { ChangeContext } from '../events/types';
import { entitlementStore } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { retentionStateOf } from './scheduler';

export type { OrganizationRow };

/** The organization as the admin API shows it, without its relations. */
export const organizationView = (row: Record<string, unknown>): Organization => {
  const { cancellationPolicy, entitlements, collaborators, ...fields } = row;
  return toApi<Organization>(fields);
};

export const EDITABLE_FIELDS = ['name', 'taxId', 'email', 'phone', 'address', 'notes'] as const;

/** Retention counts from the longest data retention among the policies that govern the organization. */
const retentionDaysOf = (resolve: (c: EntitlementClass | null) => ResolvedPolicy, classes: EntitlementClass[]) => {
  const candidates = classes.length ? classes : [null];
  return Math.max(...candidates.map((c) => resolve(c).settings.dataRetentionDays));
};

/**
 * The organization's fields that derive from its entitlements (docs/spec.md §1): its status,
 * its last cancellation and its retention date. `entitlements` may be the rows or their
 * summary by status and class: only the statuses, classes and latest cancellations count.
 */
const derivedFields = (
  org: OrganizationRow,
  entitlements: { status: EntitlementStatus; class: EntitlementClass; cancelledAt: Date | null }[],
  resolve: NonNullable<ChangeContext['resolve']>,
  at: Date
) => {
  const status = deriveOrganizationStatus(entitlements.map((e) => e.status));
  const lastCancelledAt = lastCancellationOf(entitlements);
  const retentionStart = entitlements.length ? lastCancelledAt : toDate(org.archivedAt);
  const retentionUntil = computeRetentionUntil(
    retentionStart,
    retentionDaysOf(resolve, entitlements.map((e) => e.class)),
    retentionStart ? toDate(org.retentionExtendedUntil) : null
  );
  const data: Record<string, unknown> = { lifecycleStatus: status, lastCancelledAt, retentionUntil };
  // Retention pushed past now (a longer policy, say): out of the purge queue again.
  if (org.purgeState === 'scheduled' && (!retentionUntil || retentionUntil.getTime() > at.getTime())) {
    Object.assign(data, { purgeState: 'none', purgeAfter: null });
  }
  return data;
};

/** Whether derived fields differ from the row's stored ones (dates compared as instants). */
const moved = (org: OrganizationRow, data: Record<string, unknown>) =>
  Object.entries(data).some(([key, value]) => {
    const stored = (org as Record<string, unknown>)[key];
    if (value instanceof Date || value === null) return toDate(stored as string)?.getTime() !== (value as Date | null)?.getTime();
    return stored !== value;
  });

const createOrganizationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => organizationStore(strapi);
  const now = () => getService(strapi, 'clock').now();

  const policyDocumentIdToId = async (documentId: string | null | undefined) => {
    if (documentId === undefined) return undefined;
    if (documentId === null) return null;
    const policy = await strapi.db.query(UID.cancellationPolicy).findOne({ where: { documentId }, select: ['id'] });
    if (!policy) throw fieldError('cancellationPolicy', `no cancellation policy has id "${documentId}"`);
    return policy.id as number;
  };

  const service = {
    /** The organization row with its policy override, or a 404. */
    async findRow(documentId: string): Promise<OrganizationRow> {
      const row = await store().findWithPolicy({ documentId });
      if (!row) throw notFound('organization', documentId);
      return row;
    },

    async findRowById(id: number): Promise<OrganizationRow> {
      return (await store().findWithPolicy({ id })) as OrganizationRow;
    },

    async list(params: Required<Pick<ListOrganizationsQuery, 'page' | 'pageSize' | 'archived'>> & ListOrganizationsQuery) {
      const { results, pagination } = await store().list(params);
      return { results: results.map((row) => toApi<Organization>(row)), pagination };
    },

    async detail(documentId: string): Promise<OrganizationDetail> {
      const org = await service.findRow(documentId);
      const at = now();
      const resolve = await getService(strapi, 'policy').resolver(org);
      const purged = org.purgeState === 'purged';
      // A tombstone shows nothing it owned, even while the purge is still deleting rows.
      const ents = purged ? [] : await entitlementStore(strapi).ofOrganization(org.id);
      const archived = Boolean(org.archivedAt);
      const refunded = await getService(strapi, 'refund').totalsByEntitlement(ents.map((row) => row.documentId));
      const entitlements: EntitlementView[] = ents.map((row) => {
        const resolved = resolve(row.class);
        let reactivation: EntitlementView['reactivation'] = null;
        if (row.status === 'cancelled') {
          const state = entitlementState(row);
          const until = state.cancelledAt
            ? reactivationDeadline(state.cancelledAt, resolved.settings.reactivationWindowDays)
            : null;
          let refusal: string | null = null;
          try {
            planReactivate(state, { now: at, policy: resolved.settings, organizationArchived: archived, organizationPurged: purged });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            refusal = error.message;
          }
          reactivation = { allowed: refusal === null, until: iso(until), refusal };
        }
        return { ...toApi<Entitlement>(row), policy: policyView(resolved), refundedTotal: refunded.get(row.documentId) ?? 0, reactivation };
      });
      const collaboratorRows = purged ? [] : ((await strapi.db.query(UID.collaborator).findMany({
        where: { organization: { id: org.id } },
        populate: { user: { select: ['id', 'documentId', 'email', 'username'] } },
        orderBy: [{ id: 'asc' }],
      })) as (Row & { role: Collaborator['role']; user: (Row & { email: string; username: string }) | null })[]);
      const collaborators: Collaborator[] = collaboratorRows.map((c) => ({
        documentId: c.documentId,
        role: c.role,
        user: c.user ? { id: c.user.id, documentId: c.user.documentId, email: c.user.email, username: c.user.username } : null,
      }));
      const { cancellationPolicy, ...orgFields } = org;
      const base = toApi<Organization>(orgFields);
      const retention: RetentionFacts = {
        lastCancelledAt: base.lastCancelledAt,
        dataRetentionDays: retentionDaysOf(resolve, ents.map((e) => e.class)),
        retentionUntil: base.retentionUntil,
        retentionExtendedUntil: base.retentionExtendedUntil,
        retentionExtensionReason: base.retentionExtensionReason,
        purgeState: base.purgeState,
        purgeAfter: base.purgeAfter,
        legalHold: base.legalHold,
        legalHoldReason: base.legalHoldReason,
      };
      return {
        ...base,
        cancellationPolicy: cancellationPolicy
          ? { documentId: cancellationPolicy.documentId, name: String(cancellationPolicy.name) }
          : null,
        policy: policyView(resolve(null)),
        entitlements,
        retention,
        collaborators,
        checklist: await getService(strapi, 'checklist').forOrganization(org),
      };
    },

    async create(input: OrganizationInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const { cancellationPolicy, ...fields } = input;
        const policyId = await policyDocumentIdToId(cancellationPolicy);
        const row = await store().create({
          ...fields,
          cancellationPolicy: policyId ?? null,
          lifecycleStatus: 'active',
          accessStatus: 'enabled',
          purgeState: 'none',
          legalHold: false,
        });
        await getService(strapi, 'events').emit(
          {
            type: 'organization.created',
            actor,
            targetType: 'organization',
            targetId: row.documentId,
            organization: row.documentId,
            after: changes(null, row, EDITABLE_FIELDS).after,
            data: organizationView(row),
          },
          { organization: row }
        );
        return service.detail(row.documentId);
      });
    },

    async update(documentId: string, input: Partial<OrganizationInput>, actor: Actor) {
      return strapi.db.transaction(async () => {
        // Lock order everywhere: organization first (docs/architecture.md, "Service"). Taken before
        // the UPDATE: on MySQL/InnoDB an UPDATE by id locks the primary key only, and emit's later
        // lock by document_id takes the secondary index then the primary key, the reverse order
        // of a concurrent transition's lock, so the two deadlocked (PostgreSQL locks the row, not
        // each index). Also the diff below is now taken against the row as locked.
        await store().lock({ documentId });
        const org = await service.findRow(documentId);
        if (org.purgeState === 'purged') throw conflictError('organization.purged', 'A purged organization is a tombstone and cannot be edited', { purgeState: 'purged' });
        const { cancellationPolicy, ...fields } = input;
        const policyId = await policyDocumentIdToId(cancellationPolicy);
        const data: Record<string, unknown> = { ...fields };
        if (policyId !== undefined) data.cancellationPolicy = policyId;
        const updated = await store().update(org.id, data);
        const diff = changes(org, updated, EDITABLE_FIELDS);
        const beforePolicy = org.cancellationPolicy?.documentId ?? null;
        const afterPolicy = updated.cancellationPolicy?.documentId ?? null;
        if (beforePolicy !== afterPolicy) {
          diff.before.cancellationPolicy = beforePolicy;
          diff.after.cancellationPolicy = afterPolicy;
          await service.refreshDerived(org.id);
        }
        // Nothing changed, nothing to record.
        if (Object.keys(diff.after).length === 0) return service.detail(documentId);
        await getService(strapi, 'events').emit(
          {
            type: 'organization.updated',
            actor,
            targetType: 'organization',
            targetId: documentId,
            organization: documentId,
            ...diff,
            data: organizationView(updated),
          }
          // Not locked by this update: emit locks the organization before it numbers the event.
        );
        return service.detail(documentId);
      });
    },

    /**
     * What giving the organization `policyDocumentId` as its own policy (null: none, its classes'
     * or the default policy apply) would do to its retention, nothing written: the policy form's
     * warning (docs/spec.md §6). The same derivation as `refreshDerived`, under the chosen policy.
     */
    async previewPolicy(documentId: string, policyDocumentId: string | null): Promise<PolicyPreview> {
      const org = await service.findRow(documentId);
      if (org.purgeState === 'purged') throw conflictError('organization.purged', 'A purged organization is a tombstone and keeps no policy', { purgeState: 'purged' });
      const chosen = policyDocumentId === null ? null : await strapi.db.query(UID.cancellationPolicy).findOne({ where: { documentId: policyDocumentId } });
      if (policyDocumentId !== null && !chosen) throw fieldError('cancellationPolicy', `no cancellation policy has id "${policyDocumentId}"`);
      const policies = getService(strapi, 'policy');
      const [resolveNow, resolveNext] = [await policies.resolverFor(org), await policies.resolver({ cancellationPolicy: chosen })];
      const ents = (await entitlementStore(strapi).ofOrganization(org.id)).map((e) => ({
        status: e.status as EntitlementStatus,
        class: e.class as EntitlementClass,
        cancelledAt: toDate(e.cancelledAt as string),
      }));
      const at = now();
      const allCancelled = ents.every((e) => e.status === 'cancelled');
      const next = derivedFields(org, ents, resolveNext, at);
      const nextUntil = next.retentionUntil as Date | null;
      const current = retentionStateOf(org, allCancelled);
      const flagNow = planRetentionFlag(current, at, resolveNow(null).settings.purgeReviewDays);
      const flagNext = planRetentionFlag(
        retentionStateOf({ ...org, retentionUntil: iso(nextUntil), purgeState: (next.purgeState as string | undefined) ?? org.purgeState }, allCancelled),
        at,
        resolveNext(null).settings.purgeReviewDays
      );
      return {
        organization: documentId,
        cancellationPolicy: policyDocumentId,
        dataRetentionDays: retentionDaysOf(resolveNext, ents.map((e) => e.class)),
        retentionUntil: { current: iso(toDate(org.retentionUntil)), next: iso(nextUntil) },
        purgeableNow: Boolean(flagNext) && !flagNow,
        purgeAfter: flagNext && !flagNow ? iso(flagNext.purgeAfter) : null,
        leavesPurgeQueue: org.purgeState === 'scheduled' && next.purgeState === 'none',
      };
    },

    /**
     * Keeps the stored status, last cancellation and retention date in step with the
     * entitlements: the `organization-derived` consumer of entitlement events
     * (events/consumers.ts), and the last step of organization-level changes. What the change
     * loaded (the locked organization, its policies, its entitlements) is used, not read again.
     */
    async refreshDerived(organizationId: number, known: ChangeContext = {}) {
      const org = known.organization ?? (await service.findRowById(organizationId));
      const ents = known.entitlements ?? (await entitlementStore(strapi).ofOrganization(organizationId));
      const resolve = known.resolve ?? (await getService(strapi, 'policy').resolverFor(org));
      const data = derivedFields(org, ents.map((e) => ({ status: e.status as EntitlementStatus, class: e.class as EntitlementClass, cancelledAt: toDate(e.cancelledAt as string) })), resolve, now());
      await store().write(organizationId, data);
      await getService(strapi, 'scheduler').syncOrganization(organizationId, {
        org: { ...org, ...data },
        allCancelled: ents.every((e) => e.status === 'cancelled'),
      });
      return data;
    },

    /**
     * `refreshDerived` for a set of organizations (the rows a batch of transitions locked, or a
     * batch of a policy edit's), each once whatever the number of its rows in the batch: their
     * entitlements summed up in one grouped read, their fields written in one statement, their
     * tasks synced together. `onlyMoved`: rows whose fields did not move are not written.
     */
    async refreshDerivedMany(organizations: OrganizationRow[], resolvers: Map<number, ChangeContext['resolve']>, { onlyMoved = false } = {}) {
      if (!organizations.length) return;
      const summaries = await entitlementStore(strapi).summaryOf(organizations.map((org) => org.id));
      const at = now();
      const derived = organizations.map((org) => {
        const summary = summaries.get(org.id) ?? [];
        const resolve = resolvers.get(org.id);
        if (!resolve) throw new Error(`no policy resolver for organization ${org.documentId}`);
        return { org, data: derivedFields(org, summary, resolve, at), allCancelled: summary.every((row) => row.status === 'cancelled') };
      });
      const written = onlyMoved ? derived.filter(({ org, data }) => moved(org, data)) : derived;
      await store().writeMany(written.map(({ org, data }) => ({ id: org.id, data })));
      await getService(strapi, 'scheduler').syncOrganizations(derived.map(({ org, data, allCancelled }) => ({ org: { ...org, ...data }, allCancelled })));
    },

    /**
     * An organization-level change, on a row the caller locked: writes the fields, re-derives
     * what follows from them when asked (archive dates start retention), and emits the event
     * with the changed `fields` before and after. Answers the row as it now stands: no re-read.
     */
    async change(
      org: OrganizationRow,
      data: Record<string, unknown>,
      event: { type: DomainEventType; actor: Actor; fields: readonly string[]; derive: boolean; notes?: string | null }
    ): Promise<OrganizationRow> {
      const updatedAt = await store().write(org.id, data);
      const written = { ...org, ...data, updatedAt } as OrganizationRow;
      const after = event.derive ? ({ ...written, ...(await service.refreshDerived(org.id, { organization: written })) } as OrganizationRow) : written;
      await getService(strapi, 'events').emit(
        {
          type: event.type,
          actor: event.actor,
          targetType: 'organization',
          targetId: org.documentId,
          organization: org.documentId,
          notes: event.notes ?? null,
          ...changes(org, after, event.fields),
          data: organizationView(after),
        },
        { organization: org }
      );
      return after;
    },

    /**
     * After a policy change: every organization whose retention date derives from policies is
     * recomputed, so no date stays stale (a shorter stale date would purge early). Set-wise, a
     * batch at a time: the batch's rows (locked) in one read, their policy overrides in one,
     * then `refreshDerivedMany`, writing only the rows whose fields moved. A few statements per
     * batch, not per organization.
     */
    async refreshRetentionAll(batchSize = 500) {
      let afterId = 0;
      for (;;) {
        const rows = await store().retainedAfter(afterId, batchSize);
        if (!rows.length) return;
        const ids = rows.map((row) => row.id);
        await service.refreshDerivedMany(rows, await getService(strapi, 'policy').resolversFor(ids), { onlyMoved: true });
        afterId = ids[ids.length - 1];
      }
    },

    async stats(): Promise<Stats> {
      const { purgeQueue, legalHolds, ...organizations } = await store().counts();
      return { organizations, entitlements: { byStatus: await entitlementStore(strapi).countByStatus() }, purgeQueue, legalHolds };
    },
  };
  return service;
};

export type OrganizationService = ReturnType<typeof createOrganizationService>;
export default createOrganizationService;
