/**
 * Reopening a checklist step (docs/spec.md §6, README "Offboarding checklist"): a done or skipped
 * step, and every later one, go back to pending with the admin's reason, audited once as
 * `checklist.step_reopened`; a complete run is open again. Refused, changing nothing: a run not
 * started, a pending step, an automatic step whose condition still holds, and bad input.
 * Clock frozen at NOW.
 */
import type { Checklist, ChecklistStepKey, ChecklistStepState } from '../../src/plugins/offboarding/shared/contracts/checklist';
import type { AuditEvent } from '../../src/plugins/offboarding/shared/contracts/entities';
import { NOW, auditOf, createEntitlement, createOrg, expectStatus, useHarness } from '../helpers/harness';

const h = useHarness('checklist-reopen', { now: NOW });

const MISSING = 'doesnotexist0000000000000';
const url = (org: string, rest = '') => `/offboarding/organizations/${org}/checklist${rest}`;

const read = async (org: string): Promise<Checklist> => {
  const res = await h.api.get(url(org));
  expectStatus(res, 200);
  return res.body.data;
};
const complete = (org: string, step: ChecklistStepKey) => h.api.post(url(org, `/steps/${step}/complete`), {});
const skip = (org: string, step: ChecklistStepKey, reason: string) => h.api.post(url(org, `/steps/${step}/skip`), { reason });
const reopen = (org: string, step: string, body: unknown) => h.api.post(url(org, `/steps/${step}/reopen`), body);

const states = (checklist: Checklist) =>
  Object.fromEntries(checklist.steps.map((s) => [s.key, s.state])) as Record<ChecklistStepKey, ChecklistStepState>;

/** The organization's checklist audit events, oldest first. */
const checklistEvents = async (org: string): Promise<AuditEvent[]> =>
  (await auditOf(h.api, org)).events.filter((e) => e.action.startsWith('checklist.')).reverse();

const refusal = (res: { status: number; body: { error?: { message: string; details?: { code?: string } } } }) => ({
  status: res.status,
  code: res.body.error?.details?.code,
  message: res.body.error?.message,
});

/** Asserts a refused request left the checklist and the audit trail as they were. */
const expectNothingChanged = async (org: string, before: Checklist, auditTotal: number) => {
  expect(await read(org)).toEqual(before);
  expect((await auditOf(h.api, org)).total).toBe(auditTotal);
};

/**
 * An organization without entitlements, its run worked up to `archive`: review done by hand,
 * cancel and cleanup ticked by themselves (nothing to cancel), data export skipped, notify done.
 */
const workedOrg = async () => {
  const org = (await createOrg(h.api)).documentId;
  expectStatus(await h.api.post(url(org, '/start'), {}), 201);
  expectStatus(await complete(org, 'review_entitlements'), 200);
  expectStatus(await skip(org, 'data_export', 'the customer needs no copy'), 200);
  expectStatus(await complete(org, 'notify_customer'), 200);
  const checklist = await read(org);
  expect(states(checklist)).toEqual({
    review_entitlements: 'done',
    cancel_entitlements: 'done',
    downstream_cleanup: 'done',
    data_export: 'skipped',
    notify_customer: 'done',
    archive: 'current',
  });
  return org;
};

it('reopens a skipped step: it and every later finished step are pending again, with one audited event', async () => {
  const org = await workedOrg();
  const res = await reopen(org, 'data_export', { reason: '  The customer asked for their data after all  ' });
  expectStatus(res, 200);
  const reopened: Checklist = res.body.data;
  expect(states(reopened)).toEqual({
    review_entitlements: 'done',
    cancel_entitlements: 'done',
    downstream_cleanup: 'done',
    data_export: 'current',
    notify_customer: 'waiting',
    archive: 'waiting',
  });
  expect(reopened.current).toBe('data_export');
  expect(reopened.steps.find((s) => s.key === 'data_export')).toMatchObject({ completedAt: null, completedBy: null, skipReason: null });
  expect(await read(org)).toEqual(reopened);

  const events = (await checklistEvents(org)).filter((e) => e.action === 'checklist.step_reopened');
  expect(events).toEqual([
    expect.objectContaining({
      actorType: 'admin',
      notes: 'The customer asked for their data after all',
      before: expect.objectContaining({ step: 'data_export', state: 'skipped' }),
      after: expect.objectContaining({ step: 'data_export', reopened: ['data_export', 'notify_customer'] }),
    }),
  ]);
  const log = await h.api.get(`/offboarding/events?organization=${org}&type=checklist.step_reopened`);
  expectStatus(log, 200);
  expect(log.body.data).toHaveLength(1);
});

it('reopening the first step sends the whole run back; automatic steps tick again once it is done', async () => {
  const org = await workedOrg();
  expectStatus(await reopen(org, 'review_entitlements', { reason: 'A contract was missed' }), 200);
  const reopened = await read(org);
  expect(reopened.current).toBe('review_entitlements');
  expect(Object.values(states(reopened))).toEqual(['current', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);

  expectStatus(await complete(org, 'review_entitlements'), 200);
  expect(states(await read(org))).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'done', data_export: 'current' });
});

it('reopens a step of a complete run: the run is open again, and completes again', async () => {
  const org = await workedOrg();
  expectStatus(await h.api.post(`/offboarding/organizations/${org}/archive`, {}), 200);
  const done = await read(org);
  expect(done.completedAt).toBe(NOW);

  const res = await reopen(org, 'notify_customer', { reason: 'The notice bounced' });
  expectStatus(res, 200);
  expect(res.body.data).toMatchObject({ completedAt: null, current: 'notify_customer' });
  expect(states(res.body.data)).toMatchObject({ notify_customer: 'current', archive: 'waiting' });

  // The organization is still archived: the archive step ticks itself again after the notice.
  expectStatus(await complete(org, 'notify_customer'), 200);
  expect(await read(org)).toMatchObject({ completedAt: NOW, current: null });
  expect(states(await read(org)).archive).toBe('done');
});

it('refuses an automatic step whose condition still holds (409 checklist.step_not_reopenable), changing nothing', async () => {
  const org = await workedOrg();
  const before = await read(org);
  const total = (await auditOf(h.api, org)).total;
  expect(refusal(await reopen(org, 'cancel_entitlements', { reason: 'Check again' }))).toEqual({
    status: 409,
    code: 'checklist.step_not_reopenable',
    message: expect.stringContaining('it would complete itself again'),
  });
  await expectNothingChanged(org, before, total);
});

it('refuses a pending step (409 checklist.step_not_done) and a run not started (409 checklist.not_started)', async () => {
  const org = await workedOrg();
  const before = await read(org);
  const total = (await auditOf(h.api, org)).total;
  expect(refusal(await reopen(org, 'archive', { reason: 'Not yet' }))).toEqual({
    status: 409,
    code: 'checklist.step_not_done',
    message: expect.stringContaining('nothing to reopen'),
  });
  await expectNothingChanged(org, before, total);

  const fresh = (await createOrg(h.api)).documentId;
  expect(refusal(await reopen(fresh, 'review_entitlements', { reason: 'Why' }))).toEqual({
    status: 409,
    code: 'checklist.not_started',
    message: expect.stringContaining('has not been started'),
  });
  expect((await read(fresh)).startedAt).toBeNull();
});

it.each([
  ['no reason', {}, 'reason'],
  ['a blank reason', { reason: '   ' }, 'reason'],
  ['a reason of 501 characters', { reason: 'x'.repeat(501) }, 'reason'],
  ['an unknown field', { reason: 'ok', note: 'x' }, 'unknown field'],
])('refuses %s (400 naming it), changing nothing', async (_title, body, named) => {
  const org = await workedOrg();
  const before = await read(org);
  const total = (await auditOf(h.api, org)).total;
  const res = await reopen(org, 'notify_customer', body);
  expect(refusal(res)).toEqual({ status: 400, code: 'validation.invalid', message: expect.stringContaining(named) });
  await expectNothingChanged(org, before, total);
});

it('accepts a reason of exactly 500 characters; refuses an unknown step (400) and organization (404)', async () => {
  const org = await workedOrg();
  expectStatus(await reopen(org, 'notify_customer', { reason: 'y'.repeat(500) }), 200);
  expect(refusal(await reopen(org, 'tidy_up', { reason: 'ok' }))).toMatchObject({ status: 400, code: 'validation.invalid' });
  expect(refusal(await reopen(MISSING, 'notify_customer', { reason: 'ok' }))).toMatchObject({ status: 404, code: 'organization.not_found' });
});

it('unarchiving reopens the archive step that archiving ticked: the run is no longer complete, and archiving again completes it', async () => {
  const org = await workedOrg();
  expectStatus(await h.api.post(`/offboarding/organizations/${org}/archive`, {}), 200);
  const complete = await read(org);
  expect(complete.completedAt).not.toBeNull();
  expect(states(complete).archive).toBe('done');

  expectStatus(await h.api.post(`/offboarding/organizations/${org}/unarchive`, {}), 200);
  const reopened = await read(org);
  expect(reopened.completedAt).toBeNull();
  expect(reopened.current).toBe('archive');
  expect(states(reopened)).toMatchObject({ notify_customer: 'done', archive: 'current' });
  const last = (await checklistEvents(org)).at(-1);
  expect(last).toMatchObject({ action: 'checklist.step_reopened', notes: 'The organization was unarchived', after: { cause: 'unarchived' } });

  expectStatus(await h.api.post(`/offboarding/organizations/${org}/archive`, {}), 200);
  const again = await read(org);
  expect(states(again).archive).toBe('done');
  expect(again.completedAt).not.toBeNull();
});

it('unarchiving an organization whose checklist never reached the archive step leaves the checklist alone', async () => {
  const org = (await createOrg(h.api)).documentId;
  expectStatus(await h.api.post(url(org, '/start'), {}), 201);
  expectStatus(await h.api.post(`/offboarding/organizations/${org}/archive`, {}), 200);
  const before = await read(org);
  expect(before.current).toBe('review_entitlements');
  expectStatus(await h.api.post(`/offboarding/organizations/${org}/unarchive`, {}), 200);
  expect(await read(org)).toEqual({ ...before, steps: before.steps.map((s) => (s.key === 'archive' ? { ...s, conditionMet: false } : s)) });
});

it('a cancellation undone reopens the step it had ticked, by itself, saying which condition no longer holds; cancelling again ticks it again', async () => {
  const org = (await createOrg(h.api)).documentId;
  const ent = (await createEntitlement(h.api, org)).documentId;
  expectStatus(await h.api.post(url(org, '/start'), {}), 201);
  expectStatus(await complete(org, 'review_entitlements'), 200);
  const cancel = () => h.api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' });
  expectStatus(await cancel(), 200);
  expect(states(await read(org))).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'current' });

  expectStatus(await h.api.post(`/offboarding/entitlements/${ent}/undo-cancel`, {}), 200);
  const reopened = await read(org);
  expect(states(reopened)).toMatchObject({ review_entitlements: 'done', cancel_entitlements: 'current', downstream_cleanup: 'waiting' });
  const last = (await checklistEvents(org)).at(-1);
  expect(last).toMatchObject({
    action: 'checklist.step_reopened',
    actorType: 'job',
    notes: 'It no longer holds that no entitlement is active or suspended',
    before: { step: 'cancel_entitlements', state: 'done' },
    after: { step: 'cancel_entitlements', state: 'pending', reopened: ['cancel_entitlements'], cause: 'condition_lost' },
  });

  expectStatus(await cancel(), 200);
  expect(states(await read(org))).toMatchObject({ cancel_entitlements: 'done', downstream_cleanup: 'current' });
});
