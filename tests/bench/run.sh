#!/usr/bin/env bash
# npm run bench: the benchmarks on SQLite, then on PostgreSQL when one answers on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."
node tests/bench/bench.js
if node scripts/pg-database.js create offboarding_bench >/dev/null 2>&1; then
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/bench.js
  node scripts/pg-database.js drop offboarding_bench >/dev/null
else
  echo "[postgres] skipped: no PostgreSQL on 127.0.0.1:5432"
fi
