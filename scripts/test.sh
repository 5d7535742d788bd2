#!/usr/bin/env bash
# Runs the whole suite twice: on the embedded SQLite and on a real PostgreSQL.
# PostgreSQL comes from DATABASE_URL, else a server on 127.0.0.1:5432, else (as root)
# a throw-away cluster from Debian's packages. It is never skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

bash scripts/ensure_chromium.sh
bash scripts/ensure_redis.sh

pg_url="${TEST_POSTGRES_URL:-}"
if [[ -z "$pg_url" && "${DATABASE_URL:-}" == postgres* ]]; then
  pg_url="$DATABASE_URL"
fi
if [[ -z "$pg_url" ]]; then
  pg_url="$(bash scripts/ensure_postgres.sh)"
fi
unset DATABASE_URL

status=0
echo "=== Test suite on SQLite"
"$PY" -m pytest -q || status=$?
echo "=== Test suite on PostgreSQL"
DATABASE_URL="$pg_url" "$PY" -m pytest -q || status=$?
exit "$status"
