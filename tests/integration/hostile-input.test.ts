/**
 * docs/spec.md §9, hostile shapes are refused fast: JSON nested deeper than 32 levels is a 400 naming
 * the rule before any validation looks at it, on admin and content-API routes alike; a page
 * number or size that is not a safe whole number is a 400 naming the field; a page far past
 * the end is an empty page with the real totals, never a 500 or another page's rows.
 */
import request from 'supertest';
import { monthly, useHarness } from '../helpers/harness';

interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: { rule?: string; errors?: { path: string[]; message: string }[] } };
}

interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** `n` nested objects as raw JSON text (`{}` is one level), built without recursion. */
const nestedObject = (n: number) => `${'{"a":'.repeat(n - 1)}{"a":"x"}${'}'.repeat(n - 1)}`;
/** `n` nested arrays: `[]` is one level. */
const nestedArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

const h = useHarness('hostile-input');
const { api } = h;
let org: string;
let entitlement: string;
let policy: string;
let collaboratorAuth: { Authorization: string };

beforeAll(async () => {
  for (const name of ['Hostile A', 'Hostile B', 'Hostile C']) {
    const created = await h.organization({ name, email: 'billing@hostile.test' });
    org ??= created.documentId;
  }
  entitlement = (await h.entitlement(org, monthly({ price: 1200, currentPeriodEnd: '2027-02-01T00:00:00Z' }))).documentId;
  policy = ((await api.get('/offboarding/policies')).body.data as { documentId: string }[])[0].documentId;

  // A collaborator of the organization, signed in through users-permissions.
  const collaborator = await h.portalUser('hostile');
  await h.collaborator(org, collaborator.email, 'owner');
  collaboratorAuth = collaborator.auth;
});

const sendRaw = (method: 'post' | 'put', url: string, json: string) => {
  const auth = url.startsWith('/api/') ? collaboratorAuth : { Authorization: `Bearer ${h.session.token}` };
  return request(h.server)[method](url).set(auth).set('Content-Type', 'application/json').send(json);
};

const BODY_ROUTES: { title: string; method: 'post' | 'put'; url: () => string }[] = [
  { title: 'admin: create organization', method: 'post', url: () => '/offboarding/organizations' },
  { title: 'admin: update organization', method: 'put', url: () => `/offboarding/organizations/${org}` },
  { title: 'admin: cancel entitlement', method: 'post', url: () => `/offboarding/entitlements/${entitlement}/cancel` },
  { title: 'admin: update policy', method: 'put', url: () => `/offboarding/policies/${policy}` },
  { title: 'admin: legal hold', method: 'post', url: () => `/offboarding/organizations/${org}/retention/hold` },
  { title: 'portal: request an export', method: 'post', url: () => `/api/offboarding/portal/organizations/${org}/exports` },
];

const expectDepthRefusal = (res: request.Response) => {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({
    status: 400,
    body: { data: null, error: { status: 400, name: 'ValidationError', details: { rule: 'max-depth' } } },
  });
  expect((res.body as ErrorBody).error.message).toMatch(/deeper than 32 levels/);
};

const organizationCount = () => h.strapi.db.query('plugin::offboarding.organization').count();
const exportCount = () => h.strapi.db.query('plugin::offboarding.data-export').count();

describe('JSON nested deeper than 32 levels', () => {
  it.each(BODY_ROUTES)('$title: 6,000 levels of objects → 400 naming the depth rule, nothing changed', async (route) => {
    const before = [await organizationCount(), await exportCount()];
    expectDepthRefusal(await sendRaw(route.method, route.url(), nestedObject(6000)));
    expect([await organizationCount(), await exportCount()]).toEqual(before);
  });

  it.each(BODY_ROUTES)('$title: 33 levels → 400 naming the depth rule', async (route) => {
    expectDepthRefusal(await sendRaw(route.method, route.url(), nestedObject(33)));
  });

  it.each(BODY_ROUTES)('$title: 6,000 levels of arrays → 400 naming the depth rule', async (route) => {
    expectDepthRefusal(await sendRaw(route.method, route.url(), nestedArray(6000)));
  });

  it('a field nested past the limit inside an otherwise valid body is refused the same way', async () => {
    const json = `{"name":"Deep Co","address":${nestedObject(40)}}`;
    const before = await organizationCount();
    expectDepthRefusal(await sendRaw('post', '/offboarding/organizations', json));
    expect(await organizationCount()).toBe(before);
  });

  it('32 levels are not refused for depth (the schema answers instead)', async () => {
    for (const route of BODY_ROUTES) {
      const res = await sendRaw(route.method, route.url(), nestedObject(32));
      expect(res.status).toBeLessThan(500);
      const { error } = (res.body ?? {}) as Partial<ErrorBody>;
      expect(error?.details?.rule).not.toBe('max-depth');
      expect(error?.message ?? '').not.toMatch(/deeper than/);
    }
  });

  it('a request arriving during a hostile one is served normally', async () => {
    const hostile = Promise.all(Array.from({ length: 4 }, () => sendRaw('post', '/offboarding/organizations', nestedObject(6000))));
    const normal = api.get('/offboarding/organizations');
    const portal = request(h.server).get('/api/offboarding/portal/organizations').set(collaboratorAuth);
    const [refused, listed, portalListed] = await Promise.all([hostile, normal, portal]);
    refused.forEach(expectDepthRefusal);
    expect(listed.status).toBe(200);
    expect(listed.body.meta.pagination.total).toBe(3);
    expect(portalListed.status).toBe(200);
  });

  it('every plugin route runs the depth check before anything else of its own', () => {
    const routes = h.strapi.plugin('offboarding').routes as unknown as Record<string, { routes: { path: string; config?: { middlewares?: string[] } }[] }>;
    const all = Object.values(routes).flatMap((router) => router.routes);
    expect(all.length).toBeGreaterThan(10);
    for (const route of all) {
      expect({ path: route.path, first: route.config?.middlewares?.[0] }).toEqual({ path: route.path, first: 'plugin::offboarding.bounded-input' });
    }
  });
});

/** Every paginated list, with the role that may read it. */
const LISTS: { title: string; url: () => string; portal?: boolean; defaultPageSize: number }[] = [
  { title: 'organizations', url: () => '/offboarding/organizations', defaultPageSize: 25 },
  { title: 'audit', url: () => `/offboarding/organizations/${org}/audit`, defaultPageSize: 25 },
  { title: 'retention queue', url: () => '/offboarding/retention/queue', defaultPageSize: 25 },
  { title: 'refunds', url: () => `/offboarding/organizations/${org}/refunds`, defaultPageSize: 25 },
  { title: 'exports', url: () => `/offboarding/organizations/${org}/exports`, defaultPageSize: 25 },
  { title: 'tasks', url: () => '/offboarding/tasks', defaultPageSize: 100 },
  { title: 'portal organizations', url: () => '/api/offboarding/portal/organizations', portal: true, defaultPageSize: 25 },
];

const list = (target: (typeof LISTS)[number], query: string) => {
  const url = `${target.url()}${target.url().includes('?') ? '&' : '?'}${query}`;
  return target.portal ? request(h.server).get(url).set(collaboratorAuth) : api.get(url);
};

/** The last page accepted: (page - 1) × 100 is still a safe integer. */
const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / 100) + 1;

const ABSURD: [field: 'page' | 'pageSize', value: string][] = [
  ['page', '1e20'],
  ['page', '99999999999999999999'],
  ['page', '-1'],
  ['page', '0'],
  ['page', '1.5'],
  ['page', 'abc'],
  ['page', '9007199254740993'],
  // One past the last page whose offset is an exact integer at every page size.
  ['page', String(MAX_PAGE + 1)],
  ['page', ''],
  ['page', '0x10'],
  ['pageSize', '0'],
  ['pageSize', '101'],
  ['pageSize', '1e3'],
  ['pageSize', '-5'],
];

describe.each(LISTS)('pagination of $title', (target) => {
  it.each(ABSURD)('%s=%s → 400 naming the field', async (field, value) => {
    const res = await list(target, `${field}=${encodeURIComponent(value)}`);
    expect({ status: res.status, name: (res.body as ErrorBody).error?.name }).toEqual({ status: 400, name: 'ValidationError' });
    const { error } = res.body as ErrorBody;
    expect((error.details?.errors ?? []).map((e) => e.path.join('.'))).toContain(field);
  });

  it('page given twice → 400 naming page', async () => {
    const res = await list(target, 'page=1&page=2');
    expect(res.status).toBe(400);
    expect(((res.body as ErrorBody).error.details?.errors ?? []).map((e) => e.path.join('.'))).toContain('page');
  });

  it('a page far past the end is empty, with the real totals', async () => {
    const first = await list(target, 'page=1');
    expect(first.status).toBe(200);
    const { total } = first.body.meta.pagination as Pagination;
    expect(first.body.data).toHaveLength(Math.min(total, target.defaultPageSize));
    for (const [page, pageSize] of [
      [1_000_000, target.defaultPageSize],
      [1_000_000, 100],
      [MAX_PAGE, 100],
      [MAX_PAGE, 1],
    ]) {
      const far = await list(target, `page=${page}&pageSize=${pageSize}`);
      expect({ status: far.status, data: far.body.data, pagination: far.body.meta?.pagination }).toEqual({
        status: 200,
        data: [],
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      });
    }
  });

  it('pages hold their own rows: page 2 of size 1 is the second row of page 1 of size 2', async () => {
    const two = await list(target, 'page=1&pageSize=2');
    const second = await list(target, 'page=2&pageSize=1');
    expect([two.status, second.status]).toEqual([200, 200]);
    expect(second.body.data).toEqual((two.body.data as unknown[]).slice(1, 2));
  });
});
