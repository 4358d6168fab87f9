import path from 'path';

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
