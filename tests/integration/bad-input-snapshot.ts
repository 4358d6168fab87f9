import type { Core, UID as StrapiUID } from '@strapi/strapi';

/** The tables a refused request must leave alone; every one of them must exist. */
export const WATCHED_TABLES = [
  'plugin::offboarding.organization',
  'plugin::offboarding.entitlement',
  'plugin::offboarding.audit-event',
  'plugin::offboarding.cancellation-policy',
  'plugin::offboarding.cancellation-reason',
  'plugin::offboarding.collaborator',
] as const;

/** Written by the sweeps' timers, not by requests: a lease row may change at any moment. */
const BACKGROUND_TABLES = ['plugin::offboarding.lease'];

export interface TableDump {
  count: number;
  rows: unknown[];
}

/**
 * Every row of every content type of the plugin (the six named ones plus any other it
 * declares, but the sweeps' leases), relations as ids, as JSON: dates become strings, so
 * updatedAt is compared too.
 */
export const snapshotPluginTables = async (strapi: Core.Strapi): Promise<Record<string, TableDump>> => {
  const uids = Object.keys(strapi.contentTypes).filter(
    (uid) => uid.startsWith('plugin::offboarding.') && !BACKGROUND_TABLES.includes(uid)
  );
  for (const uid of WATCHED_TABLES) {
    if (!uids.includes(uid)) throw new Error(`content type ${uid} is not registered: the snapshot would not watch it`);
  }
  // One query per table, side by side: PostgreSQL answers them on separate connections.
  const dumps = await Promise.all(
    uids.sort().map(async (uid): Promise<[string, TableDump]> => {
      const model = strapi.getModel(uid as StrapiUID.Schema);
      const populate: Record<string, { select: string[] }> = {};
      for (const [name, attribute] of Object.entries(model.attributes)) {
        if (attribute.type === 'relation') populate[name] = { select: ['id'] };
      }
      const rows = (await strapi.db.query(uid as StrapiUID.Schema).findMany({ orderBy: [{ id: 'asc' }], populate })) as unknown[];
      return [uid, { count: rows.length, rows: JSON.parse(JSON.stringify(rows)) as unknown[] }];
    })
  );
  return Object.fromEntries(dumps);
};
