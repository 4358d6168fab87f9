import type { Core } from '@strapi/strapi';
import type { ModelUid } from '../constants';

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

/** Where Strapi keeps a relation: the link table and its two columns. */
export const linkTableOf = (strapi: Core.Strapi, uid: ModelUid, attribute: string): LinkTable => {
  const meta = strapi.db.metadata.get(uid);
  const joinTable = (meta.attributes[attribute] as { joinTable?: JoinTableMeta }).joinTable;
  if (!joinTable) throw new Error(`${uid}.${attribute} has no link table`);
  return { table: joinTable.name, ownColumn: joinTable.joinColumn.name, relatedColumn: joinTable.inverseJoinColumn.name };
};

export const tableOf = (strapi: Core.Strapi, uid: ModelUid) => strapi.db.metadata.get(uid).tableName;
