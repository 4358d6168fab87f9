/**
 * Cancellation policies and reasons as the settings pages edit them, and how they reach the
 * lifecycle: which policy governs an entitlement (organization override, else its class, else
 * the default), what its settings do to grace periods, refunds, reactivation and retention, and
 * which reasons a cancellation or suspension may record. Clock frozen at NOW.
 */
import type { CancellationPolicy, CancellationReason } from '../../src/plugins/offboarding/shared/contracts/entities';
import {
  DAY,
  NOW,
  auditOf,
  cancelNow,
  createEntitlement,
  createOrg,
  createPolicy,
  expectStatus,
  getOrg,
  monthly,
  plusDays,
  unique,
  useHarness,
} from '../helpers/harness';


const h = useHarness('lifecycle-policies', { now: NOW });

const policies = async (): Promise<CancellationPolicy[]> => {
  const res = await h.api.get('/offboarding/policies');
  expectStatus(res, 200);
  return res.body.data;
};

const reasons = async (query = ''): Promise<CancellationReason[]> => {
  const res = await h.api.get(`/offboarding/reasons${query}`);
  expectStatus(res, 200);
  return res.body.data;
};

const entitlementPolicy = async (org: string, entitlement: string) =>
  (await getOrg(h.api, org)).entitlements.find((e) => e.documentId === entitlement)?.policy;

describe('cancellation policies', () => {
  let defaultPolicy: CancellationPolicy;
  let envPolicy: CancellationPolicy;

  it('seeds exactly one default policy with the documented settings', async () => {
    const defaults = (await policies()).filter((p) => p.isDefault);
    expect(defaults).toHaveLength(1);
    [defaultPolicy] = defaults;
    expect(defaultPolicy).toMatchObject({
      name: 'Default',
      isDefault: true,
      entitlementClass: null,
      portalVisibilityDays: 90,
      dataRetentionDays: 365,
      allowReactivation: true,
      reactivationWindowDays: 90,
      refundEligible: false,
      gracePeriodDays: 30,
      purgeReviewDays: 7,
    });
  });

  it('creates a class policy (201, unset settings defaulted) that governs that class only', async () => {
    const res = await h.api.post('/offboarding/policies', {
      name: 'Hosted environments',
      entitlementClass: 'ENV',
      refundEligible: true,
      gracePeriodDays: 14,
    });
    expectStatus(res, 201);
    envPolicy = res.body.data;
    expect(envPolicy).toMatchObject({
      name: 'Hosted environments',
      isDefault: false,
      entitlementClass: 'ENV',
      refundEligible: true,
      gracePeriodDays: 14,
      dataRetentionDays: 365,
      reactivationWindowDays: 90,
      allowReactivation: true,
    });

    const org = await createOrg(h.api);
    const env = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const plg = await createEntitlement(h.api, org.documentId, monthly({ class: 'PLG' }));
    expect(await entitlementPolicy(org.documentId, env.documentId)).toMatchObject({
      source: 'class',
      documentId: envPolicy.documentId,
      name: 'Hosted environments',
      settings: { refundEligible: true, gracePeriodDays: 14 },
    });
    expect(await entitlementPolicy(org.documentId, plg.documentId)).toMatchObject({
      source: 'default',
      documentId: defaultPolicy.documentId,
    });
    // The organization-wide policy skips the class step.
    expect((await getOrg(h.api, org.documentId)).policy.source).toBe('default');
  });

  it('applies the class settings: grace period of 14 days and refunds for ENV, none for PLG', async () => {
    const org = await createOrg(h.api);
    const env = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const env2 = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const plg = await createEntitlement(h.api, org.documentId, monthly({ class: 'PLG' }));

    const suspended = await h.api.post(`/offboarding/entitlements/${env.documentId}/suspend`, { reason: 'non_payment' });
    expectStatus(suspended, 200);
    expect(suspended.body.data.graceEndsAt).toBe(plusDays(NOW, 14));

    const refunded = await h.api.post(`/offboarding/entitlements/${env2.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      refund: 'prorated',
    });
    expectStatus(refunded, 200);
    expect(refunded.body.data).toMatchObject({ refundMode: 'prorated', refundAmount: 2000 });

    const refused = await h.api.post(`/offboarding/entitlements/${plg.documentId}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      refund: 'prorated',
    });
    expectStatus(refused, 400);
    expect(refused.body.error.details.errors[0].path).toEqual(['refund']);
  });

  it('refuses a second policy for the same class, or a duplicate name, with a 409 and creates nothing', async () => {
    const count = (await policies()).length;
    const sameClass = await h.api.post('/offboarding/policies', { name: unique('Another env'), entitlementClass: 'ENV' });
    expectStatus(sameClass, 409);
    expect(sameClass.body.error.message).toContain('ENV');
    const sameName = await h.api.post('/offboarding/policies', { name: 'Hosted environments', entitlementClass: 'SVC' });
    expectStatus(sameName, 409);
    expect((await policies()).length).toBe(count);
  });

  it('a class policy loses its class with entitlementClass: null (the settings page clears it) and stops governing that class', async () => {
    const created = await h.api.post('/offboarding/policies', { name: unique('Affiliates'), entitlementClass: 'AFL', gracePeriodDays: 3 });
    expectStatus(created, 201);
    const org = await createOrg(h.api);
    const afl = await createEntitlement(h.api, org.documentId, monthly({ class: 'AFL' }));
    expect((await entitlementPolicy(org.documentId, afl.documentId))?.source).toBe('class');

    const cleared = await h.api.put(`/offboarding/policies/${created.body.data.documentId}`, { entitlementClass: null });
    expectStatus(cleared, 200);
    expect(cleared.body.data.entitlementClass).toBeNull();
    expect((await entitlementPolicy(org.documentId, afl.documentId))?.source).toBe('default');

    const wrong = await h.api.put(`/offboarding/policies/${created.body.data.documentId}`, { entitlementClass: 'XYZ' });
    expectStatus(wrong, 400);
  });

  it('an organization override wins over the class policy, and is audited', async () => {
    const override = await createPolicy(h.api, { allowReactivation: false, dataRetentionDays: 30 });
    const org = await createOrg(h.api);
    const env = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    expect((await entitlementPolicy(org.documentId, env.documentId))?.source).toBe('class');

    const res = await h.api.put(`/offboarding/organizations/${org.documentId}`, { cancellationPolicy: override.documentId });
    expectStatus(res, 200);
    expect(res.body.data.cancellationPolicy).toEqual({ documentId: override.documentId, name: override.name });
    expect(res.body.data.policy).toMatchObject({ source: 'organization', documentId: override.documentId });
    expect(await entitlementPolicy(org.documentId, env.documentId)).toMatchObject({
      source: 'organization',
      documentId: override.documentId,
      settings: { allowReactivation: false, refundEligible: false, dataRetentionDays: 30 },
    });
    const { events } = await auditOf(h.api, org.documentId);
    expect(events[0]).toMatchObject({
      action: 'organization.updated',
      before: { cancellationPolicy: null },
      after: { cancellationPolicy: override.documentId },
    });

    // The override forbids win-back.
    expectStatus(await cancelNow(h.api, env.documentId), 200);
    const reactivate = await h.api.post(`/offboarding/entitlements/${env.documentId}/reactivate`);
    expectStatus(reactivate, 409);
    expect(reactivate.body.error.message).toMatch(/does not allow reactivation/);

    // Its 30-day retention now governs the organization's retention date.
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.retentionUntil).toBe(plusDays(NOW, 30));

    const cleared = await h.api.put(`/offboarding/organizations/${org.documentId}`, { cancellationPolicy: null });
    expectStatus(cleared, 200);
    expect(cleared.body.data.cancellationPolicy).toBeNull();
    expect((await entitlementPolicy(org.documentId, env.documentId))?.source).toBe('class');
    // Back under the ENV class policy: 365 days.
    expect(cleared.body.data.retentionUntil).toBe(plusDays(NOW, 365));
  });

  it('editing the dataRetentionDays of the governing policy moves retentionUntil of an organization already cancelled', async () => {
    // docs/spec.md §2: retentionUntil = last cancellation + dataRetentionDays. The purge sweep reads the
    // stored date, so a stale one would purge data the policy now says to keep.
    const policy = await createPolicy(h.api, { dataRetentionDays: 30 });
    const org = await createOrg(h.api, { cancellationPolicy: policy.documentId });
    const ent = await createEntitlement(h.api, org.documentId);
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    expect((await getOrg(h.api, org.documentId)).retentionUntil).toBe(plusDays(NOW, 30));

    expectStatus(await h.api.put(`/offboarding/policies/${policy.documentId}`, { dataRetentionDays: 365 }), 200);
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.retention.dataRetentionDays).toBe(365);
    expect(detail.retentionUntil).toBe(plusDays(NOW, 365));
    expect(detail.retention.retentionUntil).toBe(plusDays(NOW, 365));
  });

  it('created with an override, the organization reports it at once', async () => {
    const override = await createPolicy(h.api, { refundEligible: true });
    const org = await createOrg(h.api, { cancellationPolicy: override.documentId });
    expect(org.cancellationPolicy).toEqual({ documentId: override.documentId, name: override.name });
    expect(org.policy).toMatchObject({ source: 'organization', settings: { refundEligible: true } });
  });

  it('refuses an unknown policy id on an organization with a 400 naming cancellationPolicy', async () => {
    const created = await h.api.post('/offboarding/organizations', { name: unique('Org'), cancellationPolicy: 'no-such-policy' });
    expectStatus(created, 400);
    expect(created.body.error.details.errors[0].path).toEqual(['cancellationPolicy']);
    const org = await createOrg(h.api);
    const updated = await h.api.put(`/offboarding/organizations/${org.documentId}`, { cancellationPolicy: 'no-such-policy' });
    expectStatus(updated, 400);
    expect(updated.body.error.details.errors[0].path).toEqual(['cancellationPolicy']);
    expect((await getOrg(h.api, org.documentId)).cancellationPolicy).toBeNull();
  });

  it('updating a class policy changes what its entitlements get from then on', async () => {
    const res = await h.api.put(`/offboarding/policies/${envPolicy.documentId}`, { gracePeriodDays: 7 });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ documentId: envPolicy.documentId, gracePeriodDays: 7, entitlementClass: 'ENV' });
    const org = await createOrg(h.api);
    const env = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const suspended = await h.api.post(`/offboarding/entitlements/${env.documentId}/suspend`, { reason: 'non_payment' });
    expectStatus(suspended, 200);
    expect(suspended.body.data.graceEndsAt).toBe(plusDays(NOW, 7));
  });

  it('a reactivation window of the class policy closes on cancelledAt + its days', async () => {
    const policy = await createPolicy(h.api, { entitlementClass: 'EDU', reactivationWindowDays: 10 });
    const org = await createOrg(h.api);
    const edu = await createEntitlement(h.api, org.documentId, monthly({ class: 'EDU' }));
    expectStatus(await cancelNow(h.api, edu.documentId), 200);
    h.clock.advance(10 * DAY + 1000);
    const res = await h.api.post(`/offboarding/entitlements/${edu.documentId}/reactivate`);
    expectStatus(res, 409);
    expect(res.body.error.message).toContain(plusDays(NOW, 10));
    expect(policy.reactivationWindowDays).toBe(10);
  });

  it('a second default takes over from the first; the only default cannot be made non-default', async () => {
    const second = await createPolicy(h.api, { isDefault: true, gracePeriodDays: 45 });
    expect(second.isDefault).toBe(true);
    const all = await policies();
    expect(all.filter((p) => p.isDefault).map((p) => p.documentId)).toEqual([second.documentId]);
    expect(all.find((p) => p.documentId === defaultPolicy.documentId)?.isDefault).toBe(false);

    const org = await createOrg(h.api);
    expect(org.policy).toMatchObject({ source: 'default', documentId: second.documentId, settings: { gracePeriodDays: 45 } });

    const refused = await h.api.put(`/offboarding/policies/${second.documentId}`, { isDefault: false });
    expectStatus(refused, 409);
    expect((await policies()).filter((p) => p.isDefault).map((p) => p.documentId)).toEqual([second.documentId]);

    const back = await h.api.put(`/offboarding/policies/${defaultPolicy.documentId}`, { isDefault: true });
    expectStatus(back, 200);
    expect((await policies()).filter((p) => p.isDefault).map((p) => p.documentId)).toEqual([defaultPolicy.documentId]);
  });

  it('answers 404 for an unknown policy and 400 for an invalid setting', async () => {
    expectStatus(await h.api.put('/offboarding/policies/no-such-policy', { gracePeriodDays: 1 }), 404);
    const bad = await h.api.post('/offboarding/policies', { name: unique('Bad'), gracePeriodDays: -1 });
    expectStatus(bad, 400);
    expect(bad.body.error.details.errors[0].path).toEqual(['gracePeriodDays']);
  });

  it('a policy edit re-derives every closed organization set-wise, exactly as one at a time', async () => {
    // PUT /policies/:id re-derives retention a batch at a time (organization service
    // refreshRetentionAll); the per-organization derivation (refreshDerived) must find nothing
    // left to change: same dates, statuses, purge states and pending tasks, holds, extensions
    // and overrides included.
    const ORG = 'plugin::offboarding.organization';
    const TASK = 'plugin::offboarding.scheduled-task';
    const override = await createPolicy(h.api, { dataRetentionDays: 40 });
    const cancelled = async (classes: string[], input: Record<string, unknown> = {}) => {
      const org = await createOrg(h.api, input);
      for (const c of classes) expectStatus(await cancelNow(h.api, (await createEntitlement(h.api, org.documentId, monthly({ class: c as 'ENV' }))).documentId), 200);
      return org.documentId;
    };
    const byDefault = await cancelled(['PLG']);
    const twoClasses = await cancelled(['PLG', 'ENV']);
    const overridden = await cancelled(['ENV'], { cancellationPolicy: override.documentId });
    const archivedEmpty = (await createOrg(h.api)).documentId;
    const extended = await cancelled(['PLG']);
    const held = await cancelled(['ENV']);
    const open = (await createOrg(h.api)).documentId;
    await createEntitlement(h.api, open, monthly({ class: 'PLG' }));
    for (const org of [archivedEmpty, extended, held]) expectStatus(await h.api.post(`/offboarding/organizations/${org}/archive`), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${extended}/retention/extend`, { until: plusDays(NOW, 500), reason: 'audit' }), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${held}/retention/hold`, { reason: 'litigation' }), 200);
    const mine = [byDefault, twoClasses, overridden, archivedEmpty, extended, held, open];

    const snapshot = async () => {
      const orgs = await h.strapi.db.query(ORG).findMany({
        where: { documentId: { $in: mine } },
        select: ['documentId', 'lifecycleStatus', 'lastCancelledAt', 'retentionUntil', 'purgeState', 'purgeAfter', 'legalHold'],
        orderBy: [{ id: 'asc' }],
      });
      const tasks = await h.strapi.db.query(TASK).findMany({
        where: { targetId: { $in: mine }, state: 'pending' },
        select: ['targetId', 'kind', 'dueAt'],
        orderBy: [{ targetId: 'asc' }, { kind: 'asc' }],
      });
      return JSON.parse(JSON.stringify({ orgs, tasks }));
    };
    const before = await snapshot();

    const defaults = (await policies()).find((p) => p.isDefault) as CancellationPolicy;
    expectStatus(await h.api.put(`/offboarding/policies/${defaults.documentId}`, { dataRetentionDays: 200 }), 200);
    expectStatus(await h.api.put(`/offboarding/policies/${override.documentId}`, { dataRetentionDays: 20 }), 200);
    const setWise = await snapshot();
    expect(setWise).not.toEqual(before);
    const until = (doc: string) => setWise.orgs.find((o: { documentId: string }) => o.documentId === doc).retentionUntil;
    expect(until(byDefault)).toBe(plusDays(NOW, 200));
    expect(until(twoClasses)).toBe(plusDays(NOW, 365)); // the ENV class policy keeps 365 days
    expect(until(overridden)).toBe(plusDays(NOW, 20));
    expect(until(extended)).toBe(plusDays(NOW, 500));
    expect(until(open)).toBeNull();

    const organizations = h.strapi.plugin('offboarding').service('organization');
    await h.strapi.db.transaction(async () => {
      for (const org of setWise.orgs) {
        const row = await h.strapi.db.query(ORG).findOne({ where: { documentId: org.documentId }, select: ['id'] });
        await organizations.refreshDerived(row.id);
      }
    });
    expect(await snapshot()).toEqual(setWise);

    expectStatus(await h.api.put(`/offboarding/policies/${defaults.documentId}`, { dataRetentionDays: 365 }), 200);
  });
});

describe('cancellation reasons', () => {
  it('seeds the six documented reasons; only payment_failure and other apply to suspensions', async () => {
    const all = await reasons();
    const seeded = ['customer_request', 'business_closure', 'switching_provider', 'too_expensive', 'payment_failure', 'other'];
    expect(all.filter((r) => seeded.includes(r.code)).map((r) => [r.code, r.appliesToCancel, r.appliesToSuspend, r.active])).toEqual([
      ['customer_request', true, false, true],
      ['business_closure', true, false, true],
      ['switching_provider', true, false, true],
      ['too_expensive', true, false, true],
      ['payment_failure', true, true, true],
      ['other', true, true, true],
    ]);
    const forSuspend = (await reasons('?appliesTo=suspend&active=true')).map((r) => r.code);
    expect(forSuspend).toEqual(expect.arrayContaining(['payment_failure', 'other']));
    expect(forSuspend).not.toContain('customer_request');
  });

  it('creates a reason (201, defaults), refuses a duplicate code (409) and a changed code (400)', async () => {
    const res = await h.api.post('/offboarding/reasons', { code: 'budget_cut', label: 'Budget cut' });
    expectStatus(res, 201);
    const reason: CancellationReason = res.body.data;
    expect(reason).toMatchObject({ code: 'budget_cut', label: 'Budget cut', appliesToCancel: true, appliesToSuspend: false, active: true });

    const duplicate = await h.api.post('/offboarding/reasons', { code: 'budget_cut', label: 'Again' });
    expectStatus(duplicate, 409);
    expect((await reasons()).filter((r) => r.code === 'budget_cut')).toHaveLength(1);

    const renamed = await h.api.put(`/offboarding/reasons/${reason.documentId}`, { code: 'budget_cuts' });
    expectStatus(renamed, 400);
    expect(renamed.body.error.details.errors[0].path).toEqual(['code']);

    const relabelled = await h.api.put(`/offboarding/reasons/${reason.documentId}`, { label: 'Budget cuts' });
    expectStatus(relabelled, 200);
    expect(relabelled.body.data).toMatchObject({ code: 'budget_cut', label: 'Budget cuts' });

    const badCode = await h.api.post('/offboarding/reasons', { code: 'Not Snake', label: 'x' });
    expectStatus(badCode, 400);
    expect(badCode.body.error.details.errors[0].path).toEqual(['code']);
  });

  it('a deactivated reason is refused when cancelling (400 naming reason) and usable again once reactivated', async () => {
    const created = await h.api.post('/offboarding/reasons', { code: 'merger', label: 'Merger' });
    expectStatus(created, 201);
    const id = created.body.data.documentId;
    expectStatus(await h.api.put(`/offboarding/reasons/${id}`, { active: false }), 200);

    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const refused = await cancelNow(h.api, ent.documentId, 'merger');
    expectStatus(refused, 400);
    expect(refused.body.error.details.errors[0].path).toEqual(['reason']);
    expect(refused.body.error.message).toContain('merger');
    expect((await getOrg(h.api, org.documentId)).entitlements[0].status).toBe('active');
    expect((await reasons('?active=true')).map((r) => r.code)).not.toContain('merger');

    expectStatus(await h.api.put(`/offboarding/reasons/${id}`, { active: true }), 200);
    const ok = await cancelNow(h.api, ent.documentId, 'merger');
    expectStatus(ok, 200);
    expect(ok.body.data).toMatchObject({ status: 'cancelled', cancellationReason: 'merger' });
  });

  it('a reason applies only to the uses it is marked for', async () => {
    const created = await h.api.post('/offboarding/reasons', {
      code: 'fraud_review',
      label: 'Fraud review',
      appliesToCancel: false,
      appliesToSuspend: true,
    });
    expectStatus(created, 201);
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const cancel = await cancelNow(h.api, ent.documentId, 'fraud_review');
    expectStatus(cancel, 400);
    expect(cancel.body.error.details.errors[0].path).toEqual(['reason']);
    const suspend = await h.api.post(`/offboarding/entitlements/${ent.documentId}/suspend`, { reason: 'manual', reasonCode: 'fraud_review' });
    expectStatus(suspend, 200);
    expect(suspend.body.data).toMatchObject({ status: 'suspended', suspensionReasonCode: 'fraud_review' });
    const { events } = await auditOf(h.api, org.documentId);
    expect(events[0]).toMatchObject({ action: 'entitlement.suspended', reason: 'fraud_review' });
  });

  it('an unknown reason is a 400 naming reason', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const res = await cancelNow(h.api, ent.documentId, 'no_such_reason');
    expectStatus(res, 400);
    expect(res.body.error.details.errors[0].path).toEqual(['reason']);
    expect(res.body.error.message).toContain('no_such_reason');
  });
});

describe('POST /organizations/:id/policy/preview (the policy form’s warning)', () => {
  const preview = (org: string, cancellationPolicy: unknown) =>
    h.api.post(`/offboarding/organizations/${org}/policy/preview`, { cancellationPolicy });
  /** An organization whose only entitlement (of `cls`) was cancelled at NOW, archived unless told not to. */
  const closed = async (cls: 'PLG' | 'ENV', { archive = true, input = {} }: { archive?: boolean; input?: Record<string, unknown> } = {}) => {
    const org = await createOrg(h.api, input);
    expectStatus(await cancelNow(h.api, (await createEntitlement(h.api, org.documentId, monthly({ class: cls }))).documentId), 200);
    if (archive) expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`), 200);
    return getOrg(h.api, org.documentId);
  };

  it('says a policy that keeps no data makes an archived, closed organization purgeable now, with its purge date, and writes nothing; saving it does exactly that', async () => {
    const org = await closed('PLG');
    const none = await createPolicy(h.api, { dataRetentionDays: 0, purgeReviewDays: 7 });
    const audit = (await auditOf(h.api, org.documentId)).total;
    const res = await preview(org.documentId, none.documentId);
    expectStatus(res, 200);
    expect(res.body.data).toEqual({
      organization: org.documentId,
      cancellationPolicy: none.documentId,
      dataRetentionDays: 0,
      retentionUntil: { current: org.retention.retentionUntil, next: NOW },
      purgeableNow: true,
      purgeAfter: plusDays(NOW, 7),
      leavesPurgeQueue: false,
    });
    expect((await getOrg(h.api, org.documentId)).retention.retentionUntil).toBe(org.retention.retentionUntil);
    expect((await auditOf(h.api, org.documentId)).total).toBe(audit);

    expectStatus(await h.api.put(`/offboarding/organizations/${org.documentId}`, { cancellationPolicy: none.documentId }), 200);
    await h.sweep('retention');
    const after = await getOrg(h.api, org.documentId);
    expect(after.retention).toMatchObject({ retentionUntil: NOW, purgeState: 'scheduled', purgeAfter: plusDays(NOW, 7) });
  });

  it('no warning where nothing could be purged yet: not archived, or under legal hold; the new retention date is still answered', async () => {
    const none = await createPolicy(h.api, { dataRetentionDays: 0 });
    const open = await closed('PLG', { archive: false });
    const held = await closed('PLG');
    expectStatus(await h.api.post(`/offboarding/organizations/${held.documentId}/retention/hold`, { reason: 'litigation' }), 200);
    for (const org of [open, held]) {
      const res = await preview(org.documentId, none.documentId);
      expectStatus(res, 200);
      expect(res.body.data).toMatchObject({ retentionUntil: { next: NOW }, purgeableNow: false, purgeAfter: null });
    }
    // An entitlement still open: no retention date at all.
    const active = await createOrg(h.api);
    await createEntitlement(h.api, active.documentId);
    expect((await preview(active.documentId, none.documentId)).body.data).toMatchObject({ retentionUntil: { current: null, next: null }, purgeableNow: false });
  });

  it('removing the override lets the class policy govern again (what the browser could not know): out of the purge queue', async () => {
    // The ENV class policy (an earlier test creates it; made here when this test runs alone).
    const envPolicy = (await policies()).find((p) => p.entitlementClass === 'ENV') ?? (await createPolicy(h.api, { entitlementClass: 'ENV', dataRetentionDays: 365 }));
    const none = await createPolicy(h.api, { dataRetentionDays: 0 });
    const org = await closed('ENV', { input: { cancellationPolicy: none.documentId } });
    await h.sweep('retention');
    expect((await getOrg(h.api, org.documentId)).retention.purgeState).toBe('scheduled');
    const res = await preview(org.documentId, null);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      cancellationPolicy: null,
      dataRetentionDays: envPolicy.dataRetentionDays,
      retentionUntil: { current: NOW, next: plusDays(NOW, envPolicy.dataRetentionDays) },
      purgeableNow: false,
      leavesPurgeQueue: true,
    });
  });

  it('bad input: 400 naming cancellationPolicy (missing, unknown, not a string, extra field), 404 for an unknown organization, 403 without read', async () => {
    const org = await createOrg(h.api);
    for (const body of [{}, { cancellationPolicy: 'no-such-policy' }, { cancellationPolicy: 42 }]) {
      const res = await h.api.post(`/offboarding/organizations/${org.documentId}/policy/preview`, body);
      expectStatus(res, 400);
      expect(res.body.error.details.errors[0].path).toEqual(['cancellationPolicy']);
    }
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/policy/preview`, { cancellationPolicy: null, retentionUntil: NOW }), 400);
    expectStatus(await preview('no-such-organization', null), 404);
    const nobody = await h.admin(['export']);
    expectStatus(await nobody.post(`/offboarding/organizations/${org.documentId}/policy/preview`, { cancellationPolicy: null }), 403);
  });
});
