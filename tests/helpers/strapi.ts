import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
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

interface Instance {
  strapi: Core.Strapi;
  /** Stops Strapi and drops its database. */
  cleanup: () => Promise<void>;
  /** Stops Strapi and keeps its database, for `startStrapi(name, { reuse: true })`. */
  stop: () => Promise<void>;
}

/**
 * Boots a real Strapi for one test file on a database of its own: a fresh SQLite file,
 * or a fresh PostgreSQL schema when DATABASE_CLIENT=postgres. With `reuse`, the database a
 * previous instance of the same name left (stopped with `stop`, not `cleanup`) is booted again,
 * as an upgraded app would be.
 */
export const startStrapi = async (name: string, { reuse = false }: { reuse?: boolean } = {}): Promise<Instance> => {
  const tag = `${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`;
  let dropDatabase = async () => {};
  if (client() === 'sqlite') {
    const file = path.join(appDir, '.tmp', `test-${tag}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    process.env.DATABASE_FILENAME = file;
    dropDatabase = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    };
  } else if (client() === 'postgres') {
    const schema = `t_${tag}`;
    if (!reuse) await withPg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
    process.env.DATABASE_SCHEMA = schema;
    dropDatabase = () => withPg(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  const strapi = await createStrapi({ appDir, distDir }).load();
  strapi.server.mount();
  return {
    strapi,
    cleanup: async () => {
      await strapi.destroy();
      await dropDatabase();
    },
    stop: async () => {
      await strapi.destroy();
    },
  };
};
