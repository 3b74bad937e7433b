#!/usr/bin/env bash
# The fault-injection run (README "Resilience"): fresh zs_*_faults databases and vhost, a Release build, then two
# instances of each of the four services (ports 5401–5408) driven through the whole flow while instances are killed,
# RabbitMQ and PostgreSQL restarted, duplicate and malformed messages injected, one service started late, an unknown
# outbox row left in the way and the approval system's queue left unconsumed. Options: --projects N (500),
# --concurrency C (40), --broker-outage S (30), --seed N, --instances N (2), --late SERVICE (Approval),
# --short (the test command's version).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/infra.sh" faults --fresh
echo "[faults] building (Release)"
dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly
exec dotnet "$root/tools/Zhaoshang.FaultInjection/bin/Release/net10.0/Zhaoshang.FaultInjection.dll" --root "$root" "$@"
