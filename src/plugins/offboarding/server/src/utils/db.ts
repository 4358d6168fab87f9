import type { Core } from '@strapi/strapi';
import type { ModelUid } from '../constants';
import { fromStored } from './stored-status';

export type Row = Record<string, unknown> & { id: number; documentId: string };

/** SQLite serializes writers and has no row locks; PostgreSQL and MySQL take `SELECT … FOR UPDATE`. */
export const supportsRowLocks = (strapi: Core.Strapi) => strapi.db.config.connection.client !== 'sqlite';

/**
 * Reads a row and, inside a transaction, locks it so a concurrent writer waits and then
 * sees the new state. Returns attribute-named fields (no relations).
 */
export const selectForUpdate = async <T extends Row>(
  strapi: Core.Strapi,
  uid: ModelUid,
  where: Record<string, unknown>
): Promise<T | null> => {
  const qb = strapi.db.queryBuilder(uid).where(where).first();
  if (supportsRowLocks(strapi) && strapi.db.inTransaction()) qb.forUpdate();
  const row = (await qb.execute()) as T | undefined;
  return row ?? null;
};

/** Columns Strapi adds to every row that mean nothing for types without draft & publish or i18n. */
const INTERNAL_KEYS = new Set(['id', 'publishedAt', 'locale']);

/** API shape of a row: ISO dates, no internal numeric id, the stored `lifecycleStatus` as `status`. */
export const toApi = <T>(row: Record<string, unknown>): T => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fromStored(row))) {
    if (INTERNAL_KEYS.has(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as T;
};

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** A statement's parameters stay under SQLite's 32,766 (PostgreSQL takes 65,535). */
const MAX_PARAMETERS = 30_000;

/** A value as its column takes it, as Strapi's own fields convert it (datetimes as Date, JSON as text). */
const toColumnValue = (type: string, value: unknown) => {
  if (value === null) return null;
  if ((type === 'datetime' || type === 'timestamp') && !(value instanceof Date)) return new Date(value as string | number);
  if (type === 'json' && typeof value === 'object') return JSON.stringify(value);
  return value;
};

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Writes each row's own fields (attribute names) and stamps `updatedAt`, one UPDATE per chunk of
 * rows whatever their values: a column the chunk's rows all set alike takes one value, any other
 * `CASE id WHEN … THEN … ELSE column END`. `ELSE column` keeps a row whose fields do not name the
 * column as it was, and gives PostgreSQL the column's type for every parameter of the CASE (no
 * casts); SQLite and MySQL take the same statement. Inside the caller's transaction.
 */
export const updateEach = async (strapi: Core.Strapi, uid: ModelUid, items: { id: number; data: Record<string, unknown> }[], updatedAt: Date) => {
  if (!items.length) return;
  const meta = strapi.db.metadata.get(uid);
  const attributeOf = (name: string) => {
    const attribute = meta.attributes[name] as { type: string; columnName?: string } | undefined;
    if (!attribute) throw new Error(`${uid} has no attribute ${name}`);
    return { type: attribute.type, column: attribute.columnName ?? name };
  };
  const id = attributeOf('id').column;
  const names = [...new Set(items.flatMap(({ data }) => Object.keys(data).filter((name) => data[name] !== undefined && name !== 'updatedAt')))];
  // Each column costs two parameters a row at the most (WHEN id THEN value), the id list one.
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (2 * names.length + 1)));
  await strapi.db.transaction(async ({ trx }) => {
    for (let start = 0; start < items.length; start += rowsPerStatement) {
      const chunk = items.slice(start, start + rowsPerStatement);
      const set: Record<string, unknown> = { [attributeOf('updatedAt').column]: updatedAt };
      for (const name of names) {
        const { type, column } = attributeOf(name);
        const rows = chunk.filter(({ data }) => data[name] !== undefined).map(({ id: rowId, data }) => ({ id: rowId, value: toColumnValue(type, data[name]) }));
        if (!rows.length) continue;
        if (rows.length === chunk.length && rows.every(({ value }) => sameValue(value, rows[0].value))) {
          set[column] = rows[0].value;
          continue;
        }
        const whens = rows.map(() => 'WHEN ? THEN ?').join(' ');
        set[column] = trx.raw(`CASE ?? ${whens} ELSE ?? END`, [id, ...rows.flatMap((row) => [row.id, row.value]), column]);
      }
      await trx(meta.tableName).whereIn(id, chunk.map((row) => row.id)).update(set);
    }
  });
};
