/**
 * docs/spec.md §13: status changes on a date and the list of scheduled changes. Suspend, resume,
 * disable and enable with `effectiveAt` change nothing now and are made by the transitions sweep
 * when due — once, even with two sweeps at the same moment, and late after downtime; they can be
 * cancelled until then; GET /scheduled-changes lists them with the cancellations, grace ends and
 * other changes the rows' states make, and DELETE takes back what may be taken back.
 */
import type { ScheduledChange } from '../../src/plugins/offboarding/shared/contracts/lifecycle';
import type { SweepResult } from '../../src/plugins/offboarding/shared/contracts/retention';
import { monthly, useHarness } from '../helpers/harness';
import { snapshotPluginTables } from './bad-input-snapshot';

const DAY = 86_400_000;
const T0 = '2027-01-11T00:00:00.000Z';
const at = (days: number, ms = 0) => new Date(Date.parse(T0) + days * DAY + ms).toISOString();
const CHANGES = '/offboarding/scheduled-changes';

interface Sweeps {
  run: (name: 'transitions') => Promise<SweepResult>;
}

/** The service a pause with a future `startAt` schedules through (the pause route is built beside this part). */
interface ScheduledChanges {
  schedule: (input: {
    kind: 'pause';
    entitlement: string;
    effectiveAt: Date;
    field: string;
    payload: { reason: string; notes: string | null; resumeAt: string | null; access: 'keep' | 'block' };
    actor: { type: 'admin'; id: string | null; name: string | null };
  }) => Promise<ScheduledChange>;
}

describe('scheduled status changes', () => {
  const h = useHarness('scheduled-changes', { now: T0 });
  const { api } = h;

  const newOrg = async (name: string) => (await h.organization({ name })).documentId;
  const newEnt = async (org: string) => (await h.entitlement(org, monthly())).documentId;
  const entitlement = async (id: string) => (await api.get(`/offboarding/entitlements/${id}`)).body.data;
  const organization = async (id: string) => (await api.get(`/offboarding/organizations/${id}`)).body.data;
  const listed = async (query: string): Promise<ScheduledChange[]> => {
    const res = await api.get(`${CHANGES}?${query}`);
    expect(res.status).toBe(200);
    return res.body.data as ScheduledChange[];
  };
  const audit = async (org: string) =>
    ((await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; actorType: string; notes: string | null }[]);
  const actions = async (org: string) => (await audit(org)).map((e) => `${e.actorType}:${e.action}`);
  const count = (list: string[], item: string) => list.filter((x) => x === item).length;
  /** Works whatever earlier tests left due, so a test counts only its own work. */
  const drain = async () => {
    await h.sweep('transitions');
  };
  const sweeps = () => h.strapi.plugin('offboarding').service('sweeps') as Sweeps;

  it('a dated suspension changes nothing now, is listed, and is made once when due, by two sweeps at the same moment', async () => {
    const org = await newOrg('Dated Suspension');
    const ent = await newEnt(org);
    const res = await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'manual', notes: 'holiday', effectiveAt: at(2) });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: ent, status: 'active', suspendedAt: null });
    const change = res.body.scheduledChange as ScheduledChange;
    expect(change).toMatchObject({
      kind: 'suspend',
      at: at(2),
      undoable: true,
      organization: { documentId: org, name: 'Dated Suspension' },
      entitlement: { documentId: ent },
      details: { reason: 'other', notes: 'holiday' },
      createdBy: h.session.email,
    });
    expect(await listed(`organization=${org}`)).toEqual([change]);
    await drain();

    h.clock.freeze(at(2, -1000));
    await h.sweep('transitions');
    expect((await entitlement(ent)).status).toBe('active');

    h.clock.freeze(at(2));
    const results = await Promise.all([sweeps().run('transitions'), sweeps().run('transitions')]);
    expect(results.reduce((sum, r) => sum + r.performed, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    expect(await entitlement(ent)).toMatchObject({ status: 'suspended', suspensionReason: 'manual', suspensionNotes: 'holiday', suspendedAt: at(2) });
    expect((await h.sweep('transitions')).performed).toBe(0);

    const trail = await actions(org);
    expect(count(trail, 'job:entitlement.suspended')).toBe(1);
    expect(count(trail, 'admin:scheduled_change.created')).toBe(1);
    expect(await listed(`organization=${org}`)).toEqual([]);
  });

  it('dated resume, disable and enable are made when due, and everything missed during downtime is caught up in one sweep, once', async () => {
    const org = await newOrg('Catch-up');
    const suspended = await newEnt(org);
    expect((await api.post(`/offboarding/entitlements/${suspended}/suspend`, { reason: 'manual' })).status).toBe(200);
    const other = await newOrg('Catch-up Other');
    const toSuspend = await newEnt(other);

    expect((await api.post(`/offboarding/entitlements/${suspended}/resume`, { effectiveAt: at(3) })).body.scheduledChange.kind).toBe('resume');
    const disable = await api.post(`/offboarding/organizations/${org}/disable`, { reason: 'audit', effectiveAt: at(1) });
    expect(disable.status).toBe(200);
    expect(disable.body.data).toMatchObject({ documentId: org, accessStatus: 'enabled' });
    expect(disable.body.scheduledChange).toMatchObject({ kind: 'disable_access', entitlement: null, details: { reason: 'audit' } });
    expect((await api.post(`/offboarding/entitlements/${toSuspend}/suspend`, { reason: 'manual', effectiveAt: at(2) })).status).toBe(200);
    // The access reason is the staff's text: in the audit trail, not in the event's data (webhooks).
    const created = await api.get(`/offboarding/events?organization=${org}&type=scheduled_change.created`);
    const disableEvent = (created.body.data as { data: ScheduledChange }[]).find((e) => e.data.kind === 'disable_access');
    expect(disableEvent?.data.details.reason).toBeNull();
    expect((await audit(org)).some((e) => e.action === 'scheduled_change.created' && (e as { reason?: string | null }).reason === 'audit')).toBe(true);
    await drain();

    // No sweep ran for a month.
    h.clock.freeze(at(30));
    const result = await h.sweep('transitions');
    expect(result).toMatchObject({ performed: 3, failed: 0 });
    expect((await entitlement(suspended)).status).toBe('active');
    expect(await organization(org)).toMatchObject({ accessStatus: 'disabled', accessReason: 'audit' });
    expect((await entitlement(toSuspend)).status).toBe('suspended');
    expect((await h.sweep('transitions')).performed).toBe(0);
    expect(count(await actions(org), 'job:organization.access_disabled')).toBe(1);
    expect(count(await actions(org), 'job:entitlement.resumed')).toBe(1);

    const enable = await api.post(`/offboarding/organizations/${org}/enable`, { effectiveAt: at(31) });
    expect(enable.status).toBe(200);
    expect(enable.body.data.accessStatus).toBe('disabled');
    h.clock.freeze(at(31));
    expect((await h.sweep('transitions')).performed).toBe(1);
    expect((await organization(org)).accessStatus).toBe('enabled');
  });

  it('a change cancelled before it is due never happens, and cannot be cancelled twice', async () => {
    const org = await newOrg('Cancelled Change');
    const ent = await newEnt(org);
    const change = (await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'manual', effectiveAt: at(2) })).body.scheduledChange as ScheduledChange;

    const res = await api.delete(`${CHANGES}/${change.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: change.id, kind: 'suspend', undoable: false });
    expect(await listed(`organization=${org}`)).toEqual([]);
    const pending = await api.get(`/offboarding/tasks?state=pending&targetId=${change.id}`);
    expect(pending.body.data).toEqual([]);

    h.clock.freeze(at(3));
    await h.sweep('transitions');
    expect((await entitlement(ent)).status).toBe('active');
    expect(count(await actions(org), 'admin:scheduled_change.cancelled')).toBe(1);

    const again = await api.delete(`${CHANGES}/${change.id}`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/cancelled/);
  });

  it('a change its target no longer allows fails when due: recorded with the reason and an event, not retried', async () => {
    const org = await newOrg('Refused Change');
    const ent = await newEnt(org);
    const change = (await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'manual', effectiveAt: at(2) })).body.scheduledChange as ScheduledChange;
    expect((await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'immediate' })).status).toBe(200);
    await drain();

    h.clock.freeze(at(2));
    expect(await h.sweep('transitions')).toMatchObject({ performed: 1, failed: 0 });
    expect((await entitlement(ent)).status).toBe('cancelled');
    const failed = (await audit(org)).filter((e) => e.action === 'scheduled_change.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].notes).toMatch(/"cancelled"/);
    const events = await api.get(`/offboarding/events?organization=${org}&type=scheduled_change.failed`);
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]).toMatchObject({ target: { type: 'scheduled-change', documentId: change.id } });

    h.clock.freeze(at(5));
    expect((await h.sweep('transitions')).performed).toBe(0);
    expect((await audit(org)).filter((e) => e.action === 'scheduled_change.failed')).toHaveLength(1);
    // Failed, so no longer pending: DELETE refuses it.
    expect((await api.delete(`${CHANGES}/${change.id}`)).status).toBe(409);
  });

  it('a dated pause is scheduled with its resume date and access, listed, refused from a status other than active, and cancelled under `suspend`', async () => {
    const org = await newOrg('Dated Pause');
    const ent = await newEnt(org);
    const service = h.strapi.plugin('offboarding').service('scheduled-change') as ScheduledChanges;
    const actor = { type: 'admin' as const, id: null, name: 'pauser@example.test' };
    const payload = { reason: 'other', notes: 'sabbatical', resumeAt: at(20), access: 'block' as const };
    const change = await service.schedule({ kind: 'pause', entitlement: ent, effectiveAt: new Date(at(4)), field: 'startAt', payload, actor });
    expect(change).toMatchObject({ kind: 'pause', at: at(4), undoable: true, createdBy: 'pauser@example.test', details: { reason: 'other', notes: 'sabbatical', resumeAt: at(20), access: 'block' } });
    expect(await listed(`organization=${org}&kind=pause`)).toEqual([change]);

    // A past start names the request's own field; a suspended entitlement cannot be paused.
    await expect(service.schedule({ kind: 'pause', entitlement: ent, effectiveAt: new Date(at(-1)), field: 'startAt', payload, actor })).rejects.toMatchObject({
      details: { errors: [{ path: ['startAt'] }] },
    });
    expect((await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'manual' })).status).toBe(200);
    await expect(service.schedule({ kind: 'pause', entitlement: ent, effectiveAt: new Date(at(5)), field: 'startAt', payload, actor })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('"suspended"'),
    });

    const accessOnly = await h.admin(['read', 'access']);
    expect((await accessOnly.delete(`${CHANGES}/${change.id}`)).status).toBe(403);
    const suspender = await h.admin(['read', 'suspend']);
    expect((await suspender.delete(`${CHANGES}/${change.id}`)).status).toBe(200);
    expect(await listed(`organization=${org}`)).toEqual([]);
  });

  it('deleting an organization takes its pending changes and their tasks with it', async () => {
    const name = 'Deleted With Changes';
    const org = await newOrg(name);
    const change = (await api.post(`/offboarding/organizations/${org}/disable`, { effectiveAt: at(2) })).body.scheduledChange as ScheduledChange;
    expect((await api.get(`/offboarding/tasks?state=pending&targetId=${change.id}`)).body.data).toHaveLength(1);
    expect((await api.delete(`/offboarding/organizations/${org}?confirm=${encodeURIComponent(name)}`)).status).toBe(200);
    expect((await api.get(`/offboarding/tasks?state=pending&targetId=${change.id}`)).body.data).toEqual([]);
    expect(await h.strapi.db.query('plugin::offboarding.scheduled-change').count({ where: { organization: org } })).toBe(0);
    h.clock.freeze(at(3));
    expect(await h.sweep('transitions')).toMatchObject({ failed: 0 });
    expect((await api.delete(`${CHANGES}/${change.id}`)).status).toBe(404);
  });

  describe('the list', () => {
    let org: string;
    let cancelling: string;
    let overdue: string;
    let suspendChange: ScheduledChange;
    let disableChange: ScheduledChange;

    beforeAll(async () => {
      h.clock.freeze(T0);
      org = await newOrg('Timeline');
      cancelling = await newEnt(org);
      overdue = await newEnt(org);
      const dated = await newEnt(org);
      expect((await api.post(`/offboarding/entitlements/${cancelling}/cancel`, { reason: 'customer_request', timing: 'period_end' })).status).toBe(200);
      expect((await api.post(`/offboarding/entitlements/${overdue}/suspend`, { reason: 'non_payment' })).status).toBe(200);
      suspendChange = (await api.post(`/offboarding/entitlements/${dated}/suspend`, { reason: 'manual', effectiveAt: at(5) })).body.scheduledChange;
      disableChange = (await api.post(`/offboarding/organizations/${org}/disable`, { effectiveAt: at(7) })).body.scheduledChange;
      // Another organization's change is never in this one's list.
      const elsewhere = await newOrg('Timeline Elsewhere');
      await api.post(`/offboarding/entitlements/${await newEnt(elsewhere)}/suspend`, { reason: 'manual', effectiveAt: at(6) });
    });

    it('holds every future change of the organization, soonest first, each with its kind and whether it can be undone', async () => {
      const changes = await listed(`organization=${org}`);
      expect(changes.map((c) => [c.kind, c.at, c.undoable])).toEqual([
        ['suspend', at(5), true],
        ['disable_access', at(7), true],
        ['cancellation', '2027-01-31T00:00:00.000Z', true],
        ['grace_end', at(30), false],
      ]);
      expect(changes[0]).toEqual(suspendChange);
      expect(changes[1]).toEqual(disableChange);
      expect(changes[2]).toMatchObject({ id: `cancellation:${cancelling}`, entitlement: { documentId: cancelling }, details: { reason: 'customer_request' } });
      expect(changes[3]).toMatchObject({ id: `grace_end:${overdue}`, entitlement: { documentId: overdue }, details: { reason: 'payment_failure' } });
      expect(changes.every((c) => c.organization.documentId === org && c.organization.name === 'Timeline')).toBe(true);
    });

    it('filters by kind and by window, and pages', async () => {
      expect((await listed(`organization=${org}&kind=cancellation`)).map((c) => c.id)).toEqual([`cancellation:${cancelling}`]);
      expect((await listed(`organization=${org}&kind=disable_access`)).map((c) => c.id)).toEqual([disableChange.id]);
      expect(await listed(`organization=${org}&kind=pause_end`)).toEqual([]);
      expect((await listed(`organization=${org}&from=${at(6)}&to=2027-02-01T00:00:00Z`)).map((c) => c.kind)).toEqual(['disable_access', 'cancellation']);
      const page = await api.get(`${CHANGES}?organization=${org}&pageSize=3&page=2`);
      expect(page.body.data.map((c: ScheduledChange) => c.kind)).toEqual(['grace_end']);
      expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
      // Without an organization: every organization's, this one's among them.
      const all = await listed(`kind=suspend&pageSize=100`);
      expect(all.map((c) => c.id)).toContain(suspendChange.id);
      expect(new Set(all.map((c) => c.organization.name)).has('Timeline Elsewhere')).toBe(true);
    });

    it('DELETE needs the change’s own permission, undoes a pending cancellation, and refuses what cannot be undone here', async () => {
      const reader = await h.admin(['read']);
      const suspender = await h.admin(['read', 'suspend']);

      const refused = await reader.delete(`${CHANGES}/${suspendChange.id}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/suspend/);
      expect((await listed(`organization=${org}&kind=suspend`)).map((c) => c.id)).toEqual([suspendChange.id]);
      expect((await suspender.delete(`${CHANGES}/${suspendChange.id}`)).status).toBe(200);
      expect(await listed(`organization=${org}&kind=suspend`)).toEqual([]);

      expect((await suspender.delete(`${CHANGES}/${disableChange.id}`)).status).toBe(403);
      expect((await suspender.delete(`${CHANGES}/cancellation:${cancelling}`)).status).toBe(403);
      expect((await entitlement(cancelling)).status).toBe('pending_cancellation');
      const undone = await api.delete(`${CHANGES}/cancellation:${cancelling}`);
      expect(undone.status).toBe(200);
      expect(undone.body.data).toMatchObject({ id: `cancellation:${cancelling}`, kind: 'cancellation' });
      expect((await entitlement(cancelling)).status).toBe('active');
      expect((await api.delete(`${CHANGES}/cancellation:${cancelling}`)).status).toBe(404);

      const grace = await api.delete(`${CHANGES}/grace_end:${overdue}`);
      expect(grace.status).toBe(409);
      expect(grace.body.error.message).toMatch(/cannot be undone here: grace_end/);
      expect((await entitlement(overdue)).status).toBe('suspended');
      expect((await api.delete(`${CHANGES}/nosuchchange000`)).status).toBe(404);
      expect((await api.delete(`${CHANGES}/later:${overdue}`)).status).toBe(404);
    });
  });

  describe('bad input: a 4xx naming the field or the status, and nothing changed', () => {
    let org: string;
    let ent: string;
    beforeAll(async () => {
      h.clock.freeze(T0);
      org = await newOrg('Bad Dates');
      ent = await newEnt(org);
    });

    const refused = async (send: () => PromiseLike<{ status: number; body: { error?: { message?: string; details?: { errors?: { path: string[] }[] } } } }>) => {
      const before = await snapshotPluginTables(h.strapi);
      const res = await send();
      expect(await snapshotPluginTables(h.strapi)).toEqual(before);
      return { status: res.status, message: res.body.error?.message ?? '', paths: (res.body.error?.details?.errors ?? []).map((e) => e.path.join('.')) };
    };

    it.each([
      ['a date in the past', { reason: 'manual', effectiveAt: at(-1) }],
      ['now itself', { reason: 'manual', effectiveAt: T0 }],
      ['not a date', { reason: 'manual', effectiveAt: 'next tuesday' }],
      ['an impossible date', { reason: 'manual', effectiveAt: '2027-02-30T00:00:00Z' }],
    ])('suspend with %s: 400 naming effectiveAt', async (_title, body) => {
      const res = await refused(() => api.post(`/offboarding/entitlements/${ent}/suspend`, body));
      expect(res.status).toBe(400);
      expect(res.paths).toEqual(['effectiveAt']);
    });

    it('a dated change its target does not allow now: 409 naming the status', async () => {
      const resume = await refused(() => api.post(`/offboarding/entitlements/${ent}/resume`, { effectiveAt: at(2) }));
      expect(resume.status).toBe(409);
      expect(resume.message).toMatch(/"active"/);
      const enable = await refused(() => api.post(`/offboarding/organizations/${org}/enable`, { effectiveAt: at(2) }));
      expect(enable).toMatchObject({ status: 409, message: 'Access is already enabled' });
      const missing = await refused(() => api.post(`/offboarding/entitlements/nosuchentitlement0/suspend`, { reason: 'manual', effectiveAt: at(2) }));
      expect(missing.status).toBe(404);
      const unknownField = await refused(() => api.post(`/offboarding/entitlements/${ent}/resume`, { effectiveAt: at(2), when: 'soon' }));
      expect(unknownField.status).toBe(400);
      expect(unknownField.message).toMatch(/when/);
    });

    it.each([
      ['kind=later', 'kind'],
      ['from=yesterday', 'from'],
      [`from=${at(5)}&to=${at(1)}`, 'to'],
      ['pageSize=1000', 'pageSize'],
      ['colour=blue', ''],
    ])('GET ?%s: 400', async (query, field) => {
      const res = await api.get(`${CHANGES}?${query}`);
      expect(res.status).toBe(400);
      if (field) expect((res.body.error.details.errors as { path: string[] }[]).map((e) => e.path.join('.'))).toEqual([field]);
    });

    it('GET for an organization that does not exist: 404', async () => {
      expect((await api.get(`${CHANGES}?organization=nosuchorganization0`)).status).toBe(404);
    });
  });
});
