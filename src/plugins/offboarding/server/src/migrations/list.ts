import { refundLedgerFromEntitlements } from './refund-ledger-from-entitlements';
import { statusToLifecycleStatus } from './status-to-lifecycle-status';
import type { PluginMigration } from './types';

/**
 * The plugin's migrations, oldest first; they run in this order. Append only: a shipped
 * migration is never edited, renamed or removed. Every schema change that Strapi's sync would
 * get wrong ships with one here and extends tests/integration/upgrade.test.ts.
 */
export const MIGRATIONS: readonly PluginMigration[] = [statusToLifecycleStatus, refundLedgerFromEntitlements];

/** The schema version this code expects: the last migration's. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
