/**
 * docs/spec.md §13, part A end to end with the plugin clock: a customer-requested pause (now,
 * until a date or on demand, access kept or blocked), its end by its job (once, caught up after
 * downtime) or on demand, and prospects (created, counted, listed, activated and provisioned,
 * never returned to). Bad input changes nothing.
 */
import request from 'supertest';
import type { Stats } from '../../src/plugins/offboarding/shared/contracts/api';
import type { AccessView } from '../../src/plugins/offboarding/shared/contracts/access';
import type { Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { Notification } from '../../src/plugins/offboarding/shared/contracts/notices';
import { DAY, NOW, PERIOD, auditOf, expectStatus, expectUnchanged, getEntitlement, getOrg, monthly, plusDays, unique, useHarness, type PortalUser } from '../helpers/harness';

const ENTS = '/offboarding/entitlements';

describe('pause and prospects (docs/spec.md §13)', () => {
  const h = useHarness('pause-prospect', { now: NOW });
  const { api } = h;

  const newOrg = async () => (await h.organization({ name: unique('Pause') })).documentId;
  const pause = (ent: string, body: Record<string, unknown>) => api.post(`${ENTS}/${ent}/pause`, body);
  const accessOf = async (org: string): Promise<AccessView> => {
    const res = await api.get(`/offboarding/organizations/${org}/access`);
    expectStatus(res, 200);
    return res.body.data;
  };
  const notificationsOf = async (org: string): Promise<Notification[]> => {
    const res = await api.get(`/offboarding/organizations/${org}/notifications?pageSize=100`);
    expectStatus(res, 200);
    return res.body.data;
  };
  const auditActions = async (org: string) =>
    ((await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; actorType: string }[]).map((e) => `${e.actorType}:${e.action}`);
  const pendingTasks = async (ent: string) =>
    (await h.strapi.db.query('plugin::offboarding.scheduled-task').findMany({ where: { targetId: ent, state: 'pending' } })) as { kind: string; dueAt: string | Date }[];
  /** Whatever earlier tests left due, done first, so that each test counts its own work. */
  const drain = async () => {
    await h.sweep('transitions');
  };

  describe('pause', () => {
    it('now, until a date, access blocked: paused, the portal closed, the event, the notice and the resume task', async () => {
      const org = await newOrg();
      const user: PortalUser = await h.portalUser('pauser');
      await h.collaborator(org, user.email, 'owner');
      const ent = (await h.entitlement(org)).documentId;
      expect((await accessOf(org)).stage).toBe('active');

      const res = await pause(ent, { reason: 'other', notes: 'winter break', resumeAt: plusDays(NOW, 10), access: 'block' });
      expectStatus(res, 200);
      expect(res.body.scheduledChange).toBeUndefined();
      const paused = res.body.data as Entitlement;
      expect(paused).toMatchObject({
        status: 'paused',
        pausedAt: NOW,
        pauseReason: 'other',
        pauseNotes: 'winter break',
        pauseAccess: 'block',
        resumeAt: plusDays(NOW, 10),
        // Unchanged while paused: it moves when the pause ends.
        currentPeriodEnd: PERIOD.end,
      });
      expect(await getEntitlement(api, ent)).toEqual(paused);
      expect((await getOrg(api, org)).status).toBe('paused');

      // The access rule: closed everywhere, the portal included.
      const view = await accessOf(org);
      expect(view.stage).toBe('paused');
      expect(view.portalLogin).toBe(false);
      expect(view.reasons.portalLogin).toMatch(/is paused: its portal is closed/);
      expect((await request(h.server).get(`/api/offboarding/portal/organizations/${org}`).set(user.auth)).status).toBe(403);
      const portalView = await request(h.server).get(`/api/offboarding/portal/organizations/${org}/access`).set(user.auth);
      expectStatus(portalView, 200);
      expect(portalView.body.data.stage).toBe('paused');

      expect(await auditActions(org)).toContain('admin:entitlement.paused');
      const notices = await notificationsOf(org);
      const notice = notices.find((n) => n.key === 'paused');
      expect(notice?.subject).toMatch(/subscription is paused/);
      expect(await pendingTasks(ent)).toEqual([expect.objectContaining({ kind: 'resume_pause' })]);
      expect(new Date((await pendingTasks(ent))[0].dueAt).toISOString()).toBe(plusDays(NOW, 10));
    });

    it('with access kept: the organization keeps its portal (a pause in good standing)', async () => {
      const org = await newOrg();
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', access: 'keep' }), 200);
      const view = await accessOf(org);
      expect(view.stage).toBe('active');
      expect(view.portalLogin).toBe(true);
      // Without resumeAt, nothing ends it but a resume on demand.
      expect(await pendingTasks(ent)).toEqual([]);
      expect((await getEntitlement(api, ent)).resumeAt).toBeNull();
    });

    it('the customer sees the pause and its end date, never its notes or reason; after the resume the cancel preview shows the moved end', async () => {
      const org = await newOrg();
      const user: PortalUser = await h.portalUser('viewer');
      await h.collaborator(org, user.email, 'member');
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', notes: 'staff only: VIP', resumeAt: plusDays(NOW, 4), access: 'keep' }), 200);

      const portal = await request(h.server).get(`/api/offboarding/portal/organizations/${org}`).set(user.auth);
      expectStatus(portal, 200);
      const seen = (portal.body.data.entitlements as Record<string, unknown>[]).find((e) => e.documentId === ent);
      expect(seen).toMatchObject({ status: 'paused', pausedAt: NOW, pauseAccess: 'keep', resumeAt: plusDays(NOW, 4) });
      expect(seen).not.toHaveProperty('pauseNotes');
      expect(seen).not.toHaveProperty('pauseReason');
      expect(JSON.stringify(portal.body)).not.toContain('VIP');

      h.clock.freeze(plusDays(NOW, 1));
      expectStatus(await api.post(`${ENTS}/${ent}/resume`, {}), 200);
      const preview = await api.post(`${ENTS}/${ent}/cancel/preview`, { reason: 'customer_request', timing: 'period_end' });
      expectStatus(preview, 200);
      expect(preview.body.data.effectiveAt).toBe(plusDays(PERIOD.end, 1));
    });

    it('ends by itself at resumeAt, once, and the period end moves by the time paused exactly', async () => {
      const org = await newOrg();
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', resumeAt: plusDays(NOW, 10), access: 'block' }), 200);
      await drain();

      h.clock.freeze(new Date(Date.parse(NOW) + 10 * DAY - 1));
      await h.sweep('transitions');
      expect((await getEntitlement(api, ent)).status).toBe('paused');

      h.clock.freeze(plusDays(NOW, 10));
      // Earlier tests' pauses may end at the same instant: this one is counted by its audit rows below.
      expect(await h.sweep('transitions')).toMatchObject({ failed: 0 });
      const resumed = await getEntitlement(api, ent);
      expect(resumed).toMatchObject({ status: 'active', pausedAt: null, pauseAccess: null, resumeAt: null, currentPeriodEnd: plusDays(PERIOD.end, 10) });
      expect((await accessOf(org)).stage).toBe('active');
      expect((await getOrg(api, org)).status).toBe('active');

      // A second run does nothing more.
      expect((await h.sweep('transitions')).performed).toBe(0);
      expect((await getEntitlement(api, ent)).currentPeriodEnd).toBe(plusDays(PERIOD.end, 10));
      expect((await auditActions(org)).filter((a) => a === 'job:entitlement.resumed')).toHaveLength(1);
      const ended = (await notificationsOf(org)).filter((n) => n.key === 'pause_ended');
      expect(ended).toHaveLength(1);
      expect(ended[0].subject).toMatch(/running again/);
      // The end of a pause is not the end of a suspension: no `resumed` notice.
      expect((await notificationsOf(org)).some((n) => n.key === 'resumed')).toBe(false);
    });

    it('catch-up after downtime: the clock far past resumeAt, one run resumes once, moved by resumeAt - pausedAt', async () => {
      const org = await newOrg();
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', resumeAt: plusDays(NOW, 3), access: 'keep' }), 200);
      await drain();

      h.clock.freeze(plusDays(NOW, 40));
      expect((await h.sweep('transitions')).performed).toBeGreaterThanOrEqual(1);
      expect((await h.sweep('transitions')).performed).toBe(0);
      const resumed = await getEntitlement(api, ent);
      expect(resumed.status).toBe('active');
      expect(resumed.currentPeriodEnd).toBe(plusDays(PERIOD.end, 3));
      expect((await auditActions(org)).filter((a) => a === 'job:entitlement.resumed')).toHaveLength(1);
    });

    it('resume on demand: active at once, the period moved by the time paused, the task gone', async () => {
      const org = await newOrg();
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', resumeAt: plusDays(NOW, 20), access: 'block' }), 200);
      h.clock.freeze(new Date(Date.parse(NOW) + 2 * DAY + 6 * 3_600_000));
      const res = await api.post(`${ENTS}/${ent}/resume`, {});
      expectStatus(res, 200);
      expect(res.body.data).toMatchObject({ status: 'active', resumeAt: null, currentPeriodEnd: new Date(Date.parse(PERIOD.end) + 2 * DAY + 6 * 3_600_000).toISOString() });
      expect(await pendingTasks(ent)).toEqual([]);
      // The job that was due later finds nothing to do.
      h.clock.freeze(plusDays(NOW, 30));
      await h.sweep('transitions');
      expect((await getEntitlement(api, ent)).currentPeriodEnd).toBe(res.body.data.currentPeriodEnd);
      expect(await auditActions(org)).toContain('admin:entitlement.resumed');
    });

    it('a paused entitlement can be cancelled; undoing it goes back to the pause', async () => {
      const org = await newOrg();
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', access: 'block' }), 200);
      const cancelled = await api.post(`${ENTS}/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' });
      expectStatus(cancelled, 200);
      expect(cancelled.body.data).toMatchObject({ status: 'pending_cancellation', previousStatus: 'paused' });
      const undone = await api.post(`${ENTS}/${ent}/undo-cancel`, {});
      expectStatus(undone, 200);
      expect(undone.body.data).toMatchObject({ status: 'paused', pauseAccess: 'block' });
    });

    it('refuses bad input with a 400 naming the field, a wrong status with a 409 naming it; nothing changes', async () => {
      const org = await newOrg();
      const ent = await h.entitlement(org);
      const audit = (await auditOf(api, org)).total;
      const cases: [Record<string, unknown>, string][] = [
        [{ reason: 'other', access: 'keep', resumeAt: NOW }, 'resumeAt'],
        [{ reason: 'other', access: 'keep', resumeAt: plusDays(NOW, -1) }, 'resumeAt'],
        [{ reason: 'other', access: 'keep', resumeAt: 'next tuesday' }, 'resumeAt'],
        [{ reason: 'other', access: 'keep', startAt: plusDays(NOW, -1) }, 'startAt'],
        [{ reason: 'other', access: 'keep', startAt: plusDays(NOW, 5), resumeAt: plusDays(NOW, 4) }, 'resumeAt'],
        [{ reason: 'other', access: 'sometimes' }, 'access'],
        [{ reason: 'other' }, 'access'],
        [{ access: 'keep' }, 'reason'],
        [{ reason: 'nope', access: 'keep' }, 'reason'],
        // A reason that exists but does not apply to suspensions.
        [{ reason: 'customer_request', access: 'keep' }, 'reason'],
        [{ reason: 'other', access: 'keep', until: plusDays(NOW, 3) }, 'until'],
      ];
      for (const [body, field] of cases) {
        const res = await pause(ent.documentId, body);
        expectStatus(res, 400);
        expect(JSON.stringify(res.body.error)).toContain(field);
      }
      await expectUnchanged(api, org, ent, audit);

      // A pause on a cancelled entitlement: 409 naming the status.
      expectStatus(await api.post(`${ENTS}/${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate' }), 200);
      const cancelled = await getEntitlement(api, ent.documentId);
      const auditAfter = (await auditOf(api, org)).total;
      const refused = await pause(ent.documentId, { reason: 'other', access: 'keep' });
      expectStatus(refused, 409);
      expect(refused.body.error.message).toContain('"cancelled"');
      // Ending a pause that is not there: 409 too.
      expectStatus(await api.post(`${ENTS}/${ent.documentId}/resume`, {}), 409);
      await expectUnchanged(api, org, cancelled, auditAfter);
    });

    it('a pause from a future startAt is a scheduled change: nothing changes now (made when due: scheduled-changes.test.ts)', async () => {
      const org = await newOrg();
      const ent = await h.entitlement(org);
      const res = await pause(ent.documentId, { reason: 'other', access: 'keep', startAt: plusDays(NOW, 5), resumeAt: plusDays(NOW, 9) });
      expectStatus(res, 200);
      expect(res.body.scheduledChange).toMatchObject({ kind: 'pause', at: plusDays(NOW, 5), details: { resumeAt: plusDays(NOW, 9), access: 'keep' } });
      expect(res.body.data).toMatchObject({ status: 'active', pausedAt: null });
    });
  });

  describe('prospect', () => {
    it('is created as a prospect without a period, counted and listed as one, not provisioned', async () => {
      const before = (await api.get('/offboarding/stats')).body.data as Stats;
      const org = await newOrg();
      const created = await api.post(`/offboarding/organizations/${org}/entitlements`, { class: 'PLG', price: 3000, currency: 'EUR', billingPeriod: 'month', status: 'prospect' });
      expectStatus(created, 201);
      expect(created.body.data).toMatchObject({ status: 'prospect', currentPeriodStart: null, currentPeriodEnd: null, provisioningState: 'none' });
      expect((await getOrg(api, org)).status).toBe('prospect');
      // Not a customer yet: the portal is the active one, nothing withheld.
      expect((await accessOf(org)).stage).toBe('active');

      const after = (await api.get('/offboarding/stats')).body.data as Stats;
      expect(after.organizations.byStatus.prospect - before.organizations.byStatus.prospect).toBe(1);
      expect(after.organizations.byStatus.active - before.organizations.byStatus.active).toBe(0);
      expect(after.entitlements.byStatus.prospect - before.entitlements.byStatus.prospect).toBe(1);
      expect(after.entitlements.byStatus.active - before.entitlements.byStatus.active).toBe(0);

      const listed = await api.get('/offboarding/organizations?status=prospect&pageSize=100');
      expectStatus(listed, 200);
      expect((listed.body.data as { documentId: string }[]).map((o) => o.documentId)).toContain(org);
      const active = await api.get('/offboarding/organizations?status=active&pageSize=100');
      expect((active.body.data as { documentId: string }[]).map((o) => o.documentId)).not.toContain(org);

      const tasks = (await h.strapi.db.query('plugin::offboarding.scheduled-task').findMany({ where: { targetId: created.body.data.documentId } })) as unknown[];
      expect(tasks).toEqual([]);
    });

    it('activate: active, its first period starting now, provisioned by the sweep; never a prospect again', async () => {
      const org = await newOrg();
      const prospect = await prospectOrOther(org, { status: 'prospect' });
      h.clock.freeze(plusDays(NOW, 2));
      const res = await api.post(`${ENTS}/${prospect}/activate`, {});
      expectStatus(res, 200);
      expect(res.body.data).toMatchObject({
        status: 'active',
        activatedAt: plusDays(NOW, 2),
        currentPeriodStart: plusDays(NOW, 2),
        currentPeriodEnd: '2027-02-13T00:00:00.000Z',
        provisioningState: 'pending',
        provisioningOperation: 'reprovision',
      });
      expect((await getOrg(api, org)).status).toBe('active');
      expect(await auditActions(org)).toContain('admin:entitlement.activated');

      expect((await h.sweep('provisioning')).performed).toBeGreaterThanOrEqual(1);
      expect((await getEntitlement(api, prospect)).provisioningState).toBe('done');
      expect(await auditActions(org)).toContain('job:entitlement.reprovisioned');

      // No way back: activating again, or a create with any other status, is refused.
      const again = await api.post(`${ENTS}/${prospect}/activate`, {});
      expectStatus(again, 409);
      expect(again.body.error.message).toContain('"active"');
      const other = await api.post(`/offboarding/organizations/${org}/entitlements`, { ...monthly(), status: 'paused' });
      expectStatus(other, 400);
      expect(JSON.stringify(other.body.error)).toContain('status');
    });

    it('a cancelled prospect tears nothing down; a prospect is cancelled only at once and without a refund', async () => {
      const org = await newOrg();
      const prospect = await prospectOrOther(org, { status: 'prospect' });
      const later = await api.post(`${ENTS}/${prospect}/cancel`, { reason: 'customer_request', timing: 'date', effectiveAt: plusDays(NOW, 5) });
      expectStatus(later, 400);
      expect(later.body.error.details.errors[0].path).toEqual(['timing']);
      const refund = await api.post(`${ENTS}/${prospect}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
      expectStatus(refund, 400);
      expect(refund.body.error.details.errors[0].path).toEqual(['refund']);
      const cancelled = await api.post(`${ENTS}/${prospect}/cancel`, { reason: 'customer_request', timing: 'immediate' });
      expectStatus(cancelled, 200);
      expect(cancelled.body.data).toMatchObject({ status: 'cancelled', refundAmount: 0, provisioningState: 'none' });
      // Cancelled is final for a prospect too: it cannot be activated.
      expectStatus(await api.post(`${ENTS}/${prospect}/activate`, {}), 409);
    });

    it('prospects do not hide the rest of the organization: a paused one with a prospect is paused', async () => {
      const org = await newOrg();
      await prospectOrOther(org, { status: 'prospect' });
      const ent = (await h.entitlement(org)).documentId;
      expectStatus(await pause(ent, { reason: 'other', access: 'block' }), 200);
      expect((await getOrg(api, org)).status).toBe('paused');
      expect((await accessOf(org)).stage).toBe('paused');
    });
  });

  /** A new entitlement of the organization, as the API made it (its documentId). */
  const prospectOrOther = async (org: string, extra: Record<string, unknown>) => {
    const res = await api.post(`/offboarding/organizations/${org}/entitlements`, { class: 'PLG', price: 3000, currency: 'EUR', billingPeriod: 'month', ...extra });
    expectStatus(res, 201);
    return (res.body.data as Entitlement).documentId;
  };
});
