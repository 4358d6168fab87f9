import { errors, validateYupSchema, yup } from '@strapi/utils';

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

/** The first path holding a string with a NUL byte: no database stores one (PostgreSQL refuses it). */
const nulBytePath = (value: unknown, path: string[] = []): string[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const found = nulBytePath(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
};

const refuseNulBytes = (input: unknown) => {
  const path = nulBytePath(input);
  if (path) {
    const field = path.join('.') || 'body';
    throw new errors.ValidationError(`${field} must not contain NUL characters`, {
      errors: [{ path, message: `${field} must not contain NUL characters`, name: 'ValidationError' }],
    });
  }
};

/** Bodies: exact types, no casting (strict), every error reported. */
export const validateBody = <T>(schema: yup.AnySchema) => {
  const run = validateYupSchema(schema, { strict: true, abortEarly: false });
  return async (body: unknown): Promise<T> => {
    refuseNulBytes(body);
    return run(body ?? {}) as Promise<T>;
  };
};

/** Query strings are text: cast numbers, apply defaults, still refuse unknown parameters. */
export const validateQuery = <T>(schema: yup.AnySchema) => {
  const run = validateYupSchema(schema, { strict: false, abortEarly: false, stripUnknown: false });
  return async (query: unknown): Promise<T> => {
    refuseNulBytes(query);
    return run(query ?? {}) as Promise<T>;
  };
};

/** For routes that take no query parameters at all. */
export const noQuery = validateQuery<Record<string, never>>(yup.object({}).noUnknown(true, 'unknown query parameter(s): ${unknown}'));

export const paginationShape = {
  page: yup.number().integer().min(1).default(1),
  pageSize: yup.number().integer().min(1).max(100).default(25),
};

export const emptyBody = validateBody<Record<string, never>>(strictObject({}));
