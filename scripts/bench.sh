#!/usr/bin/env bash
# Runs the benchmarks and assembles docs/benchmarks.md.
# Each scripts/bench/<name>.py measures one area and writes docs/benchmarks/<name>.md
# (its figures plus the exact command that produced them). `BENCH=allocation make bench`
# runs one; the assembled page always holds the latest result of every area.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

pg_url="${TEST_POSTGRES_URL:-}"
if [[ -z "$pg_url" && "${DATABASE_URL:-}" == postgres* ]]; then
  pg_url="$DATABASE_URL"
fi
if [[ -z "$pg_url" ]]; then
  pg_url="$(bash scripts/ensure_postgres.sh)"
fi
export BENCH_POSTGRES_URL="$pg_url"
unset DATABASE_URL

names="${BENCH:-$(ls scripts/bench/*.py 2>/dev/null | xargs -n1 basename 2>/dev/null | sed 's/\.py$//')}"
for name in $names; do
  echo "=== Benchmark: $name"
  "$PY" "scripts/bench/$name.py"
done

{
  echo "# Benchmarks"
  echo
  echo "Produced by \`make bench\` (one area: \`BENCH=<name> make bench\`) on this project's CI machine kind:"
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB. Each section names the command that produced it"
  echo "and when. Targets come from the issues; a miss is reported as a miss."
  for f in docs/benchmarks/*.md; do
    [[ -e "$f" ]] || continue
    echo
    cat "$f"
  done
} > docs/benchmarks.md
echo "Wrote docs/benchmarks.md"
