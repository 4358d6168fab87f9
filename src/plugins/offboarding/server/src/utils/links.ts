import type { Core } from '@strapi/strapi';
import type { ModelUid } from '../constants';

type Knex = Core.Strapi['db']['connection'];

export interface LinkTable {
  table: string;
  /** column holding the id of the row of `uid` */
  ownColumn: string;
  /** column holding the id of the related row */
  relatedColumn: string;
}

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Where Strapi keeps a relation: the link table and its two columns. `uid` is any model's:
 * the plugin's own, or an app content type named in `ownedData`.
 */
export const linkTableOf = (strapi: Core.Strapi, uid: string, attribute: string): LinkTable => {
  const meta = strapi.db.metadata.get(uid);
  const joinTable = (meta.attributes[attribute] as { joinTable?: JoinTableMeta }).joinTable;
  if (!joinTable) throw new Error(`${uid}.${attribute} has no link table`);
  return { table: joinTable.name, ownColumn: joinTable.joinColumn.name, relatedColumn: joinTable.inverseJoinColumn.name };
};

export const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid).tableName;

/** A model's relation attributes kept in link tables (owning or mapped side), by name; morph relations aside. */
export const linkedAttributes = (strapi: Core.Strapi, uid: string): string[] =>
  Object.entries(strapi.db.metadata.get(uid).attributes as Record<string, { relation?: string; joinTable?: JoinTableMeta }>)
    .filter(([, attribute]) => Boolean(attribute.joinTable) && !(attribute.relation ?? '').startsWith('morph'))
    .map(([name]) => name);

/** How many pages of ids a pager reads from the link table at once. */
const READ_AHEAD_PAGES = 10;

/**
 * Keyset pages, by id, of the rows of `uid` that `attribute` links to the row `relatedId`:
 * each page's ids come straight from the link table (`where related = ? and own > ? order by
 * own limit ?`: no join through the relation), then those rows are read by id with the given
 * `select` / `populate`. The same rows in the same order as
 * `findMany({ where: { [attribute]: { id: relatedId }, id: { $gt: afterId } }, orderBy: id, limit })`,
 * which joins the link and the related table for every page and grew quadratic on PostgreSQL
 * for a large organization (issue 12). Like that query it reads drafts and published rows alike.
 * Ids are read ahead, READ_AHEAD_PAGES pages at a time (a few kB): a planner without statistics
 * yet (a freshly loaded link table) reads the organization's whole index range and sorts it for
 * each statement, so fewer statements keep the export close to linear.
 */
export const linkPager = <T extends { id: number }>(
  strapi: Core.Strapi,
  uid: string,
  attribute: string,
  relatedId: number,
  query: { select?: string[]; populate?: Record<string, unknown> } = {}
) => {
  const link = linkTableOf(strapi, uid, attribute);
  const schema = strapi.db.getSchemaName();
  const idsAfter = (knex: Knex, after: number, limit: number) => {
    const qb = knex(link.table);
    if (schema) qb.withSchema(schema);
    return qb
      .where(link.relatedColumn, relatedId)
      .where(link.ownColumn, '>', after)
      .orderBy(link.ownColumn, 'asc')
      .limit(limit)
      .pluck(link.ownColumn) as Promise<(number | string)[]>;
  };
  // Every linked id in (from, to], ascending; `to` is Infinity once the link table had no more.
  let ahead = { from: 0, to: -1, ids: [] as number[] };
  const read = async (after: number, limit: number) => {
    // Inside the caller's transaction when there is one (SQLite has a single connection).
    const ids = (strapi.db.inTransaction()
      ? await strapi.db.transaction(({ trx }) => idsAfter(trx as Knex, after, limit))
      : await idsAfter(strapi.db.connection, after, limit)
    ).map(Number);
    ahead = { from: after, to: ids.length < limit ? Infinity : ids[ids.length - 1], ids };
  };
  const nextIds = async (after: number, limit: number) => {
    const covered = () => after >= ahead.from && after < ahead.to;
    const slice = () => ahead.ids.filter((id) => id > after).slice(0, limit);
    if (covered()) {
      const ids = slice();
      if (ids.length === limit || ahead.to === Infinity) return ids;
    }
    await read(after, limit * READ_AHEAD_PAGES);
    return slice();
  };
  return async (afterId: number, limit: number): Promise<T[]> => {
    let after = afterId;
    for (;;) {
      const ids = await nextIds(after, limit);
      if (!ids.length) return [];
      // The id range beside the list: without statistics yet PostgreSQL answers a bare
      // `id in (…)` with a scan of the whole table; a range walks the primary key, and the
      // pages' ranges never overlap, so a pass reads the table at most once.
      const rows = (await strapi.db.query(uid as ModelUid).findMany({
        ...query,
        where: { $and: [{ id: { $gte: ids[0] } }, { id: { $lte: ids[ids.length - 1] } }, { id: { $in: ids } }] },
        orderBy: [{ id: 'asc' }],
      })) as unknown as T[];
      if (rows.length) return rows;
      // Only links to rows that are gone: read on rather than end the paging early.
      after = ids[ids.length - 1];
    }
  };
};
