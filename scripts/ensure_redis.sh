#!/usr/bin/env bash
# Makes sure Redis answers on 127.0.0.1:6379 so the RQ task backend is tested for real
# (eolc/core/tests/test_tasks_rq.py). As root, installs and starts Debian's redis-server when
# it is absent; otherwise says so, and those tests skip naming the reason.
set -euo pipefail
if command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "No Redis on 127.0.0.1:6379 and not root: the RQ task tests will skip" >&2
  exit 0
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the tests..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
fi
redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >&2
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && exit 0
  sleep 0.1
done
echo "redis-server did not answer on 127.0.0.1:6379" >&2
exit 1
