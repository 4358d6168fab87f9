import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SuspendRequest } from '../../../shared/contracts/api';
import type { EntitlementStatus, PauseAccess, SuspensionReason, TaskKind } from '../../../shared/contracts/constants';
import type { Entitlement } from '../../../shared/contracts/entities';
import type { DomainEventType } from '../../../shared/contracts/events';
import type {
  DatedChangeKind,
  ListScheduledChanges,
  ScheduledAnswer,
  ScheduledChange,
  ScheduledChangeKind,
} from '../../../shared/contracts/lifecycle';
import { DATED_CHANGE_KINDS } from '../../../shared/contracts/lifecycle';
import { UID, type ActionKey } from '../constants';
import { toDate, type DateInput } from '../domain/dates';
import {
  assertFuture,
  assertSchedulable,
  derivedChangeId,
  desiredChangeTasks,
  isEntitlementChange,
  LISTED_TASK_KINDS,
  parseChangeId,
  taskKindsOf,
  type ListedTaskKind,
  type ScheduledChangeState,
} from '../domain/scheduled-change';
import { entitlementStore } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { getService } from '../utils';
import type { Row } from '../utils/db';
import { conflictError, notFound, withDomainErrors } from '../utils/errors';
import { linkTableOf, tableOf } from '../utils/links';
import { findPageBounded, type PageRequest } from '../utils/paging';
import { JOB_ACTOR, type Actor } from './audit';
import type { TaskOutcome } from './sweeps';

/** What a dated change is made with when due (the request's own fields). */
export interface ChangePayload {
  reason?: string | null;
  reasonCode?: string | null;
  notes?: string | null;
  resumeAt?: string | null;
  access?: PauseAccess | null;
}

/** A row of `offboarding_scheduled_changes`. */
export type ChangeRow = Row & {
  kind: DatedChangeKind;
  state: ScheduledChangeState;
  effectiveAt: DateInput;
  organization: string;
  entitlement: string | null;
  payload: ChangePayload | string | null;
  requestedBy: string | null;
  failure: string | null;
  performedAt: DateInput;
};

export interface ScheduleInput {
  kind: DatedChangeKind;
  /** The entitlement's documentId, for suspend, resume and pause. */
  entitlement?: string | null;
  /** The organization's documentId, for the access changes. */
  organization?: string | null;
  effectiveAt: Date;
  /** The request field that carried the date, named by a refusal (`effectiveAt`, `startAt`). */
  field?: string;
  payload: ChangePayload;
  actor: Actor;
}

/** Who may take back a change: the RBAC action of the change itself. */
const UNDO_ACTION: Record<DatedChangeKind | 'cancellation', ActionKey> = {
  suspend: 'suspend',
  resume: 'suspend',
  pause: 'suspend',
  disable_access: 'access',
  enable_access: 'access',
  cancellation: 'cancel',
};

const parsePayload = (value: ChangeRow['payload']): ChangePayload => {
  if (typeof value !== 'string') return value ?? {};
  try {
    return JSON.parse(value) as ChangePayload;
  } catch {
    return {};
  }
};

const iso = (value: DateInput) => toDate(value)?.toISOString() ?? '';

/** A refusal a due change may meet (a 4xx: the state no longer allows it); anything else is retried. */
const isRefusal = (error: unknown): error is Error => {
  if (error instanceof errors.ApplicationError) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

const createScheduledChangeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const changes = () => strapi.db.query(UID.scheduledChange);
  const now = () => getService(strapi, 'clock').now();
  const events = () => getService(strapi, 'events');

  const view = (row: ChangeRow, organizationName: string, entitlementName: string | null): ScheduledChange => {
    const payload = parsePayload(row.payload);
    return {
      id: row.documentId,
      kind: row.kind,
      at: iso(row.effectiveAt),
      organization: { documentId: row.organization, name: organizationName },
      entitlement: row.entitlement ? { documentId: row.entitlement, name: entitlementName } : null,
      undoable: row.state === 'pending',
      details: {
        reason: payload.reasonCode ?? payload.reason ?? null,
        notes: payload.notes ?? null,
        ...(row.kind === 'pause' ? { resumeAt: payload.resumeAt ?? null, access: payload.access ?? null } : {}),
      },
      createdBy: row.requestedBy ?? null,
    };
  };

  /** One change row's view, its names read. */
  const viewOf = async (row: ChangeRow, organization?: Pick<OrganizationRow, 'name'>) => {
    const org = organization ?? (await organizationStore(strapi).refOf(row.organization));
    const names = row.entitlement ? await entitlementStore(strapi).namesOf([row.entitlement]) : new Map<string, string | null>();
    return view(row, String(org?.name ?? ''), row.entitlement ? (names.get(row.entitlement) ?? null) : null);
  };

  const sync = (row: ChangeRow) =>
    getService(strapi, 'scheduler').syncScheduledChange(row.documentId, desiredChangeTasks({ state: row.state, effectiveAt: toDate(row.effectiveAt) }));

  /** The change's own event: its row as the list shows it, in the organization's trail. */
  const record = async (type: DomainEventType, row: ChangeRow, organization: OrganizationRow, actor: Actor, notes: string | null = null) => {
    const data = await viewOf(row, organization);
    // An access change's reason is the staff's free text (the organization's accessReason): the
    // audit row keeps it, the event's data (webhooks without personal data) does not.
    const details = row.kind === 'disable_access' || row.kind === 'enable_access' ? { ...data.details, reason: null } : data.details;
    await events().emit(
      {
        type,
        actor,
        targetType: 'scheduled-change',
        targetId: row.documentId,
        organization: organization.documentId,
        reason: data.details.reason ?? null,
        notes,
        after: { kind: row.kind, state: row.state, effectiveAt: iso(row.effectiveAt), entitlement: row.entitlement },
        data: { ...data, details },
      },
      { organization }
    );
    return data;
  };

  /** Locks the organization a change belongs to; every write to a change row holds it. */
  const lockChange = async (documentId: string): Promise<{ row: ChangeRow; organization: OrganizationRow } | null> => {
    const first = (await changes().findOne({ where: { documentId }, select: ['organization'] })) as Pick<ChangeRow, 'organization'> | null;
    if (!first) return null;
    const organization = await organizationStore(strapi).lock({ documentId: first.organization });
    if (!organization) return null;
    // Read again under the lock: another instance may have made or cancelled it meanwhile.
    const row = (await changes().findOne({ where: { documentId } })) as ChangeRow | null;
    return row ? { row, organization } : null;
  };

  const setState = async (row: ChangeRow, data: Partial<Pick<ChangeRow, 'state' | 'failure' | 'performedAt'>>) => {
    const updated = (await changes().update({ where: { id: row.id }, data })) as ChangeRow;
    await sync(updated);
    return updated;
  };

  /** Makes a due change through the action's own service path, as the job. */
  const perform = async (row: ChangeRow) => {
    const payload = parsePayload(row.payload);
    const entitlement = row.entitlement ?? '';
    switch (row.kind) {
      case 'suspend': {
        const body: SuspendRequest = {
          reason: (payload.reason ?? 'manual') as SuspensionReason,
          ...(payload.reasonCode ? { reasonCode: payload.reasonCode } : {}),
          notes: payload.notes ?? null,
        };
        await getService(strapi, 'entitlement').suspend(entitlement, body, JOB_ACTOR);
        return;
      }
      case 'resume':
        await getService(strapi, 'entitlement').resume(entitlement, JOB_ACTOR);
        return;
      case 'pause': {
        await getService(strapi, 'entitlement').pause(
          entitlement,
          { reason: payload.reason ?? '', notes: payload.notes ?? null, startAt: null, resumeAt: payload.resumeAt ?? null, access: payload.access ?? 'keep' },
          JOB_ACTOR
        );
        return;
      }
      case 'disable_access':
      case 'enable_access':
        await getService(strapi, 'organization-lifecycle').setAccess(
          row.organization,
          row.kind === 'disable_access' ? 'disabled' : 'enabled',
          payload.reason ?? null,
          JOB_ACTOR
        );
    }
  };

  const service = {
    /**
     * Schedules a dated change, in the caller's transaction (or its own): the date must be
     * ahead and the change allowed from the target's current state (400 naming the field, 409
     * naming the state, nothing written). Answers the change as the list shows it.
     */
    async schedule(input: ScheduleInput): Promise<ScheduledChange> {
      return strapi.db.transaction(async () => {
        const field = input.field ?? 'effectiveAt';
        let organization: OrganizationRow | null;
        let status: EntitlementStatus | null = null;
        if (isEntitlementChange(input.kind)) {
          const documentId = input.entitlement ?? '';
          organization = await organizationStore(strapi).lockOwnerOf(documentId);
          const entitlement = organization ? (await entitlementStore(strapi).byDocumentIds([documentId]))[0] : undefined;
          if (!organization || !entitlement) throw notFound('entitlement', documentId);
          status = entitlement.row.status;
        } else {
          organization = await organizationStore(strapi).lock({ documentId: input.organization ?? '' });
          if (!organization) throw notFound('organization', input.organization ?? '');
        }
        const at = now();
        withDomainErrors(() => {
          assertFuture(input.effectiveAt, at, field);
          assertSchedulable(input.kind, {
            status,
            accessStatus: organization.accessStatus === 'disabled' ? 'disabled' : 'enabled',
            purged: organization.purgeState === 'purged',
          });
        });
        const row = (await changes().create({
          data: {
            kind: input.kind,
            state: 'pending',
            effectiveAt: input.effectiveAt,
            organization: organization.documentId,
            entitlement: isEntitlementChange(input.kind) ? input.entitlement : null,
            payload: input.payload,
            requestedBy: input.actor.name ?? input.actor.id ?? input.actor.type,
          },
        })) as ChangeRow;
        await sync(row);
        return record('scheduled_change.created', row, organization, input.actor);
      });
    },

    /**
     * A dated request on an entitlement: the change scheduled, and the entitlement as it stands.
     * `field` names the request's date in a refusal (a pause's `startAt`).
     */
    async requestForEntitlement(
      kind: DatedChangeKind,
      documentId: string,
      effectiveAt: Date,
      payload: ChangePayload,
      actor: Actor,
      field = 'effectiveAt'
    ): Promise<ScheduledAnswer<Entitlement>> {
      return strapi.db.transaction(async () => {
        const scheduledChange = await service.schedule({ kind, entitlement: documentId, effectiveAt, field, payload, actor });
        return { data: await getService(strapi, 'entitlement').findOne(documentId), scheduledChange };
      });
    },

    /** A dated access change: the change scheduled, and the organization as it stands. */
    async requestForOrganization(kind: 'disable_access' | 'enable_access', documentId: string, effectiveAt: Date, reason: string | null, actor: Actor) {
      return strapi.db.transaction(async () => {
        const scheduledChange = await service.schedule({ kind, organization: documentId, effectiveAt, payload: { reason }, actor });
        return { data: await getService(strapi, 'organization').detail(documentId), scheduledChange };
      });
    },

    /**
     * The `apply_change` task: makes the change when due, once. The organization's lock and the
     * row's state guard it (a second sweep reaching it finds it done: a no-op). A change its
     * target's state now refuses fails: the row says why, `scheduled_change.failed` is emitted,
     * and the task is done (a refusal is not retried); any other error is retried by the sweep.
     */
    async apply(documentId: string): Promise<TaskOutcome> {
      try {
        return await strapi.db.transaction(async () => {
          const locked = await lockChange(documentId);
          if (!locked || locked.row.state !== 'pending') return 'noop';
          const due = toDate(locked.row.effectiveAt);
          if (!due || due.getTime() > now().getTime()) return 'noop';
          await perform(locked.row);
          await setState(locked.row, { state: 'done', performedAt: now() });
          return 'performed';
        });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        // The change's transaction rolled back whole; the failure is recorded in its own.
        return strapi.db.transaction(async () => {
          const locked = await lockChange(documentId);
          if (!locked || locked.row.state !== 'pending') return 'noop';
          const failed = await setState(locked.row, { state: 'failed', failure: error.message.slice(0, 2000) });
          await record('scheduled_change.failed', failed, locked.organization, JOB_ACTOR, error.message.slice(0, 2000));
          return 'performed';
        });
      }
    },

    /**
     * DELETE /scheduled-changes/:id: a pending dated change is cancelled; a pending cancellation
     * is undone (entitlement.undoCancel). `can` tells whether the admin holds an RBAC action:
     * each change needs its own (403 otherwise, nothing changed). Others: 409.
     */
    async cancel(id: string, can: (action: ActionKey) => boolean, actor: Actor): Promise<ScheduledChange> {
      const parsed = parseChangeId(id);
      if (!parsed) throw notFound('scheduledChange', id);
      const refuseUnless = (action: ActionKey) => {
        // A 403 like the route policies' own (PolicyError), naming the action the change needs.
        if (!can(action)) throw new errors.PolicyError(`Taking back this change needs the "${action}" permission`, { code: 'auth.forbidden', action });
      };
      if ('kind' in parsed) {
        if (parsed.kind !== 'cancellation') throw conflictError('scheduled_change.not_undoable', `This change cannot be undone here: ${parsed.kind}`, { kind: parsed.kind });
        const [listed] = (await service.list({ kind: 'cancellation', entitlement: parsed.target, from: null }, { page: 1, pageSize: 1 })).results;
        if (!listed) throw notFound('scheduledChange', id);
        refuseUnless(UNDO_ACTION.cancellation);
        await getService(strapi, 'entitlement').undoCancel(parsed.target, actor);
        return { ...listed, undoable: false };
      }
      return strapi.db.transaction(async () => {
        const locked = await lockChange(parsed.dated);
        if (!locked) throw notFound('scheduledChange', id);
        refuseUnless(UNDO_ACTION[locked.row.kind]);
        if (locked.row.state !== 'pending') {
          throw conflictError('scheduled_change.not_pending', `The change is ${locked.row.state}: only a pending change can be cancelled`, { state: locked.row.state });
        }
        const cancelled = await setState(locked.row, { state: 'cancelled' });
        return record('scheduled_change.cancelled', cancelled, locked.organization, actor);
      });
    },

    /**
     * Every future change, soonest first, off the pending task queue (indexed by state, kind and
     * due time): a dated change's `apply_change` task, and the tasks the rows' states derive
     * (cancellations, pause ends, grace ends, dunning steps, purges). One count and one page
     * read, then the page's targets read by documentId.
     */
    async list(
      filter: { organization?: string | null; kind?: ScheduledChangeKind | null; from?: Date | null; to?: Date | null; entitlement?: string | null },
      page: PageRequest
    ): Promise<{ results: ScheduledChange[]; pagination: ListScheduledChanges.Response['meta']['pagination'] }> {
      const kinds = taskKindsOf(filter.kind ?? undefined);
      const where: Record<string, unknown>[] = [{ state: 'pending' }, { kind: { $in: kinds } }];
      const changeTable = tableOf(strapi, UID.scheduledChange);
      const knex = strapi.db.connection;
      if (filter.kind && (DATED_CHANGE_KINDS as readonly string[]).includes(filter.kind)) {
        where.push({ targetId: { $in: knex(changeTable).select('document_id').where({ kind: filter.kind, state: 'pending' }) } });
      }
      if (filter.from) where.push({ dueAt: { $gte: filter.from } });
      if (filter.to) where.push({ dueAt: { $lte: filter.to } });
      if (filter.entitlement) where.push({ targetType: 'entitlement', targetId: filter.entitlement });
      if (filter.organization) {
        const org = await organizationStore(strapi).refOf(filter.organization);
        if (!org) throw notFound('organization', filter.organization);
        const link = linkTableOf(strapi, UID.entitlement, 'organization');
        const entitlements = tableOf(strapi, UID.entitlement);
        where.push({
          $or: [
            { targetType: 'organization', targetId: org.documentId },
            {
              targetType: 'entitlement',
              targetId: {
                $in: knex(link.table)
                  .join(entitlements, `${entitlements}.id`, `${link.table}.${link.ownColumn}`)
                  .where(`${link.table}.${link.relatedColumn}`, org.id)
                  .select(`${entitlements}.document_id`),
              },
            },
            { targetType: 'scheduled-change', targetId: { $in: knex(changeTable).select('document_id').where({ organization: org.documentId, state: 'pending' }) } },
          ],
        });
      }
      const { results, pagination } = await findPageBounded(strapi.db.query(UID.task), {
        where: { $and: where },
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        ...page,
      });
      const tasks = results as (Row & { kind: TaskKind; targetType: string; targetId: string; dueAt: DateInput })[];
      return { results: await hydrate(tasks), pagination };
    },

    /** An organization being deleted or purged: its change rows go, and their tasks with them. */
    async removeForOrganizations(organizationDocumentIds: string[]) {
      if (!organizationDocumentIds.length) return;
      const rows = (await changes().findMany({ where: { organization: { $in: organizationDocumentIds } }, select: ['documentId'] })) as Pick<ChangeRow, 'documentId'>[];
      if (!rows.length) return;
      await getService(strapi, 'scheduler').cancelForMany(rows.map((row) => row.documentId));
      await changes().deleteMany({ where: { organization: { $in: organizationDocumentIds } } });
    },
  };

  /** The page's tasks as changes: their rows, entitlements and organizations read once each. */
  const hydrate = async (tasks: (Row & { kind: TaskKind; targetType: string; targetId: string; dueAt: DateInput })[]): Promise<ScheduledChange[]> => {
    const changeIds = tasks.filter((t) => t.kind === 'apply_change').map((t) => t.targetId);
    const entitlementIds = tasks.filter((t) => t.targetType === 'entitlement').map((t) => t.targetId);
    const rows = changeIds.length ? ((await changes().findMany({ where: { documentId: { $in: changeIds } } })) as ChangeRow[]) : [];
    const entitlements = await entitlementStore(strapi).byDocumentIds([...new Set([...entitlementIds, ...rows.flatMap((row) => (row.entitlement ? [row.entitlement] : []))])]);
    const organizations = await organizationStore(strapi).refs({
      ids: entitlements.flatMap((e) => (e.organizationId === null ? [] : [e.organizationId])),
      documentIds: [...tasks.filter((t) => t.targetType === 'organization').map((t) => t.targetId), ...rows.map((row) => row.organization)],
    });
    const orgById = new Map(organizations.map((org) => [org.id, org]));
    const orgByDocumentId = new Map(organizations.map((org) => [org.documentId, org]));
    const entByDocumentId = new Map(entitlements.map((e) => [e.row.documentId, e]));
    const rowByDocumentId = new Map(rows.map((row) => [row.documentId, row]));
    const out: ScheduledChange[] = [];
    for (const task of tasks) {
      if (task.kind === 'apply_change') {
        const row = rowByDocumentId.get(task.targetId);
        if (!row) continue;
        out.push(view(row, String(orgByDocumentId.get(row.organization)?.name ?? ''), row.entitlement ? (entByDocumentId.get(row.entitlement)?.row.name ?? null) : null));
        continue;
      }
      const kind = LISTED_TASK_KINDS[task.kind as ListedTaskKind];
      const at = iso(task.dueAt);
      if (task.targetType === 'organization') {
        const org = orgByDocumentId.get(task.targetId);
        out.push({
          id: derivedChangeId(kind, task.targetId),
          kind,
          at,
          organization: { documentId: task.targetId, name: String(org?.name ?? '') },
          entitlement: null,
          undoable: false,
          details: {},
          createdBy: null,
        });
        continue;
      }
      const ent = entByDocumentId.get(task.targetId);
      const org = ent && ent.organizationId !== null ? orgById.get(ent.organizationId) : undefined;
      if (!ent || !org) continue;
      const row = ent.row as Row;
      out.push({
        id: derivedChangeId(kind, task.targetId),
        kind,
        at,
        organization: { documentId: org.documentId, name: String(org.name) },
        entitlement: { documentId: task.targetId, name: ent.row.name ?? null },
        undoable: kind === 'cancellation',
        details:
          kind === 'cancellation'
            ? { reason: (row.cancellationReason as string | null) ?? null, notes: (row.cancellationNotes as string | null) ?? null }
            : kind === 'grace_end'
              ? { reason: (row.suspensionReasonCode as string | null) ?? null }
              : kind === 'pause_end'
                ? { reason: (row.pauseReason as string | null) ?? null, access: (row.pauseAccess as PauseAccess | null) ?? null }
                : {},
        createdBy: kind === 'cancellation' ? ((row.cancelRequestedBy as string | null) ?? null) : null,
      });
    }
    return out;
  };

  return service;
};

export type ScheduledChangeService = ReturnType<typeof createScheduledChangeService>;
export default createScheduledChangeService;
