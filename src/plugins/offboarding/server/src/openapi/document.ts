import { PLUGIN_ID } from '../constants';
import { TOKEN } from '../middlewares/valid-ids';
import routes from '../routes';
import { ROUTE_DOCS, type RouteDoc } from '../routes/docs';
import { CONTRACTS, UNTYPED } from './contracts';
import { toJsonSchema, type JsonSchema } from './json-schema';

/**
 * The plugin's OpenAPI 3.1 document, generated: methods, paths, auth and RBAC actions from the
 * route table (routes/admin.ts, routes/content-api.ts), parameters and bodies from the yup
 * schemas of the validators each handler runs (routes/docs.ts names them), response data from
 * the shared/contracts field names (contracts.ts). Nothing here lists a route.
 */

type Policy = string | { name: string; config?: { actions?: readonly string[] } };

interface Route {
  method: string;
  path: string;
  handler: string;
  config?: { auth?: unknown; policies?: readonly Policy[] };
}

interface RouteTable {
  type: string;
  routes: readonly Route[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

interface MediaType {
  schema: JsonSchema;
}

interface Response {
  description: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

type ResponseOrRef = Response | { $ref: string };

export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  security: Record<string, string[]>[];
  'x-strapi-actions'?: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseOrRef>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; bearerFormat?: string; description: string }>;
  };
}

const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** Strapi's error body (`{ data: null, error }`), the same for every refusal. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object' },
      },
    },
  },
};

const ERRORS: Record<string, { status: number; description: string }> = {
  BadRequest: { status: 400, description: 'Invalid input (ValidationError): `error.details.errors` names each field' },
  Unauthorized: { status: 401, description: 'No valid token' },
  Forbidden: { status: 403, description: 'The token lacks the permission the route needs' },
  NotFound: { status: 404, description: 'No resource has this id' },
  Conflict: { status: 409, description: 'The current state refuses the change' },
  Gone: { status: 410, description: 'The invitation has expired, was revoked or was already accepted: `error.details.state` says which' },
  TooManyRequests: { status: 429, description: 'Past the daily limit; `Retry-After` says when to try again' },
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const dataSchema = (data: RouteDoc['data']): JsonSchema => {
  if (typeof data === 'string') return schemaRef(data);
  return { type: 'array', items: schemaRef(data[0]) };
};

const successBody = (doc: RouteDoc): Record<string, MediaType> => {
  if (doc.data === 'file') return { 'application/zip': { schema: { type: 'string', description: 'The export archive (zip)' } } };
  if (doc.data === 'csv') return { 'text/csv': { schema: { type: 'string', description: 'A header row, then one row per organization' } } };
  if (doc.data === 'openapi') return json({ type: 'object', description: 'An OpenAPI 3.1 document' });
  const properties: Record<string, JsonSchema> = { data: dataSchema(doc.data) };
  if (doc.meta === 'pagination') properties.meta = { type: 'object', required: ['pagination'], properties: { pagination: schemaRef('Pagination') } };
  if (doc.meta === 'archivedMatches') {
    properties.meta = {
      type: 'object',
      required: ['pagination'],
      properties: {
        pagination: schemaRef('Pagination'),
        archivedMatches: { type: 'integer', description: 'Archived organizations the search also matches (archived hidden, a search given)' },
      },
    };
  }
  if (doc.meta === 'bulk') {
    properties.meta = {
      type: 'object',
      required: ['done', 'refused'],
      properties: { done: { type: 'integer' }, refused: { type: 'integer' } },
    };
  }
  if (doc.meta === 'cancelled') {
    properties.meta = {
      type: 'object',
      required: ['cancelled'],
      properties: { cancelled: { type: 'array', items: { type: 'object', description: 'One entitlement and what its cancellation did' } } },
    };
  }
  const required = Object.keys(properties);
  // A dated request (docs/spec.md §13) answers the change it scheduled beside the data.
  if (doc.scheduled) properties.scheduledChange = schemaRef('ScheduledChange');
  return json({ type: 'object', required, properties });
};

/** A validator's object schema as parameters, one per field. */
const parametersOf = (schema: JsonSchema, where: 'path' | 'query'): Parameter[] =>
  Object.entries(schema.properties ?? {}).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    schema: field,
  }));

/** Strapi's `:id` is OpenAPI's `{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const pathNames = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);

const actionsOf = (route: Route) =>
  (route.config?.policies ?? []).flatMap((policy) => (typeof policy === 'object' && policy.name === 'admin::hasPermissions' ? [...(policy.config?.actions ?? [])] : []));

const operation = (route: Route, type: 'admin' | 'content-api', doc: RouteDoc): Operation => {
  const pathSchema = doc.params ? toJsonSchema(doc.params.schema) : { properties: {} };
  const parameters: Parameter[] = pathNames(route.path).map((name) => {
    const checked = pathSchema.properties?.[name];
    return checked
      ? { name, in: 'path', required: true, schema: checked }
      : { name, in: 'path', required: true, schema: { type: 'string', pattern: TOKEN.source }, description: 'A documentId (or name); an unknown one is a 404' };
  });
  if (doc.query) parameters.push(...parametersOf(toJsonSchema(doc.query.schema), 'query'));

  const isPublic = type === 'content-api' && route.config?.auth === false;
  const actions = actionsOf(route);
  const responses: Record<string, ResponseOrRef> = {
    [String(doc.status ?? 200)]: { description: doc.summary, content: successBody(doc) },
  };
  if (doc.also) responses[String(doc.also)] = { description: 'The same request already under way', content: successBody(doc) };
  if (route.handler === 'export.downloadSigned') {
    // storage.s3.presignedUrlTtlSeconds: the route authorises, the bucket serves the bytes.
    responses['302'] = {
      description: 'With storage.s3.presignedUrlTtlSeconds set: a redirect to a short-lived presigned URL of the archive',
      headers: { Location: { description: 'The presigned URL, valid at most presignedUrlTtlSeconds and never past the export\'s expiry', schema: { type: 'string', format: 'uri' } } },
    };
  }
  if (doc.params || doc.query || doc.body) responses['400'] = responseRef('BadRequest');
  if (!isPublic) {
    responses['401'] = responseRef('Unauthorized');
    responses['403'] = responseRef('Forbidden');
  }
  if (parameters.some((parameter) => parameter.in === 'path') || route.handler === 'export.downloadSigned') responses['404'] = responseRef('NotFound');
  if (doc.conflict) responses['409'] = responseRef('Conflict');
  if (doc.gone) responses['410'] = responseRef('Gone');
  if (doc.limited) responses['429'] = responseRef('TooManyRequests');

  const op: Operation = {
    operationId: route.handler,
    summary: doc.summary,
    tags: [type === 'admin' ? 'admin' : 'content-api', route.handler.split('.')[0]],
    security: isPublic ? [] : [type === 'admin' ? { adminToken: [] } : { usersPermissionsToken: [] }],
    responses,
  };
  if (actions.length > 0) op['x-strapi-actions'] = actions;
  if (parameters.length > 0) op.parameters = parameters;
  if (doc.body) {
    const body = toJsonSchema(doc.body.schema);
    op.requestBody = { required: (body.required ?? []).length > 0, content: json(body) };
  }
  return op;
};

const componentSchemas = (): Record<string, JsonSchema> => {
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  for (const [name, fields] of Object.entries(CONTRACTS)) {
    schemas[name] = {
      type: 'object',
      description: `shared/contracts ${name}`,
      properties: Object.fromEntries(fields.map((field) => [field, {}])),
    };
  }
  for (const [name, description] of Object.entries(UNTYPED)) schemas[name] = { type: 'object', description };
  return schemas;
};

export interface DocumentOptions {
  version: string;
  /** Where Strapi mounts the content API (`api.rest.prefix`, `/api` by default). */
  contentApiPrefix?: string;
}

export const buildOpenApiDocument = ({ version, contentApiPrefix = '/api' }: DocumentOptions): OpenApiDocument => {
  const tables: [RouteTable, 'admin' | 'content-api', string][] = [
    [routes.admin, 'admin', `/${PLUGIN_ID}`],
    [routes['content-api'], 'content-api', `${contentApiPrefix}/${PLUGIN_ID}`],
  ];
  const paths: OpenApiDocument['paths'] = {};
  const documented = new Set<string>();
  for (const [table, type, prefix] of tables) {
    for (const route of table.routes) {
      const doc = ROUTE_DOCS[route.handler];
      if (!doc) throw new Error(`routes/docs.ts describes no handler "${route.handler}" (${route.method} ${route.path})`);
      documented.add(route.handler);
      const path = openApiPath(`${prefix}${route.path}`);
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = operation(route, type, doc);
    }
  }
  const stale = Object.keys(ROUTE_DOCS).filter((handler) => !documented.has(handler));
  if (stale.length > 0) throw new Error(`routes/docs.ts describes handlers no route has: ${stale.join(', ')}`);

  return {
    openapi: '3.1.0',
    info: {
      title: 'Offboarding plugin API',
      version,
      description: `Admin API under /${PLUGIN_ID} (admin token, RBAC action in x-strapi-actions) and content API under ${contentApiPrefix}/${PLUGIN_ID} (users-permissions login). Generated from the route table and the validation schemas.`,
    },
    paths,
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([name, { description }]) => [
          name,
          {
            description,
            content: json(schemaRef('Error')),
            ...(name === 'TooManyRequests' ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
          },
        ])
      ),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An admin session token (POST /admin/login)' },
        usersPermissionsToken: { type: 'http', scheme: 'bearer', description: 'A users-permissions JWT (POST /api/auth/local) or an API token' },
      },
    },
  };
};
