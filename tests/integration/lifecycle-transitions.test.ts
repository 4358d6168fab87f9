/**
 * The rest of an entitlement's life over the admin API: undo a scheduled cancellation, suspend
 * and resume, reactivate (win-back) within or outside its window, the transitions the state
 * machine refuses (409 naming the current status, nothing changed), and what it all does to the
 * organization's derived status and retention facts. The clock is frozen at NOW.
 */
import {
  DAY,
  NOW,
  PERIOD,
  auditOf,
  cancelNow,
  createEntitlement,
  createOrg,
  expectStatus,
  expectUnchanged,
  getEntitlement,
  getOrg,
  monthly,
  plusDays,
  useHarness,
} from '../helpers/harness';


const h = useHarness('lifecycle-transitions', { now: NOW });

const post = (path: string, body?: unknown) => h.api.post(`/offboarding/entitlements/${path}`, body);

/** An organization holding one monthly entitlement (30-day period, 10 days used, price 3000). */
const fresh = async () => {
  const org = await createOrg(h.api);
  const ent = await createEntitlement(h.api, org.documentId);
  return { org, ent };
};

describe('undo cancellation', () => {
  it('returns a pending cancellation to active and clears the cancellation record', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' }), 200);
    const res = await post(`${ent.documentId}/undo-cancel`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      previousStatus: null,
      cancellationReason: null,
      cancelRequestedAt: null,
      cancelTiming: null,
      cancelEffectiveAt: null,
      refundMode: null,
      refundAmount: null,
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('active');
  });

  it('returns a suspended entitlement whose cancellation was scheduled to suspended', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/suspend`, { reason: 'non_payment' }), 200);
    const pending = await post(`${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expectStatus(pending, 200);
    expect(pending.body.data).toMatchObject({ status: 'pending_cancellation', previousStatus: 'suspended' });
    const res = await post(`${ent.documentId}/undo-cancel`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'suspended', previousStatus: null, cancelEffectiveAt: null });
    expect((await getOrg(h.api, org.documentId)).status).toBe('suspended');
  });
});

describe('suspend and resume', () => {
  it('non_payment: graceEndsAt = now + 30 days (default policy), reason code payment_failure', async () => {
    const { org, ent } = await fresh();
    const res = await post(`${ent.documentId}/suspend`, { reason: 'non_payment', notes: 'Card declined twice' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'suspended',
      suspendedAt: NOW,
      suspensionReason: 'non_payment',
      suspensionReasonCode: 'payment_failure',
      suspensionNotes: 'Card declined twice',
      graceEndsAt: '2027-02-10T00:00:00.000Z',
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('suspended');
  });

  it('manual: no grace period, the given reason code recorded', async () => {
    const { ent } = await fresh();
    const res = await post(`${ent.documentId}/suspend`, { reason: 'manual', reasonCode: 'other' });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'suspended',
      suspendedAt: NOW,
      suspensionReason: 'manual',
      suspensionReasonCode: 'other',
      graceEndsAt: null,
    });
  });

  it('a reason code that does not apply to suspensions: 400 naming reasonCode', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/suspend`, { reason: 'manual', reasonCode: 'too_expensive' });
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['reasonCode']);
    await expectUnchanged(h.api, org.documentId, ent, total);
  });

  it('resume: back to active with the suspension cleared', async () => {
    const { org, ent } = await fresh();
    expectStatus(await post(`${ent.documentId}/suspend`, { reason: 'non_payment' }), 200);
    const res = await post(`${ent.documentId}/resume`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      suspendedAt: null,
      suspensionReason: null,
      suspensionReasonCode: null,
      suspensionNotes: null,
      graceEndsAt: null,
    });
    expect((await getOrg(h.api, org.documentId)).status).toBe('active');
  });
});

describe('reactivate', () => {
  it('within the window: active again with reactivatedAt; an ended period restarts now', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    h.clock.advance(89 * DAY);
    const at = plusDays(NOW, 89);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      status: 'active',
      reactivatedAt: at,
      cancelledAt: null,
      cancellationReason: null,
      refundMode: null,
      currentPeriodStart: at,
      currentPeriodEnd: '2027-05-10T00:00:00.000Z',
    });
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.status).toBe('active');
    expect(detail.lastCancelledAt).toBeNull();
    expect(detail.retentionUntil).toBeNull();
  });

  it('on the last day of the window (cancelledAt + 90 days exactly) it is still allowed', async () => {
    const { ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    h.clock.advance(90 * DAY);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data.status).toBe('active');
  });

  it('after the window: 409 naming the closing date, nothing changed', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    const cancelled = await getEntitlement(h.api, ent.documentId);
    const { total } = await auditOf(h.api, org.documentId);
    h.clock.advance(90 * DAY + 1000);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 409);
    expect(res.body.error.message).toContain('2027-04-11T00:00:00.000Z');
    expect(res.body.error.details).toMatchObject({ windowClosedAt: '2027-04-11T00:00:00.000Z' });
    await expectUnchanged(h.api, org.documentId, cancelled, total);
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.entitlements[0].reactivation).toEqual({
      allowed: false,
      until: '2027-04-11T00:00:00.000Z',
      refusal: res.body.error.message,
    });
  });

  it('is refused with a 409 while the organization is archived, and allowed once unarchived', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`), 200);
    const cancelled = await getEntitlement(h.api, ent.documentId);
    const { total } = await auditOf(h.api, org.documentId);
    const refused = await post(`${ent.documentId}/reactivate`);
    expectStatus(refused, 409);
    expect(refused.body.error.message).toMatch(/archived/);
    await expectUnchanged(h.api, org.documentId, cancelled, total);

    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/unarchive`), 200);
    const res = await post(`${ent.documentId}/reactivate`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ status: 'active', reactivatedAt: NOW });
  });
});

describe('refused transitions', () => {
  const asCreated = async () => undefined;
  const cases: { name: string; setup: (ent: string) => Promise<void>; action: string; body?: object; status: string }[] = [
    { name: 'resume an active entitlement', setup: asCreated, action: 'resume', status: 'active' },
    { name: 'undo the cancellation of an active entitlement', setup: asCreated, action: 'undo-cancel', status: 'active' },
    { name: 'reactivate an active entitlement', setup: asCreated, action: 'reactivate', status: 'active' },
    {
      name: 'cancel a cancelled entitlement',
      setup: async (ent) => expectStatus(await cancelNow(h.api, ent), 200),
      action: 'cancel',
      body: { reason: 'customer_request', timing: 'immediate' },
      status: 'cancelled',
    },
    {
      name: 'suspend a cancelled entitlement',
      setup: async (ent) => expectStatus(await cancelNow(h.api, ent), 200),
      action: 'suspend',
      body: { reason: 'manual' },
      status: 'cancelled',
    },
    {
      name: 'suspend a suspended entitlement',
      setup: async (ent) => expectStatus(await post(`${ent}/suspend`, { reason: 'manual' }), 200),
      action: 'suspend',
      body: { reason: 'manual' },
      status: 'suspended',
    },
    {
      name: 'cancel an entitlement whose cancellation is pending',
      setup: async (ent) => expectStatus(await post(`${ent}/cancel`, { reason: 'other', timing: 'period_end' }), 200),
      action: 'cancel',
      body: { reason: 'customer_request', timing: 'immediate' },
      status: 'pending_cancellation',
    },
    {
      name: 'resume an entitlement whose cancellation is pending',
      setup: async (ent) => expectStatus(await post(`${ent}/cancel`, { reason: 'other', timing: 'period_end' }), 200),
      action: 'resume',
      status: 'pending_cancellation',
    },
  ];

  it.each(cases)('$name: 409 naming the current status, nothing changed', async ({ setup, action, body, status }) => {
    const { org, ent } = await fresh();
    await setup(ent.documentId);
    const before = await getEntitlement(h.api, ent.documentId);
    expect(before.status).toBe(status);
    const { total } = await auditOf(h.api, org.documentId);
    const res = await post(`${ent.documentId}/${action}`, body);
    expectStatus(res, 409);
    expect(res.body.error.name).toBe('ConflictError');
    expect(res.body.error.message).toContain(`"${status}"`);
    expect(res.body.error.details.currentStatus).toBe(status);
    await expectUnchanged(h.api, org.documentId, before, total);
  });
});

describe('organization derived status and retention', () => {
  it('follows its entitlements: suspended wins, then pending, cancelled once all are', async () => {
    const org = await createOrg(h.api);
    const a = await createEntitlement(h.api, org.documentId);
    const b = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const status = async () => (await getOrg(h.api, org.documentId)).status;

    expect(await status()).toBe('active');
    expectStatus(await post(`${a.documentId}/suspend`, { reason: 'manual' }), 200);
    expect(await status()).toBe('suspended');
    expectStatus(await post(`${b.documentId}/cancel`, { reason: 'other', timing: 'period_end' }), 200);
    expect(await status()).toBe('suspended');
    expectStatus(await post(`${a.documentId}/resume`), 200);
    expect(await status()).toBe('pending_cancellation');
    expectStatus(await post(`${b.documentId}/undo-cancel`), 200);
    expect(await status()).toBe('active');
    expectStatus(await cancelNow(h.api, a.documentId), 200);
    expect(await status()).toBe('active');
    expectStatus(await cancelNow(h.api, b.documentId), 200);
    expect(await status()).toBe('cancelled');
  });

  it('lastCancelledAt is the latest cancellation once all are cancelled; retentionUntil = it + 365 days', async () => {
    const org = await createOrg(h.api);
    const a = await createEntitlement(h.api, org.documentId);
    const b = await createEntitlement(h.api, org.documentId, monthly({ class: 'SVC' }));

    expectStatus(await cancelNow(h.api, a.documentId), 200);
    let detail = await getOrg(h.api, org.documentId);
    expect(detail.lastCancelledAt).toBeNull();
    expect(detail.retentionUntil).toBeNull();

    h.clock.advance(5 * DAY);
    expectStatus(await cancelNow(h.api, b.documentId), 200);
    detail = await getOrg(h.api, org.documentId);
    expect(detail.status).toBe('cancelled');
    expect(detail.lastCancelledAt).toBe('2027-01-16T00:00:00.000Z');
    expect(detail.retentionUntil).toBe('2028-01-16T00:00:00.000Z');
    expect(detail.retention).toMatchObject({
      lastCancelledAt: '2027-01-16T00:00:00.000Z',
      dataRetentionDays: 365,
      retentionUntil: '2028-01-16T00:00:00.000Z',
      purgeState: 'none',
    });
  });

  it('a new entitlement reopens a cancelled organization: active, no last cancellation, no retention date', async () => {
    const { org, ent } = await fresh();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    expect(await getOrg(h.api, org.documentId)).toMatchObject({ status: 'cancelled', lastCancelledAt: NOW });
    await createEntitlement(h.api, org.documentId, monthly({ class: 'AFL' }));
    expect(await getOrg(h.api, org.documentId)).toMatchObject({ status: 'active', lastCancelledAt: null, retentionUntil: null });
  });

  it('every transition writes one audit event with the changed fields only', async () => {
    const { org, ent } = await fresh();
    const { total } = await auditOf(h.api, org.documentId);
    expectStatus(await post(`${ent.documentId}/cancel`, { reason: 'business_closure', notes: 'Closing', timing: 'period_end' }), 200);
    const { events, total: after } = await auditOf(h.api, org.documentId);
    expect(after).toBe(total + 1);
    expect(events[0]).toMatchObject({
      action: 'entitlement.cancellation_scheduled',
      actorType: 'admin',
      actorName: h.session.email,
      targetType: 'entitlement',
      targetId: ent.documentId,
      organization: org.documentId,
      reason: 'business_closure',
      notes: 'Closing',
    });
    expect(events[0].before).toEqual({
      previousStatus: null,
      status: 'active',
      cancellationReason: null,
      cancellationNotes: null,
      cancelRequestedAt: null,
      cancelRequestedBy: null,
      cancelTiming: null,
      cancelEffectiveAt: null,
      refundMode: null,
      refundAmount: null,
    });
    expect(events[0].after).toEqual({
      previousStatus: 'active',
      status: 'pending_cancellation',
      cancellationReason: 'business_closure',
      cancellationNotes: 'Closing',
      cancelRequestedAt: NOW,
      cancelRequestedBy: h.session.email,
      cancelTiming: 'period_end',
      cancelEffectiveAt: PERIOD.end,
      refundMode: 'none',
      refundAmount: 0,
    });
  });
});
