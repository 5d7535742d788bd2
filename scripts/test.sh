#!/usr/bin/env bash
# Runs the whole suite twice, at the same time: on the embedded SQLite and on a real PostgreSQL.
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

# The two runs share nothing (SQLite in memory, a test database on PostgreSQL, their own Redis
# database and temporary directories), so they run side by side: on two cores that halves the wait.
# Set TEST_SERIAL=1 to run them one after the other.
logs="$(mktemp -d)"
run() {  # run NAME [VAR=value ...]: the suite with those variables, its output kept in $logs/NAME.log
  local name="$1"
  shift
  env MEDIA_ROOT="$logs/$name-media" EMAIL_FILE_PATH="$logs/$name-mail" "$@" \
    "$PY" -m pytest -q >"$logs/$name.log" 2>&1
}
status=0
if [[ "${TEST_SERIAL:-}" == 1 ]]; then
  run sqlite TEST_REDIS_URL=redis://127.0.0.1:6379/13 || status=$?
  run postgresql TEST_REDIS_URL=redis://127.0.0.1:6379/14 DATABASE_URL="$pg_url" || status=$?
else
  run sqlite TEST_REDIS_URL=redis://127.0.0.1:6379/13 &
  sqlite_pid=$!
  run postgresql TEST_REDIS_URL=redis://127.0.0.1:6379/14 DATABASE_URL="$pg_url" || status=$?
  wait "$sqlite_pid" || status=$?
fi
echo "=== Test suite on SQLite"
cat "$logs/sqlite.log"
echo "=== Test suite on PostgreSQL"
cat "$logs/postgresql.log"
rm -rf "$logs"
exit "$status"
