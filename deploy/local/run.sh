#!/usr/bin/env bash
# Runs the whole system on this machine without Docker: PostgreSQL and RabbitMQ (installed and started on
# 127.0.0.1 by infra.sh), then the OpenID Connect provider (identity, 5105) and the four services, each on
# 127.0.0.1. Stays in the foreground until Ctrl-C, which stops them; with --detach it returns once all are healthy
# (stop them with stop.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
detach=false
[ "${1:-}" = "--detach" ] && detach=true

"$root/deploy/local/infra.sh" dev
echo "[run] building (Release)"
dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly

# A second run replaces the first one's services instead of fighting over their ports.
"$root/deploy/local/stop.sh" >/dev/null

run_dir="$root/.run"
mkdir -p "$run_dir/logs" "$run_dir/pids"
declare -A ports=([Identity]=5105 [Lead]=5101 [Project]=5102 [Approval]=5103 [Funding]=5104)
# The provider's client secret and demo password, and the webhook secrets (token.sh signs in with the same).
set -a
. "$root/deploy/local/dev.env"
set +a
rm -f "$run_dir/pids/stopping"

# ---- Telemetry viewer: the Aspire Dashboard, from its NuGet package, no Docker (stop.sh stops it with the services).
# Unsecured (no login, no OTLP or API key) because it listens on 127.0.0.1 only; never expose it like this.
# The services export traces, metrics and logs to it over OTLP/gRPC; its telemetry API serves walkthrough.sh.
dashboard_ui=http://127.0.0.1:18888
echo "[run] starting the Aspire Dashboard (telemetry viewer)"
dotnet restore "$root/tools/AspireDashboard" -nologo -v q >/dev/null
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
dashboard_bin="$packages/aspire.dashboard.sdk.linux-x64/13.6.5/tools"
: >"$run_dir/logs/dashboard.log"
(cd "$dashboard_bin" && ASPNETCORE_URLS=$dashboard_ui ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:18889 \
  ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:18890 Dashboard__Frontend__AuthMode=Unsecured \
  Dashboard__Otlp__AuthMode=Unsecured Dashboard__Api__Enabled=true Dashboard__Api__AuthMode=Unsecured \
  exec setsid ./Aspire.Dashboard >>"$run_dir/logs/dashboard.log" 2>&1) &
echo $! >"$run_dir/pids/dashboard.pid"
for i in $(seq 1 60); do
  curl -fsS -o /dev/null "$dashboard_ui/api/telemetry/resources" 2>/dev/null && break
  [ "$i" -eq 60 ] && echo "[run] the dashboard did not start; see $run_dir/logs/dashboard.log (the services run without it)" >&2
  sleep 0.5
done
export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:18889 OTEL_EXPORTER_OTLP_PROTOCOL=grpc
export OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=10000
# run.sh's supervisor restarts a service that exits but probes no liveness, so a stuck bus ends the process.
export RabbitMq__ExitWhenStuck=true
# ---- end of the telemetry viewer block
# A small supervisor per service: a service that exits on its own (a crash, or the broker watchdog's exit code 1) is
# started again after 2 s; once stop.sh has marked the stop, an exit ends the loop.
supervise() {
  local svc=$1 bin="$run_dir/app/$1"
  # Each process has its own database login, each service its own broker user (infra.sh provisions zs_<name> with the
  # password zs_<name>_dev); no appsettings file holds a password. The provider, in Development, generates its signing
  # keys into .run/identity-keys (never committed) and creates the demo users.
  local env=("ConnectionStrings__Database=Host=127.0.0.1;Port=5432;Database=zs_${svc,,};Username=zs_${svc,,};Password=zs_${svc,,}_dev;Maximum Pool Size=20")
  if [ "$svc" = Identity ]; then
    env+=("Identity__KeyDirectory=$run_dir/identity-keys")
  else
    env+=("RabbitMq__Username=zs_${svc,,}" "RabbitMq__Password=zs_${svc,,}_dev")
  fi
  while true; do
    (cd "$bin" && exec env "${env[@]}" setsid dotnet "Zhaoshang.$svc.dll" --urls "http://127.0.0.1:${ports[$svc]}" >>"$run_dir/logs/${svc,,}.log" 2>&1) &
    echo $! >"$run_dir/pids/${svc,,}.pid"
    local code=0
    wait $! || code=$?
    [ -e "$run_dir/pids/stopping" ] && return
    echo "[run] $svc exited with code $code; starting it again" >>"$run_dir/logs/${svc,,}.log"
    sleep 2
  done
}
for svc in Identity Lead Project Approval Funding; do
  # Run from a copy, so that a later build (test.sh builds the same output folders) never swaps files under a live service.
  bin="$run_dir/app/$svc"
  rm -rf "$bin" && mkdir -p "$run_dir/app" && cp -r "$root/services/$svc/bin/Release/net10.0" "$bin"
  : >"$run_dir/logs/${svc,,}.log"
  supervise "$svc" &
done
sleep 0.5

for svc in Identity Lead Project Approval Funding; do
  url="http://127.0.0.1:${ports[$svc]}"
  for i in $(seq 1 120); do
    curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && break
    if ! kill -0 "$(cat "$run_dir/pids/${svc,,}.pid")" 2>/dev/null || [ "$i" -eq 120 ]; then
      echo "[run] $svc did not become healthy; its log ($run_dir/logs/${svc,,}.log) ends with:" >&2
      tail -n 30 "$run_dir/logs/${svc,,}.log" >&2
      "$root/deploy/local/stop.sh"
      exit 1
    fi
    sleep 0.5
  done
done

# Demo data from the seed articles (Kunming, Qujing, Dali); skipped when it is already there.
echo "[run] loading demo data"
if ! dotnet "$root/tools/Zhaoshang.DemoData/bin/Release/net10.0/Zhaoshang.DemoData.dll" \
    --data "$root/deploy/local/demo-data.json" --token "$("$root/deploy/local/token.sh" bureau)" \
    --lead http://127.0.0.1:5101 --project http://127.0.0.1:5102; then
  echo "[run] demo data could not be loaded (the services keep running)" >&2
fi

cat <<MSG
[run] the OpenID Connect provider and all four services are healthy:
  identity  http://127.0.0.1:5105   (issuer; discovery: http://127.0.0.1:5105/.well-known/openid-configuration,
                                     users: http://127.0.0.1:5105/api/users, sign-in page: http://127.0.0.1:5105/login)
  lead      http://127.0.0.1:5101   (API docs: http://127.0.0.1:5101/swagger)
  project   http://127.0.0.1:5102   (API docs: http://127.0.0.1:5102/swagger)
  approval  http://127.0.0.1:5103   (API docs: http://127.0.0.1:5103/swagger)
  funding   http://127.0.0.1:5104   (API docs: http://127.0.0.1:5104/swagger)
  demo users (password: \$Identity__DemoPassword in deploy/local/dev.env; deploy/local/token.sh signs in as them):
    bureau (市投资促进局), anning (district 安宁市), chenggong (district 呈贡区), anning-park (park 安宁工业园区),
    finance, auditor
  RabbitMQ management  http://127.0.0.1:15672  (zs_admin / zs_admin_dev)
  telemetry $dashboard_ui   (Aspire Dashboard: traces, metrics, structured logs; unsecured, loopback only)
  logs      $run_dir/logs/
MSG

if $detach; then
  echo "[run] detached; stop with deploy/local/stop.sh"
  exit 0
fi
trap '"$root/deploy/local/stop.sh"; exit 0' INT TERM
echo "[run] press Ctrl-C to stop"
wait
