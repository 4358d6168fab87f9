import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';

const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

const client = () => process.env.DATABASE_CLIENT ?? 'sqlite';

const pgConnection = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  database: process.env.DATABASE_NAME ?? 'strapi',
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
});

const withPg = async (sql: string) => {
  const pg = new Client(pgConnection());
  await pg.connect();
  try {
    await pg.query(sql);
  } finally {
    await pg.end();
  }
};

const mysqlConnection = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 3306),
  user: process.env.DATABASE_USERNAME ?? 'root',
  password: process.env.DATABASE_PASSWORD ?? '',
  multipleStatements: true,
});

/** Runs SQL on the MySQL/MariaDB server itself (no database selected): create or drop one. */
const withMysql = async (sql: string) => {
  const mysql = await createConnection(mysqlConnection());
  try {
    await mysql.query(sql);
  } finally {
    await mysql.end();
  }
};

/**
 * A database of its own for one test file, on the client DATABASE_CLIENT names: a fresh SQLite
 * file, a fresh PostgreSQL schema or a fresh MySQL/MariaDB database (created here). Answers the
 * environment that points an app at it and `drop`, which deletes it. With `reuse`, what a
 * previous run of the same name left is kept.
 */
export const provisionDatabase = async (
  name: string,
  { reuse = false }: { reuse?: boolean } = {}
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> => {
  const tag = `${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`;
  if (client() === 'postgres') {
    const schema = `t_${tag}`;
    if (!reuse) await withPg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
    return { env: { DATABASE_SCHEMA: schema }, drop: () => withPg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
  }
  if (client() === 'mysql') {
    // MySQL has no schemas inside a database: each file gets a database of its own. The name is
    // set in the environment so that child processes (the multi-instance workers) share it.
    const database = `t_${tag}`.slice(0, 64);
    if (!reuse) await withMysql(`DROP DATABASE IF EXISTS \`${database}\`; CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return { env: { DATABASE_NAME: database }, drop: () => withMysql(`DROP DATABASE IF EXISTS \`${database}\``) };
  }
  const file = path.join(appDir, '.tmp', `test-${tag}.db`);
  const remove = async () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!reuse) await remove();
  return { env: { DATABASE_FILENAME: file }, drop: remove };
};

/** How the harness reaches the PostgreSQL or MySQL server (DATABASE_HOST, _PORT, _USERNAME, _PASSWORD). */
export const serverConnection = () => (client() === 'mysql' ? mysqlConnection() : pgConnection());

/** The partial indexes the plugin builds on PostgreSQL after its start (server/src/migrations/indexes.ts). */
const PG_INDEXES = ['offboarding_tasks_pending_due', 'offboarding_orgs_open_by_name', 'offboarding_orgs_archived_by_name', 'offboarding_orgs_open_status_by_name'];

/**
 * PostgreSQL: waits for the index build the plugin started in the background at boot (CREATE
 * INDEX CONCURRENTLY, which waits for older transactions, so it can run long under load). Tests
 * that count the statements a request sends, or drop and remake the counters' triggers, would
 * otherwise race with it (its statements go through the same knex). Its indexes made, the build
 * still holds its session advisory lock until its last statement (the trigram indexes too):
 * taking that lock once waits for the end. An index that never appears fails the boot.
 */
const backgroundIndexBuild = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { rows } = (await knex.raw(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relnamespace = current_schema()::regnamespace AND i.indisvalid AND c.relname = ANY(?)`,
      [PG_INDEXES]
    )) as { rows: { name: string }[] };
    if (rows.length === PG_INDEXES.length) break;
    if (Date.now() > deadline) {
      const made = rows.map((row) => row.name);
      throw new Error(`the plugin's background index build did not make ${PG_INDEXES.filter((name) => !made.includes(name)).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await knex.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('offboarding_indexes:' || current_schema()))`);
  });
};

interface Instance {
  strapi: Core.Strapi;
  /** Stops Strapi and drops its database. */
  cleanup: () => Promise<void>;
  /** Stops Strapi and keeps its database, for `startStrapi(name, { reuse: true })`. */
  stop: () => Promise<void>;
}

/**
 * Boots a real Strapi for one test file on a database of its own: a fresh SQLite file,
 * a fresh PostgreSQL schema when DATABASE_CLIENT=postgres, or a fresh MySQL/MariaDB database
 * (created here, dropped by `cleanup`) when DATABASE_CLIENT=mysql. With `reuse`, the database a
 * previous instance of the same name left (stopped with `stop`, not `cleanup`) is booted again,
 * as an upgraded app would be.
 */
export const startStrapi = async (
  name: string,
  { reuse = false, app = appDir }: { reuse?: boolean; /** Another build of the app to boot (the upgrade test's old release). */ app?: string } = {}
): Promise<Instance> => {
  const { env, drop } = await provisionDatabase(name, { reuse });
  Object.assign(process.env, env);
  const strapi = await createStrapi({ appDir: app, distDir: app === appDir ? distDir : path.join(app, 'dist') }).load();
  strapi.server.mount();
  if (client() === 'postgres' && app === appDir) {
    await backgroundIndexBuild(strapi).catch(async (error: unknown) => {
      await strapi.destroy();
      await drop();
      throw error;
    });
  }
  return {
    strapi,
    cleanup: async () => {
      await strapi.destroy();
      await drop();
    },
    stop: async () => {
      await strapi.destroy();
    },
  };
};
