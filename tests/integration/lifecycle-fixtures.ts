/**
 * Shared set-up for the lifecycle and organization integration tests: a booted Strapi with a
 * super admin, a frozen plugin clock, and small builders that go through the admin API the way
 * the admin panel does (never through the services, so routes, validation and policies are
 * exercised too).
 */
import type { Core } from '@strapi/strapi';
import type { AuditEvent, CancellationPolicy, Entitlement } from '../../src/plugins/offboarding/shared/contracts/entities';
import type { EntitlementInput, OrganizationDetail, OrganizationInput } from '../../src/plugins/offboarding/shared/contracts/api';
import { startStrapi } from '../helpers/strapi';
import { adminClient, createAdmin, type AdminClient, type AdminSession } from '../helpers/admin';

/** The frozen "now" of every test: the second Monday of January 2027. */
export const NOW = '2027-01-11T00:00:00.000Z';
export const DAY = 86_400_000;

/** A 30-day monthly period around NOW: 10 days used, 20 days left. */
export const PERIOD = { start: '2027-01-01T00:00:00.000Z', end: '2027-01-31T00:00:00.000Z' } as const;

export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

interface Clock {
  freeze: (at: string) => void;
  advance: (ms: number) => void;
  reset: () => void;
}

export interface Harness {
  strapi: Core.Strapi;
  admin: AdminSession;
  api: AdminClient;
  clock: Clock;
  cleanup: () => Promise<void>;
}

export const boot = async (name: string): Promise<Harness> => {
  const { strapi, cleanup } = await startStrapi(name);
  const admin = await createAdmin(strapi);
  const clock = strapi.plugin('offboarding').service('clock') as Clock;
  clock.freeze(NOW);
  return {
    strapi,
    admin,
    api: adminClient(strapi, admin),
    clock,
    cleanup: async () => {
      clock.reset();
      await cleanup();
    },
  };
};

/** Fails with the response body, so a wrong status explains itself. */
export const expectStatus = (res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
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

export const monthly = (overrides: Partial<EntitlementInput> = {}): EntitlementInput => ({
  class: 'PLG',
  price: 3000,
  currency: 'EUR',
  billingPeriod: 'month',
  currentPeriodStart: PERIOD.start,
  currentPeriodEnd: PERIOD.end,
  ...overrides,
});

export const createEntitlement = async (
  api: AdminClient,
  organization: string,
  input: EntitlementInput = monthly()
): Promise<Entitlement> => {
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
