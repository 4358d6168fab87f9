/**
 * Organizations over the admin API: create, read, update with its audit, the list with its
 * search, filters and pagination, archive and unarchive, portal access, cancel-all, delete
 * with its confirmation, the audit trail, collaborators and the stats. Clock frozen at NOW.
 */
import type { AuditEvent } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { OrganizationDetail, Stats } from '../../src/plugins/offboarding/shared/contracts/api';
import {
  NOW,
  PERIOD,
  auditOf,
  cancelNow,
  createEntitlement,
  createOrg,
  expectStatus,
  getEntitlement,
  getOrg,
  monthly,
  unique,
  useHarness,
} from '../helpers/harness';


const h = useHarness('organizations', { now: NOW });

const orgPost = (id: string, action: string, body?: unknown) => h.api.post(`/offboarding/organizations/${id}/${action}`, body);

describe('create and read', () => {
  it('creates an active organization (201) echoing its fields, with the default policy resolved', async () => {
    const input = {
      name: unique('Acme'),
      taxId: 'FR-123',
      email: 'billing@acme.test',
      phone: '+33 1 23 45 67 89',
      address: '1 rue de la Paix, Paris',
      notes: 'Key account',
    };
    const res = await h.api.post('/offboarding/organizations', input);
    expectStatus(res, 201);
    const org: OrganizationDetail = res.body.data;
    expect(org).toMatchObject({
      ...input,
      status: 'active',
      accessStatus: 'enabled',
      archivedAt: null,
      archivedBy: null,
      lastCancelledAt: null,
      retentionUntil: null,
      purgeState: 'none',
      legalHold: false,
      cancellationPolicy: null,
      entitlements: [],
      collaborators: [],
    });
    expect(org.documentId).toEqual(expect.any(String));
    expect(org.policy).toEqual({
      source: 'default',
      documentId: expect.any(String),
      name: 'Default',
      settings: {
        portalVisibilityDays: 90,
        dataRetentionDays: 365,
        allowReactivation: true,
        reactivationWindowDays: 90,
        refundEligible: false,
        gracePeriodDays: 30,
        purgeReviewDays: 7,
        // Issue 15's contracts: null is the single grace period (docs/spec.md §13).
        dunningStages: null,
      },
    });
    expect(await getOrg(h.api, org.documentId)).toEqual(org);
  });

  it('refuses a missing name or unknown field with a 400 naming it, creating nothing', async () => {
    const before = await h.api.get('/offboarding/organizations?archived=include');
    const noName = await h.api.post('/offboarding/organizations', { taxId: 'X' });
    expectStatus(noName, 400);
    expect(noName.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([['name']]);
    const badEmail = await h.api.post('/offboarding/organizations', { name: unique('Bad'), email: 'not-an-email' });
    expectStatus(badEmail, 400);
    expect(badEmail.body.error.details.errors[0].path).toEqual(['email']);
    const unknownField = await h.api.post('/offboarding/organizations', { name: unique('Bad'), status: 'cancelled' });
    expectStatus(unknownField, 400);
    expect(unknownField.body.error.message).toContain('status');
    const after = await h.api.get('/offboarding/organizations?archived=include');
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total);
  });

  it('reads the detail with entitlements (each with its policy), retention facts and collaborators', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.entitlements).toHaveLength(1);
    expect(detail.entitlements[0]).toMatchObject({
      documentId: ent.documentId,
      class: 'PLG',
      status: 'active',
      price: 3000,
      currentPeriodEnd: PERIOD.end,
      policy: { source: 'default', name: 'Default' },
      reactivation: null,
    });
    expect(detail.retention).toEqual({
      lastCancelledAt: null,
      dataRetentionDays: 365,
      retentionUntil: null,
      retentionExtendedUntil: null,
      retentionExtensionReason: null,
      purgeState: 'none',
      purgeAfter: null,
      legalHold: false,
      legalHoldReason: null,
    });
    expect(detail.collaborators).toEqual([]);
  });

  it('answers 404 for an unknown organization on read, update, audit and actions', async () => {
    for (const res of [
      await h.api.get('/offboarding/organizations/does-not-exist'),
      await h.api.put('/offboarding/organizations/does-not-exist', { notes: 'x' }),
      await h.api.get('/offboarding/organizations/does-not-exist/audit'),
      await orgPost('does-not-exist', 'archive'),
      await orgPost('does-not-exist', 'disable', {}),
      await h.api.delete('/offboarding/organizations/does-not-exist?confirm=x'),
    ]) {
      expectStatus(res, 404);
      expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
  });
});

describe('update', () => {
  it('changes the given fields and audits only what changed', async () => {
    const org = await createOrg(h.api, { taxId: 'DE-1', email: 'old@corp.test', phone: '111' });
    const res = await h.api.put(`/offboarding/organizations/${org.documentId}`, {
      email: 'new@corp.test',
      taxId: 'DE-1',
      notes: 'Moved offices',
    });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ name: org.name, taxId: 'DE-1', email: 'new@corp.test', phone: '111', notes: 'Moved offices' });
    const { events } = await auditOf(h.api, org.documentId);
    expect(events[0]).toMatchObject({
      action: 'organization.updated',
      actorType: 'admin',
      actorName: h.session.email,
      targetType: 'organization',
      targetId: org.documentId,
    });
    expect(events[0].before).toEqual({ email: 'old@corp.test', notes: null });
    expect(events[0].after).toEqual({ email: 'new@corp.test', notes: 'Moved offices' });
  });

  it('refuses an empty body with a 400 and writes no event', async () => {
    const org = await createOrg(h.api);
    const { total } = await auditOf(h.api, org.documentId);
    expectStatus(await h.api.put(`/offboarding/organizations/${org.documentId}`, {}), 400);
    expect((await auditOf(h.api, org.documentId)).total).toBe(total);
  });
});

describe('list', () => {
  // One token shared by this block's organizations so other tests' organizations stay out.
  const token = `lst${process.pid}`;
  const names = {
    alpha: `${token} Alpha`,
    bravo: `${token} Bravo`,
    charlie: `${token} Charlie`,
    delta: `${token} Delta`,
    echo: `${token} Echo`,
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h.clock.freeze(NOW);
    ids.alpha = (await createOrg(h.api, { name: names.alpha, taxId: `TAX-${token}-ZQ` })).documentId;
    ids.bravo = (await createOrg(h.api, { name: names.bravo, email: `ops@${token}-mail.test` })).documentId;
    ids.charlie = (await createOrg(h.api, { name: names.charlie })).documentId;
    ids.delta = (await createOrg(h.api, { name: names.delta })).documentId;
    ids.echo = (await createOrg(h.api, { name: names.echo })).documentId;
    // charlie: cancelled; delta: suspended; echo: archived (no entitlement, so archivable).
    const c = await createEntitlement(h.api, ids.charlie);
    expectStatus(await cancelNow(h.api, c.documentId), 200);
    const d = await createEntitlement(h.api, ids.delta);
    expectStatus(await h.api.post(`/offboarding/entitlements/${d.documentId}/suspend`, { reason: 'manual' }), 200);
    expectStatus(await orgPost(ids.echo, 'archive'), 200);
  });

  const list = async (query: string) => {
    const res = await h.api.get(`/offboarding/organizations?${query}`);
    expectStatus(res, 200);
    return { names: (res.body.data as { name: string }[]).map((o) => o.name), pagination: res.body.meta.pagination };
  };

  it('searches name case-insensitively and excludes archived organizations by default', async () => {
    const { names: found, pagination } = await list(`q=${token.toUpperCase()}`);
    expect(found).toEqual([names.alpha, names.bravo, names.charlie, names.delta]);
    expect(pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 4 });
  });

  it('searches taxId and email case-insensitively', async () => {
    expect((await list(`q=tax-${token}-zq`)).names).toEqual([names.alpha]);
    expect((await list(`q=OPS@${token.toUpperCase()}-MAIL`)).names).toEqual([names.bravo]);
  });

  it('filters by derived status', async () => {
    expect((await list(`q=${token}&status=cancelled`)).names).toEqual([names.charlie]);
    expect((await list(`q=${token}&status=suspended`)).names).toEqual([names.delta]);
    expect((await list(`q=${token}&status=active`)).names).toEqual([names.alpha, names.bravo]);
  });

  it('archived=exclude|include|only', async () => {
    expect((await list(`q=${token}&archived=exclude`)).names).toEqual([names.alpha, names.bravo, names.charlie, names.delta]);
    expect((await list(`q=${token}&archived=include`)).names).toEqual(Object.values(names));
    expect((await list(`q=${token}&archived=only`)).names).toEqual([names.echo]);
  });

  it('paginates with exact meta', async () => {
    expect(await list(`q=${token}&archived=include&page=2&pageSize=2`)).toEqual({
      names: [names.charlie, names.delta],
      pagination: { page: 2, pageSize: 2, pageCount: 3, total: 5 },
    });
    expect(await list(`q=${token}&archived=include&page=3&pageSize=2`)).toEqual({
      names: [names.echo],
      pagination: { page: 3, pageSize: 2, pageCount: 3, total: 5 },
    });
  });

  it('matches % in q literally, not as a wildcard', async () => {
    const name = `${unique('Promo')} 100%`;
    await createOrg(h.api, { name });
    expect((await list('q=%25')).names).toEqual([name]);
  });

  it('refuses an unknown status or archived value with a 400', async () => {
    const res = await h.api.get('/offboarding/organizations?status=gone&archived=sometimes');
    expectStatus(res, 400);
    const paths = (res.body.error.details.errors as { path: string[] }[]).map((e) => e.path[0]).sort();
    expect(paths).toEqual(['archived', 'status']);
  });
});

describe('archive and unarchive', () => {
  it('is refused with a 409 listing every entitlement not cancelled, and writes no event', async () => {
    const org = await createOrg(h.api);
    const active = await createEntitlement(h.api, org.documentId);
    const pending = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const cancelled = await createEntitlement(h.api, org.documentId, monthly({ class: 'SVC' }));
    expectStatus(await h.api.post(`/offboarding/entitlements/${pending.documentId}/cancel`, { reason: 'other', timing: 'period_end' }), 200);
    expectStatus(await cancelNow(h.api, cancelled.documentId), 200);
    const { total } = await auditOf(h.api, org.documentId);

    const res = await orgPost(org.documentId, 'archive');
    expectStatus(res, 409);
    const listed = (res.body.error.details.entitlements as { documentId: string; status: string }[])
      .map(({ documentId, status }) => ({ documentId, status }))
      .sort((a, b) => a.documentId.localeCompare(b.documentId));
    expect(listed).toEqual(
      [
        { documentId: active.documentId, status: 'active' },
        { documentId: pending.documentId, status: 'pending_cancellation' },
      ].sort((a, b) => a.documentId.localeCompare(b.documentId))
    );
    const detail = await getOrg(h.api, org.documentId);
    expect(detail.archivedAt).toBeNull();
    expect((await auditOf(h.api, org.documentId)).total).toBe(total);
  });

  it('archives once every entitlement is cancelled (archivedAt = now, archivedBy = admin), then unarchives', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);
    expectStatus(await cancelNow(h.api, ent.documentId), 200);

    const res = await orgPost(org.documentId, 'archive');
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      documentId: org.documentId,
      archivedAt: NOW,
      archivedBy: h.session.email,
      status: 'cancelled',
      retentionUntil: '2028-01-11T00:00:00.000Z',
    });
    const { events } = await auditOf(h.api, org.documentId);
    expect(events[0]).toMatchObject({ action: 'organization.archived', actorType: 'admin', actorName: h.session.email });
    expect(events[0].before).toEqual({ archivedAt: null, archivedBy: null });
    expect(events[0].after).toEqual({ archivedAt: NOW, archivedBy: h.session.email });

    const again = await orgPost(org.documentId, 'archive');
    expectStatus(again, 409);
    expect(again.body.error.message).toMatch(/already archived/);

    const unarchived = await orgPost(org.documentId, 'unarchive');
    expectStatus(unarchived, 200);
    expect(unarchived.body.data).toMatchObject({ archivedAt: null, archivedBy: null, purgeState: 'none' });
    expectStatus(await orgPost(org.documentId, 'unarchive'), 409);
  });

  it('refuses a new entitlement for an archived organization with a 409', async () => {
    const org = await createOrg(h.api);
    expectStatus(await orgPost(org.documentId, 'archive'), 200);
    const res = await h.api.post(`/offboarding/organizations/${org.documentId}/entitlements`, monthly());
    expectStatus(res, 409);
    expect(res.body.error.message).toMatch(/archived/);
    expect((await getOrg(h.api, org.documentId)).entitlements).toEqual([]);
  });
});

describe('portal access', () => {
  it('disables and re-enables access without touching billing; a repeat is a 409', async () => {
    const org = await createOrg(h.api);
    const ent = await createEntitlement(h.api, org.documentId);

    const disabled = await orgPost(org.documentId, 'disable', { reason: 'Three missed payments' });
    expectStatus(disabled, 200);
    expect(disabled.body.data).toMatchObject({
      accessStatus: 'disabled',
      accessChangedAt: NOW,
      accessReason: 'Three missed payments',
      status: 'active',
    });
    expect((await getEntitlement(h.api, ent.documentId)).status).toBe('active');
    const twice = await orgPost(org.documentId, 'disable', {});
    expectStatus(twice, 409);
    expect(twice.body.error.message).toContain('disabled');

    const enabled = await orgPost(org.documentId, 'enable', {});
    expectStatus(enabled, 200);
    expect(enabled.body.data.accessStatus).toBe('enabled');
    const again = await orgPost(org.documentId, 'enable', {});
    expectStatus(again, 409);
    expect(again.body.error.message).toContain('enabled');

    const { events } = await auditOf(h.api, org.documentId);
    expect(events.slice(0, 2).map((e) => e.action)).toEqual(['organization.access_enabled', 'organization.access_disabled']);
    expect(events[1].notes).toBe('Three missed payments');
  });
});

describe('cancel-all', () => {
  it('cancels every active or suspended entitlement at period end (a one-off at once) and lists them', async () => {
    const org = await createOrg(h.api);
    const plg = await createEntitlement(h.api, org.documentId);
    const env = await createEntitlement(h.api, org.documentId, monthly({ class: 'ENV' }));
    const ord = await createEntitlement(h.api, org.documentId, {
      class: 'ORD',
      price: 500,
      currency: 'EUR',
      billingPeriod: 'none',
    });
    const done = await createEntitlement(h.api, org.documentId, monthly({ class: 'SVC' }));
    expectStatus(await h.api.post(`/offboarding/entitlements/${env.documentId}/suspend`, { reason: 'manual' }), 200);
    expectStatus(await cancelNow(h.api, done.documentId), 200);

    const res = await orgPost(org.documentId, 'cancel-all', { reason: 'business_closure', timing: 'period_end' });
    expectStatus(res, 200);
    expect(res.body.meta.cancelled).toEqual([
      { documentId: plg.documentId, status: 'pending_cancellation', cancelEffectiveAt: PERIOD.end },
      { documentId: env.documentId, status: 'pending_cancellation', cancelEffectiveAt: PERIOD.end },
      { documentId: ord.documentId, status: 'cancelled', cancelEffectiveAt: NOW },
    ]);
    expect(res.body.data.documentId).toBe(org.documentId);
    expect(res.body.data.status).toBe('pending_cancellation');
    const byId = new Map((res.body.data as OrganizationDetail).entitlements.map((e) => [e.documentId, e]));
    expect(byId.get(env.documentId)).toMatchObject({ previousStatus: 'suspended', cancellationReason: 'business_closure' });
    expect(byId.get(done.documentId)).toMatchObject({ status: 'cancelled', cancellationReason: 'customer_request' });

    const { events, total } = await auditOf(h.api, org.documentId);
    expect(events.slice(0, 3).map((e) => [e.action, e.targetId, e.reason])).toEqual([
      ['entitlement.cancelled', ord.documentId, 'business_closure'],
      ['entitlement.cancellation_scheduled', env.documentId, 'business_closure'],
      ['entitlement.cancellation_scheduled', plg.documentId, 'business_closure'],
    ]);
    const nothing = await orgPost(org.documentId, 'cancel-all', { reason: 'business_closure', timing: 'immediate' });
    expectStatus(nothing, 409);
    expect((await auditOf(h.api, org.documentId)).total).toBe(total);
  });

  it('immediate: every open entitlement cancelled now and the organization cancelled', async () => {
    const org = await createOrg(h.api);
    const a = await createEntitlement(h.api, org.documentId);
    const b = await createEntitlement(h.api, org.documentId, monthly({ class: 'EDU' }));
    const res = await orgPost(org.documentId, 'cancel-all', { reason: 'switching_provider', timing: 'immediate' });
    expectStatus(res, 200);
    expect(res.body.meta.cancelled).toEqual([
      { documentId: a.documentId, status: 'cancelled', cancelEffectiveAt: NOW },
      { documentId: b.documentId, status: 'cancelled', cancelEffectiveAt: NOW },
    ]);
    expect(res.body.data).toMatchObject({ status: 'cancelled', lastCancelledAt: NOW, retentionUntil: '2028-01-11T00:00:00.000Z' });
  });
});

describe('delete', () => {
  it('requires ?confirm with the exact name, then removes everything but the (redacted) audit trail', async () => {
    const org = await createOrg(h.api, { name: unique('Smith & Sons + Co'), taxId: 'GB-99', email: 'privacy@gone.test', phone: '+44 20 0000' });
    const ent = await createEntitlement(h.api, org.documentId);
    const user = await h.portalUser('member');
    await h.invite(org.documentId, user, 'member');
    const url = `/offboarding/organizations/${org.documentId}`;

    expectStatus(await h.api.delete(url), 400);
    const wrong = await h.api.delete(`${url}?confirm=${encodeURIComponent(org.name.toUpperCase())}`);
    expectStatus(wrong, 400);
    expect(wrong.body.error.details.errors[0].path).toEqual(['confirm']);
    expect((await getOrg(h.api, org.documentId)).entitlements).toHaveLength(1);

    const rawTrail = async () =>
      (await h.strapi.db.query('plugin::offboarding.audit-event').findMany({
        where: { organization: org.documentId },
        orderBy: [{ id: 'asc' }],
      })) as AuditEvent[];
    // Until the deletion the trail holds the personal values (so the check below means something).
    expect(JSON.stringify(await rawTrail())).toContain('privacy@gone.test');
    const trail = await auditOf(h.api, org.documentId);
    expect(trail.events[trail.events.length - 1].after).toMatchObject({ email: 'privacy@gone.test' });

    const res = await h.api.delete(`${url}?confirm=${encodeURIComponent(org.name)}`);
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({
      documentId: org.documentId,
      name: org.name,
      deletedAt: NOW,
      deleted: { collaborators: 1, entitlements: 1 },
    });

    expectStatus(await h.api.get(url), 404);
    expectStatus(await h.api.get(`/offboarding/entitlements/${ent.documentId}`), 404);

    const events = await rawTrail();
    expect(events.map((e) => e.action)).toEqual([
      'organization.created',
      'entitlement.created',
      'invitation.created',
      'invitation.accepted',
      'collaborator.added',
      'organization.deleted',
    ]);
    expect(events[5]).toMatchObject({ actorType: 'admin', actorName: h.session.email, targetId: org.documentId });
    // The events stay, with what is not personal; every personal value is gone from the rows
    // (whatever column the plugin keeps them in), and the earlier events are marked redacted.
    expect(events[0].after).toMatchObject({ name: org.name, taxId: 'GB-99' });
    expect(events[4].after).toMatchObject({ user: user.documentId, role: 'member' });
    expect(events.slice(0, 5).filter((e) => !e.redactedAt)).toEqual([]);
    // The invitation (it holds the address) went with the organization.
    expect(await h.strapi.db.query('plugin::offboarding.invitation').count({ where: { email: user.email } })).toBe(0);
    const stored = JSON.stringify(events);
    for (const personal of ['privacy@gone.test', '+44 20 0000', user.email]) expect(stored).not.toContain(personal);
    // The customer's login is theirs, not the organization's: it stays.
    const stillThere = await h.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id } });
    expect(stillThere?.email).toBe(user.email);
  });
});

describe('audit trail', () => {
  it('lists one event per action, newest first, each by the admin with reason and changed fields', async () => {
    const org = await createOrg(h.api, { email: 'a@trail.test' });
    const ent = await createEntitlement(h.api, org.documentId);
    expectStatus(await h.api.post(`/offboarding/entitlements/${ent.documentId}/suspend`, { reason: 'manual', notes: 'Audit' }), 200);
    expectStatus(await h.api.post(`/offboarding/entitlements/${ent.documentId}/resume`), 200);
    // Refused: writes nothing.
    expectStatus(await h.api.post(`/offboarding/entitlements/${ent.documentId}/resume`), 409);
    expectStatus(await cancelNow(h.api, ent.documentId, 'too_expensive'), 200);

    const { events, total } = await auditOf(h.api, org.documentId);
    expect(total).toBe(5);
    expect(events.map((e) => [e.action, e.targetId])).toEqual([
      ['entitlement.cancelled', ent.documentId],
      ['entitlement.resumed', ent.documentId],
      ['entitlement.suspended', ent.documentId],
      ['entitlement.created', ent.documentId],
      ['organization.created', org.documentId],
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ actorType: 'admin', actorName: h.session.email, organization: org.documentId });
    }
    expect(events[0].reason).toBe('too_expensive');
    expect(events[2]).toMatchObject({
      reason: 'other',
      notes: 'Audit',
      before: { status: 'active', suspendedAt: null, suspensionReason: null, suspensionReasonCode: null, suspensionNotes: null },
      after: { status: 'suspended', suspendedAt: NOW, suspensionReason: 'manual', suspensionReasonCode: 'other', suspensionNotes: 'Audit' },
    });
    expect(Object.keys(events[2].after ?? {}).sort()).toEqual(
      ['status', 'suspendedAt', 'suspensionReason', 'suspensionReasonCode', 'suspensionNotes'].sort()
    );
    expect(events[1].after).toEqual({ status: 'active', suspendedAt: null, suspensionReason: null, suspensionReasonCode: null, suspensionNotes: null });
  });

  it('names the acting admin by documentId, like every id in the API (docs/spec.md: ids are documentIds)', async () => {
    const admin = await h.strapi.db.query('admin::user').findOne({ where: { id: h.session.userId }, select: ['documentId'] });
    const org = await createOrg(h.api);
    const { events } = await auditOf(h.api, org.documentId);
    expect(events[0].actorId).toBe(admin?.documentId);
  });

  it('paginates the trail', async () => {
    const org = await createOrg(h.api);
    await createEntitlement(h.api, org.documentId);
    await createEntitlement(h.api, org.documentId);
    const res = await h.api.get(`/offboarding/organizations/${org.documentId}/audit?page=2&pageSize=2`);
    expectStatus(res, 200);
    expect(res.body.data.map((e: AuditEvent) => e.action)).toEqual(['organization.created']);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });
});

describe('collaborators', () => {
  it('join by invitation only (the route linking a user by e-mail is gone), and are removed by user id', async () => {
    const org = await createOrg(h.api);
    const user = await h.portalUser('owner');
    const url = `/offboarding/organizations/${org.documentId}/collaborators`;

    // docs/spec.md §12: linking whoever had registered the address first handed the seat to a stranger.
    expect([404, 405]).toContain((await h.api.post(url, { email: user.email, role: 'owner' })).status);
    expect((await getOrg(h.api, org.documentId)).collaborators).toEqual([]);

    await h.invite(org.documentId, user, 'owner');
    const expected = { role: 'owner', user: { id: user.id, documentId: user.documentId, email: user.email, username: user.username } };
    expect((await getOrg(h.api, org.documentId)).collaborators).toEqual([{ documentId: expect.any(String), ...expected }]);

    const duplicate = await h.api.post(`/offboarding/organizations/${org.documentId}/invitations`, { email: user.email.toUpperCase(), role: 'member' });
    expectStatus(duplicate, 409);
    expect(duplicate.body.error.message).toContain(user.email);
    expect((await getOrg(h.api, org.documentId)).collaborators).toHaveLength(1);

    const removed = await h.api.delete(`${url}/${user.documentId}`);
    expectStatus(removed, 200);
    expect(removed.body.data.collaborators).toEqual([]);
    expectStatus(await h.api.delete(`${url}/${user.documentId}`), 404);

    const { events } = await auditOf(h.api, org.documentId);
    expect(events.slice(0, 4).map((e) => e.action)).toEqual(['collaborator.removed', 'collaborator.added', 'invitation.accepted', 'invitation.created']);
    expect(events[1]).toMatchObject({ actorType: 'collaborator', actorName: user.email });
    expect(events[1].after).toMatchObject({ user: user.documentId, email: user.email, role: 'owner' });
  });
});

describe('stats', () => {
  it('counts organizations by status, archived and disabled, and entitlements by status', async () => {
    const read = async (): Promise<Stats> => {
      const res = await h.api.get('/offboarding/stats');
      expectStatus(res, 200);
      return res.body.data;
    };
    const before = await read();

    const suspendedOrg = await createOrg(h.api);
    const s = await createEntitlement(h.api, suspendedOrg.documentId);
    expectStatus(await h.api.post(`/offboarding/entitlements/${s.documentId}/suspend`, { reason: 'manual' }), 200);
    const archivedOrg = await createOrg(h.api);
    const c = await createEntitlement(h.api, archivedOrg.documentId);
    expectStatus(await cancelNow(h.api, c.documentId), 200);
    expectStatus(await orgPost(archivedOrg.documentId, 'archive'), 200);
    const disabledOrg = await createOrg(h.api);
    const p = await createEntitlement(h.api, disabledOrg.documentId);
    expectStatus(await h.api.post(`/offboarding/entitlements/${p.documentId}/cancel`, { reason: 'other', timing: 'period_end' }), 200);
    expectStatus(await orgPost(disabledOrg.documentId, 'disable', {}), 200);

    const after = await read();
    expect(after.organizations.total - before.organizations.total).toBe(3);
    expect(after.organizations.archived - before.organizations.archived).toBe(1);
    expect(after.organizations.disabled - before.organizations.disabled).toBe(1);
    expect(after.organizations.byStatus.suspended - before.organizations.byStatus.suspended).toBe(1);
    expect(after.organizations.byStatus.pending_cancellation - before.organizations.byStatus.pending_cancellation).toBe(1);
    // The archived organization is counted as archived, not under its status.
    expect(after.organizations.byStatus.cancelled - before.organizations.byStatus.cancelled).toBe(0);
    expect(after.organizations.byStatus.active - before.organizations.byStatus.active).toBe(0);
    expect(after.entitlements.byStatus.suspended - before.entitlements.byStatus.suspended).toBe(1);
    expect(after.entitlements.byStatus.cancelled - before.entitlements.byStatus.cancelled).toBe(1);
    expect(after.entitlements.byStatus.pending_cancellation - before.entitlements.byStatus.pending_cancellation).toBe(1);
    expect(after.entitlements.byStatus.active - before.entitlements.byStatus.active).toBe(0);
  });
});
