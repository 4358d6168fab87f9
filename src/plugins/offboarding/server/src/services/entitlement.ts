import type { Core } from '@strapi/strapi';
import type { CancelAllPreview, CancelAllRequest, CancelPreview, CancelRequest, EntitlementInput, SuspendRequest } from '../../../shared/contracts/api';
import type { EntitlementClass, RefundMode } from '../../../shared/contracts/constants';
import type { Entitlement } from '../../../shared/contracts/entities';
import type { DomainEventType } from '../../../shared/contracts/events';
import type { PauseRequest, ScheduledAnswer } from '../../../shared/contracts/lifecycle';
import { DAY_MS, toDate } from '../domain/dates';
import { ALLOWED_FROM, assertTransition } from '../domain/entitlement-lifecycle';
import {
  planActivate,
  planCancel,
  planCompleteCancellation,
  planEndPause,
  planGraceExpiry,
  planPause,
  planPauseExpiry,
  planReactivate,
  planResume,
  planSuspend,
  planUndoCancel,
  type CancelPlan,
  type EntitlementPatch,
  type EntitlementState,
} from '../domain/entitlement-lifecycle';
import { planDunningStep } from '../domain/dunning';
import type { ResolvedPolicy } from '../domain/policy';
import type { GroupOutcome } from './sweeps';
import { getService } from '../utils';
import { toApi, type Row } from '../utils/db';
import { fromStored } from '../utils/stored-status';
import { conflictError, fieldError, notFound, withDomainErrors } from '../utils/errors';
import { changes, JOB_ACTOR, type Actor } from './audit';
import { entitlementState } from './entitlement-state';
import type { ChangeContext } from '../events/types';
import { entitlementStore, type EntitlementRow, type EntitlementWithOrganization } from '../store/entitlement';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { policyView } from './policy';
import type { LedgerEntry, RefundPeriod } from './refund';


/** What a transition loads once, under lock, and hands down to everything after the write. */
interface TransitionContext {
  entitlement: EntitlementRow;
  /** Every entitlement of the organization, this one included, as read under its lock. */
  entitlements: EntitlementRow[];
  state: EntitlementState;
  organization: OrganizationRow;
  /** The policies governing the organization, for any class (read once per transition). */
  resolve: (entitlementClass: EntitlementClass | null) => ResolvedPolicy;
  policy: ResolvedPolicy;
  now: Date;
}

interface TransitionResult {
  action: DomainEventType;
  patch: EntitlementPatch;
  reason?: string | null;
  notes?: string | null;
  /** The refund ledger row the transition grants (or takes back), written in its transaction. */
  ledger?: LedgerEntry | null;
  /** More for the event's data than the entitlement as it stands (a dunning stage reached). */
  data?: Record<string, unknown>;
}

/** The billing period a cancellation of this entitlement refunds: its current one. */
const periodOf = (ctx: TransitionContext): RefundPeriod => ({
  entitlement: ctx.entitlement.documentId,
  periodStart: ctx.state.currentPeriodStart,
  periodEnd: ctx.state.currentPeriodEnd,
});

const ledgerEntry = (ctx: TransitionContext, mode: RefundMode, amount: number, kind: LedgerEntry['kind']): LedgerEntry | null =>
  mode === 'none' || !amount
    ? null
    : { ...periodOf(ctx), organization: ctx.organization.documentId, amount, currency: ctx.entitlement.currency, mode, kind };

/** The transitions the transitions sweep makes when their time comes. */
type ScheduledKind = 'complete_cancellation' | 'expire_grace' | 'resume_pause';

const PLAN_SCHEDULED: Record<ScheduledKind, (state: EntitlementState, at: Date) => EntitlementPatch | null> = {
  complete_cancellation: planCompleteCancellation,
  expire_grace: planGraceExpiry,
  resume_pause: planPauseExpiry,
};

const planScheduled = (kind: ScheduledKind, state: EntitlementState, at: Date) => PLAN_SCHEDULED[kind](state, at);

/** What a scheduled transition records, by the job: a cancellation with its reason, or a pause's end. */
const scheduledResult = (kind: ScheduledKind, entitlement: EntitlementRow, patch: EntitlementPatch): TransitionResult =>
  kind === 'resume_pause'
    ? { action: 'entitlement.resumed', patch, notes: 'The pause ended on its resume date' }
    : {
        action: 'entitlement.cancelled',
        patch,
        reason: kind === 'expire_grace' ? 'payment_failure' : (entitlement.cancellationReason as string | null),
        notes: kind === 'expire_grace' ? 'Grace period ended without payment' : 'Scheduled cancellation took effect',
      };

/** What cancel-all cancels: every status `cancel` starts from (docs/spec.md §1, §13). */
const CANCELLABLE = ALLOWED_FROM.cancel;

/** The reason code a suspension records: the one given, or the suspension reason's own. */
const suspensionReasonCode = (body: SuspendRequest) => body.reasonCode ?? (body.reason === 'non_payment' ? 'payment_failure' : 'other');

/** An entitlement without an organization cannot be worked: one at a time or in a batch, the same refusal. */
const orphanError = (documentId: string) => conflictError('entitlement.orphan', 'The entitlement belongs to no organization', { documentId });

const createEntitlementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => entitlementStore(strapi);
  const organizations = () => getService(strapi, 'organization');
  const now = () => getService(strapi, 'clock').now();
  const refunds = () => getService(strapi, 'refund');

  /**
   * Loads an entitlement with what its rules need, each row once: its organization (locked,
   * found through the entitlement in the same statement), the organization's entitlements (the
   * one changed among them), and the policies governing it. A preview reads the same, unlocked.
   */
  const contextOf = (
    organization: OrganizationRow,
    entitlements: EntitlementRow[],
    resolve: TransitionContext['resolve'],
    entitlement: EntitlementRow
  ): TransitionContext => ({
    entitlement,
    entitlements,
    state: entitlementState(entitlement),
    organization,
    resolve,
    policy: resolve(entitlement.class),
    now: now(),
  });

  /** `load`, answering null for an entitlement that is gone (a sweep's task outliving its row). */
  const loadIfAny = async (documentId: string): Promise<TransitionContext | null> => {
    const organization = await organizationStore(strapi).lockOwnerOf(documentId);
    if (!organization) {
      if ((await store().idOf(documentId)) === null) return null;
      throw orphanError(documentId);
    }
    // Every change to an organization's entitlements holds the organization's lock, taken above
    // (inside a transaction): the rows read next cannot change under it.
    const entitlements = await store().ofOrganization(organization.id);
    const entitlement = entitlements.find((row) => row.documentId === documentId);
    if (!entitlement) return null;
    return contextOf(organization, entitlements, await getService(strapi, 'policy').resolverFor(organization), entitlement);
  };

  /**
   * Loads an entitlement with what its rules need, each row once: its organization (locked,
   * found through the entitlement in the same statement), the organization's entitlements (the
   * one changed among them), and the policies governing it. A preview reads the same, unlocked.
   */
  const load = async (documentId: string): Promise<TransitionContext> => {
    const ctx = await loadIfAny(documentId);
    if (!ctx) throw notFound('entitlement', documentId);
    return ctx;
  };

  /** The API shape of a stored entitlement row and its organization. */
  const viewOf = (row: Row, organization: Row | null): Entitlement => ({
    ...toApi<Entitlement>(row),
    organization: organization ? { documentId: organization.documentId, name: String(organization.name) } : null,
  });

  const view = async (id: number): Promise<Entitlement> => {
    const { organization, ...fields } = (await store().withOrganization({ id })) as EntitlementWithOrganization;
    return viewOf(fields, organization);
  };

  /**
   * One transition: lock, re-check the state, write the patch, refresh the organization,
   * append the audit event — all in one transaction, so a refusal changes nothing.
   */
  const transition = (documentId: string, actor: Actor, decide: (ctx: TransitionContext) => Promise<TransitionResult> | TransitionResult) =>
    strapi.db.transaction(async () => {
      const ctx = await load(documentId);
      return apply(ctx, actor, await decide(ctx));
    });

  const applyWithRows = async (ctx: TransitionContext, actor: Actor, result: TransitionResult) => {
    const before = ctx.entitlement;
    const after = await store().write(before, result.patch);
    const change: ChangeContext = {
      organization: ctx.organization,
      resolve: ctx.resolve,
      entitlement: { before, after },
      entitlements: ctx.entitlements.map((row) => (row.id === after.id ? after : row)),
    };
    const diff = changes(before, after, Object.keys(result.patch));
    await getService(strapi, 'events').emit(
      {
        type: result.action,
        actor,
        targetType: 'entitlement',
        targetId: before.documentId,
        organization: ctx.organization.documentId,
        reason: result.reason ?? null,
        notes: result.notes ?? null,
        ...diff,
        data: { ...viewOf(after, ctx.organization), ...result.data },
      },
      change
    );
    if (result.ledger) await refunds().record(result.ledger, actor, change);
    // The row as it finally stands (provisioning may have marked it), for the answer: no re-read.
    const final = change.entitlement?.after ?? after;
    return {
      view: viewOf(final, ctx.organization),
      entitlements: ctx.entitlements.map((row) => (row.id === final.id ? (final as EntitlementRow) : row)),
    };
  };

  const apply = async (ctx: TransitionContext, actor: Actor, result: TransitionResult) => (await applyWithRows(ctx, actor, result)).view;

  const planCancelFor = (ctx: TransitionContext, body: CancelRequest, actor: Actor, alreadyRefunded = 0): CancelPlan =>
    withDomainErrors(() =>
      planCancel(ctx.state, {
        timing: body.timing,
        effectiveAt: toDate(body.effectiveAt),
        refund: body.refund ?? 'none',
        prorateAsOf: toDate(body.prorateAsOf),
        reason: body.reason,
        notes: body.notes ?? null,
        requestedBy: actor.name ?? actor.id ?? actor.type,
        now: ctx.now,
        policy: ctx.policy.settings,
        alreadyRefunded,
      })
    );

  /**
   * The money is granted when the cancellation is requested, as `refundAmount` always was:
   * the ledger row is written with the request, a pending one included (undo takes it back).
   */
  const cancelResult = (ctx: TransitionContext, plan: CancelPlan, body: CancelRequest): TransitionResult => ({
    action: plan.immediate ? 'entitlement.cancelled' : 'entitlement.cancellation_scheduled',
    patch: plan.patch,
    reason: body.reason,
    notes: body.notes ?? null,
    ledger: ledgerEntry(ctx, plan.refund.mode, plan.refund.amount, 'refund'),
  });

  /** The organization (locked when changing) and its cancellable entitlements; a 409 when there is none. */
  const cancellableOf = async (organizationDocumentId: string, lock = true) => {
    const org = lock
      ? await organizationStore(strapi).lock({ documentId: organizationDocumentId })
      : await organizationStore(strapi).find({ documentId: organizationDocumentId });
    if (!org) throw notFound('organization', organizationDocumentId);
    const entitlements = await store().ofOrganization(org.id);
    const ids = entitlements.filter((row) => CANCELLABLE.includes(row.status)).map((row) => row.documentId);
    if (!ids.length) {
      throw conflictError('organization.nothing_to_cancel', 'The organization has no active or suspended entitlement to cancel (nor a paused one, nor a prospect)', { organization: organizationDocumentId });
    }
    return { org, open: { entitlements, ids }, resolve: await getService(strapi, 'policy').resolverFor(org) };
  };

  /**
   * One entitlement's part of a cancel-all: at once where there is nothing to wait for (a
   * prospect, or \`period_end\` without a period end ahead), and the refund asked for where its
   * policy and billing allow it, none otherwise.
   */
  const planOneOfAll = async (ctx: TransitionContext, body: CancelAllRequest, actor: Actor) => {
    const end = ctx.state.currentPeriodEnd;
    const prospect = ctx.state.status === 'prospect';
    const nothingToWaitFor = prospect || (body.timing === 'period_end' && (!end || end.getTime() <= ctx.now.getTime()));
    const asked = body.refund ?? 'none';
    const billed = ctx.state.billingPeriod !== 'none' && Boolean(ctx.state.currentPeriodStart && ctx.state.currentPeriodEnd);
    const allowed = !prospect && ctx.policy.settings.refundEligible && (asked !== 'prorated' || billed);
    const refund: RefundMode = allowed ? asked : 'none';
    const request: CancelRequest = {
      reason: body.reason,
      notes: body.notes ?? null,
      timing: nothingToWaitFor ? 'immediate' : body.timing,
      ...(nothingToWaitFor || !body.effectiveAt ? {} : { effectiveAt: body.effectiveAt }),
      refund,
      ...(refund === 'prorated' && body.prorateAsOf ? { prorateAsOf: body.prorateAsOf } : {}),
    };
    const alreadyRefunded = refund === 'none' ? 0 : await refunds().refundedInPeriod(periodOf(ctx));
    return { request, plan: planCancelFor(ctx, request, actor, alreadyRefunded) };
  };

  const service = {
    async findOne(documentId: string) {
      const id = await store().idOf(documentId);
      if (id === null) throw notFound('entitlement', documentId);
      return view(id);
    },

    async create(organizationDocumentId: string, input: EntitlementInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const org = await organizationStore(strapi).lock({ documentId: organizationDocumentId });
        if (!org) throw notFound('organization', organizationDocumentId);
        if (org.purgeState === 'purged') throw conflictError('organization.purged', 'The organization was purged', { purgeState: 'purged' });
        if (org.archivedAt) {
          throw conflictError('organization.archived', 'The organization is archived: unarchive it before adding entitlements', { archivedAt: org.archivedAt });
        }
        const start = toDate(input.currentPeriodStart);
        const end = toDate(input.currentPeriodEnd);
        if (start && end && end.getTime() < start.getTime()) {
          throw fieldError('currentPeriodEnd', 'currentPeriodEnd must not be before currentPeriodStart');
        }
        const { status = 'active', ...fields } = input;
        // A prospect is not billed yet: its first period may start when it is activated.
        if (input.billingPeriod !== 'none' && status !== 'prospect' && (!start || !end)) {
          throw fieldError(start ? 'currentPeriodEnd' : 'currentPeriodStart', `a ${input.billingPeriod}ly entitlement needs currentPeriodStart and currentPeriodEnd`);
        }
        const row = await store().create({
          ...fields,
          currency: input.currency,
          currentPeriodStart: start,
          currentPeriodEnd: end,
          lifecycleStatus: status,
          organization: org.id,
        });
        await getService(strapi, 'events').emit(
          {
            type: 'entitlement.created',
            actor,
            targetType: 'entitlement',
            targetId: row.documentId,
            organization: org.documentId,
            after: changes(null, fromStored(row), ['status', 'class', 'name', 'price', 'currency', 'billingPeriod', 'currentPeriodStart', 'currentPeriodEnd', 'creditBalance']).after,
            data: viewOf(row, org),
          },
          { organization: org }
        );
        return view(row.id);
      });
    },

    async cancel(documentId: string, body: CancelRequest, actor: Actor) {
      await getService(strapi, 'reason').assertUsable(body.reason, 'cancel');
      return transition(documentId, actor, async (ctx) => {
        // Read under the entitlement's lock: two cancellations of one period cannot both see it unrefunded.
        const alreadyRefunded = await refunds().refundedInPeriod(periodOf(ctx));
        return cancelResult(ctx, planCancelFor(ctx, body, actor, alreadyRefunded), body);
      });
    },

    /** Everything the cancellation would do, computed and returned; nothing is written. */
    async preview(documentId: string, body: CancelRequest, actor: Actor): Promise<CancelPreview> {
      await getService(strapi, 'reason').assertUsable(body.reason, 'cancel');
      const ctx = await load(documentId);
      const plan = planCancelFor(ctx, body, actor, await refunds().refundedInPeriod(periodOf(ctx)));
      return {
        entitlement: documentId,
        timing: body.timing,
        effectiveAt: plan.effectiveAt.toISOString(),
        resultingStatus: plan.immediate ? 'cancelled' : 'pending_cancellation',
        refund: {
          mode: plan.refund.mode,
          amount: plan.refund.amount,
          currency: ctx.entitlement.currency,
          asOf: (toDate(body.prorateAsOf) ?? plan.effectiveAt).toISOString(),
          unusedSeconds: plan.refund.unusedSeconds,
          periodSeconds: plan.refund.periodSeconds,
          uncappedAmount: plan.refund.uncappedAmount,
          alreadyRefunded: plan.refund.alreadyRefunded,
          refundable: plan.refund.refundable,
          cappedBy: plan.refund.cappedBy,
        },
        refundEligible: ctx.policy.settings.refundEligible,
        policy: (({ source, documentId: id, name }) => ({ source, documentId: id, name }))(policyView(ctx.policy)),
      };
    },

    async undoCancel(documentId: string, actor: Actor) {
      return transition(documentId, actor, async (ctx) => {
        const patch = withDomainErrors(() => planUndoCancel(ctx.state));
        // The cancellation never took effect: take back what its request granted, never more
        // than the ledger holds for the period (a request from before the ledger has no row).
        const granted = Number(ctx.entitlement.refundAmount ?? 0);
        const held = granted > 0 ? await refunds().refundedInPeriod(periodOf(ctx)) : 0;
        const mode = (ctx.entitlement.refundMode as RefundMode | null) ?? 'none';
        return {
          action: 'entitlement.cancellation_undone',
          patch,
          ledger: ledgerEntry(ctx, mode, -Math.max(0, Math.min(granted, held)), 'reversal'),
        };
      });
    },

    async suspend(documentId: string, body: SuspendRequest, actor: Actor) {
      const reasonCode = suspensionReasonCode(body);
      await getService(strapi, 'reason').assertUsable(reasonCode, 'suspend', body.reasonCode ? 'reasonCode' : 'reason');
      return transition(documentId, actor, (ctx) => ({
        action: 'entitlement.suspended',
        patch: withDomainErrors(() =>
          planSuspend(ctx.state, { reason: body.reason, reasonCode, notes: body.notes ?? null, now: ctx.now, policy: ctx.policy.settings })
        ),
        reason: reasonCode,
        notes: body.notes ?? null,
      }));
    },

    /** A suspension on a date: the reason checked now, the change scheduled (docs/spec.md §13). */
    async suspendOn(documentId: string, body: SuspendRequest, effectiveAt: Date, actor: Actor) {
      const reasonCode = suspensionReasonCode(body);
      await getService(strapi, 'reason').assertUsable(reasonCode, 'suspend', body.reasonCode ? 'reasonCode' : 'reason');
      const payload = { reason: body.reason, reasonCode, notes: body.notes ?? null };
      return getService(strapi, 'scheduled-change').requestForEntitlement('suspend', documentId, effectiveAt, payload, actor);
    },

    /** A suspended entitlement resumes; a paused one ends its pause (its period end moves later). */
    async resume(documentId: string, actor: Actor) {
      return transition(documentId, actor, (ctx) => ({
        action: 'entitlement.resumed',
        patch: withDomainErrors(() => (ctx.state.status === 'paused' ? planEndPause(ctx.state, ctx.now) : planResume(ctx.state))),
      }));
    },

    /**
     * A customer-requested pause (docs/spec.md §13): now, or from `startAt` as a scheduled change
     * (Part B's service). Refused with a 400 naming the field for a start in the past or an end
     * not after the start, with a 409 naming the status unless active; a refusal changes nothing.
     */
    async pause(documentId: string, body: PauseRequest, actor: Actor): Promise<ScheduledAnswer<Entitlement>> {
      await getService(strapi, 'reason').assertUsable(body.reason, 'suspend', 'reason');
      const startAt = toDate(body.startAt);
      const resumeAt = toDate(body.resumeAt);
      if (startAt && startAt.getTime() <= now().getTime()) {
        throw fieldError('startAt', 'startAt must be in the future (leave it out to pause now)', {}, 'validation.date_not_in_future');
      }
      if (startAt) {
        if (resumeAt && resumeAt.getTime() <= startAt.getTime()) throw fieldError('resumeAt', 'resumeAt must be after startAt');
        return strapi.db.transaction(async () => {
          const ctx = await load(documentId);
          withDomainErrors(() => assertTransition(ctx.state.status, 'pause'));
          const scheduledChange = await getService(strapi, 'scheduled-change').schedule({
            kind: 'pause',
            entitlement: documentId,
            effectiveAt: startAt,
            field: 'startAt',
            payload: { reason: body.reason, notes: body.notes ?? null, resumeAt: resumeAt?.toISOString() ?? null, access: body.access },
            actor,
          });
          return { data: viewOf(ctx.entitlement, ctx.organization), scheduledChange };
        });
      }
      const data = await transition(documentId, actor, (ctx) => ({
        action: 'entitlement.paused',
        patch: withDomainErrors(() =>
          planPause(ctx.state, { reason: body.reason, notes: body.notes ?? null, access: body.access, resumeAt, now: ctx.now })
        ),
        reason: body.reason,
        notes: body.notes ?? null,
      }));
      return { data };
    },

    /** A prospect becomes active (and is provisioned); nothing returns to prospect. */
    async activate(documentId: string, actor: Actor) {
      return transition(documentId, actor, (ctx) => ({
        action: 'entitlement.activated',
        patch: withDomainErrors(() => planActivate(ctx.state, ctx.now)),
      }));
    },

    async reactivate(documentId: string, actor: Actor) {
      return transition(documentId, actor, (ctx) => ({
        action: 'entitlement.reactivated',
        patch: withDomainErrors(() =>
          planReactivate(ctx.state, {
            now: ctx.now,
            policy: ctx.policy.settings,
            organizationArchived: Boolean(ctx.organization.archivedAt),
            organizationPurged: ctx.organization.purgeState === 'purged',
          })
        ),
      }));
    },

    /**
     * A sweep's task: a pending cancellation whose effective time came, or a non-payment
     * suspension whose grace ended. Locked and re-checked, so a repeat is a no-op.
     */
    async runScheduled(documentId: string, kind: ScheduledKind): Promise<'performed' | 'noop'> {
      return strapi.db.transaction(async () => {
        const ctx = await loadIfAny(documentId);
        if (!ctx) return 'noop';
        const patch = planScheduled(kind, ctx.state, ctx.now);
        if (!patch) return 'noop';
        await apply(ctx, JOB_ACTOR, scheduledResult(kind, ctx.entitlement, patch));
        return 'performed';
      });
    },

    /**
     * A sweep's task: the next dunning stage of a non-payment suspension, when due (docs/spec.md
     * §13). Locked and re-checked against the stages of the policy in force: resumed, cancelled,
     * already performed or not yet due is a no-op. `notify` queues the `dunning_notice`,
     * `restrict` / `block` write `dunningLevel` (read by the access rule); the next stage's task
     * follows from the new state. Overdue stages after downtime are performed one per task, in
     * order: each one's task is derived due at once, and the sweep's loop takes it in the same run.
     */
    async runDunningStep(documentId: string): Promise<'performed' | 'noop'> {
      return strapi.db.transaction(async () => {
        const ctx = await loadIfAny(documentId);
        if (!ctx) return 'noop';
        const stages = ctx.policy.settings.dunningStages;
        const plan = planDunningStep(ctx.state, stages, ctx.now);
        if (!plan) {
          // The policy's stages changed since this task was derived: derive it again from them.
          await getService(strapi, 'scheduler').syncEntitlement(ctx.entitlement, stages);
          return 'noop';
        }
        const suspendedAt = ctx.state.suspendedAt ?? ctx.now;
        await apply(ctx, JOB_ACTOR, {
          action: 'entitlement.dunning_stage_reached',
          patch: plan.patch,
          notes: `Dunning stage ${plan.index + 1}: ${plan.stage.action} after ${plan.stage.afterDays} days`,
          data: {
            stage: { index: plan.index, afterDays: plan.stage.afterDays, action: plan.stage.action, dueAt: plan.dueAt.toISOString() },
            daysOverdue: Math.floor((ctx.now.getTime() - suspendedAt.getTime()) / DAY_MS),
          },
        });
        return 'performed';
      });
    },

    /**
     * A sweep's batch of due transitions, set-wise, in one transaction (docs/architecture.md
     * "Scheduled work"): the organizations locked in one statement (id order), the entitlements
     * read in one, each row's new state decided by the pure domain as in `runScheduled`, the
     * changes written in one statement whatever their values, and their events, audit rows, tasks and
     * derived organization fields written by the consumers' set-wise `runMany`. Answers each
     * entitlement's outcome: a row without an organization fails alone, with the refusal the
     * one-at-a-time path gives it, and the rest go through. Anything unexpected throws and rolls
     * the whole batch back; the sweep then works the batch row by row, so that it names its row.
     */
    async runScheduledMany(tasks: { documentId: string; kind: ScheduledKind }[]): Promise<Record<string, GroupOutcome>> {
      const documentIds = [...new Set(tasks.map((task) => task.documentId))];
      const outcomes: Record<string, GroupOutcome> = Object.fromEntries(documentIds.map((id) => [id, 'noop' as const]));
      if (!documentIds.length) return outcomes;
      return strapi.db.transaction(async () => {
        const organizations = new Map((await organizationStore(strapi).lockOwnersOf(documentIds)).map((org) => [org.id, org]));
        // Read under the organizations' locks: every change to their entitlements holds them.
        const rows = new Map((await store().byDocumentIds(documentIds)).map((entry) => [entry.row.documentId, entry]));
        const resolvers = await getService(strapi, 'policy').resolversFor([...organizations.keys()]);
        const at = now();
        const planned: { row: EntitlementRow; patch: EntitlementPatch; kind: ScheduledKind; organization: OrganizationRow }[] = [];
        const decided = new Set<string>();
        for (const task of tasks) {
          const entry = rows.get(task.documentId);
          // Gone (a task outliving its row), or already decided by an earlier task of the batch.
          if (!entry || decided.has(task.documentId)) continue;
          decided.add(task.documentId);
          const { row, organizationId } = entry;
          if (organizationId === null) {
            outcomes[row.documentId] = { failed: orphanError(row.documentId) };
            continue;
          }
          const organization = organizations.get(organizationId);
          if (!organization) throw conflictError('entitlement.orphan', 'The entitlement belongs to no organization this batch locked', { documentId: row.documentId });
          const patch = planScheduled(task.kind, entitlementState(row), at);
          if (patch) planned.push({ row, patch, kind: task.kind, organization });
        }
        const written = await store().writeMany(planned.map(({ row, patch }) => ({ row, patch })));
        await getService(strapi, 'events').emitMany(
          planned.map(({ row: before, patch, kind, organization }, i) => {
            const after = written[i];
            const result = scheduledResult(kind, before, patch);
            outcomes[before.documentId] = 'performed';
            return {
              input: {
                type: result.action,
                actor: JOB_ACTOR,
                targetType: 'entitlement',
                targetId: before.documentId,
                organization: organization.documentId,
                reason: result.reason ?? null,
                notes: result.notes ?? null,
                ...changes(before, after, Object.keys(patch)),
                data: viewOf(after, organization),
              },
              context: {
                organization,
                organizationsLocked: true,
                resolve: resolvers.get(organization.id),
                entitlement: { before, after },
              },
            };
          })
        );
        return outcomes;
      });
    },

    /**
     * Cancels every active, suspended, paused or prospect entitlement of the organization, all
     * or nothing. With `period_end`, an entitlement whose period has no end ahead (a one-off
     * order, or a period already over) is cancelled at once: there is nothing left to wait for;
     * a prospect (never billed) is always cancelled at once.
     */
    async cancelAll(organizationDocumentId: string, body: CancelAllRequest, actor: Actor) {
      await getService(strapi, 'reason').assertUsable(body.reason, 'cancel');
      return strapi.db.transaction(async () => {
        const { org, open, resolve } = await cancellableOf(organizationDocumentId);
        // Read once for the whole batch; each cancellation hands the rows it changed to the next.
        let { entitlements } = open;
        const results: { documentId: string; status: string; cancelEffectiveAt: string | null }[] = [];
        for (const documentId of open.ids) {
          const ctx = contextOf(org, entitlements, resolve, entitlements.find((row) => row.documentId === documentId) as EntitlementRow);
          const { request, plan } = await planOneOfAll(ctx, body, actor);
          const { view: updated, entitlements: after } = await applyWithRows(ctx, actor, cancelResult(ctx, plan, request));
          entitlements = after;
          results.push({ documentId, status: updated.status, cancelEffectiveAt: updated.cancelEffectiveAt });
        }
        return { organization: await organizations().detail(organizationDocumentId), results };
      });
    },

    /** What cancelAll would do, entitlement by entitlement, with the refunds added up per currency; nothing is written. */
    async previewCancelAll(organizationDocumentId: string, body: CancelAllRequest, actor: Actor): Promise<CancelAllPreview> {
      await getService(strapi, 'reason').assertUsable(body.reason, 'cancel');
      const { org, open, resolve } = await cancellableOf(organizationDocumentId, false);
      const entitlements: CancelAllPreview['entitlements'] = [];
      for (const documentId of open.ids) {
        const row = open.entitlements.find((entry) => entry.documentId === documentId) as EntitlementRow;
        const ctx = contextOf(org, open.entitlements, resolve, row);
        const { request, plan } = await planOneOfAll(ctx, body, actor);
        entitlements.push({
          entitlement: documentId,
          name: ctx.entitlement.name ?? null,
          class: ctx.entitlement.class,
          timing: request.timing,
          effectiveAt: plan.effectiveAt.toISOString(),
          resultingStatus: plan.immediate ? 'cancelled' : 'pending_cancellation',
          refund: { mode: plan.refund.mode, amount: plan.refund.amount, currency: ctx.entitlement.currency },
        });
      }
      const totals = new Map<string, number>();
      for (const { refund } of entitlements) totals.set(refund.currency, (totals.get(refund.currency) ?? 0) + refund.amount);
      return {
        organization: organizationDocumentId,
        entitlements,
        totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
      };
    },
  };
  return service;
};

export type EntitlementService = ReturnType<typeof createEntitlementService>;
export default createEntitlementService;
