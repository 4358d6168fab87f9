#!/usr/bin/env node
// Creates or drops a MySQL/MariaDB database for a test run: `node scripts/mysql-database.js create|drop NAME`
// (the counterpart of pg-database.js; same DATABASE_HOST/PORT/USERNAME/PASSWORD variables).
const mysql = require('mysql2/promise');

const [action, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !/^[a-z0-9_]+$/.test(name || '')) {
  console.error('usage: mysql-database.js create|drop <lower_snake_name>');
  process.exit(2);
}

(async () => {
  const connection = await mysql.createConnection({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 3306),
    user: process.env.DATABASE_USERNAME || 'root',
    password: process.env.DATABASE_PASSWORD || '',
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  if (action === 'create') await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  console.log(`${action === 'create' ? 'created' : 'dropped'} database ${name}`);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
