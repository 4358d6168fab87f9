/**
 * Dunning stages (issue 15, docs/spec.md §13), with the plugin clock. What an admin checks: a
 * policy's stages refuse a bad list (400 naming the field, nothing saved); a non-payment
 * suspension under stages is notified, restricted, blocked and cancelled each on its day, once
 * however many sweeps run; after downtime the overdue stages are performed in order, once; a
 * resume stops them; only the overdue entitlement is touched, never its paid-up sibling; and a
 * policy without stages (null) keeps the single grace period with its reminders.
 */
import type { AccessView } from '../../src/plugins/offboarding/shared/contracts/access';
import type { CancellationPolicy, Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { DomainEvent } from '../../src/plugins/offboarding/shared/contracts/events';
import type { Notification } from '../../src/plugins/offboarding/shared/contracts/notices';
import { DAY, NOW, expectStatus, monthly, plusDays, unique, useHarness } from '../helpers/harness';

const h = useHarness('dunning', { now: NOW });
const { api } = h;

/** What `entitlement.dunning_stage_reached` carries beside the entitlement. */
interface ReachedStage {
  index: number;
  afterDays: number;
  action: string;
  dueAt: string;
}

interface TaskView {
  kind: string;
  state: string;
  dueAt: string;
}

/** The policy: notify at 0, restrict at 10, block at 20, cancel at 30 (class ENV). */
const STAGES = [
  { afterDays: 0, action: 'notify' },
  { afterDays: 10, action: 'restrict' },
  { afterDays: 20, action: 'block' },
  { afterDays: 30, action: 'cancel' },
];
/** A tighter one with a notice after day 0, for the catch-up (class SVC). */
const QUICK = [
  { afterDays: 0, action: 'notify' },
  { afterDays: 3, action: 'notify' },
  { afterDays: 5, action: 'restrict' },
  { afterDays: 8, action: 'block' },
  { afterDays: 12, action: 'cancel' },
];

const entitlement = async (id: string): Promise<Entitlement> => {
  const res = await api.get(`/offboarding/entitlements/${id}`);
  expectStatus(res, 200);
  return res.body.data;
};
/** The entitlement's pending lifecycle work (deprovisioning after a cancellation is the provisioning sweep's). */
const pendingTasks = async (id: string): Promise<TaskView[]> =>
  ((await api.get(`/offboarding/tasks?targetId=${id}&pageSize=100`)).body.data as TaskView[]).filter((t) => t.state === 'pending' && t.kind !== 'deprovision');
const eventsOf = async (org: string): Promise<DomainEvent[]> => (await api.get(`/offboarding/events?organization=${org}&pageSize=100`)).body.data;
const stagesReached = async (org: string, ent: string) =>
  (await eventsOf(org))
    .filter((e) => e.type === 'entitlement.dunning_stage_reached' && e.target.documentId === ent)
    .sort((a, b) => Number(a.sequence) - Number(b.sequence))
    .map((e) => e.data?.stage as ReachedStage);
const notices = async (org: string): Promise<Notification[]> => (await api.get(`/offboarding/organizations/${org}/notifications?pageSize=100`)).body.data;
const accessOf = async (org: string): Promise<AccessView> => {
  const res = await api.get(`/offboarding/organizations/${org}/access`);
  expectStatus(res, 200);
  return res.body.data;
};
const at = (days: number, ms = 0) => new Date(Date.parse(NOW) + days * DAY + ms).toISOString();
/** Sweeps the transitions twice at `when`: the first's work, and the proof that the second has none. */
const sweepTwice = async (when: string) => {
  h.clock.freeze(when);
  const first = await h.sweep('transitions');
  const second = await h.sweep('transitions');
  expect(second.performed).toBe(0);
  expect(first.failed).toBe(0);
  return first.performed;
};

let orgs = 0;
const newOrg = async () => {
  orgs += 1;
  return (await h.organization({ name: unique('Dunning'), email: `billing-${orgs}-${process.pid}@customer.test` })).documentId;
};

/** A new organization with one entitlement of `entitlementClass`, suspended now for `reason`; the suspension's answer. */
const suspendedOne = async (entitlementClass: 'ENV' | 'SVC' | 'PLG', reason: 'non_payment' | 'manual' = 'non_payment') => {
  const org = await newOrg();
  const ent = (await h.entitlement(org, monthly({ class: entitlementClass }))).documentId;
  const res = await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason });
  expectStatus(res, 200);
  return { org, ent, suspended: res.body.data as Entitlement };
};

describe('dunning stages', () => {
  let policy: CancellationPolicy;
  let quick: CancellationPolicy;

  beforeAll(async () => {
    h.clock.freeze(NOW);
    policy = await h.policy({ name: 'Dunning ENV', entitlementClass: 'ENV', dunningStages: STAGES });
    quick = await h.policy({ name: 'Dunning SVC', entitlementClass: 'SVC', dunningStages: QUICK });
  });

  describe('bad stage lists', () => {
    it.each<[string, unknown, string[], RegExp]>([
      ['out of order', [{ afterDays: 0, action: 'notify' }, { afterDays: 10, action: 'restrict' }, { afterDays: 5, action: 'block' }], ['dunningStages', '2', 'afterDays'], /dunningStages\[2\]\.afterDays/],
      ['a cancel not last', [{ afterDays: 3, action: 'cancel' }, { afterDays: 4, action: 'block' }], ['dunningStages'], /cancel stage must be the last/],
      ['two cancels', [{ afterDays: 3, action: 'cancel' }, { afterDays: 4, action: 'cancel' }], ['dunningStages'], /at most one cancel/],
      ['an unknown action', [{ afterDays: 3, action: 'suspend' }], ['dunningStages', '0', 'action'], /dunningStages\[0\]\.action/],
      ['a fractional day', [{ afterDays: 2.5, action: 'notify' }], ['dunningStages', '0', 'afterDays'], /whole number/],
      ['an extra key', [{ afterDays: 2, action: 'notify', email: true }], ['dunningStages', '0'], /unknown field/],
      ['not a list', 'notify', ['dunningStages'], /list of stages or null/],
    ])('%s: 400 naming the field, the policy unchanged', async (_name, dunningStages, path, message) => {
      const before = (await api.get('/offboarding/policies')).body.data;
      const updated = await api.put(`/offboarding/policies/${policy.documentId}`, { dunningStages });
      expectStatus(updated, 400);
      expect(updated.body.error.details.errors[0].path).toEqual(path);
      expect(updated.body.error.message).toMatch(message);
      const created = await api.post('/offboarding/policies', { name: unique('Bad dunning'), entitlementClass: 'EDU', dunningStages });
      expectStatus(created, 400);
      expect(created.body.error.details.errors[0].path).toEqual(path);
      expect((await api.get('/offboarding/policies')).body.data).toEqual(before);
    });

    it('stores and answers the list, and null goes back to the grace period', async () => {
      const listed = ((await api.get('/offboarding/policies')).body.data as CancellationPolicy[]).find((p) => p.documentId === policy.documentId);
      expect(listed?.dunningStages).toEqual(STAGES);
      const made = await api.post('/offboarding/policies', { name: unique('Null dunning'), entitlementClass: 'EDU', dunningStages: QUICK });
      expectStatus(made, 201);
      const cleared = await api.put(`/offboarding/policies/${made.body.data.documentId}`, { dunningStages: null });
      expectStatus(cleared, 200);
      expect(cleared.body.data.dunningStages).toBeNull();
    });
  });

  it('walks each stage on its day, once, on the overdue entitlement only; its paid-up sibling keeps the portal', async () => {
    const org = await newOrg();
    const overdue = (await h.entitlement(org, monthly({ class: 'ENV' }))).documentId;
    const paid = (await h.entitlement(org, monthly({ class: 'ENV', currentPeriodEnd: plusDays(NOW, 60) }))).documentId;
    const suspended = await api.post(`/offboarding/entitlements/${overdue}/suspend`, { reason: 'non_payment' });
    expectStatus(suspended, 200);
    // The stages replace the grace period: it ends with the cancel stage.
    expect(suspended.body.data).toMatchObject({ graceEndsAt: at(30), dunningStagesDone: 0, dunningLevel: 'none' });
    expect((await pendingTasks(overdue)).map((t) => [t.kind, t.dueAt]).sort()).toEqual([
      ['dunning_step', at(0)],
      ['expire_grace', at(30)],
    ]);

    // Day 0: notify (the suspended notice says it: no second mail).
    expect(await sweepTwice(at(0))).toBe(1);
    expect(await entitlement(overdue)).toMatchObject({ status: 'suspended', dunningStagesDone: 1, dunningLevel: 'none' });
    expect((await notices(org)).map((n) => n.key)).toEqual(['suspended']);

    // Day 10 to the millisecond: restrict.
    expect(await sweepTwice(at(10, -1))).toBe(0);
    expect((await entitlement(overdue)).dunningLevel).toBe('none');
    expect(await sweepTwice(at(10))).toBe(1);
    expect(await entitlement(overdue)).toMatchObject({ status: 'suspended', dunningStagesDone: 2, dunningLevel: 'restrict' });

    // Day 20: block.
    expect(await sweepTwice(at(20, -1))).toBe(0);
    expect(await sweepTwice(at(20))).toBe(1);
    expect(await entitlement(overdue)).toMatchObject({ status: 'suspended', dunningStagesDone: 3, dunningLevel: 'block' });
    expect((await pendingTasks(overdue)).map((t) => t.kind)).toEqual(['expire_grace']);

    // The sibling is paid up: never touched, and the organization keeps its portal.
    expect(await entitlement(paid)).toMatchObject({ status: 'active', dunningStagesDone: null, dunningLevel: null });
    expect((await accessOf(org)).portalLogin).toBe(true);

    // Day 30: cancel, for payment failure, without refund; the sibling still active.
    expect(await sweepTwice(at(30, -1))).toBe(0);
    expect(await sweepTwice(at(30))).toBe(1);
    expect(await entitlement(overdue)).toMatchObject({ status: 'cancelled', cancellationReason: 'payment_failure', refundAmount: 0, cancelledAt: at(30) });
    expect((await entitlement(paid)).status).toBe('active');
    expect((await accessOf(org)).portalLogin).toBe(true);

    expect(await stagesReached(org, overdue)).toEqual([
      { index: 0, afterDays: 0, action: 'notify', dueAt: at(0) },
      { index: 1, afterDays: 10, action: 'restrict', dueAt: at(10) },
      { index: 2, afterDays: 20, action: 'block', dueAt: at(20) },
    ]);
    expect((await eventsOf(org)).filter((e) => e.type === 'entitlement.cancelled').map((e) => e.target.documentId)).toEqual([overdue]);
    expect(await pendingTasks(overdue)).toEqual([]);
  });

  it('catches up after downtime: the overdue stages in order, each once, in one sweep run; then the cancellation once', async () => {
    const { org, ent } = await suspendedOne('SVC');

    // Nothing ran for nine days: stages 0, 3, 5 and 8 are all overdue.
    expect(await sweepTwice(at(9))).toBe(4);
    expect(await entitlement(ent)).toMatchObject({ status: 'suspended', dunningStagesDone: 4, dunningLevel: 'block' });
    // Blocked, and nothing else paid up: the portal is closed, with the stage named.
    const blocked = await accessOf(org);
    expect(blocked).toMatchObject({ stage: 'suspended_blocked', portalLogin: false, customerExport: false });
    expect(blocked.reasons.portalLogin).toMatch(/portal closed/);
    expect((await stagesReached(org, ent)).map((s) => `${s.afterDays}:${s.action}`)).toEqual(['0:notify', '3:notify', '5:restrict', '8:block']);
    // The day-3 notice, once, with how long the payment is overdue as of when it went out.
    const dunning = (await notices(org)).filter((n) => n.key === 'dunning_notice');
    expect(dunning).toHaveLength(1);
    expect(dunning[0].subject).toMatch(/Payment overdue/);

    // Down again past the cancel stage.
    expect(await sweepTwice(at(40))).toBe(1);
    expect(await entitlement(ent)).toMatchObject({ status: 'cancelled', cancelledAt: at(40), cancelEffectiveAt: at(12) });
    expect((await eventsOf(org)).filter((e) => e.type === 'entitlement.cancelled')).toHaveLength(1);
  });

  it('down past every stage: cancelled once at the catch-up, the moot earlier stages not performed', async () => {
    const { org, ent } = await suspendedOne('SVC');
    expect(await sweepTwice(at(13))).toBe(1);
    expect((await entitlement(ent)).status).toBe('cancelled');
    expect(await stagesReached(org, ent)).toEqual([]);
    expect(await pendingTasks(ent)).toEqual([]);
  });

  it('a resume in the middle stops the stages and lifts the restriction', async () => {
    const { org, ent } = await suspendedOne('ENV');
    await sweepTwice(at(0));
    expect((await accessOf(org)).stage).toBe('suspended');
    expect(await sweepTwice(at(10))).toBe(1);
    expect((await entitlement(ent)).dunningLevel).toBe('restrict');
    // Nothing else is paid up: the restrict stage makes the portal read-only (docs/spec.md §12).
    expect(await accessOf(org)).toMatchObject({ stage: 'suspended_restricted', portalLogin: true, portalWrite: false, customerExport: true });

    h.clock.freeze(at(11));
    const resumed = await api.post(`/offboarding/entitlements/${ent}/resume`);
    expectStatus(resumed, 200);
    expect(resumed.body.data).toMatchObject({ status: 'active', dunningStagesDone: null, dunningLevel: null, graceEndsAt: null });
    expect(await accessOf(org)).toMatchObject({ stage: 'active', portalWrite: true });
    expect(await pendingTasks(ent)).toEqual([]);

    expect(await sweepTwice(at(45))).toBe(0);
    expect(await entitlement(ent)).toMatchObject({ status: 'active', dunningLevel: null });
    expect((await stagesReached(org, ent)).map((s) => s.action)).toEqual(['notify', 'restrict']);
  });

  it('a manual suspension is never dunned', async () => {
    const { ent, suspended } = await suspendedOne('ENV', 'manual');
    expect(suspended).toMatchObject({ graceEndsAt: null, dunningStagesDone: null, dunningLevel: null });
    expect(await pendingTasks(ent)).toEqual([]);
  });

  it("a policy's new stages reach a suspension already under way at once; its cancellation day stays", async () => {
    const { org, ent } = await suspendedOne('SVC');
    expect(await sweepTwice(at(0))).toBe(1);
    expect((await pendingTasks(ent)).map((t) => [t.kind, t.dueAt]).sort()).toEqual([
      ['dunning_step', at(3)],
      ['expire_grace', at(12)],
    ]);
    try {
      h.clock.freeze(at(0, 1000));
      const moved = await api.put(`/offboarding/policies/${quick.documentId}`, {
        dunningStages: [{ afterDays: 0, action: 'notify' }, { afterDays: 1, action: 'block' }, { afterDays: 20, action: 'cancel' }],
      });
      expectStatus(moved, 200);
      // The next stage is now the block on day 1, not the notice on day 3.
      expect((await pendingTasks(ent)).map((t) => [t.kind, t.dueAt]).sort()).toEqual([
        ['dunning_step', at(1)],
        ['expire_grace', at(12)],
      ]);
      expect(await sweepTwice(at(1))).toBe(1);
      expect(await entitlement(ent)).toMatchObject({ dunningStagesDone: 2, dunningLevel: 'block', graceEndsAt: at(12) });

      // Back to the single grace period: its end and reminders, the stages' tasks gone.
      expectStatus(await api.put(`/offboarding/policies/${quick.documentId}`, { dunningStages: null }), 200);
      expect((await pendingTasks(ent)).map((t) => t.kind).sort()).toEqual(['expire_grace', 'remind_grace', 'remind_grace']);
    } finally {
      expectStatus(await api.put(`/offboarding/policies/${quick.documentId}`, { dunningStages: QUICK }), 200);
    }
    expect(await sweepTwice(at(12))).toBe(1);
    expect((await entitlement(ent)).status).toBe('cancelled');
  });

  it('the default policy (no stages) keeps the single grace period and its reminders', async () => {
    const { org, ent, suspended } = await suspendedOne('PLG', 'non_payment');
    expect(suspended).toMatchObject({ graceEndsAt: at(30), dunningStagesDone: null, dunningLevel: null });
    expect((await pendingTasks(ent)).map((t) => [t.kind, t.dueAt]).sort()).toEqual([
      ['expire_grace', at(30)],
      ['remind_grace', at(23)],
      ['remind_grace', at(29)],
    ]);
    expect(await sweepTwice(at(29, -1))).toBe(0);
    expect(await sweepTwice(at(30))).toBe(1);
    expect((await entitlement(ent)).status).toBe('cancelled');
    expect(await stagesReached(org, ent)).toEqual([]);
  });
});
