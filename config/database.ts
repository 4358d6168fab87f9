import path from 'path';
import { inspect } from 'util';

/**
 * SQLite (better-sqlite3) is the embedded default; PostgreSQL and MySQL are chosen by
 * DATABASE_CLIENT. Nothing here needs a .env file.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  const connections = {
    mysql: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'root'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
      },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 0),
        max: env.int('DATABASE_POOL_MAX', 10),
        // READ COMMITTED, PostgreSQL's default. The plugin locks an organization and then reads
        // what hangs off it (docs/architecture.md, "Service"): under InnoDB's REPEATABLE READ the
        // reads after the lock see the snapshot of the transaction's first plain read, which can
        // predate the lock (the owner lookup inside `lockOwnerOf`), so two simultaneous
        // cancellations both saw the entitlement active.
        afterCreate: (conn: { query: (sql: string, cb: (error: Error | null) => void) => void }, done: (error: Error | null, conn: unknown) => void) => {
          conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', (error) => done(error, conn));
        },
      },
      // knex logs "Transaction was implicitly committed, do not mix transactions and DDL with
      // MySQL (#805)" when a ROLLBACK TO / RELEASE SAVEPOINT finds its savepoint gone (errno
      // 1305). Strapi's own internal migration 5.0.0-01-convert-identifiers-long-than-max-length
      // renames each index in a nested transaction (a savepoint) and ignores the error on
      // purpose; on MySQL the ALTER TABLE commits implicitly, even when it fails on a fresh
      // database that has no such index, so every new database logged it about 60 times. It is
      // harmless there and none of the plugin's statements cause it; only that one message is
      // dropped, every other warning is printed as knex prints it by default.
      log: {
        warn: (message: unknown) => {
          if (typeof message === 'string' && message.includes('do not mix transactions and DDL with MySQL (#805)')) return;
          console.log(typeof message === 'string' ? message : inspect(message, { depth: 5 }));
        },
      },
    },
    postgres: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
