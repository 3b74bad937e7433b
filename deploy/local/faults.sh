#!/usr/bin/env bash
# The fault-injection run (README "Resilience"): fresh zs_*_faults databases and vhost, a Release build, then the
# four services on ports 5401–5404 driven through the whole flow while services are killed, RabbitMQ and
# PostgreSQL restarted, and duplicate and malformed messages injected. Options: --projects N (500),
# --concurrency C (40), --broker-outage S (30), --seed N, --short (the test command's version).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/infra.sh" faults --fresh
echo "[faults] building (Release)"
dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly
exec dotnet "$root/tools/Zhaoshang.FaultInjection/bin/Release/net10.0/Zhaoshang.FaultInjection.dll" --root "$root" "$@"
