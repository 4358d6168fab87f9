#!/usr/bin/env bash
# npm run bench: the benchmarks on SQLite, then on PostgreSQL when one answers on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Export: peak memory for 10k and 200k invoice rows, each in a process of its own.
export_bench() {
  local label=$1 small large
  small=$(node --expose-gc tests/bench/export-bench.js 10000 | tail -n 1)
  large=$(node --expose-gc tests/bench/export-bench.js 200000 | tail -n 1)
  node -e '
    const [label, a, b] = process.argv.slice(1); const s = JSON.parse(a), l = JSON.parse(b);
    const growth = Math.max(l.peakRssMb, l.baselineRssMb) - Math.max(s.peakRssMb, s.baselineRssMb);
    console.log(`[${label}] export: 10k invoices ${s.ms} ms (peak RSS ${s.peakRssMb} MB, heap +${s.peakHeapGrowthMb} MB, ZIP ${s.zipMb} MB); ` +
      `200k invoices ${l.ms} ms (peak RSS ${l.peakRssMb} MB, heap +${l.peakHeapGrowthMb} MB, ZIP ${l.zipMb} MB): peak memory grows ${growth.toFixed(1)} MB (target < 64 MB)`);
  ' "$label" "$small" "$large"
}

node tests/bench/bench.js
node tests/bench/queries.js
node tests/bench/month-end.js
export_bench sqlite
if node scripts/pg-database.js create offboarding_bench >/dev/null 2>&1; then
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/bench.js
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/queries.js
  DATABASE_CLIENT=postgres node tests/bench/month-end.js
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench export_bench postgres
  node scripts/pg-database.js drop offboarding_bench >/dev/null
else
  echo "[postgres] skipped: no PostgreSQL on 127.0.0.1:5432"
fi
