#!/usr/bin/env bash
# Stops the services that run.sh started (SIGTERM, then SIGKILL after 10 s). PostgreSQL and RabbitMQ stay up.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pids_dir="$root/.run/pids"
[ -d "$pids_dir" ] || exit 0
for pid_file in "$pids_dir"/*.pid; do
  [ -e "$pid_file" ] || continue
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    echo "[stop] stopped $(basename "$pid_file" .pid)"
  fi
  rm -f "$pid_file"
done
