#!/usr/bin/env bash
# Prints a DATABASE_URL for a PostgreSQL server the tests may use.
# 1. a server already answering on 127.0.0.1:5432 (trust or PG* environment);
# 2. otherwise, as root, Debian's postgresql in a throw-away cluster under var/pg.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "postgres://${PGUSER:-postgres}${PGPASSWORD:+:$PGPASSWORD}@127.0.0.1:5432/eolc"
  exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "No PostgreSQL on 127.0.0.1:5432 and not root: set TEST_POSTGRES_URL" >&2
  exit 1
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" ]]; then
  echo "Installing Debian's postgresql for the tests..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
data="$PWD/var/pg"
port=54329
if ! "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  rm -rf "$data"
  mkdir -p "$data"
  chown postgres "$data"
  su postgres -c "$bindir/initdb -q -A trust -U postgres -D '$data'" >&2
  su postgres -c "$bindir/pg_ctl -s -D '$data' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l '$data/log' start -w" >&2
fi
echo "postgres://postgres@127.0.0.1:$port/eolc"
