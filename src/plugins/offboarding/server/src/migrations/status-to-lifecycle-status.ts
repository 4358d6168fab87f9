import type { PluginMigration } from './types';

/** The tables whose `status` column became `lifecycle_status` (0.2.0). */
const TABLES = ['offboarding_entitlements', 'offboarding_organizations'];

/**
 * 0.2.0 renamed the entitlement's and the organization's `status` attribute to
 * `lifecycleStatus`: Strapi treats an attribute named `status` as the draft & publish state, so
 * the Content Manager showed "Published" for every row. Strapi's schema sync would drop the old
 * column and add an empty new one; before the sync this adds `lifecycle_status` and copies the
 * values over, so no database loses its statuses. A fresh database has no table yet, and a
 * synced one no `status` column: nothing to do.
 */
export const statusToLifecycleStatus: PluginMigration = {
  name: 'offboarding::0.2.0-status-to-lifecycle-status',
  version: '0.2.0',
  async beforeSync({ db, trx }) {
    // A schema builder collects every call made on it: a new one for each question.
    const schema = () => db.getSchemaConnection(trx);
    for (const table of TABLES) {
      if (!(await schema().hasTable(table))) continue;
      if (!(await schema().hasColumn(table, 'status'))) continue;
      if (!(await schema().hasColumn(table, 'lifecycle_status'))) {
        await schema().alterTable(table, (t) => {
          t.string('lifecycle_status');
        });
      }
      // `??` quotes identifiers, and a dotted one as schema.table (PostgreSQL's schema, if any).
      const qualified = db.getSchemaName() ? `${db.getSchemaName()}.${table}` : table;
      await trx.raw('UPDATE ?? SET ?? = ??', [qualified, 'lifecycle_status', 'status']);
    }
  },
};
