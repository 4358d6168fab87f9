import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { tableOf } from '../utils/links';

/**
 * Indexes a content type cannot declare (Strapi's `indexes` take columns only: no `WHERE`).
 * Created after every schema sync when missing (`IF NOT EXISTS`), so a fresh database, an
 * upgraded one and a table the sync rebuilt (SQLite rebuilds a table to alter a column) all
 * have them. Strapi's sync leaves alone the indexes it did not create.
 */
export const ensureIndexes = async (strapi: Core.Strapi) => {
  const client = strapi.db.config.connection.client;
  // MySQL/MariaDB have no partial index: the declared (state, kind, due_at) index serves there.
  if (client !== 'postgres' && client !== 'sqlite') return;
  const tasks = tableOf(strapi, UID.task);
  // The due query (store/task.ts `due`, `claim`) reads pending tasks only: done and cancelled
  // ones, which pile up, stay out of the index and out of the planner's estimate.
  await strapi.db.connection.raw(
    `CREATE INDEX IF NOT EXISTS offboarding_tasks_pending_due ON ?? (due_at, kind) WHERE state = 'pending'`,
    [tasks]
  );
};
