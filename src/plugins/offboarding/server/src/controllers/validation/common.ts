import { errors, validateYupSchema, yup } from '@strapi/utils';
import { nulBytePath, refuseDeepInput } from '../../utils/shape';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A real calendar date and time: JavaScript would quietly roll 2027-02-30 over to March 2. */
export const isValidIsoDate = (value: string) => {
  const match = ISO_DATE_TIME.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return false;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  return !time || (Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60);
};

/** Dates travel as ISO 8601 strings; anything else is refused rather than guessed at. */
export const isoDate = () =>
  yup
    .string()
    .nullable()
    .test('iso-date', '${path} must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z', (value) =>
      value === null || value === undefined ? true : isValidIsoDate(value)
    );

export const nonBlank = (max: number) =>
  yup
    .string()
    .max(max)
    .test('non-blank', '${path} must not be blank', (value) => value === undefined || value.trim().length > 0);

export const oneOf = <T extends string>(values: readonly T[]) => yup.mixed<T>().oneOf([...values]);
/** One of `values`, or null to clear the field (yup's oneOf refuses null unless listed). */
export const oneOfOrNull = <T extends string>(values: readonly T[]) => yup.mixed<T>().nullable().oneOf([...values, null]);

export const strictObject = <S extends Record<string, yup.AnySchema>>(shape: S) =>
  yup.object(shape).noUnknown(true, 'unknown field(s): ${unknown}');

/**
 * Before any schema runs: input nested past the depth limit (also refused earlier by the
 * bounded-input route middleware), then NUL bytes, which no database stores (PostgreSQL refuses
 * them). Both walks are iterative and bounded.
 */
const refuseHostileInput = (input: unknown, where: 'body' | 'query') => {
  refuseDeepInput(input, where);
  const path = nulBytePath(input);
  if (path) {
    const field = path.join('.') || 'body';
    throw new errors.ValidationError(`${field} must not contain NUL characters`, {
      code: 'validation.invalid',
      errors: [{ path, message: `${field} must not contain NUL characters`, name: 'ValidationError' }],
    });
  }
};

/**
 * A validator keeps the schema it runs: server/src/openapi describes each route's input from it
 * (routes/docs.ts names the validator a handler calls), so the document changes with the schema.
 */
export type Validator<T> = ((input: unknown) => Promise<T>) & { readonly schema: yup.AnySchema; readonly source: 'body' | 'query' };

/** Bodies: exact types, no casting (strict), every error reported. */
export const validateBody = <T>(schema: yup.AnySchema): Validator<T> => {
  const run = validateYupSchema(schema, { strict: true, abortEarly: false });
  const validate = async (body: unknown): Promise<T> => {
    refuseHostileInput(body, 'body');
    return run(body ?? {}) as Promise<T>;
  };
  return Object.assign(validate, { schema, source: 'body' as const });
};

/** Query strings are text: cast numbers, apply defaults, still refuse unknown parameters. */
export const validateQuery = <T>(schema: yup.AnySchema): Validator<T> => {
  const run = validateYupSchema(schema, { strict: false, abortEarly: false, stripUnknown: false });
  const validate = async (query: unknown): Promise<T> => {
    refuseHostileInput(query, 'query');
    return run(query ?? {}) as Promise<T>;
  };
  return Object.assign(validate, { schema, source: 'query' as const });
};

/** For routes that take no query parameters at all. */
export const noQuery = validateQuery<Record<string, never>>(yup.object({}).noUnknown(true, 'unknown query parameter(s): ${unknown}'));

export const MAX_PAGE_SIZE = 100;

/**
 * A page number or size from a query string: plain digits only. yup's number() would take
 * `1e20` or `1.5e3` and hand the database an offset it cannot hold (knex turned 2.5e21 into 2,
 * page 1's rows); a value that is not a safe integer cannot be an exact position either.
 */
const wholeNumber = (field: string, min: number, max: number, fallback: number) =>
  yup
    .mixed<number>()
    .transform((value: unknown) => (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value))
    .test({
      name: 'whole-number',
      message: `${field} must be a whole number from ${min} to ${max}`,
      // Described by schema.describe(), so the OpenAPI document shows the bounds.
      params: { min, max },
      test: (value) => value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max),
    })
    .default(fallback);

/**
 * The last page number whose offset, (page - 1) × pageSize, is still an exact (safe) integer
 * for every page size: 90,071,992,547,410, far past any table, far below PostgreSQL's bigint.
 */
export const MAX_PAGE = Math.floor(Number.MAX_SAFE_INTEGER / MAX_PAGE_SIZE) + 1;

/**
 * Lists are paginated, never capped (docs/spec.md §9): a page past the end is an empty page with the
 * real totals; the services built on findPageBounded skip the row query for it altogether.
 */
export const paginationShape = {
  page: wholeNumber('page', 1, MAX_PAGE, 1),
  pageSize: wholeNumber('pageSize', 1, MAX_PAGE_SIZE, 25),
};

export const emptyBody = validateBody<Record<string, never>>(strictObject({}));
