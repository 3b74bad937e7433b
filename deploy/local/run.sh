#!/usr/bin/env bash
# Runs the whole system on this machine without Docker: PostgreSQL and RabbitMQ (installed and started on
# 127.0.0.1 by infra.sh), then the OpenID Connect provider, the five services (lead, project, approval, funding,
# notification) and the gateway in front of them (serving the console), each on 127.0.0.1. Stays in the foreground
# until Ctrl-C, which stops them; with --detach it returns once all are healthy (stop them with stop.sh, given the
# same --env).
#   run.sh [--detach] [--env dev|ui] [--ports BASE] [--no-build] [--cluster]
#   --env dev (default)  databases zs_<service>, vhost "zhaoshang", run dir .run, the Aspire Dashboard; BASE 5100
#   --env ui             databases zs_<service>_ui, vhost "zhaoshang_ui" (_ui<n> with ZS_TEST_SLOT=n), run dir .run/ui<n>,
#                        no telemetry viewer; BASE 5600 + 10 n: a second system beside a dev run (the console's tests)
#   --ports BASE         gateway BASE, lead +1, project +2, approval +3, funding +4, identity (the issuer) +5,
#                        notification +6
#   --no-build           runs what is built (test.sh has built the solution and the console already)
#   --cluster            on the local cluster (infra.sh --cluster): the services connect to all three RabbitMQ nodes
#                        and find the PostgreSQL primary among the primary and the standby
# Both environments have the same demo users, passwords and demo data.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 [--detach] [--env dev|ui] [--ports BASE] [--no-build] [--cluster]" >&2; exit 2; }
detach=false
build=true
cluster=""
env_name=dev
base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --detach) detach=true; shift ;;
    --env) [ $# -ge 2 ] || usage; env_name=$2; shift 2 ;;
    --ports) [ $# -ge 2 ] || usage; base=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --cluster) cluster=--cluster; shift ;;
    *) usage ;;
  esac
done
slot=${ZS_TEST_SLOT:-0}
[ "$slot" = 0 ] && slot=""
case "$env_name" in
  dev) suffix=""; run_dir="$root/.run"; base=${base:-5100} ;;
  ui) suffix="_ui$slot"; run_dir="$root/.run/ui$slot"; base=${base:-$((5600 + 10 * ${slot:-0}))} ;;
  *) usage ;;
esac
[[ $base =~ ^[0-9]+$ ]] || usage

"$root/deploy/local/infra.sh" "$env_name" $cluster
# The broker nodes and the PostgreSQL servers (cluster.sh): the first node that answers, and whichever server is primary.
rabbit_hosts="" database_hosts="Host=127.0.0.1;Port=5432" management=http://127.0.0.1:15672
if [ -n "$cluster" ]; then
  cluster_hosts=$("$root/deploy/local/cluster.sh" hosts)
  rabbit_hosts=$(sed -n 's/^rabbitmq //p' <<<"$cluster_hosts")
  database_hosts=$(sed -n 's/^postgresql //p' <<<"$cluster_hosts")
  management=$(sed -n 's/^management \([^,]*\).*/\1/p' <<<"$cluster_hosts")
fi
# Half the machine's cores, at least one (Database:ConcurrentMessages and ConcurrentChanges below).
local_concurrency=$(( ($(nproc) + 1) / 2 ))
# The console's production build, which the gateway serves at /.
console_root="$root/console/dist"
if $build; then
  echo "[run] building (Release)"
  dotnet build "$root/Zhaoshang.sln" -c Release -nologo -v q -clp:ErrorsOnly
  echo "[run] building the console"
  (cd "$root/console" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && npm run build)
fi

# A second run replaces the first one's services instead of fighting over their ports.
"$root/deploy/local/stop.sh" --env "$env_name" >/dev/null

mkdir -p "$run_dir/logs" "$run_dir/pids"
declare -A ports=([Gateway]=$base [Lead]=$((base + 1)) [Project]=$((base + 2)) [Approval]=$((base + 3)) [Funding]=$((base + 4))
  [Identity]=$((base + 5)) [Notification]=$((base + 6)))
url() { echo "http://127.0.0.1:${ports[$1]}"; }
gateway=$(url Gateway)
issuer="$(url Identity)/"
# The provider's client secret and demo password, and the webhook secrets (token.sh signs in with the same).
set -a
. "$root/deploy/local/dev.env"
set +a
# token.sh (demo data below) signs in at this run's provider.
ZS_IDENTITY=$(url Identity)
export ZS_IDENTITY
rm -f "$run_dir/pids/stopping"

# ---- Telemetry viewer: the Aspire Dashboard, from its NuGet package, no Docker (stop.sh stops it with the services).
# Unsecured (no login, no OTLP or API key) because it listens on 127.0.0.1 only; never expose it like this.
# The services export traces, metrics and logs to it over OTLP/gRPC; its telemetry API serves walkthrough.sh.
dashboard_ui=http://127.0.0.1:18888
if [ "$env_name" = dev ]; then
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
fi
# run.sh's supervisor restarts a service that exits but probes no liveness, so a stuck bus ends the process.
export RabbitMq__ExitWhenStuck=true
# ---- end of the telemetry viewer block
# Each process has its own database login, each service its own broker user (infra.sh provisions zs_<name><suffix> with
# the password zs_<name><suffix>_dev); no appsettings file holds a password. The provider, in Development, generates its
# signing keys into <run dir>/identity-keys (never committed) and creates the demo users. The console's redirect URIs are
# the gateway's and, in dev, the Vite dev server's. One setting a line.
environment_of() {
  local svc=$1 name="zs_${1,,}$suffix" target
  case "$svc" in
    Gateway)
      echo "Gateway__Console__Authority=$issuer"
      echo "Gateway__ConsoleRoot=$console_root"
      for target in Lead Project Approval Funding Identity Notification; do echo "Gateway__Services__$target=$(url $target)"; done
      return ;;
    Identity)
      echo "Identity__KeyDirectory=$run_dir/identity-keys"
      echo "Identity__Issuer=$issuer"
      echo "Identity__ConsoleRedirectUris__0=$gateway/signin-callback"
      echo "Identity__ConsolePostLogoutRedirectUris__0=$gateway/"
      if [ "$env_name" = dev ]; then
        echo "Identity__ConsoleRedirectUris__1=http://127.0.0.1:5173/signin-callback"
        echo "Identity__ConsolePostLogoutRedirectUris__1=http://127.0.0.1:5173/"
      fi ;;
    Notification)
      # Links in robot messages and e-mails lead to this run's console.
      echo "Notifications__ConsoleUrl=$gateway" ;;&
    *)
      echo "RabbitMq__VirtualHost=zhaoshang$suffix"
      [ -z "$rabbit_hosts" ] || echo "RabbitMq__Hosts=$rabbit_hosts"
      echo "RabbitMq__Username=$name"
      echo "RabbitMq__Password=${name}_dev" ;;
  esac
  echo "ConnectionStrings__Database=$database_hosts;Database=$name;Username=$name;Password=${name}_dev;Maximum Pool Size=20"
  # PostgreSQL shares this machine's cores with every service: each service handles messages and changes at most half
  # the cores at a time, so a page read does not queue behind the write flow (README "Performance").
  echo "Database__ConcurrentMessages=$local_concurrency"
  echo "Database__ConcurrentChanges=$local_concurrency"
  echo "Auth__Authority=$issuer"
  # The browser tests sign projects and look for their warnings within seconds, not at the next five-minute scan.
  if [ "$env_name" = ui ]; then
    echo "ServiceLevels__ScanInterval=00:00:15"
    echo "ApprovalScan__ScanInterval=00:00:15"
    echo "NodePlans__ScanInterval=00:00:15"
  fi
}
# A small supervisor per process: one that exits on its own (a crash, or the broker watchdog's exit code 1) is started
# again after 2 s; once stop.sh has marked the stop, an exit ends the loop.
supervise() {
  local svc=$1 bin="$run_dir/app/$1" env
  mapfile -t env < <(environment_of "$svc")
  while true; do
    (cd "$bin" && exec env "${env[@]}" setsid dotnet "Zhaoshang.$svc.dll" --urls "$(url "$svc")" >>"$run_dir/logs/${svc,,}.log" 2>&1) &
    echo $! >"$run_dir/pids/${svc,,}.pid"
    local code=0
    wait $! || code=$?
    [ -e "$run_dir/pids/stopping" ] && return
    echo "[run] $svc exited with code $code; starting it again" >>"$run_dir/logs/${svc,,}.log"
    sleep 2
  done
}
for svc in Identity Lead Project Approval Funding Notification Gateway; do
  # Run from a copy, so that a later build (test.sh builds the same output folders) never swaps files under a live service.
  bin="$run_dir/app/$svc"
  rm -rf "$bin" && mkdir -p "$run_dir/app" && cp -r "$root/services/$svc/bin/Release/net10.0" "$bin"
  : >"$run_dir/logs/${svc,,}.log"
  supervise "$svc" &
done
sleep 0.5

for svc in Identity Lead Project Approval Funding Notification Gateway; do
  for i in $(seq 1 120); do
    curl -fsS -o /dev/null "$(url "$svc")/health/ready" 2>/dev/null && break
    if ! kill -0 "$(cat "$run_dir/pids/${svc,,}.pid")" 2>/dev/null || [ "$i" -eq 120 ]; then
      echo "[run] $svc did not become healthy; its log ($run_dir/logs/${svc,,}.log) ends with:" >&2
      tail -n 30 "$run_dir/logs/${svc,,}.log" >&2
      "$root/deploy/local/stop.sh" --env "$env_name"
      exit 1
    fi
    sleep 0.5
  done
done

# Demo data for Kunming, dated back from today, through the whole lifecycle (see README "Demo data"); skipped when it is
# already there. It signs in as bureau and finance and calls the approval webhook with dev.env's secrets (exported above).
echo "[run] loading demo data"
if ! dotnet "$root/tools/Zhaoshang.DemoData/bin/Release/net10.0/Zhaoshang.DemoData.dll" \
    --data "$root/deploy/local/demo-data.json" --identity "$(url Identity)" --lead-port "${ports[Lead]}"; then
  echo "[run] demo data could not be loaded (the services keep running)" >&2
fi

telemetry="telemetry $dashboard_ui   (Aspire Dashboard: traces, metrics, structured logs; unsecured, loopback only)"
[ "$env_name" = dev ] || telemetry="telemetry none in this environment (--env $env_name)"
cat <<MSG
[run] for staff: $gateway/   (the console; API reference: $gateway/api/reference)
[run] the gateway, the OpenID Connect provider and all five services are healthy (--env $env_name):
  gateway   $gateway   (every API under /api, the audit trails as /api/<service>/audit; the console's $gateway/config.json)
  identity  $(url Identity)   (issuer; discovery: ${issuer}.well-known/openid-configuration,
                                     users: $(url Identity)/api/users, sign-in page: $(url Identity)/login)
  lead      $(url Lead)   (API docs: $(url Lead)/swagger)
  project   $(url Project)   (API docs: $(url Project)/swagger)
  approval  $(url Approval)   (API docs: $(url Approval)/swagger)
  funding   $(url Funding)   (API docs: $(url Funding)/swagger)
  notification $(url Notification)   (API docs: $(url Notification)/swagger)
  demo users (password: \$Identity__DemoPassword in deploy/local/dev.env; deploy/local/token.sh signs in as them,
    at ZS_IDENTITY=$(url Identity)):
    bureau (市投资促进局), anning (district 安宁市), chenggong (district 呈贡区), anning-park (park 安宁工业园区),
    finance, auditor
  RabbitMQ management  $management  (zs_admin$suffix / zs_admin${suffix}_dev, vhost zhaoshang$suffix)
  $telemetry
  logs      $run_dir/logs/
MSG

if $detach; then
  echo "[run] detached; stop with deploy/local/stop.sh --env $env_name"
  exit 0
fi
trap '"$root/deploy/local/stop.sh" --env "$env_name"; exit 0' INT TERM
echo "[run] press Ctrl-C to stop"
wait
