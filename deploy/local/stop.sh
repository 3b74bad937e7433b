#!/usr/bin/env bash
# Stops what run.sh started (the gateway, the services, the OpenID Connect provider and the Aspire Dashboard): SIGTERM
# to all of them at once (each finishes or returns the messages it holds and exits within its 8 s shutdown timeout),
# then SIGKILL for any still running 30 s later (as Kubernetes; a busy host can stretch the 8 s).
#   stop.sh [--env dev|ui]   the environment run.sh was given (ui: with the same ZS_TEST_SLOT)
# PostgreSQL and RabbitMQ stay up.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 [--env dev|ui]" >&2; exit 2; }
env_name=dev
if [ $# -gt 0 ]; then
  [ "$1" = --env ] && [ $# -eq 2 ] || usage
  env_name=$2
fi
slot=${ZS_TEST_SLOT:-0}
[ "$slot" = 0 ] && slot=""
case "$env_name" in
  dev) pids_dir="$root/.run/pids" ;;
  ui) pids_dir="$root/.run/ui$slot/pids" ;;
  *) usage ;;
esac
[ -d "$pids_dir" ] || exit 0

# run.sh's supervisors start a service again when it exits, unless the stop is marked.
touch "$pids_dir/stopping"
declare -A pids=()
for pid_file in "$pids_dir"/*.pid; do
  [ -e "$pid_file" ] || continue
  name=$(basename "$pid_file" .pid)
  pid=$(cat "$pid_file")
  rm -f "$pid_file"
  if kill -TERM "$pid" 2>/dev/null; then
    pids[$name]=$pid
  fi
done
[ ${#pids[@]} -gt 0 ] || exit 0

started=$(date +%s%N)
elapsed_ms() { echo $(( ($(date +%s%N) - started) / 1000000 )); }
# Not "kill -0": a service that exited stays a zombie until run.sh (its parent, running this from its trap) reaps it.
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]; }
while [ ${#pids[@]} -gt 0 ] && [ "$(elapsed_ms)" -lt 30000 ]; do
  for name in "${!pids[@]}"; do
    if ! alive "${pids[$name]}"; then
      echo "[stop] stopped $name in $(elapsed_ms) ms"
      unset "pids[$name]"
    fi
  done
  sleep 0.1
done
for name in "${!pids[@]}"; do
  kill -KILL "${pids[$name]}" 2>/dev/null || true
  echo "[stop] $name did not stop within 30 s after SIGTERM; killed" >&2
done
