#!/usr/bin/env bash
# npm run bench: the benchmarks on SQLite, then on PostgreSQL when one answers on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Export: time and peak memory for 10k, 50k and 200k invoice rows, each in a process of its own.
# Time should grow linearly: time(50k) / time(10k) <= 6 (issue 12); peak memory should not grow.
export_bench() {
  local label=$1 small medium large
  small=$(node --expose-gc tests/bench/export-bench.js 10000 | tail -n 1)
  medium=$(node --expose-gc tests/bench/export-bench.js 50000 | tail -n 1)
  large=$(node --expose-gc tests/bench/export-bench.js 200000 | tail -n 1)
  node -e '
    const [label, a, b, c] = process.argv.slice(1); const s = JSON.parse(a), m = JSON.parse(b), l = JSON.parse(c);
    const growth = Math.max(l.peakRssMb, l.baselineRssMb) - Math.max(s.peakRssMb, s.baselineRssMb);
    const line = (n, r) => `${n} invoices ${r.ms} ms (peak RSS ${r.peakRssMb} MB, heap +${r.peakHeapGrowthMb} MB, ZIP ${r.zipMb} MB)`;
    console.log(`[${label}] export: ${line("10k", s)}; ${line("50k", m)}; ${line("200k", l)}: ` +
      `time(50k) / time(10k) = ${(m.ms / s.ms).toFixed(2)} (target <= 6), time(200k) / time(10k) = ${(l.ms / s.ms).toFixed(2)}; ` +
      `peak memory grows ${growth.toFixed(1)} MB from 10k to 200k (target < 64 MB)`);
  ' "$label" "$small" "$medium" "$large"
}

node tests/bench/bench.js
node tests/bench/queries.js
node tests/bench/month-end.js
node tests/bench/admin-lists.js
node tests/bench/policy-edit.js
export_bench sqlite
if node scripts/pg-database.js create offboarding_bench >/dev/null 2>&1; then
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/bench.js
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/queries.js
  DATABASE_CLIENT=postgres node tests/bench/month-end.js
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench node tests/bench/policy-edit.js
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench export_bench postgres
  node scripts/pg-database.js drop offboarding_bench >/dev/null
  # The admin lists on a database of their own (the others leave 100k entitlements behind).
  node scripts/pg-database.js create offboarding_bench_lists >/dev/null
  DATABASE_CLIENT=postgres DATABASE_NAME=offboarding_bench_lists node tests/bench/admin-lists.js
  node scripts/pg-database.js drop offboarding_bench_lists >/dev/null
else
  echo "[postgres] skipped: no PostgreSQL on 127.0.0.1:5432"
fi
