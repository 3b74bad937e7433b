#!/usr/bin/env bash
# The read benchmark at a province's size (README "Performance"): PostgreSQL and RabbitMQ via infra.sh with fresh
# zs_*_province databases and the vhost zhaoshang_province, a Release build, then the five services as their own processes
# on ports 5701–5705 (the OpenID Connect provider on 5706), the province loaded into their databases by
# tools/Zhaoshang.ProvinceData, and every staff read timed as the bureau and as a district officer; prints a table.
# Options go to the program: --scale S (1.0: 200,000 enterprises, 100,000 intents, 1,000,000 follow-ups, 50,000 projects),
# --requests N (40 per read and caller), --first-port P (5701), --no-settle (time the reads without waiting for the
# scanners' first announcements to be consumed). The program's --no-load reads the databases as a previous run left them
# (run it as the last line does, without infra.sh's --fresh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/infra.sh" province --fresh
echo "[province] building (Release)"
for project in services/Identity services/Lead services/Project services/Approval services/Funding services/Notification tools/Zhaoshang.Benchmark; do
  dotnet build "$root/$project" -c Release -nologo -v q -clp:ErrorsOnly
done
set -a
. "$root/deploy/local/dev.env"
set +a
exec dotnet "$root/tools/Zhaoshang.Benchmark/bin/Release/net10.0/Zhaoshang.Benchmark.dll" --province --root "$root" "$@"
