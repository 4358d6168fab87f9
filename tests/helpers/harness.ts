/**
 * The one set-up of the integration tests: `useHarness(name)` boots a real Strapi for the test
 * file (through `startStrapi`), signs a super admin in, optionally freezes the plugin clock, and
 * stops it all after the file. Builders go through the HTTP API the way the admin panel and the
 * portal do (never through the services), so routes, validation and policies are exercised too.
 */
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import type { AuditEvent, CancellationPolicy, Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { EntitlementInput, OrganizationDetail, OrganizationInput } from '../../src/plugins/offboarding/shared/contracts/api';
import type { ClockService } from '../../src/plugins/offboarding/server/src/services/clock';
import { startStrapi } from './strapi';
import { bearerClient, createAdmin, type AdminClient, type AdminSession } from './admin';

/** The frozen "now" of the lifecycle tests: the second Monday of January 2027. */
export const NOW = '2027-01-11T00:00:00.000Z';
export const DAY = 86_400_000;

/** A 30-day monthly period around NOW: 10 days used, 20 days left. */
export const PERIOD = { start: '2027-01-01T00:00:00.000Z', end: '2027-01-31T00:00:00.000Z' } as const;

export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

export type Clock = Pick<ClockService, 'freeze' | 'advance' | 'reset'>;

type Server = Core.Strapi['server']['httpServer'];
type Job = 'transitions' | 'exports' | 'provisioning' | 'retention' | 'purge';

/** Fails with the response body, so a wrong status explains itself. */
export const expectStatus = (res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
};

/** The data of a set-up request that must answer `status`; any other answer is a broken fixture, not a finding. */
export const data = async (res: PromiseLike<request.Response>, status: number): Promise<Record<string, unknown> & { documentId: string }> => {
  const r = await res;
  if (r.status !== status) throw new Error(`fixture request failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data as Record<string, unknown> & { documentId: string };
};

let counter = 0;
/** A name no other test of the run uses. */
export const unique = (prefix: string) => {
  counter += 1;
  return `${prefix} ${counter}-${process.pid}`;
};

export const createOrg = async (api: AdminClient, input: Partial<OrganizationInput> = {}): Promise<OrganizationDetail> => {
  const res = await api.post('/offboarding/organizations', { name: unique('Org'), ...input });
  expectStatus(res, 201);
  return res.body.data;
};

/** A monthly PLG entitlement of 3000 EUR over PERIOD. */
export const monthly = (overrides: Partial<EntitlementInput> = {}): EntitlementInput => ({
  class: 'PLG',
  price: 3000,
  currency: 'EUR',
  billingPeriod: 'month',
  currentPeriodStart: PERIOD.start,
  currentPeriodEnd: PERIOD.end,
  ...overrides,
});

export const createEntitlement = async (api: AdminClient, organization: string, input: EntitlementInput = monthly()): Promise<Entitlement> => {
  const res = await api.post(`/offboarding/organizations/${organization}/entitlements`, input);
  expectStatus(res, 201);
  return res.body.data;
};

export const getEntitlement = async (api: AdminClient, documentId: string): Promise<Entitlement> => {
  const res = await api.get(`/offboarding/entitlements/${documentId}`);
  expectStatus(res, 200);
  return res.body.data;
};

export const getOrg = async (api: AdminClient, documentId: string): Promise<OrganizationDetail> => {
  const res = await api.get(`/offboarding/organizations/${documentId}`);
  expectStatus(res, 200);
  return res.body.data;
};

/** The organization's audit trail, newest first (first page of 100). */
export const auditOf = async (api: AdminClient, organization: string): Promise<{ events: AuditEvent[]; total: number }> => {
  const res = await api.get(`/offboarding/organizations/${organization}/audit?pageSize=100`);
  expectStatus(res, 200);
  return { events: res.body.data, total: res.body.meta.pagination.total };
};

export const createPolicy = async (api: AdminClient, input: Record<string, unknown>): Promise<CancellationPolicy> => {
  const res = await api.post('/offboarding/policies', { name: unique('Policy'), ...input });
  expectStatus(res, 201);
  return res.body.data;
};

export const cancelNow = (api: AdminClient, entitlement: string, reason = 'customer_request') =>
  api.post(`/offboarding/entitlements/${entitlement}/cancel`, { reason, timing: 'immediate' });

/** Asserts a refused request left the entitlement and the organization's audit trail exactly as they were. */
export const expectUnchanged = async (api: AdminClient, organization: string, before: Entitlement, auditTotal: number) => {
  expect(await getEntitlement(api, before.documentId)).toEqual(before);
  expect((await auditOf(api, organization)).total).toBe(auditTotal);
};

/** A users-permissions user of the authenticated role, signed in through POST /api/auth/local. */
export interface PortalUser {
  id: number;
  documentId: string;
  email: string;
  username: string;
  auth: { Authorization: string };
}

export interface HarnessOptions {
  /** Freezes the plugin clock here once Strapi is up. */
  now?: string;
  /** With `now`: freeze it there again before every test (default), or only once for the file. */
  refreeze?: 'each' | 'once';
}

export interface Harness {
  readonly strapi: Core.Strapi;
  readonly server: Server;
  /** The super admin the harness signed in. */
  readonly session: AdminSession;
  /** A client of the super admin; it may be taken before Strapi is up (e.g. `const { api } = h`). */
  readonly api: AdminClient;
  readonly clock: Clock;
  /** A client for a new admin whose role holds exactly these plugin actions (`read`, or a full id). */
  admin: (actions: string[]) => Promise<AdminClient & { session: AdminSession }>;
  /** Runs `fn` after the file's tests, before Strapi stops (in the order registered). */
  teardown: (fn: () => unknown) => void;
  /** Runs one sweep now, as POST /offboarding/jobs/:name/run does, and returns its result. */
  sweep: (name: Job) => Promise<{ ran: boolean; processed: number; performed: number; noop: number; failed: number }>;
  organization: (input?: Partial<OrganizationInput>) => Promise<OrganizationDetail>;
  entitlement: (organization: string, input?: EntitlementInput) => Promise<Entitlement>;
  policy: (input: Record<string, unknown>) => Promise<CancellationPolicy>;
  portalUser: (name?: string) => Promise<PortalUser>;
  /**
   * Makes the user who has `email` a collaborator of the organization by inserting the row, as
   * an accepted invitation leaves it: for tests about something else (the invitation flow has its
   * own tests, and `invite` goes through it). No event is emitted.
   */
  collaborator: (organization: string, email: string, role?: 'owner' | 'member') => Promise<void>;
  /**
   * Invites the user's address as an admin (POST …/invitations), reads the token from the queued
   * mail and accepts it as the user (POST /api/offboarding/portal/invitations/accept): the only way
   * the API links a collaborator. Answers the invitation's documentId.
   */
  invite: (organization: string, user: Pick<PortalUser, 'email' | 'auth'>, role?: 'owner' | 'member') => Promise<string>;
}

/** The token in a queued invitation mail's link (the portal's own link, `invitations.acceptUrl` null). */
export const invitationTokenOf = async (strapi: Core.Strapi, invitation: string, sentCount = 1): Promise<string> => {
  const mail = (await strapi.db.query('plugin::offboarding.notification').findOne({ where: { dedupeKey: `invitation:${invitation}:${sentCount}` } })) as { body?: string } | null;
  const token = /\/portal\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail?.body ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail with a link queued for ${invitation} (#${sentCount})`);
  return token;
};

interface Booted {
  strapi: Core.Strapi;
  session: AdminSession;
  clock: Clock;
  cleanup: () => Promise<void>;
}

const actionId = (action: string) => (action.includes('::') ? action : `plugin::offboarding.${action}`);

/** Boots Strapi for this test file (beforeAll) and stops it, dropping its database (afterAll). */
export const useHarness = (name: string, options: HarnessOptions = {}): Harness => {
  let booted: Booted | undefined;
  const teardowns: (() => unknown)[] = [];
  const up = () => {
    if (!booted) throw new Error(`harness "${name}": Strapi is not up here (only inside hooks and tests)`);
    return booted;
  };
  const server = () => up().strapi.server.httpServer;
  const api = bearerClient(server, () => up().session.token);
  let users = 0;

  beforeAll(async () => {
    const { strapi, cleanup } = await startStrapi(name);
    try {
      const clock = strapi.plugin('offboarding').service('clock') as Clock;
      if (options.now) clock.freeze(options.now);
      // Many portal sign-ins from 127.0.0.1: users-permissions' login throttle is not under test.
      strapi.config.set('plugin::users-permissions.ratelimit', { enabled: false });
      booted = { strapi, clock, cleanup, session: await createAdmin(strapi) };
    } catch (error) {
      await cleanup();
      throw error;
    }
  }, 120_000);

  afterAll(async () => {
    if (!booted) return;
    const { clock, cleanup } = booted;
    try {
      for (const fn of teardowns) await fn();
    } finally {
      clock.reset();
      booted = undefined;
      await cleanup();
    }
  });

  if (options.now && options.refreeze !== 'once') {
    const at = options.now;
    beforeEach(() => up().clock.freeze(at));
  }

  return {
    get strapi() {
      return up().strapi;
    },
    get server() {
      return server();
    },
    get session() {
      return up().session;
    },
    get clock() {
      return up().clock;
    },
    api,
    admin: async (actions) => {
      const session = await createAdmin(up().strapi, actions.map(actionId));
      return { ...bearerClient(server, () => session.token), session };
    },
    teardown: (fn) => {
      teardowns.push(fn);
    },
    sweep: async (job) => {
      const res = await api.post(`/offboarding/jobs/${job}/run`, {});
      expectStatus(res, 200);
      return res.body.data;
    },
    organization: (input) => createOrg(api, input),
    entitlement: (organization, input) => createEntitlement(api, organization, input),
    policy: (input) => createPolicy(api, input),
    portalUser: async (prefix = 'customer') => {
      const { strapi } = up();
      users += 1;
      const username = `${prefix}-${users}-${process.pid}`;
      const email = `${username}@customer.test`;
      const password = 'Customer-Password-1';
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      const user = await strapi.plugin('users-permissions').service('user').add({
        username,
        email,
        password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
      const login = await request(server()).post('/api/auth/local').send({ identifier: email, password });
      expectStatus(login, 200);
      return { id: user.id, documentId: user.documentId, email, username, auth: { Authorization: `Bearer ${login.body.jwt as string}` } };
    },
    collaborator: async (organization, email, role = 'member') => {
      const { strapi } = up();
      const org = await strapi.db.query('plugin::offboarding.organization').findOne({ where: { documentId: organization }, select: ['id'] });
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: email.toLowerCase() }, select: ['id'] });
      if (!org || !user) throw new Error(`collaborator fixture: no organization ${organization} or no user ${email}`);
      await strapi.db.query('plugin::offboarding.collaborator').create({ data: { organization: org.id, user: user.id, role } });
    },
    invite: async (organization, user, role = 'member') => {
      const invited = await api.post(`/offboarding/organizations/${organization}/invitations`, { email: user.email, role });
      expectStatus(invited, 201);
      const invitation = invited.body.data.documentId as string;
      const token = await invitationTokenOf(up().strapi, invitation);
      expectStatus(await request(server()).post('/api/offboarding/portal/invitations/accept').set(user.auth).send({ token }), 200);
      return invitation;
    },
  };
};
