/**
 * GET /offboarding/openapi.json: an OpenAPI 3.1 document generated from the route table and the
 * validation schemas. Every route the running Strapi loaded is in it, the bodies come from the
 * yup schemas, every $ref resolves and every path parameter is declared; `read` guards it.
 */
import request from 'supertest';
import { CANCEL_TIMINGS, REFUND_MODES } from '../../src/plugins/offboarding/shared/contracts/constants';
import { useHarness } from '../helpers/harness';

const URL = '/offboarding/openapi.json';

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  security: Record<string, string[]>[];
  'x-strapi-actions'?: string[];
}

interface Document {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

interface LoadedRoute {
  method: string;
  path: string;
  handler: string;
  config?: { auth?: unknown };
}

const h = useHarness('openapi');
let doc: Document;

/** The plugin's routes as Strapi loaded them, with the path a client calls. */
const loadedRoutes = () => {
  const tables = h.strapi.plugin('offboarding').routes as unknown as Record<string, { type: string; routes: LoadedRoute[] }>;
  const contentPrefix = h.strapi.config.get<string>('api.rest.prefix', '/api');
  return Object.values(tables).flatMap((table) =>
    table.routes.map((route) => ({
      ...route,
      type: table.type,
      url: `${table.type === 'admin' ? '' : contentPrefix}/offboarding${route.path}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
    }))
  );
};

/** A JSON pointer (`#/components/schemas/Entitlement`) inside the document, or undefined. */
const resolve = (ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);

const deref = (schema: Schema): Schema => (schema.$ref ? (resolve(schema.$ref) as Schema) : schema);

/** Every `$ref` string anywhere in the document, with where it is. */
const refsIn = (node: unknown, at: string, found: { at: string; ref: string }[] = []) => {
  if (Array.isArray(node)) node.forEach((item, index) => refsIn(item, `${at}/${index}`, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push({ at, ref: value });
      else refsIn(value, `${at}/${key}`, found);
    }
  }
  return found;
};

beforeAll(async () => {
  const res = await h.api.get(URL);
  expect(res.status).toBe(200);
  expect(res.type).toBe('application/json');
  doc = res.body as Document;
});

it('is an OpenAPI 3.1 document', () => {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
});

it('has every route of the running plugin, with its method and path, and nothing else', () => {
  const routes = loadedRoutes();
  expect(routes.length).toBeGreaterThan(50);
  const missing = routes.filter((route) => !doc.paths[route.url]?.[route.method.toLowerCase()]).map((route) => `${route.method} ${route.url}`);
  expect(missing).toEqual([]);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
  expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.url}`).sort());
  // Both APIs are there: the admin one under /offboarding, the content API under /api/offboarding.
  expect(routes.some((route) => route.type === 'content-api')).toBe(true);
  expect(doc.paths['/api/offboarding/portal/organizations/{id}']?.get).toBeDefined();
});

it('says how each route is authorized, from the route config', () => {
  for (const route of loadedRoutes()) {
    const op = doc.paths[route.url][route.method.toLowerCase()];
    if (route.type === 'admin') {
      expect(op.security).toEqual([{ adminToken: [] }]);
      expect(op['x-strapi-actions']?.[0]).toMatch(/^plugin::offboarding\.[a-z]+$/);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    } else if (route.config?.auth === false) {
      expect(op.security).toEqual([]);
    } else {
      expect(op.security).toEqual([{ usersPermissionsToken: [] }]);
    }
  }
  expect(doc.paths['/offboarding/entitlements/{id}/cancel'].post['x-strapi-actions']).toEqual(['plugin::offboarding.cancel']);
});

it('describes a body from its validation schema: POST /offboarding/entitlements/{id}/cancel', () => {
  const op = doc.paths['/offboarding/entitlements/{id}/cancel'].post;
  const body = deref(op.requestBody?.content['application/json'].schema ?? {});
  expect(Object.keys(body.properties ?? {})).toEqual(expect.arrayContaining(['reason', 'timing', 'refund', 'notes', 'effectiveAt', 'prorateAsOf']));
  expect(body.required).toEqual(expect.arrayContaining(['reason', 'timing']));
  expect(body.properties?.timing.enum).toEqual([...CANCEL_TIMINGS]);
  expect(body.properties?.refund.enum).toEqual([...REFUND_MODES]);
  expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
  const ok = deref((op.responses['200'] as { content: Record<string, { schema: Schema }> }).content['application/json'].schema);
  expect(deref(ok.properties?.data ?? {}).properties).toHaveProperty('cancelTiming');
});

it('describes queries and success statuses from the schemas and the controllers', () => {
  const list = doc.paths['/offboarding/organizations'].get;
  expect(list.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['q', 'status', 'archived', 'page', 'pageSize']));
  expect(Object.keys(doc.paths['/offboarding/organizations'].post.responses)).toContain('201');
  expect(Object.keys(doc.paths['/offboarding/organizations/{id}/exports'].post.responses)).toEqual(expect.arrayContaining(['202', '200', '429']));
});

it('is structurally sound: every $ref resolves, every path parameter is declared', () => {
  const unresolved = refsIn(doc, '#').filter(({ ref }) => !ref.startsWith('#/') || resolve(ref) === undefined);
  expect(unresolved).toEqual([]);

  const problems: string[] = [];
  const operationIds = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
    for (const [method, op] of Object.entries(ops)) {
      const declared = (op.parameters ?? []).filter((parameter) => parameter.in === 'path');
      if (JSON.stringify(declared.map((parameter) => parameter.name).sort()) !== JSON.stringify(inPath)) {
        problems.push(`${method} ${path}: path parameters ${JSON.stringify(declared.map((p) => p.name))}`);
      }
      if (declared.some((parameter) => parameter.required !== true)) problems.push(`${method} ${path}: a path parameter is not required`);
      if (operationIds.has(op.operationId)) problems.push(`${method} ${path}: duplicate operationId ${op.operationId}`);
      operationIds.add(op.operationId);
      if (Object.keys(op.responses).length === 0) problems.push(`${method} ${path}: no responses`);
    }
  }
  expect(problems).toEqual([]);
});

it('needs the read action: 403 for an admin without it, 401 without a token', async () => {
  const noRead = await h.admin(['cancel']);
  const refused = await noRead.get(URL);
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ data: null, error: { status: 403 } });

  const anonymous = await request(h.server).get(URL);
  expect(anonymous.status).toBe(401);

  const reader = await h.admin(['read']);
  expect((await reader.get(URL)).status).toBe(200);
});
