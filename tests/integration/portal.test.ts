import request from 'supertest';
import type { EntitlementInput, OrganizationInput } from '../../src/plugins/offboarding/shared/contracts/api';
import { monthly, useHarness } from '../helpers/harness';

const DAY = 86_400_000;
const T0 = '2027-03-01T00:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms);

/** The only fields the portal shows (domain/customer-view.ts); anything else would be a leak of internal data. */
const ORGANIZATION_KEYS = [
  'address',
  'createdAt',
  'documentId',
  'email',
  'lastCancelledAt',
  'name',
  'phone',
  'portalAccessUntil',
  'role',
  'status',
  'taxId',
].sort();
const ENTITLEMENT_KEYS = [
  'billingPeriod',
  'cancelEffectiveAt',
  'cancelledAt',
  'class',
  'createdAt',
  'creditBalance',
  'currency',
  'currentPeriodEnd',
  'currentPeriodStart',
  'documentId',
  'graceEndsAt',
  'name',
  'price',
  'reactivatedAt',
  'activatedAt',
  'pauseAccess',
  'pausedAt',
  'resumeAt',
  'refundAmount',
  'refundMode',
  'status',
  'suspendedAt',
  'suspensionReason',
  'visibleUntil',
].sort();

interface PortalOrg {
  documentId: string;
  name: string;
  role: string;
  portalAccessUntil: string | null;
  entitlements?: { documentId: string; status: string; visibleUntil: string | null }[];
}

describe('collaborator portal (content API)', () => {
  const h = useHarness('portal', { now: T0 });
  const { api } = h;
  let authenticatedRoleId: number;

  beforeAll(async () => {
    const role = await h.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    authenticatedRoleId = role.id;
  });

  /** A users-permissions user, signed in through POST /api/auth/local. */
  const collaborator = async () => {
    const { email, auth } = await h.portalUser('portal-user');
    return {
      email,
      get: (url: string) => request(h.server).get(`/api/offboarding/portal${url}`).set(auth),
      list: async () => {
        const res = await request(h.server).get('/api/offboarding/portal/organizations').set(auth);
        expect(res.status).toBe(200);
        return res.body.data as PortalOrg[];
      },
    };
  };
  type Collaborator = Awaited<ReturnType<typeof collaborator>>;

  const createOrg = async (name: string, extra: Partial<OrganizationInput> = {}) =>
    (await h.organization({ name, email: `billing@${name.toLowerCase().replace(/\W/g, '')}.test`, ...extra })).documentId;
  const createEnt = async (org: string, extra: Partial<EntitlementInput> = {}) =>
    (await h.entitlement(org, monthly({ currentPeriodStart: '2027-03-01T00:00:00Z', currentPeriodEnd: '2027-04-01T00:00:00Z', ...extra }))).documentId;
  const cancelNow = async (ent: string) => {
    const res = await api.post(`/offboarding/entitlements/${ent}/cancel`, {
      reason: 'customer_request',
      timing: 'immediate',
      notes: 'internal: customer was rude on the phone',
    });
    expect(res.status).toBe(200);
  };
  const share = (org: string, user: Collaborator, role: 'owner' | 'member' = 'member') => h.collaborator(org, user.email, role);
  const names = (orgs: PortalOrg[]) => orgs.map((o) => o.name);

  it('opens the portal actions to the authenticated role, idempotently', async () => {
    const permissions = await h.strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { role: { id: authenticatedRoleId }, action: { $startsWith: 'plugin::offboarding.' } },
    });
    const actions = (permissions as { action: string }[]).map((p) => p.action);
    expect(actions).toEqual(expect.arrayContaining(['plugin::offboarding.portal.find', 'plugin::offboarding.portal.findOne']));
    // The signed download link needs no login, so nothing is granted for it.
    expect(actions).not.toContain('plugin::offboarding.export.downloadSigned');

    const again = await h.strapi.plugin('offboarding').service('portal').grantToAuthenticatedRole([
      'plugin::offboarding.portal.find',
      'plugin::offboarding.portal.findOne',
    ]);
    expect(again).toEqual([]);
    const count = await h.strapi.db.query('plugin::users-permissions.permission').count({
      where: { role: { id: authenticatedRoleId }, action: 'plugin::offboarding.portal.find' },
    });
    expect(count).toBe(1);
  });

  it('refuses a request without a users-permissions token', async () => {
    const org = await createOrg('Tokenless');
    for (const url of ['/api/offboarding/portal/organizations', `/api/offboarding/portal/organizations/${org}`]) {
      const anonymous = await request(h.server).get(url);
      // The public role has no portal permission.
      expect(anonymous.status).toBe(403);
      expect(anonymous.body.data).toBeNull();
      const forged = await request(h.server).get(url).set({ Authorization: 'Bearer not-a-jwt' });
      expect(forged.status).toBe(401);
    }
    const admin = h.session;
    const withAdminToken = await request(h.server)
      .get('/api/offboarding/portal/organizations')
      .set({ Authorization: `Bearer ${admin.token}` });
    expect(withAdminToken.status).toBe(401);
  });

  it('refuses an API token: it belongs to no collaborator', async () => {
    const token = await h.strapi.service('admin::api-token').create({
      name: `portal-full-access-${process.pid}`,
      description: 'test',
      type: 'full-access',
      kind: 'content-api',
      lifespan: null,
    });
    const res = await request(h.server)
      .get('/api/offboarding/portal/organizations')
      .set({ Authorization: `Bearer ${token.accessKey as string}` });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/collaborators signed in through users-permissions/);
  });

  it('lists only the caller’s own organizations, with their role', async () => {
    const alice = await collaborator();
    const bob = await collaborator();
    const loner = await collaborator();
    const a1 = await createOrg('Alpha One');
    const a2 = await createOrg('Alpha Two');
    const b1 = await createOrg('Bravo');
    await share(a1, alice, 'owner');
    await share(a2, alice);
    await share(b1, bob, 'owner');

    const aliceOrgs = await alice.list();
    expect(aliceOrgs.map((o) => [o.name, o.role])).toEqual([
      ['Alpha One', 'owner'],
      ['Alpha Two', 'member'],
    ]);
    expect(names(await bob.list())).toEqual(['Bravo']);
    expect(await loner.list()).toEqual([]);

    const page = await alice.get('/organizations?page=2&pageSize=1');
    expect(page.status).toBe(200);
    expect(names(page.body.data)).toEqual(['Alpha Two']);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });

    const detail = await alice.get(`/organizations/${a1}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({ documentId: a1, name: 'Alpha One', role: 'owner', entitlements: [] });
  });

  it('answers 404 for another tenant’s organization and for an unknown id, alike', async () => {
    const carol = await collaborator();
    const dave = await collaborator();
    const mine = await createOrg('Charlie');
    const theirs = await createOrg('Delta');
    await share(mine, carol);
    await share(theirs, dave);

    const foreign = await carol.get(`/organizations/${theirs}`);
    const unknown = await carol.get('/organizations/doesnotexist0000000000000');
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.body.error.name).toBe(unknown.body.error.name);
    expect(JSON.stringify(foreign.body)).not.toContain('Delta');
    const malformed = await carol.get('/organizations/bad%00id');
    expect(malformed.status).toBe(404);
  });

  it('forgets an organization as soon as the caller is no longer its collaborator', async () => {
    const lima = await collaborator();
    const org = await createOrg('Lima');
    await share(org, lima);
    expect((await lima.get(`/organizations/${org}`)).status).toBe(200);
    const user = await h.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: lima.email } });
    expect((await api.delete(`/offboarding/organizations/${org}/collaborators/${user.documentId as string}`)).status).toBe(200);
    expect((await lima.get(`/organizations/${org}`)).status).toBe(404);
    expect(await lima.list()).toEqual([]);
  });

  it('closes a disabled organization (403, left out of the list) and reopens it when re-enabled', async () => {
    const erin = await collaborator();
    const org = await createOrg('Echo');
    const other = await createOrg('Echo Two');
    await share(org, erin);
    await share(other, erin);

    expect((await api.post(`/offboarding/organizations/${org}/disable`, { reason: 'missed payments' })).status).toBe(200);
    const closed = await erin.get(`/organizations/${org}`);
    expect(closed.status).toBe(403);
    expect(closed.body.error.message).toMatch(/disabled/);
    expect(closed.body.error.details).toMatchObject({ reason: 'disabled' });
    expect(JSON.stringify(closed.body)).not.toContain('missed payments');
    expect(names(await erin.list())).toEqual(['Echo Two']);

    expect((await api.post(`/offboarding/organizations/${org}/enable`, {})).status).toBe(200);
    expect((await erin.get(`/organizations/${org}`)).status).toBe(200);
    expect(names(await erin.list())).toEqual(['Echo', 'Echo Two']);
  });

  it('closes an archived organization (403, left out of the list)', async () => {
    const frank = await collaborator();
    const org = await createOrg('Foxtrot');
    await share(org, frank);
    await cancelNow(await createEnt(org));
    expect((await api.post(`/offboarding/organizations/${org}/archive`)).status).toBe(200);

    const closed = await frank.get(`/organizations/${org}`);
    expect(closed.status).toBe(403);
    expect(closed.body.error.message).toMatch(/archived/);
    expect(await frank.list()).toEqual([]);

    expect((await api.post(`/offboarding/organizations/${org}/unarchive`)).status).toBe(200);
    expect((await frank.get(`/organizations/${org}`)).status).toBe(200);
  });

  it('shows a cancelled entitlement for portalVisibilityDays after its cancellation, then hides it', async () => {
    const grace = await collaborator();
    const org = await createOrg('Golf');
    await share(org, grace);
    const cancelled = await createEnt(org);
    const running = await createEnt(org, { class: 'SVC' });
    const suspended = await createEnt(org, { class: 'ENV' });
    const pending = await createEnt(org, { class: 'ORD' });
    await cancelNow(cancelled);
    expect((await api.post(`/offboarding/entitlements/${suspended}/suspend`, { reason: 'manual' })).status).toBe(200);
    expect(
      (await api.post(`/offboarding/entitlements/${pending}/cancel`, { reason: 'customer_request', timing: 'period_end' })).status
    ).toBe(200);

    const statuses = async () => {
      const res = await grace.get(`/organizations/${org}`);
      expect(res.status).toBe(200);
      return Object.fromEntries((res.body.data as PortalOrg).entitlements!.map((e) => [e.documentId, e.status]));
    };
    const visibleUntil = at(90 * DAY).toISOString();
    const first = await grace.get(`/organizations/${org}`);
    expect((first.body.data as PortalOrg).entitlements!.find((e) => e.documentId === cancelled)?.visibleUntil).toBe(visibleUntil);
    expect(await statuses()).toEqual({
      [cancelled]: 'cancelled',
      [running]: 'active',
      [suspended]: 'suspended',
      [pending]: 'pending_cancellation',
    });

    h.clock.freeze(visibleUntil);
    expect(Object.keys(await statuses())).toContain(cancelled);

    // The pending cancellation took effect on April 1st; it stays visible for its own 90 days.
    h.clock.freeze(at(90 * DAY + 1));
    await api.post('/offboarding/jobs/transitions/run');
    expect(await statuses()).toEqual({ [running]: 'active', [suspended]: 'suspended', [pending]: 'cancelled' });
  });

  it('closes the organization portalVisibilityDays after its last cancellation', async () => {
    const henry = await collaborator();
    const org = await createOrg('Hotel');
    await share(org, henry);
    const ent = await createEnt(org);
    h.clock.freeze(at(5 * DAY));
    await cancelNow(ent);
    const until = at(95 * DAY).toISOString();

    h.clock.freeze(until);
    const open = await henry.get(`/organizations/${org}`);
    expect(open.status).toBe(200);
    expect(open.body.data).toMatchObject({ status: 'cancelled', portalAccessUntil: until, lastCancelledAt: at(5 * DAY).toISOString() });
    expect(open.body.data.entitlements).toHaveLength(1);
    expect(names(await henry.list())).toEqual(['Hotel']);

    h.clock.freeze(at(95 * DAY + 1));
    const ended = await henry.get(`/organizations/${org}`);
    expect(ended.status).toBe(403);
    expect(ended.body.error.message).toMatch(/portal access period .* ended/);
    expect(ended.body.error.details).toMatchObject({ reason: 'period_ended', portalAccessUntil: until });
    expect(await henry.list()).toEqual([]);
  });

  it('keeps the organization open while a longer class policy still shows one of its entitlements', async () => {
    const policy = await api.post('/offboarding/policies', { name: 'Training, long portal', entitlementClass: 'EDU', portalVisibilityDays: 180 });
    expect(policy.status).toBe(201);
    const iris = await collaborator();
    const org = await createOrg('India');
    await share(org, iris);
    const plugin = await createEnt(org);
    const training = await createEnt(org, { class: 'EDU' });
    await cancelNow(plugin);
    await cancelNow(training);

    h.clock.freeze(at(120 * DAY));
    const res = await iris.get(`/organizations/${org}`);
    expect(res.status).toBe(200);
    expect(res.body.data.portalAccessUntil).toBe(at(180 * DAY).toISOString());
    expect((res.body.data as PortalOrg).entitlements!.map((e) => e.documentId)).toEqual([training]);

    h.clock.freeze(at(180 * DAY + 1));
    expect((await iris.get(`/organizations/${org}`)).status).toBe(403);
  });

  it('refuses unknown or malformed query parameters with a 400', async () => {
    const jane = await collaborator();
    const org = await createOrg('Juliett');
    await share(org, jane);
    const cases = [
      '/organizations?include=notes',
      '/organizations?populate=*',
      '/organizations?pageSize=1000',
      '/organizations?page=0',
      '/organizations?page=abc',
      `/organizations/${org}?populate=collaborators`,
      `/organizations/${org}?fields[0]=notes`,
    ];
    for (const url of cases) {
      const res = await jane.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error.name).toBe('ValidationError');
    }
  });

  it('shows a customer only what is theirs to see: no notes, audit, legal hold or other collaborators', async () => {
    const kim = await collaborator();
    const colleague = await collaborator();
    const org = await createOrg('Kilo', { notes: 'internal: churn risk', taxId: 'FR123', phone: '+33 1 23', address: '1 rue X' });
    await share(org, kim);
    await share(org, colleague, 'owner');
    const ent = await createEnt(org);
    await createEnt(org, { class: 'SVC' });
    await cancelNow(ent);
    expect((await api.post(`/offboarding/organizations/${org}/retention/hold`, { reason: 'litigation 42' })).status).toBe(200);

    const res = await kim.get(`/organizations/${org}`);
    expect(res.status).toBe(200);
    const { entitlements, ...organization } = res.body.data as PortalOrg & Record<string, unknown>;
    expect(Object.keys(organization).sort()).toEqual(ORGANIZATION_KEYS);
    expect(organization).toMatchObject({ name: 'Kilo', taxId: 'FR123', role: 'member' });
    for (const entitlement of entitlements!) expect(Object.keys(entitlement).sort()).toEqual(ENTITLEMENT_KEYS);
    const body = JSON.stringify(res.body);
    for (const secret of ['churn risk', 'litigation 42', 'rude on the phone', colleague.email, 'customer_request']) {
      expect(body).not.toContain(secret);
    }
    for (const field of ['notes', 'legalHold', 'legalHoldReason', 'audit', 'collaborators', 'retention', 'cancellationNotes']) {
      expect(body).not.toContain(`"${field}"`);
    }

    const listed = (await kim.list()).find((o) => o.documentId === org);
    expect(Object.keys(listed!).sort()).toEqual(ORGANIZATION_KEYS);
  });
});
