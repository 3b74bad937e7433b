#!/usr/bin/env bash
# The benchmark (README "Performance"): PostgreSQL and RabbitMQ via infra.sh with fresh zs_*_bench databases and
# the vhost zhaoshang_bench, a Release build, then the four services as their own processes on ports 5301–5304,
# driven through the whole flow. Options go to the program: --projects N (2000), --concurrency C (200),
# --half-load-projects N (N/2), --probe-rate R (50 GET/s), --no-ceilings.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/deploy/local/infra.sh" bench --fresh
echo "[bench] building (Release)"
dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly
set -a
. "$root/deploy/local/dev.env"
set +a
exec dotnet "$root/tools/Zhaoshang.Benchmark/bin/Release/net10.0/Zhaoshang.Benchmark.dll" --root "$root" "$@"
