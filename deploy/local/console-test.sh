#!/usr/bin/env bash
# The console's browser tests (Playwright driving Debian's Chromium headless) against a whole system of its own:
# run.sh --env ui (databases and vhost zs_*_ui[<slot>], the gateway at 127.0.0.1:5600 + 10 * ZS_TEST_SLOT, demo
# users and demo data), started here and stopped afterwards. Expects the solution built (Release) and the console built
# (npm ci and npm run build in console/), as test.sh does first. JUnit results: .run/test-results/console-junit.xml.
#   console-test.sh          the staff journeys (specs tagged @journey: sign-in as each demo user, a district officer's
#                            enterprise → intent → follow-up → project signed into a park, another district refused by
#                            address, finance's verification moving the 驾驶舱, a bad USCC under its field, 1366×768,
#                            an expired session, the 驾驶舱's load time): test.sh's short version, about 3 minutes
#   console-test.sh --all    every spec of every page (about 12 minutes on 2 cores)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
filter=(--grep @journey)
[ "${1:-}" = --all ] && filter=()
slot=${ZS_TEST_SLOT:-0}
base=$((5600 + 10 * slot))
results="$root/.run/test-results"
mkdir -p "$results"

if ! "$root/deploy/local/run.sh" --detach --env ui --ports "$base" --no-build >"$root/.run/console-system.log" 2>&1; then
  echo "[console-test] the system did not start; see .run/console-system.log" >&2
  tail -n 30 "$root/.run/console-system.log" >&2
  exit 1
fi
(cd "$root/console" && ZS_CONSOLE_URL="http://127.0.0.1:$base" ZS_CONSOLE_JUNIT="$results/console-junit.xml" \
  npx --no-install playwright test "${filter[@]}")
status=$?
"$root/deploy/local/stop.sh" --env ui >/dev/null
exit $status
