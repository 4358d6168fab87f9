/**
 * The offboarding checklist (docs/spec.md §6) over the admin API: an ordered runbook per organization
 * whose manual steps an admin completes, whose automatic steps tick themselves when their
 * condition holds (after a cancellation, deprovisioning, an export becoming ready, archive, or
 * on reading), whose skips need a reason, and which ends "offboarding complete" — each change
 * audited exactly once. Bad input and out-of-order requests are refused and change nothing.
 * Clock frozen at NOW.
 */
import type { Checklist, ChecklistStepKey, ChecklistStepState } from '../../src/plugins/offboarding/shared/contracts/checklist';
import type { AuditEvent } from '../../src/plugins/offboarding/shared/contracts/entities';
import {
  NOW,
  PERIOD,
  auditOf,
  cancelNow,
  createEntitlement,
  createOrg,
  expectStatus,
  getOrg,
  monthly,
  useHarness,
} from '../helpers/harness';


const h = useHarness('checklist', { now: NOW });

const HOUR = 3_600_000;
const MISSING = 'doesnotexist0000000000000';
const url = (org: string, rest = '') => `/offboarding/organizations/${org}/checklist${rest}`;

const read = async (org: string): Promise<Checklist> => {
  const res = await h.api.get(url(org));
  expectStatus(res, 200);
  return res.body.data;
};
const start = (org: string, body: unknown = {}) => h.api.post(url(org, '/start'), body);
const complete = (org: string, step: string, body: unknown = {}) => h.api.post(url(org, `/steps/${step}/complete`), body);
const skip = (org: string, step: string, body: unknown) => h.api.post(url(org, `/steps/${step}/skip`), body);

/** Each step's state, by key: what an admin reads off the panel. */
const states = (checklist: Checklist) =>
  Object.fromEntries(checklist.steps.map((s) => [s.key, s.state])) as Record<ChecklistStepKey, ChecklistStepState>;
const step = (checklist: Checklist, key: ChecklistStepKey) => checklist.steps.find((s) => s.key === key)!;

/** The organization's checklist events, oldest first. */
const checklistEvents = async (org: string): Promise<AuditEvent[]> =>
  (await auditOf(h.api, org)).events.filter((e) => e.action.startsWith('checklist.')).reverse();
const summary = (events: AuditEvent[]) =>
  events.map((e) => `${e.action}${e.after && 'step' in e.after ? ` ${String(e.after.step)}` : ''} by ${e.actorType}`);

/** Asserts a refused request left the checklist and the audit trail as they were. */
const expectNothingChanged = async (org: string, before: Checklist, auditTotal: number) => {
  expect(await read(org)).toEqual(before);
  expect((await auditOf(h.api, org)).total).toBe(auditTotal);
};

/** An organization whose checklist is started and whose first (manual) step is done. */
const startedOrg = async (entitlements = 1) => {
  const org = await createOrg(h.api);
  const ents = [];
  for (let i = 0; i < entitlements; i += 1) ents.push(await createEntitlement(h.api, org.documentId));
  expectStatus(await start(org.documentId), 201);
  expectStatus(await complete(org.documentId, 'review_entitlements'), 200);
  return { org: org.documentId, ents: ents.map((e) => e.documentId) };
};

const requestExport = async (org: string) => {
  const res = await h.api.post(`/offboarding/organizations/${org}/exports`, {});
  expectStatus(res, 202);
  return res.body.data.documentId as string;
};

describe('reading and starting', () => {
  it('shows every step waiting before the run starts, automatic ones with their condition; the detail carries it too', async () => {
    const org = await createOrg(h.api);
    await createEntitlement(h.api, org.documentId);
    const checklist = await read(org.documentId);
    expect(checklist).toEqual({
      organization: org.documentId,
      startedAt: null,
      startedBy: null,
      completedAt: null,
      current: null,
      steps: [
        { key: 'review_entitlements', automatic: false, conditionMet: null },
        { key: 'cancel_entitlements', automatic: true, conditionMet: false },
        { key: 'downstream_cleanup', automatic: true, conditionMet: false },
        { key: 'data_export', automatic: true, conditionMet: false },
        { key: 'notify_customer', automatic: false, conditionMet: null },
        { key: 'archive', automatic: true, conditionMet: false },
      ].map((s) => ({ ...s, state: 'waiting', completedAt: null, completedBy: null, note: null, skipReason: null })),
    });
    expect((await getOrg(h.api, org.documentId)).checklist).toEqual(checklist);
    // Reading writes nothing.
    expect(await checklistEvents(org.documentId)).toEqual([]);
  });

  it('starts once (201, audited): the first step is current; a second start is a 409 that changes nothing', async () => {
    const org = await createOrg(h.api);
    const res = await start(org.documentId);
    expectStatus(res, 201);
    const started: Checklist = res.body.data;
    expect(started).toMatchObject({ startedAt: NOW, startedBy: h.session.email, completedAt: null, current: 'review_entitlements' });
    expect(states(started)).toEqual({
      review_entitlements: 'current',
      cancel_entitlements: 'waiting',
      downstream_cleanup: 'waiting',
      data_export: 'waiting',
      notify_customer: 'waiting',
      archive: 'waiting',
    });
    expect(await read(org.documentId)).toEqual(started);
    expect((await getOrg(h.api, org.documentId)).checklist).toEqual(started);

    const total = (await auditOf(h.api, org.documentId)).total;
    const again = await start(org.documentId);
    expectStatus(again, 409);
    expect(again.body.error.message).toContain('already started');
    await expectNothingChanged(org.documentId, started, total);
    expect(summary(await checklistEvents(org.documentId))).toEqual(['checklist.started by admin']);
  });

  it('refuses a purged organization (409) and an unknown one (404) on every route', async () => {
    const org = await createOrg(h.api);
    await h.strapi.db.query('plugin::offboarding.organization').update({ where: { documentId: org.documentId }, data: { purgeState: 'purged' } });
    const refused = await start(org.documentId);
    expectStatus(refused, 409);
    expect(refused.body.error.message).toContain('purged');
    expect((await read(org.documentId)).startedAt).toBeNull();

    expectStatus(await h.api.get(url(MISSING)), 404);
    expectStatus(await start(MISSING), 404);
    expectStatus(await complete(MISSING, 'review_entitlements'), 404);
    expectStatus(await skip(MISSING, 'review_entitlements', { reason: 'why not' }), 404);
  });
});

describe('order and skipping', () => {
  it('refuses steps out of order (409), an automatic step ticked by hand (400), and a run not started (409)', async () => {
    const org = await createOrg(h.api);
    await createEntitlement(h.api, org.documentId);
    const notStarted = await complete(org.documentId, 'review_entitlements');
    expectStatus(notStarted, 409);
    expect(notStarted.body.error.message).toContain('not been started');
    expectStatus(await start(org.documentId), 201);
    const before = await read(org.documentId);
    const total = (await auditOf(h.api, org.documentId)).total;

    const early = await complete(org.documentId, 'notify_customer');
    expectStatus(early, 409);
    expect(early.body.error.message).toBe('The step "notify_customer" is not the current one: "review_entitlements" comes first');
    const earlySkip = await skip(org.documentId, 'data_export', { reason: 'Customer declined' });
    expectStatus(earlySkip, 409);
    const automatic = await complete(org.documentId, 'cancel_entitlements');
    expectStatus(automatic, 400);
    expect(automatic.body.error.details.errors[0].path).toEqual(['step']);
    expect(automatic.body.error.message).toContain('automatic');
    await expectNothingChanged(org.documentId, before, total);

    const done = await complete(org.documentId, 'review_entitlements', { note: '  Two licenses, one environment  ' });
    expectStatus(done, 200);
    expect(step(done.body.data, 'review_entitlements')).toEqual({
      key: 'review_entitlements',
      automatic: false,
      state: 'done',
      conditionMet: null,
      completedAt: NOW,
      completedBy: h.session.email,
      note: 'Two licenses, one environment',
      skipReason: null,
    });
    // The entitlement is still active: the automatic step is current and waits.
    expect(done.body.data).toMatchObject({ current: 'cancel_entitlements' });
    expect(step(done.body.data, 'cancel_entitlements')).toMatchObject({ state: 'current', conditionMet: false });
    const twice = await complete(org.documentId, 'review_entitlements');
    expectStatus(twice, 409);
    expect(twice.body.error.message).toBe('The step "review_entitlements" is already done');
  });

  it('refuses a skip without a real reason (400) and changes nothing; with one, records it and moves on', async () => {
    const { org } = await startedOrg();
    const before = await read(org);
    const total = (await auditOf(h.api, org)).total;
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }, { reason: null }, { reason: 'x'.repeat(2001) }, { reason: 'ok', extra: 1 }]) {
      const res = await skip(org, 'cancel_entitlements', body);
      expectStatus(res, 400);
      expect(JSON.stringify(res.body.error)).toMatch(/reason|extra/);
    }
    await expectNothingChanged(org, before, total);

    const res = await skip(org, 'cancel_entitlements', { reason: '  Handled by the reseller  ' });
    expectStatus(res, 200);
    expect(step(res.body.data, 'cancel_entitlements')).toMatchObject({
      state: 'skipped',
      skipReason: 'Handled by the reseller',
      completedBy: h.session.email,
      completedAt: NOW,
      note: null,
    });
    expect(res.body.data.current).toBe('downstream_cleanup');
    const events = await checklistEvents(org);
    expect(events.filter((e) => e.action === 'checklist.step_skipped')).toEqual([
      expect.objectContaining({ actorType: 'admin', actorName: h.session.email, notes: 'Handled by the reseller', after: { step: 'cancel_entitlements', state: 'skipped', automatic: true } }),
    ]);
  });

  it('refuses bad input with a 4xx and no change: unknown step, wrong types, unknown fields, query parameters', async () => {
    const { org } = await startedOrg();
    const before = await read(org);
    const total = (await auditOf(h.api, org)).total;

    const unknownStep = await complete(org, 'teleport');
    expectStatus(unknownStep, 400);
    expect(unknownStep.body.error.details.errors[0].path).toEqual(['step']);
    expect(unknownStep.body.error.message).toContain('review_entitlements');
    expectStatus(await skip(org, 'teleport', { reason: 'x' }), 400);
    // Not even a token: the id check answers 404 before anything runs.
    expectStatus(await complete(org, 'not%20a%20step'), 404);

    const cases: [string, () => Promise<{ status: number; body: { error: { message: string } } }>, string][] = [
      ['note of the wrong type', () => complete(org, 'cancel_entitlements', { note: 5 }), 'note'],
      ['unknown field on complete', () => complete(org, 'notify_customer', { note: 'x', done: true }), 'done'],
      ['array body', () => skip(org, 'cancel_entitlements', ['reason']), ''],
      ['body on start', () => start(org, { force: true }), 'force'],
    ];
    for (const [title, send, word] of cases) {
      const res = await send();
      if (res.status !== 400) throw new Error(`${title}: expected 400, got ${res.status} ${JSON.stringify(res.body)}`);
      expect(res.body.error.message).toContain(word);
    }
    expectStatus(await h.api.get(`${url(org)}?expand=all`), 400);
    const tooLong = await h.api.post(url(org, '/steps/cancel_entitlements/skip'), { reason: 'x'.repeat(2001) });
    expectStatus(tooLong, 400);
    await expectNothingChanged(org, before, total);
  });
});

describe('automatic steps', () => {
  it('runs the whole runbook: ticks after cancel, deprovisioning, export and archive, then "offboarding complete" once', async () => {
    const { org, ents } = await startedOrg(2);
    expect((await read(org)).current).toBe('cancel_entitlements');

    // One of two cancelled: not yet.
    expectStatus(await cancelNow(h.api, ents[0]), 200);
    expect(step(await read(org), 'cancel_entitlements')).toMatchObject({ state: 'current', conditionMet: false });
    expectStatus(await cancelNow(h.api, ents[1]), 200);
    let checklist = await read(org);
    expect(step(checklist, 'cancel_entitlements')).toMatchObject({ state: 'done', conditionMet: true, completedBy: null, completedAt: NOW });
    // Deprovisioning is queued, not done: cleanup waits for the provisioning sweep.
    expect(step(checklist, 'downstream_cleanup')).toMatchObject({ state: 'current', conditionMet: false });

    // An export ready before its turn is remembered, and counted when the step comes.
    await requestExport(org);
    expect((await h.sweep('exports')).performed).toBeGreaterThanOrEqual(1);
    checklist = await read(org);
    expect(step(checklist, 'data_export')).toMatchObject({ state: 'waiting', conditionMet: true });

    expect((await h.sweep('provisioning')).performed).toBeGreaterThanOrEqual(2);
    checklist = await read(org);
    expect(states(checklist)).toMatchObject({ downstream_cleanup: 'done', data_export: 'done', notify_customer: 'current' });

    // notify_customer is manual; archive waits behind it even once its condition holds.
    const archived = await h.api.post(`/offboarding/organizations/${org}/archive`, {});
    expectStatus(archived, 200);
    expect(step(archived.body.data.checklist, 'archive')).toMatchObject({ state: 'waiting', conditionMet: true });

    h.clock.advance(HOUR);
    const last = await complete(org, 'notify_customer', { note: 'Sent the export link and the closing letter' });
    expectStatus(last, 200);
    const at = new Date(Date.parse(NOW) + HOUR).toISOString();
    expect(last.body.data).toMatchObject({ completedAt: at, current: null });
    expect(states(last.body.data)).toEqual({
      review_entitlements: 'done',
      cancel_entitlements: 'done',
      downstream_cleanup: 'done',
      data_export: 'done',
      notify_customer: 'done',
      archive: 'done',
    });
    expect(step(last.body.data, 'archive')).toMatchObject({ completedAt: at, completedBy: null });

    // Re-reading changes nothing, and every event is there exactly once, in order.
    expect(await read(org)).toEqual(last.body.data);
    expect((await getOrg(h.api, org)).checklist).toEqual(last.body.data);
    const events = await checklistEvents(org);
    expect(summary(events)).toEqual([
      'checklist.started by admin',
      'checklist.step_completed review_entitlements by admin',
      'checklist.step_completed cancel_entitlements by job',
      'checklist.step_completed downstream_cleanup by job',
      'checklist.step_completed data_export by job',
      'checklist.step_completed notify_customer by admin',
      'checklist.step_completed archive by job',
      'checklist.completed by job',
    ]);
    expect(events.filter((e) => e.actorType === 'job').every((e) => e.actorName === 'checklist')).toBe(true);
    expect(events.find((e) => e.after?.step === 'notify_customer')?.notes).toBe('Sent the export link and the closing letter');
    expect(events[events.length - 1].after).toEqual({ completedAt: at, done: 6, skipped: 0 });

    // A finished run takes no more changes.
    const after = await complete(org, 'notify_customer');
    expectStatus(after, 409);
    expect(after.body.error.message).toContain('already complete');
    expectStatus(await skip(org, 'archive', { reason: 'again' }), 409);
    expect(await checklistEvents(org)).toHaveLength(events.length);
  });

  it('counts a pending cancellation as cancelled, but cleanup waits until it takes effect and is deprovisioned', async () => {
    const { org, ents } = await startedOrg(1);
    const res = await h.api.post(`/offboarding/entitlements/${ents[0]}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(res, 200);
    let checklist = await read(org);
    expect(states(checklist)).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'current' });
    expect(step(checklist, 'downstream_cleanup').conditionMet).toBe(false);

    h.clock.freeze(PERIOD.end);
    await h.sweep('transitions');
    expect(states(await read(org))).toMatchObject({ downstream_cleanup: 'current' });
    await h.sweep('provisioning');
    checklist = await read(org);
    expect(states(checklist)).toMatchObject({ downstream_cleanup: 'done', data_export: 'current' });
    // An export generated earlier than the run would not count; this one is generated now.
    await requestExport(org);
    await h.sweep('exports');
    expect(states(await read(org))).toMatchObject({ data_export: 'done', notify_customer: 'current' });
  });

  it('ignores an export made before the run started; a failed deprovisioning holds cleanup until skipped', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId, monthly({ class: 'AFL' }));
    await requestExport(org.documentId);
    await h.sweep('exports');
    h.clock.advance(HOUR);
    expectStatus(await start(org.documentId), 201);
    expect(step(await read(org.documentId), 'data_export').conditionMet).toBe(false);
    expectStatus(await complete(org.documentId, 'review_entitlements'), 200);

    const provisioning = h.strapi.plugin('offboarding').service('provisioning') as {
      register: (cls: string, handler: { deprovision?: () => void }) => void;
    };
    provisioning.register('AFL', {
      deprovision: () => {
        throw new Error('affiliate network unreachable');
      },
    });
    try {
      expectStatus(await cancelNow(h.api, ent.documentId), 200);
      await h.sweep('provisioning');
    } finally {
      provisioning.register('AFL', {});
    }
    const checklist = await read(org.documentId);
    expect(states(checklist)).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'current' });
    expect(step(checklist, 'downstream_cleanup').conditionMet).toBe(false);

    const skipped = await skip(org.documentId, 'downstream_cleanup', { reason: 'Affiliate closed the account on their side' });
    expectStatus(skipped, 200);
    expect(states(skipped.body.data)).toMatchObject({ downstream_cleanup: 'skipped', data_export: 'current' });
    expect(step(skipped.body.data, 'data_export').conditionMet).toBe(false);
  });

  it('an organization without entitlements has nothing to cancel or clean up: both tick at once', async () => {
    const { org } = await startedOrg(0);
    const checklist = await read(org);
    expect(states(checklist)).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'done', data_export: 'current' });
    expect(summary(await checklistEvents(org))).toEqual([
      'checklist.started by admin',
      'checklist.step_completed review_entitlements by admin',
      'checklist.step_completed cancel_entitlements by job',
      'checklist.step_completed downstream_cleanup by job',
    ]);
  });

  it('a read never writes; a step that became due behind its back ticks at the next change, exactly once however many race', async () => {
    const { org, ents } = await startedOrg(1);
    // A change that bypasses the plugin's services (a data fix, say): no hook ran.
    await h.strapi.db.query('plugin::offboarding.entitlement').update({ where: { documentId: ents[0] }, data: { lifecycleStatus: 'cancelled' } });
    const eventsBefore = (await checklistEvents(org)).length;
    const reads = await Promise.all(Array.from({ length: 6 }, () => h.api.get(url(org))));
    for (const res of reads) {
      expectStatus(res, 200);
      expect(step(res.body.data, 'cancel_entitlements').state).not.toBe('done');
    }
    expect(await checklistEvents(org)).toHaveLength(eventsBefore);
    // What every change through the plugin runs in its transaction, six times at once.
    const checklist = h.strapi.plugin('offboarding').service('checklist');
    await Promise.all(Array.from({ length: 6 }, () => checklist.reevaluate(org)));
    expect(step((await h.api.get(url(org))).body.data, 'cancel_entitlements').state).toBe('done');
    const ticks = (await checklistEvents(org)).filter((e) => e.after?.step === 'cancel_entitlements');
    expect(ticks).toHaveLength(1);
  });

  it('goes with its organization when the organization is deleted', async () => {
    const { org } = await startedOrg(0);
    const name = (await getOrg(h.api, org)).name;
    const runs = () => h.strapi.db.query('plugin::offboarding.checklist-run').count({ where: { organization: org } });
    expect(await runs()).toBe(1);
    expectStatus(await h.api.delete(`/offboarding/organizations/${org}?confirm=${encodeURIComponent(name)}`), 200);
    expect(await runs()).toBe(0);
  });
});
