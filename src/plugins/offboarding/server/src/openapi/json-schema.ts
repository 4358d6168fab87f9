import { yup } from '@strapi/utils';

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), as far as this document needs one. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  $ref?: string;
  allOf?: JsonSchema[];
}

type Test = { name?: string; params?: Record<string, unknown> };

const number = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The JSON type of an enumeration's values, `null` included when it is listed. */
const typeOfValues = (values: unknown[]): string | string[] | undefined => {
  const types = [...new Set(values.map((value) => (value === null ? 'null' : typeof value)))];
  const json = types.map((type) => (type === 'number' ? 'number' : type));
  return json.length === 1 ? json[0] : json.length > 1 ? json : undefined;
};

/** `nullable()` adds `null` to the type (OpenAPI 3.1 has no `nullable` keyword). */
const withNull = (schema: JsonSchema, nullable: boolean): JsonSchema => {
  if (!nullable || schema.type === undefined) return schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('null') ? schema : { ...schema, type: [...types, 'null'] };
};

/**
 * A yup schema as JSON Schema, read from `schema.describe()` (type, tests and their params,
 * `oneOf`) and `schema.spec` (nullable, default, which yup 0.32's describe() leaves out). The
 * plugin's own tests (common.ts) are known by name: `iso-date`, `non-blank`, `whole-number`,
 * `not-empty`.
 */
export const toJsonSchema = (schema: yup.AnySchema): JsonSchema => {
  const described = schema.describe();
  const tests: Test[] = described.tests.map((test) => ({ name: test.name, params: test.params }));
  const has = (name: string) => tests.find((test) => test.name === name);
  const out: JsonSchema = {};

  switch (described.type) {
    case 'string':
    case 'boolean':
      out.type = described.type;
      break;
    case 'number':
      out.type = has('integer') ? 'integer' : 'number';
      break;
    case 'array': {
      out.type = 'array';
      const inner = (schema as yup.AnySchema & { innerType?: yup.AnySchema }).innerType;
      if (inner) out.items = toJsonSchema(inner);
      break;
    }
    case 'object': {
      out.type = 'object';
      const fields = (schema as yup.AnyObjectSchema).fields as Record<string, yup.AnySchema>;
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, field] of Object.entries(fields)) {
        properties[name] = toJsonSchema(field);
        if (field.spec.presence === 'required') required.push(name);
      }
      if (Object.keys(properties).length > 0) out.properties = properties;
      if (required.length > 0) out.required = required;
      if (has('noUnknown')) out.additionalProperties = false;
      if (has('not-empty')) out.minProperties = 1;
      break;
    }
    default:
      // `mixed`: typed by its enumeration or by a known test.
      if (has('whole-number')) out.type = 'integer';
      break;
  }

  const values = described.oneOf.filter((value) => value !== undefined);
  if (values.length > 0) {
    out.enum = values;
    out.type ??= typeOfValues(values);
  }

  for (const test of tests) {
    const params = test.params ?? {};
    switch (test.name) {
      case 'min':
      case 'max': {
        const bound = number(params[test.name]);
        if (bound === undefined) break;
        if (out.type === 'string') out[test.name === 'min' ? 'minLength' : 'maxLength'] = bound;
        else if (out.type === 'array') out[test.name === 'min' ? 'minItems' : 'maxItems'] = bound;
        else out[test.name === 'min' ? 'minimum' : 'maximum'] = bound;
        break;
      }
      case 'whole-number':
        out.minimum = number(params.min);
        out.maximum = number(params.max);
        break;
      case 'matches':
        if (params.regex instanceof RegExp) out.pattern = params.regex.source;
        break;
      case 'email':
        out.format = 'email';
        break;
      case 'iso-date':
        out.format = 'date-time';
        out.description = 'ISO 8601 date or date-time, a real calendar date (e.g. 2027-01-31T00:00:00Z)';
        break;
      case 'non-blank':
        out.pattern = '\\S';
        out.minLength = Math.max(out.minLength ?? 0, 1);
        break;
      default:
        break;
    }
  }

  const fallback = schema.spec.default;
  if (fallback !== undefined && typeof fallback !== 'function') out.default = fallback;
  return withNull(out, schema.spec.nullable === true);
};
