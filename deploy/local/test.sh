#!/usr/bin/env bash
# Runs every test against real PostgreSQL and RabbitMQ (started by infra.sh, with fresh test databases and vhost)
# and ends with the line "tests: N passed, N failed[, N skipped]". Exits non-zero on any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
results="$root/.run/test-results"

summary() {
  local line="tests: $1 passed, $2 failed"
  [ "$3" -gt 0 ] && line="$line, $3 skipped"
  echo "$line"
}

# The first infra.sh call installs and starts PostgreSQL and RabbitMQ and builds the broker tool; the other environments
# are then provisioned side by side.
mkdir -p "$root/.run"
infra_failed() {
  echo "[test] infrastructure could not be started${1:+ (see $1)}" >&2
  [ -n "${1:-}" ] && tail -n 20 "$1" >&2
  summary 0 1 0
  exit 1
}
"$root/deploy/local/infra.sh" test --fresh || infra_failed
# The fault run's environment is on the local cluster (cluster.sh), rebuilt empty each time: the last run promoted its
# standby. It is stopped again once the fault run is done, so nothing of it is left running.
declare -A provisioning=()
for env in faults orders ui; do
  if [ "$env" = faults ]; then
    ( "$root/deploy/local/cluster.sh" start --fresh \
      && ZS_BROKER_SETUP_BUILT=1 exec "$root/deploy/local/infra.sh" faults --fresh --cluster ) >"$root/.run/infra-$env.log" 2>&1 &
  else
    ( ZS_BROKER_SETUP_BUILT=1 exec "$root/deploy/local/infra.sh" "$env" --fresh ) >"$root/.run/infra-$env.log" 2>&1 &
  fi
  provisioning[$env]=$!
done
for env in "${!provisioning[@]}"; do
  wait "${provisioning[$env]}" || infra_failed "$root/.run/infra-$env.log"
done

# The OpenAPI lint tests run the pinned Redocly CLI (tools/openapi-lint; Node.js >= 20.19 and npm) and the browser
# tests the console's packages (Playwright without its browsers: Debian's Chromium, installed by infra.sh); both are
# installed while the solution builds.
# The Kubernetes manifest tests render deploy/k8s with kubectl (Kustomize v5); without it they are reported skipped.
"$root/deploy/k8s/install-kubectl.sh" >"$root/.run/kubectl-install.log" 2>&1 \
  || echo "[test] kubectl could not be installed (.run/kubectl-install.log): the manifest tests will be skipped" >&2

echo "[test] building (Release), installing the OpenAPI linter and the console's packages beside it"
mkdir -p "$root/.run"
(npm ci --prefix "$root/tools/openapi-lint" --no-audit --no-fund --loglevel=error \
  && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$root/console" --no-audit --no-fund --loglevel=error) \
  >"$root/.run/npm-ci.log" 2>&1 &
npm_ci=$!
if ! dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly; then
  wait "$npm_ci"
  summary 0 1 0
  exit 1
fi
console_built=false
if ! wait "$npm_ci"; then
  echo "[test] npm ci failed (.run/npm-ci.log): the OpenAPI lint and browser tests will fail" >&2
elif (cd "$root/console" && npm run build) >"$root/.run/console-build.log" 2>&1; then
  console_built=true
else
  echo "[test] the console did not build (.run/console-build.log):" >&2
  tail -n 30 "$root/.run/console-build.log" >&2
fi

rm -rf "$results" "$root/.run/test-logs"
started=$(date +%s)
run_tests() { # project, filter
  # The console logger at minimal verbosity prints each failed test with its message (for the fault run, its summary).
  dotnet test "$root/tests/$1" -c Release --no-build --logger trx --logger "console;verbosity=minimal" \
    --results-directory "$results" -v q -nologo \
    --blame-hang-timeout 15m ${2:+--filter "$2"}
}
# A hung test must not eat CI's 90 minutes: a run is cut (and counted failed) after 15 minutes without progress.
# The integration tests start first. The browser tests run on a system of their own (console-test.sh: its ports,
# databases and vhost) and start once the ordering tests are done: on two cores, three test runs at once starve the
# messages the browser specs wait for.
status=0
run_tests Zhaoshang.IntegrationTests "FullyQualifiedName!~FaultInjectionTests" &
integration_run=$!
run_tests Zhaoshang.UnitTests || status=1
run_tests Zhaoshang.OrderingTests || status=1
console_status=1
if $console_built; then
  echo "[test] browser tests beside the integration tests (output in .run/console-test.log)"
  "$root/deploy/local/console-test.sh" >"$root/.run/console-test.log" 2>&1 &
  console_run=$!
fi
wait "$integration_run" || status=1
if $console_built; then
  wait "$console_run"
  console_status=$?
  tail -n 25 "$root/.run/console-test.log"
fi
# The fault-injection run kills broker nodes and the PostgreSQL primary of the cluster, and two instances of every
# service beside them load the machine's two cores, so it runs alone, last; then the cluster stops.
echo "[test] the short cluster fault run, alone (it kills broker nodes, service instances and the PostgreSQL primary)"
run_tests Zhaoshang.IntegrationTests "FullyQualifiedName~FaultInjectionTests" || status=1
"$root/deploy/local/cluster.sh" stop

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done
junit="$results/console-junit.xml"
if [ -e "$junit" ]; then
  suites=$(grep -o '<testsuites [^>]*>' "$junit" | head -n 1)
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suites"; }
  console_failed=$(( $(attr failures) + $(attr errors) ))
  console_skipped=$(attr skipped)
  passed=$((passed + $(attr tests) - console_failed - console_skipped))
  failed=$((failed + console_failed))
  skipped=$((skipped + console_skipped))
  echo "[test] browser tests: $(( $(attr tests) - console_failed - console_skipped )) passed, $console_failed failed"
fi
# A test host (or the browser run) that crashed before writing its results still fails the run.
if { [ "$status" -ne 0 ] || [ "$console_status" -ne 0 ]; } && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "[test] wall time $(( $(date +%s) - started )) s; service logs of the integration tests in .run/test-logs/"
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
