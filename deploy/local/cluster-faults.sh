#!/usr/bin/env bash
# The cluster fault run (README "Resilience"): the fault-injection run (tools/Zhaoshang.FaultInjection --cluster) on the
# local cluster of cluster.sh, three RabbitMQ nodes and a PostgreSQL primary with its synchronous standby, rebuilt empty
# for the run, with fresh zs_*_faults databases and vhost on it. Two instances of each service, driven through the whole
# flow while one broker node is killed (kill -9) and started again, then all three for the outage, every instance
# killed, the PostgreSQL primary killed and its standby promoted (cluster.sh promote), with duplicate and malformed
# messages; ends with a summary: projects completed, messages lost, applied twice, how long each fault took to heal,
# restarts per service. Stops the cluster at the end. Options as faults.sh's: --projects N (500), --concurrency C (40),
# --broker-outage S (30), --seed N, --short. With ZS_TEST_SLOT=n: zs_*_faults<n>, ports from 5401 + 20 n (as the test command's).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
slot=${ZS_TEST_SLOT:-0}
suffix=_faults
[ "$slot" = 0 ] || suffix="_faults$slot"
# The last run promoted the standby, which leaves a primary without one: every run starts on a new pair.
"$root/deploy/local/cluster.sh" start --fresh
trap '"$root/deploy/local/cluster.sh" stop' EXIT
"$root/deploy/local/infra.sh" faults --fresh --cluster
echo "[cluster-faults] building (Release)"
dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly
dotnet "$root/tools/Zhaoshang.FaultInjection/bin/Release/net10.0/Zhaoshang.FaultInjection.dll" --root "$root" --cluster \
  --suffix "$suffix" --first-port $((5401 + 20 * slot)) "$@"
