import type { Core } from '@strapi/strapi';
import type { Checklist, ChecklistStepKey } from '../../../shared/contracts/checklist';
import { UID } from '../constants';
import {
  currentStep,
  describeChecklist,
  isAutomaticStep,
  isFinished,
  mayRetract,
  planAutomaticTicks,
  planComplete,
  planReopen,
  planSkip,
  readProgress,
  refuseAutomaticStep,
  retractedStep,
  type ChecklistFacts,
  type ChecklistProgress,
  type ChecklistRunState,
  type StepRecord,
} from '../domain/checklist';
import { toDate, type DateInput } from '../domain/dates';
import { entitlementStore } from '../store/entitlement';
import { organizationStore, type OrganizationRef } from '../store/organization';
import { getService } from '../utils';
import { iso, selectForUpdate, type Row } from '../utils/db';
import { conflictError, notFound, withDomainErrors } from '../utils/errors';
import type { Actor } from './audit';

/** Who ticks an automatic step: the checklist itself, on whichever change made its condition hold. */
export const CHECKLIST_ACTOR: Actor = { type: 'job', id: null, name: 'checklist' };

type RunRow = Row & { organization: string; startedAt: DateInput; startedBy: string | null; completedAt: DateInput; steps: unknown };

interface StepChange {
  step: ChecklistStepKey;
  record: StepRecord;
}

const runStateOf = (row: RunRow): ChecklistRunState => ({
  startedAt: iso(toDate(row.startedAt)),
  startedBy: row.startedBy ?? null,
  completedAt: iso(toDate(row.completedAt)),
  progress: readProgress(row.steps),
});

/**
 * The offboarding checklist (docs/spec.md §6): one run per organization, started by an admin. Manual
 * steps are completed or skipped by an admin; automatic ones tick themselves, in order, when
 * their condition holds. Every change to a run is made on its locked row and written with its
 * audit events in one transaction, so two instances reaching the same tick make it once.
 * Lock order, as everywhere: organization, then entitlement, then the run.
 */
const createChecklistService = ({ strapi }: { strapi: Core.Strapi }) => {
  const runs = () => strapi.db.query(UID.checklistRun);
  const now = () => getService(strapi, 'clock').now();

  const findRun = async (organization: string) => ((await runs().findOne({ where: { organization } })) as RunRow | null) ?? null;

  const findOrganization = (documentId: string) => organizationStore(strapi).refOf(documentId);

  const factsOf = async (org: OrganizationRef, since: Date | null): Promise<ChecklistFacts> => {
    const entitlements = await entitlementStore(strapi).provisioningOf(org.id);
    // finishedAt is written with the plugin clock, so "since the run started" holds under a moved clock too.
    const ready = (await strapi.db.query(UID.dataExport).count({
      where: { organization: org.documentId, state: 'ready', ...(since ? { finishedAt: { $gte: since } } : {}) },
    })) as number;
    return {
      entitlements,
      exportReady: ready > 0,
      archived: Boolean(org.archivedAt),
    };
  };

  const recordStep = (row: RunRow, step: ChecklistStepKey, record: StepRecord, actor: Actor) =>
    getService(strapi, 'events').emit({
      type: record.state === 'done' ? 'checklist.step_completed' : 'checklist.step_skipped',
      actor,
      targetType: 'checklist',
      targetId: row.documentId,
      organization: row.organization,
      // Free text (an admin's note, a skip's reason) goes where the trail keeps notes: redacted on purge.
      notes: record.state === 'done' ? record.note : record.reason,
      after: { step, state: record.state, automatic: isAutomaticStep(step) },
    });

  /**
   * Writes onto a locked run: an admin's `change` first, then every automatic step that now
   * holds, then completion once nothing is left, each with its audit event. Nothing is written
   * when there is nothing to record.
   */
  const commit = async (row: RunRow, run: ChecklistRunState, org: OrganizationRef, actor: Actor, change: StepChange | null) => {
    const progress: ChecklistProgress = { ...run.progress };
    if (change) {
      progress[change.step] = change.record;
      await recordStep(row, change.step, change.record, actor);
    }
    const facts = await factsOf(org, toDate(run.startedAt));
    const at = now();
    const ticks = planAutomaticTicks(progress, facts);
    for (const step of ticks) {
      const record: StepRecord = { state: 'done', at: at.toISOString(), by: null, note: null, reason: null };
      progress[step] = record;
      await recordStep(row, step, record, CHECKLIST_ACTOR);
    }
    if (!change && !ticks.length) return { run, facts };
    const completedAt = isFinished(progress) ? at : null;
    await runs().update({ where: { id: row.id }, data: { steps: progress, completedAt } });
    if (completedAt) {
      const records = Object.values(progress);
      await getService(strapi, 'events').emit({
        type: 'checklist.completed',
        actor: ticks.length ? CHECKLIST_ACTOR : actor,
        targetType: 'checklist',
        targetId: row.documentId,
        organization: row.organization,
        after: {
          completedAt: completedAt.toISOString(),
          done: records.filter((r) => r.state === 'done').length,
          skipped: records.filter((r) => r.state === 'skipped').length,
        },
      });
    }
    return { run: { ...run, progress, completedAt: iso(completedAt) }, facts };
  };

  /** An admin's change to the current step: organization and run locked, re-checked, then written. */
  const act = (documentId: string, actor: Actor, plan: (run: ChecklistRunState) => StepChange) =>
    strapi.db.transaction(async () => {
      const org = await organizationStore(strapi).lock({ documentId });
      if (!org) throw notFound('organization', documentId);
      if (org.purgeState === 'purged') throw conflictError('organization.purged', 'The organization was purged', { purgeState: 'purged' });
      const row = await selectForUpdate<RunRow>(strapi, UID.checklistRun, { organization: documentId });
      if (!row) throw conflictError('checklist.not_started', 'The offboarding checklist has not been started', { startedAt: null });
      const before = runStateOf(row);
      const change = withDomainErrors(() => plan(before));
      const { run, facts } = await commit(row, before, org, actor, change);
      return describeChecklist(documentId, run, facts);
    });

  const service = {
    /** The organization's checklist (404 when unknown), as it stands: a read never writes. */
    async read(documentId: string): Promise<Checklist> {
      const org = await findOrganization(documentId);
      if (!org) throw notFound('organization', documentId);
      return service.forOrganization(org);
    },

    /** For the organization detail: the caller has read the organization already. */
    async forOrganization(org: OrganizationRef): Promise<Checklist> {
      const row = await findRun(org.documentId);
      const run = row ? runStateOf(row) : null;
      return describeChecklist(org.documentId, run, await factsOf(org, run ? toDate(run.startedAt) : null));
    },

    /**
     * Ticks the automatic steps whose condition now holds. Called after every change that can
     * make one hold (entitlement transitions, deprovisioning done, an export ready, archive) in
     * that change's transaction — never on a read (docs/architecture.md). Costs one indexed read when
     * there is no open run or its current step is manual; locks the run only when a tick is due.
     */
    async reevaluate(organization: string) {
      await service.reevaluateMany([organization]);
    },

    /** `reevaluate` for the organizations of a batch: one read finds which have a run to tick. */
    async reevaluateMany(organizations: string[]) {
      if (!organizations.length) return;
      const open = (await runs().findMany({ where: { organization: { $in: [...new Set(organizations)] }, completedAt: { $null: true } } })) as RunRow[];
      for (const peek of open) {
        const progress = readProgress(peek.steps);
        const current = currentStep(progress);
        const ticking = Boolean(current && isAutomaticStep(current));
        if (!ticking && !mayRetract(progress)) continue;
        const org = await findOrganization(peek.organization);
        if (!org || org.purgeState === 'purged') continue;
        const facts = await factsOf(org, toDate(peek.startedAt));
        // An entitlement back (an undone cancellation, a reactivation): the steps it had ticked reopen.
        const retracted = retractedStep(progress, facts);
        if (retracted) {
          await service.reopen(org.documentId, retracted.step, `It no longer holds that ${retracted.condition}`, CHECKLIST_ACTOR, 'condition_lost');
          continue;
        }
        if (!ticking || !planAutomaticTicks(progress, facts).length) continue;
        await strapi.db.transaction(async () => {
          // Another instance may have ticked it meanwhile: re-read under the lock, which commit re-plans from.
          const row = await selectForUpdate<RunRow>(strapi, UID.checklistRun, { id: peek.id });
          if (!row || row.completedAt) return;
          await commit(row, runStateOf(row), org, CHECKLIST_ACTOR, null);
        });
      }
    },

    /** 201 with the new run; 409 once started (one run per organization) or for a purged organization. */
    async start(documentId: string, actor: Actor): Promise<Checklist> {
      return strapi.db.transaction(async () => {
        const org = await organizationStore(strapi).lock({ documentId });
        if (!org) throw notFound('organization', documentId);
        if (org.purgeState === 'purged') {
          throw conflictError('organization.purged', 'The organization was purged: there is nothing left to offboard', { purgeState: 'purged' });
        }
        const existing = await findRun(documentId);
        if (existing) {
          const startedAt = iso(toDate(existing.startedAt));
          throw conflictError('checklist.already_started', `The offboarding checklist was already started on ${startedAt}`, { startedAt });
        }
        const row = (await runs().create({
          data: { organization: documentId, startedAt: now(), startedBy: actor.name ?? actor.id, completedAt: null, steps: {} },
        })) as RunRow;
        const run = runStateOf(row);
        await getService(strapi, 'events').emit({
          type: 'checklist.started',
          actor,
          targetType: 'checklist',
          targetId: row.documentId,
          organization: documentId,
          after: { startedAt: run.startedAt, current: currentStep(run.progress) },
        });
        const settled = await commit(row, run, org, actor, null);
        return describeChecklist(documentId, settled.run, settled.facts);
      });
    },

    /** Ticks the current step when it is a manual one (400 for an automatic step, 409 out of order). */
    async complete(documentId: string, step: ChecklistStepKey, note: string | null, actor: Actor): Promise<Checklist> {
      withDomainErrors(() => refuseAutomaticStep(step));
      return act(documentId, actor, (run) => ({
        step,
        record: planComplete(run, step, actor.name ?? actor.id, note, now().toISOString()),
      }));
    },

    /** Passes over the current step, automatic or manual, with the admin's reason. */
    async skip(documentId: string, step: ChecklistStepKey, reason: string, actor: Actor): Promise<Checklist> {
      return act(documentId, actor, (run) => ({
        step,
        record: planSkip(run, step, actor.name ?? actor.id, reason, now().toISOString()),
      }));
    },

    /**
     * Puts a done or skipped step, and every later one, back to pending, with the admin's reason
     * (409 when the run is not started, the step is pending, or it is automatic and would tick
     * itself again at once). A completed run is open again.
     */
    /** `cause`: why the plugin reopened it by itself (recorded for the panel to say in the admin's language). */
    async reopen(documentId: string, step: ChecklistStepKey, reason: string, actor: Actor, cause?: 'unarchived' | 'condition_lost'): Promise<Checklist> {
      return strapi.db.transaction(async () => {
        const org = await organizationStore(strapi).lock({ documentId });
        if (!org) throw notFound('organization', documentId);
        if (org.purgeState === 'purged') throw conflictError('organization.purged', 'The organization was purged', { purgeState: 'purged' });
        const row = await selectForUpdate<RunRow>(strapi, UID.checklistRun, { organization: documentId });
        if (!row) throw conflictError('checklist.not_started', 'The offboarding checklist has not been started', { startedAt: null });
        const before = runStateOf(row);
        const facts = await factsOf(org, toDate(before.startedAt));
        const { progress, reopened } = withDomainErrors(() => planReopen(before, step, facts));
        await runs().update({ where: { id: row.id }, data: { steps: progress, completedAt: null } });
        await getService(strapi, 'events').emit({
          type: 'checklist.step_reopened',
          actor,
          targetType: 'checklist',
          targetId: row.documentId,
          organization: documentId,
          // The reason is free text: kept where the trail keeps notes, redacted on purge.
          notes: reason,
          before: { step, state: before.progress[step]?.state, completedAt: before.completedAt },
          after: { step, state: 'pending', reopened: reopened.map((r) => r.step), completedAt: null, ...(cause ? { cause } : {}) },
        });
        const run: ChecklistRunState = { ...before, progress, completedAt: null };
        return describeChecklist(documentId, run, facts);
      });
    },

    /**
     * Unarchiving undoes what ticked the archive step: a run that had reached it (or ended with it)
     * is open again at that step, so the checklist never says "complete" for an organization that
     * is no longer archived. Nothing to do without a run or before that step.
     */
    async reopenArchiveStep(documentId: string, actor: Actor) {
      const row = await runs().findOne({ where: { organization: documentId } });
      if (!row || !runStateOf(row as RunRow).progress.archive) return null;
      return service.reopen(documentId, 'archive', 'The organization was unarchived', actor, 'unarchived');
    },

    /** Runs of organizations being purged or deleted: their steps name admins and hold notes. */
    async removeForOrganizations(organizations: string[]) {
      if (!organizations.length) return 0;
      const { count } = (await runs().deleteMany({ where: { organization: { $in: organizations } } })) as { count: number };
      return count;
    },
  };
  return service;
};

export type ChecklistService = ReturnType<typeof createChecklistService>;
export default createChecklistService;
