/**
 * Boots the compiled app for a benchmark on the database chosen by DATABASE_CLIENT: a fresh
 * SQLite file of its own under .tmp/, or the PostgreSQL database named by DATABASE_NAME.
 */
const path = require('path');
const fs = require('fs');

const appDir = path.resolve(__dirname, '../..');

const bootBenchStrapi = async (sqliteFile) => {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') {
    const file = path.join(appDir, '.tmp', sqliteFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    process.env.DATABASE_FILENAME = file;
  }
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  return { strapi, client };
};

/** Runs a bench's `main` and exits with its outcome (Strapi's timers would keep the process up). */
const runBench = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );

module.exports = { bootBenchStrapi, runBench };
