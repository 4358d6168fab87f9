/**
 * Every admin route against the RBAC action it needs: a read-only admin is refused every
 * change (403, nothing written) and allowed every read; an admin holding exactly the route's
 * action (plus read) is let through; no token is a 401.
 */
import request from 'supertest';
import type { AdminSession } from '../helpers/admin';
import { data, useHarness } from '../helpers/harness';
import { snapshotPluginTables } from './bad-input-snapshot';

const NOW = '2027-01-11T00:00:00Z';
const ORGS = '/offboarding/organizations';
const ENTS = '/offboarding/entitlements';
const HOOKS = '/offboarding/webhooks';

type ActionKey = 'read' | 'manage' | 'cancel' | 'suspend' | 'reactivate' | 'archive' | 'access' | 'export' | 'delete' | 'settings' | 'retention';
const ACTION_KEYS: readonly ActionKey[] = ['read', 'manage', 'cancel', 'suspend', 'reactivate', 'archive', 'access', 'export', 'delete', 'settings', 'retention'];
const actionId = (key: ActionKey) => `plugin::offboarding.${key}`;

/** A request that succeeds for an admin allowed to make it. */
interface Prepared {
  url: string;
  body?: object;
}

interface RouteCase {
  /** Method and path as the plugin declares the route (without the /offboarding prefix). */
  route: string;
  action: ActionKey;
  success: 200 | 201 | 202;
  /** Builds fresh fixtures (as the super admin) and returns a valid request. */
  prepare: () => Promise<Prepared>;
}

const h = useHarness('rbac', { now: NOW, refreeze: 'once' });
const su = h.api;
const admins = {} as Record<ActionKey | 'none', AdminSession>;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${(counter += 1)}`;

const newOrg = async (name = unique('Org')) => (await data(su.post(ORGS, { name }), 201)).documentId;
const newEntitlement = async () => {
  const org = await newOrg();
  const ent = await data(
    su.post(`${ORGS}/${org}/entitlements`, {
      class: 'PLG',
      price: 1200,
      currency: 'EUR',
      billingPeriod: 'month',
      currentPeriodStart: '2027-01-01T00:00:00Z',
      currentPeriodEnd: '2027-02-01T00:00:00Z',
    }),
    201
  );
  return ent.documentId;
};
/** A webhook endpoint (an address nothing sends to: no webhooks sweep runs here). */
const newHook = async () => (await data(su.post(HOOKS, { url: 'https://hooks.example.com/rbac', events: ['entitlement.cancelled'] }), 201)).documentId;
const newUser = async () => {
  const name = unique('user');
  const user = await h.strapi.db.query('plugin::users-permissions.user').create({
    data: { username: name, email: `${name}@rbac.test`, provider: 'local', confirmed: true, blocked: false },
  });
  return { documentId: user.documentId as string, email: user.email as string };
};
/** A pending invitation of a fresh organization. */
const newInvitation = async () => (await data(su.post(`${ORGS}/${await newOrg()}/invitations`, { email: `${unique('invitee')}@rbac.test`, role: 'member' }), 201)).documentId;
const cancelNow = { reason: 'customer_request', timing: 'immediate' };
const firstOf = async (url: string) => ((await data(su.get(url), 200)) as unknown as { documentId: string }[])[0].documentId;

const MUTATING: RouteCase[] = [
  { route: 'POST /organizations', action: 'manage', success: 201, prepare: async () => ({ url: ORGS, body: { name: unique('Org') } }) },
  { route: 'PUT /organizations/:id', action: 'manage', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}`, body: { notes: 'changed' } }) },
  {
    route: 'DELETE /organizations/:id',
    action: 'delete',
    success: 200,
    prepare: async () => {
      const name = unique('Doomed');
      return { url: `${ORGS}/${await newOrg(name)}?confirm=${encodeURIComponent(name)}` };
    },
  },
  {
    route: 'POST /organizations/:id/entitlements',
    action: 'manage',
    success: 201,
    prepare: async () => ({
      url: `${ORGS}/${await newOrg()}/entitlements`,
      body: { class: 'ORD', price: 500, currency: 'EUR', billingPeriod: 'none' },
    }),
  },
  { route: 'POST /organizations/:id/archive', action: 'archive', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/archive`, body: {} }) },
  {
    route: 'POST /organizations/:id/unarchive',
    action: 'archive',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/archive`, {}), 200);
      return { url: `${ORGS}/${org}/unarchive`, body: {} };
    },
  },
  { route: 'POST /organizations/:id/disable', action: 'access', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/disable`, body: { reason: 'unpaid' } }) },
  {
    route: 'POST /organizations/:id/enable',
    action: 'access',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/disable`, {}), 200);
      return { url: `${ORGS}/${org}/enable`, body: {} };
    },
  },
  {
    route: 'POST /organizations/:id/cancel-all',
    action: 'cancel',
    success: 200,
    prepare: async () => {
      const ent = await data(su.get(`${ENTS}/${await newEntitlement()}`), 200);
      const org = (ent.organization as { documentId: string }).documentId;
      return { url: `${ORGS}/${org}/cancel-all`, body: cancelNow };
    },
  },
  {
    route: 'POST /organizations/:id/invitations',
    action: 'manage',
    success: 201,
    prepare: async () => ({ url: `${ORGS}/${await newOrg()}/invitations`, body: { email: `${unique('invitee')}@rbac.test`, role: 'owner' } }),
  },
  { route: 'DELETE /invitations/:id', action: 'manage', success: 200, prepare: async () => ({ url: `/offboarding/invitations/${await newInvitation()}` }) },
  { route: 'POST /invitations/:id/resend', action: 'manage', success: 200, prepare: async () => ({ url: `/offboarding/invitations/${await newInvitation()}/resend`, body: {} }) },
  {
    route: 'DELETE /organizations/:id/collaborators/:userId',
    action: 'manage',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      const user = await newUser();
      // As an accepted invitation leaves it (the invitation flow has its own tests).
      await h.collaborator(org, user.email, 'member');
      return { url: `${ORGS}/${org}/collaborators/${user.documentId}` };
    },
  },
  { route: 'POST /entitlements/:id/cancel', action: 'cancel', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/cancel`, body: cancelNow }) },
  {
    route: 'POST /entitlements/:id/undo-cancel',
    action: 'cancel',
    success: 200,
    prepare: async () => {
      const ent = await newEntitlement();
      await data(su.post(`${ENTS}/${ent}/cancel`, { ...cancelNow, timing: 'period_end' }), 200);
      return { url: `${ENTS}/${ent}/undo-cancel`, body: {} };
    },
  },
  { route: 'POST /entitlements/:id/suspend', action: 'suspend', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/suspend`, body: { reason: 'manual' } }) },
  {
    route: 'POST /entitlements/:id/resume',
    action: 'suspend',
    success: 200,
    prepare: async () => {
      const ent = await newEntitlement();
      await data(su.post(`${ENTS}/${ent}/suspend`, { reason: 'non_payment' }), 200);
      return { url: `${ENTS}/${ent}/resume`, body: {} };
    },
  },
  {
    route: 'POST /entitlements/:id/reactivate',
    action: 'reactivate',
    success: 200,
    prepare: async () => {
      const ent = await newEntitlement();
      await data(su.post(`${ENTS}/${ent}/cancel`, cancelNow), 200);
      return { url: `${ENTS}/${ent}/reactivate`, body: {} };
    },
  },
  { route: 'POST /entitlements/:id/pause', action: 'suspend', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/pause`, body: { reason: 'other', access: 'keep' } }) },
  {
    route: 'POST /entitlements/:id/activate',
    action: 'manage',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      const prospect = await data(su.post(`${ORGS}/${org}/entitlements`, { class: 'PLG', price: 1200, currency: 'EUR', billingPeriod: 'none', status: 'prospect' }), 201);
      return { url: `${ENTS}/${prospect.documentId}/activate`, body: {} };
    },
  },
  { route: 'POST /policies', action: 'settings', success: 201, prepare: async () => ({ url: '/offboarding/policies', body: { name: unique('Policy') } }) },
  { route: 'GET /notices', action: 'settings', success: 200, prepare: async () => ({ url: '/offboarding/notices' }) },
  { route: 'PUT /notices/:key', action: 'settings', success: 200, prepare: async () => ({ url: '/offboarding/notices/resumed', body: { enabled: true } }) },
  { route: 'POST /notices/:key/preview', action: 'settings', success: 200, prepare: async () => ({ url: '/offboarding/notices/resumed/preview', body: { organization: await newOrg() } }) },
  {
    route: 'PUT /policies/:id',
    action: 'settings',
    success: 200,
    prepare: async () => {
      const policy = await data(su.post('/offboarding/policies', { name: unique('Policy') }), 201);
      return { url: `/offboarding/policies/${policy.documentId}`, body: { portalVisibilityDays: 30 } };
    },
  },
  {
    route: 'PUT /provisioning-policies/:id',
    action: 'settings',
    success: 200,
    prepare: async () => ({ url: `/offboarding/provisioning-policies/${await firstOf('/offboarding/provisioning-policies')}`, body: { deprovisionOnCancel: false } }),
  },
  { route: 'POST /reasons', action: 'settings', success: 201, prepare: async () => ({ url: '/offboarding/reasons', body: { code: unique('reason').replace('-', '_'), label: 'A reason' } }) },
  {
    route: 'PUT /reasons/:id',
    action: 'settings',
    success: 200,
    prepare: async () => {
      const reason = await data(su.post('/offboarding/reasons', { code: unique('reason').replace('-', '_'), label: 'A reason' }), 201);
      return { url: `/offboarding/reasons/${reason.documentId}`, body: { label: 'Relabelled' } };
    },
  },
  {
    route: 'POST /organizations/:id/retention/extend',
    action: 'retention',
    success: 200,
    prepare: async () => ({ url: `${ORGS}/${await newOrg()}/retention/extend`, body: { until: '2028-06-01T00:00:00Z', reason: 'audit' } }),
  },
  { route: 'POST /organizations/:id/retention/hold', action: 'retention', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/retention/hold`, body: { reason: 'litigation' } }) },
  {
    route: 'DELETE /organizations/:id/retention/hold',
    action: 'retention',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/retention/hold`, { reason: 'litigation' }), 200);
      return { url: `${ORGS}/${org}/retention/hold` };
    },
  },
  // The plugin's webhook endpoints: every route, reads included, needs `settings` (secrets and targets are configuration).
  { route: 'GET /webhooks', action: 'settings', success: 200, prepare: async () => ({ url: HOOKS }) },
  { route: 'POST /webhooks', action: 'settings', success: 201, prepare: async () => ({ url: HOOKS, body: { url: 'https://hooks.example.com/rbac', events: ['*'] } }) },
  { route: 'PUT /webhooks/:id', action: 'settings', success: 200, prepare: async () => ({ url: `${HOOKS}/${await newHook()}`, body: { description: 'changed' } }) },
  { route: 'DELETE /webhooks/:id', action: 'settings', success: 200, prepare: async () => ({ url: `${HOOKS}/${await newHook()}` }) },
  { route: 'POST /webhooks/:id/rotate-secret', action: 'settings', success: 200, prepare: async () => ({ url: `${HOOKS}/${await newHook()}/rotate-secret`, body: {} }) },
  { route: 'GET /webhooks/:id/deliveries', action: 'settings', success: 200, prepare: async () => ({ url: `${HOOKS}/${await newHook()}/deliveries` }) },
  { route: 'POST /webhooks/:id/test', action: 'settings', success: 202, prepare: async () => ({ url: `${HOOKS}/${await newHook()}/test`, body: {} }) },
  {
    route: 'POST /webhooks/deliveries/:id/redeliver',
    action: 'settings',
    success: 202,
    prepare: async () => {
      // A delivery given up on, as the webhooks sweep leaves it (no sweep sends anything here).
      const delivery = await h.strapi.db.query('plugin::offboarding.webhook-delivery').create({
        data: { endpoint: await newHook(), eventId: 1, eventType: 'ping', state: 'failed', attempts: [], attemptCount: 1 },
      });
      return { url: `${HOOKS}/deliveries/${delivery.documentId as string}/redeliver`, body: {} };
    },
  },
  { route: 'POST /jobs/:name/run', action: 'settings', success: 200, prepare: async () => ({ url: '/offboarding/jobs/transitions/run', body: {} }) },
  {
    route: 'POST /entitlements/:id/resources',
    action: 'manage',
    success: 201,
    prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/resources`, body: { kind: 'license', name: 'LIC-1' } }),
  },
  {
    route: 'POST /entitlements/:id/provisioning/retry',
    action: 'manage',
    success: 200,
    prepare: async () => {
      // A deprovisioning that failed: an app handler that throws.
      h.strapi.plugin('offboarding').service('provisioning').register('PLG', {
        deprovision: () => {
          throw new Error('downstream unavailable');
        },
      });
      // Another row switches PLG's deprovisionOnCancel off: on again for this one.
      await data(su.put(`/offboarding/provisioning-policies/${await firstOf('/offboarding/provisioning-policies')}`, { deprovisionOnCancel: true }), 200);
      const ent = await newEntitlement();
      await data(su.post(`${ENTS}/${ent}/cancel`, cancelNow), 200);
      await data(su.post('/offboarding/jobs/provisioning/run', {}), 200);
      const state = await data(su.get(`${ENTS}/${ent}`), 200);
      if (state.provisioningState !== 'failed') throw new Error(`fixture: provisioning is ${String(state.provisioningState)}, not failed`);
      return { url: `${ENTS}/${ent}/provisioning/retry`, body: {} };
    },
  },
  { route: 'POST /organizations/:id/exports', action: 'export', success: 202, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/exports`, body: {} }) },
  {
    route: 'GET /exports/:id/download',
    action: 'export',
    success: 200,
    prepare: async () => {
      const queued = await data(su.post(`${ORGS}/${await newOrg()}/exports`, {}), 202);
      await data(su.post('/offboarding/jobs/exports/run', {}), 200);
      return { url: `/offboarding/exports/${queued.documentId}/download` };
    },
  },
  { route: 'POST /organizations/:id/checklist/start', action: 'manage', success: 201, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/checklist/start`, body: {} }) },
  {
    route: 'POST /organizations/:id/checklist/steps/:step/complete',
    action: 'manage',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/checklist/start`, {}), 201);
      return { url: `${ORGS}/${org}/checklist/steps/review_entitlements/complete`, body: { note: 'reviewed' } };
    },
  },
  {
    route: 'POST /organizations/:id/checklist/steps/:step/skip',
    action: 'manage',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/checklist/start`, {}), 201);
      return { url: `${ORGS}/${org}/checklist/steps/review_entitlements/skip`, body: { reason: 'reviewed elsewhere' } };
    },
  },
  {
    route: 'POST /organizations/:id/checklist/steps/:step/reopen',
    action: 'manage',
    success: 200,
    prepare: async () => {
      const org = await newOrg();
      await data(su.post(`${ORGS}/${org}/checklist/start`, {}), 201);
      await data(su.post(`${ORGS}/${org}/checklist/steps/review_entitlements/complete`, {}), 200);
      return { url: `${ORGS}/${org}/checklist/steps/review_entitlements/reopen`, body: { reason: 'a contract was missed' } };
    },
  },
];

/** A suspension of a fresh entitlement scheduled for a week ahead: its scheduled change's id. */
const newDatedSuspension = async () => {
  const res = await su.post(`${ENTS}/${await newEntitlement()}/suspend`, { reason: 'manual', effectiveAt: '2027-01-18T00:00:00Z' });
  if (res.status !== 200) throw new Error(`fixture request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { scheduledChange: { id: string } }).scheduledChange.id;
};
MUTATING.push({
  // The route asks for read; the controller then asks for the change's own action (suspend here).
  route: 'DELETE /scheduled-changes/:id',
  action: 'suspend',
  success: 200,
  prepare: async () => ({ url: `/offboarding/scheduled-changes/${await newDatedSuspension()}` }),
});

const READS: RouteCase[] = [
  { route: 'GET /organizations', action: 'read', success: 200, prepare: async () => ({ url: ORGS }) },
  { route: 'GET /organizations/export.csv', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/export.csv?q=${await newOrg()}` }) },
  // The route asks for read; each id then needs the action's own permission: a read-only admin
  // gets 200 with every id refused (403) and nothing changed (organizations-list.test.ts has the rest).
  {
    route: 'POST /organizations/bulk',
    action: 'read',
    success: 200,
    prepare: async () => ({ url: `${ORGS}/bulk`, body: { action: 'archive', ids: [await newOrg()] } }),
  },
  { route: 'GET /organizations/:id', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}` }) },
  { route: 'GET /organizations/:id/audit', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/audit` }) },
  { route: 'GET /organizations/:id/refunds', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/refunds` }) },
  { route: 'GET /organizations/:id/access', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/access` }) },
  { route: 'GET /events', action: 'read', success: 200, prepare: async () => ({ url: `/offboarding/events?organization=${await newOrg()}` }) },
  { route: 'GET /organizations/:id/invitations', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/invitations` }) },
  { route: 'GET /organizations/:id/notifications', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/notifications` }) },
  { route: 'GET /entitlements/:id', action: 'read', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}` }) },
  { route: 'POST /entitlements/:id/cancel/preview', action: 'read', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/cancel/preview`, body: cancelNow }) },
  {
    route: 'POST /organizations/:id/cancel-all/preview',
    action: 'read',
    success: 200,
    prepare: async () => {
      const ent = await data(su.get(`${ENTS}/${await newEntitlement()}`), 200);
      return { url: `${ORGS}/${(ent.organization as { documentId: string }).documentId}/cancel-all/preview`, body: cancelNow };
    },
  },
  {
    route: 'POST /organizations/:id/policy/preview',
    action: 'read',
    success: 200,
    prepare: async () => ({ url: `${ORGS}/${await newOrg()}/policy/preview`, body: { cancellationPolicy: null } }),
  },
  { route: 'GET /policies', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/policies' }) },
  { route: 'GET /provisioning-policies', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/provisioning-policies' }) },
  { route: 'GET /reasons', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/reasons' }) },
  { route: 'GET /stats', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/stats' }) },
  { route: 'GET /retention/queue', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/retention/queue' }) },
  { route: 'GET /jobs', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/jobs' }) },
  { route: 'GET /tasks', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/tasks' }) },
  { route: 'GET /scheduled-changes', action: 'read', success: 200, prepare: async () => ({ url: `/offboarding/scheduled-changes?organization=${await newOrg()}` }) },
  { route: 'GET /insights/cancellations', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/insights/cancellations' }) },
  { route: 'GET /insights/refunds', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/insights/refunds' }) },
  { route: 'GET /insights/churn', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/insights/churn' }) },
  { route: 'GET /insights/statuses', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/insights/statuses' }) },
  { route: 'GET /insights/upcoming', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/insights/upcoming?days=30' }) },
  { route: 'GET /audit', action: 'read', success: 200, prepare: async () => ({ url: `/offboarding/audit?organization=${await newOrg()}` }) },
  { route: 'GET /openapi.json', action: 'read', success: 200, prepare: async () => ({ url: '/offboarding/openapi.json' }) },
  { route: 'GET /entitlements/:id/resources', action: 'read', success: 200, prepare: async () => ({ url: `${ENTS}/${await newEntitlement()}/resources` }) },
  { route: 'GET /organizations/:id/exports', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/exports` }) },
  { route: 'GET /organizations/:id/checklist', action: 'read', success: 200, prepare: async () => ({ url: `${ORGS}/${await newOrg()}/checklist` }) },
  {
    route: 'GET /exports/:id',
    action: 'read',
    success: 200,
    prepare: async () => ({ url: `/offboarding/exports/${(await data(su.post(`${ORGS}/${await newOrg()}/exports`, {}), 202)).documentId}` }),
  },
];

const ALL = [...MUTATING, ...READS];

/** Sends a prepared request as `session`, or with no Authorization header at all. */
const send = (route: RouteCase, prepared: Prepared, session: AdminSession | null): Promise<request.Response> => {
  const method = route.route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let req = request(h.server)[method](prepared.url);
  if (session) req = req.set('Authorization', `Bearer ${session.token}`);
  return (prepared.body === undefined ? req : req.send(prepared.body)).then((r) => r);
};

const refusal = (res: request.Response) => {
  const { error } = res.body as { error?: { name?: string; details?: { code?: string } } };
  return { status: res.status, name: error?.name, code: error?.details?.code };
};

beforeAll(async () => {
  admins.none = (await h.admin([])).session;
  admins.read = (await h.admin([actionId('read')])).session;
  for (const key of new Set(MUTATING.map((r) => r.action))) {
    admins[key] = (await h.admin([actionId('read'), actionId(key)])).session;
  }
});

it('the table covers every admin route of the plugin', () => {
  const declared = (h.strapi.plugin('offboarding').routes as unknown as { admin: { routes: { method: string; path: string }[] } }).admin.routes
    .map((r) => `${r.method} ${r.path}`)
    .sort();
  expect(ALL.map((r) => r.route).sort()).toEqual(declared);
});

it('every plugin action is registered, and the super admin may list organizations', async () => {
  const provider = h.strapi.service('admin::permission').actionProvider as { has: (id: string) => boolean };
  expect(ACTION_KEYS.filter((key) => !provider.has(actionId(key)))).toEqual([]);
  const res = await su.get(ORGS);
  expect(res.status).toBe(200);
  expect(Array.isArray((res.body as { data: unknown }).data)).toBe(true);
  expect(res.body).toMatchObject({ meta: { pagination: { page: 1 } } });
});

it.each(MUTATING)('$route: read-only admin gets 403 and changes nothing; `$action` gets $success', async (route) => {
  const prepared = await route.prepare();
  const before = await snapshotPluginTables(h.strapi);
  const refused = await send(route, prepared, admins.read);
  const after = await snapshotPluginTables(h.strapi);
  expect(refusal(refused)).toEqual({ status: 403, name: 'PolicyError', code: 'auth.forbidden' });
  expect(after).toEqual(before);

  const allowed = await send(route, prepared, admins[route.action]);
  expect(allowed.status).not.toBe(403);
  expect({ status: allowed.status, body: allowed.body as unknown }).toMatchObject({ status: route.success });
});

it.each(READS)('$route: read-only admin gets 200 and changes nothing; no offboarding action gets 403', async (route) => {
  const prepared = await route.prepare();
  const before = await snapshotPluginTables(h.strapi);
  const allowed = await send(route, prepared, admins.read);
  const after = await snapshotPluginTables(h.strapi);
  expect({ status: allowed.status, body: allowed.body as unknown }).toMatchObject({ status: 200 });
  expect(after).toEqual(before);

  expect(refusal(await send(route, prepared, admins.none))).toEqual({ status: 403, name: 'PolicyError', code: 'auth.forbidden' });
});

it.each(ALL)('$route: no token gets 401 and changes nothing', async (route) => {
  const prepared = await route.prepare();
  const before = await snapshotPluginTables(h.strapi);
  const res = await send(route, prepared, null);
  const after = await snapshotPluginTables(h.strapi);
  expect(refusal(res)).toEqual({ status: 401, name: 'UnauthorizedError', code: 'auth.unauthorized' });
  expect(after).toEqual(before);
});
