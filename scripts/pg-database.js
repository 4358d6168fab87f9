#!/usr/bin/env node
// Creates or drops a PostgreSQL database for a test run: `node scripts/pg-database.js create|drop NAME`.
const { Client } = require('pg');

const [action, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !/^[a-z0-9_]+$/.test(name || '')) {
  console.error('usage: pg-database.js create|drop <lower_snake_name>');
  process.exit(2);
}

(async () => {
  const pg = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: process.env.PG_MAINTENANCE_DB || 'postgres',
  });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (action === 'create') await pg.query(`CREATE DATABASE "${name}"`);
  await pg.end();
  console.log(`${action === 'create' ? 'created' : 'dropped'} database ${name}`);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
