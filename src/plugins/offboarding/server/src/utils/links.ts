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

/**
 * One keyset page of the rows of `uid` that `attribute` links to the row `relatedId`, by id:
 * the next `limit` ids after `afterId` taken straight from the link table (one index range,
 * no join through the relation), then those rows by id with the same `select` / `populate`.
 * The same rows in the same order as
 * `findMany({ where: { [attribute]: { id: relatedId }, id: { $gt: afterId } }, orderBy: id, limit })`,
 * which joins the link and the related table and grows quadratic on PostgreSQL for a large
 * organization (issue 12). Like that query, it reads drafts and published rows alike.
 */
export const pageByLink = async <T extends { id: number }>(
  strapi: Core.Strapi,
  uid: string,
  attribute: string,
  relatedId: number,
  afterId: number,
  limit: number,
  query: { select?: string[]; populate?: Record<string, unknown> } = {}
): Promise<T[]> => {
  const link = linkTableOf(strapi, uid, attribute);
  const schema = strapi.db.getSchemaName();
  const idsAfter = (knex: Knex, after: number) => {
    const qb = knex(link.table);
    if (schema) qb.withSchema(schema);
    return qb
      .where(link.relatedColumn, relatedId)
      .where(link.ownColumn, '>', after)
      .orderBy(link.ownColumn, 'asc')
      .limit(limit)
      .pluck(link.ownColumn) as Promise<(number | string)[]>;
  };
  let after = afterId;
  for (;;) {
    // Inside the caller's transaction when there is one (SQLite has a single connection).
    const ids = (strapi.db.inTransaction()
      ? await strapi.db.transaction(({ trx }) => idsAfter(trx as Knex, after))
      : await idsAfter(strapi.db.connection, after)
    ).map(Number);
    if (!ids.length) return [];
    const rows = (await strapi.db.query(uid as ModelUid).findMany({
      ...query,
      where: { id: { $in: ids } },
      orderBy: [{ id: 'asc' }],
    })) as unknown as T[];
    if (rows.length) return rows;
    // Only links to rows that are gone: read on rather than end the paging early.
    after = ids[ids.length - 1];
  }
};
