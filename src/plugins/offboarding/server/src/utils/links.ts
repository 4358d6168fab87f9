import type { Core } from '@strapi/strapi';

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
