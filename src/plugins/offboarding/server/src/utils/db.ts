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

/** Rows that share one patch, so that one statement writes them all. */
export const groupByPatch = <T>(items: { id: number; patch: T }[]) => {
  const groups = new Map<string, { patch: T; ids: number[] }>();
  for (const { id, patch } of items) {
    const key = JSON.stringify(patch);
    const group = groups.get(key) ?? { patch, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
};
