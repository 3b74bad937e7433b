#!/usr/bin/env bash
# Makes sure PostgreSQL 15 and RabbitMQ are installed and running on 127.0.0.1 only, and that one environment's
# databases, logins, virtual host, broker users and broker topology exist (see provision_broker below).
#   infra.sh dev            the databases zs_<service> (and zs_identity) and the vhost "zhaoshang" (what run.sh uses)
#   infra.sh ui             zs_<service>_ui and "zhaoshang_ui" (run.sh --env ui: a second local run, e.g. for the console's
#                           browser tests); with ZS_TEST_SLOT=n (n > 0) zs_<service>_ui<n> and "zhaoshang_ui<n>"
#   infra.sh test --fresh   zs_<service>_test and "zhaoshang_test", dropped and created anew (what test.sh uses);
#                           with ZS_TEST_SLOT=n (n > 0) zs_<service>_test<n> and "zhaoshang_test<n>" instead
#   infra.sh bench --fresh  zs_<service>_bench and "zhaoshang_bench" (what benchmark.sh uses)
#   infra.sh province --fresh zs_<service>_province and "zhaoshang_province" (what province-benchmark.sh uses)
#   infra.sh faults --fresh zs_<service>_faults and "zhaoshang_faults" (the fault-injection run; with ZS_TEST_SLOT as for test)
#   infra.sh orders --fresh zs_<service>_orders (the ordering tests hand the consumers their messages directly; no vhost
#                           is used; with ZS_TEST_SLOT as for test)
#   infra.sh <env> --cluster   the same environment on the local cluster instead (cluster.sh start: three RabbitMQ nodes,
#                           a PostgreSQL primary with a synchronous standby; README "A cluster on one machine"); --fresh
#                           and --cluster in either order
# Safe to run any number of times. ZS_BROKER_SETUP_BUILT=1 runs tools/Zhaoshang.BrokerSetup as built (Release) instead of
# building it: for calls side by side once one call has built it (test.sh).
set -euo pipefail

env_name=${1:-dev}
fresh=false
cluster=false
for option in "${@:2}"; do
  case "$option" in
    --fresh) fresh=true ;;
    --cluster) cluster=true ;;
    *) echo "usage: $0 dev|ui|test|bench|province|faults|orders [--fresh] [--cluster]" >&2; exit 2 ;;
  esac
done
case "$env_name" in
  dev) suffix="" ;;
  ui) suffix="_ui"; [ "${ZS_TEST_SLOT:-0}" = 0 ] || suffix="_ui${ZS_TEST_SLOT}" ;;
  test) suffix="_test"; [ "${ZS_TEST_SLOT:-0}" = 0 ] || suffix="_test${ZS_TEST_SLOT}" ;;
  bench) suffix="_bench" ;;
  province) suffix="_province" ;;
  faults) suffix="_faults"; [ "${ZS_TEST_SLOT:-0}" = 0 ] || suffix="_faults${ZS_TEST_SLOT}" ;;
  orders) suffix="_orders"; [ "${ZS_TEST_SLOT:-0}" = 0 ] || suffix="_orders${ZS_TEST_SLOT}" ;;
  *) echo "usage: $0 dev|ui|test|bench|province|faults|orders [--fresh] [--cluster]" >&2; exit 2 ;;
esac
services=(lead project approval funding notification)
sudo_=""
[ "$(id -u)" -eq 0 ] || sudo_="sudo"
log() { printf '[infra] %s\n' "$*"; }
# Where the environment is provisioned: the single node and PostgreSQL 15 "main", or the cluster's first node (users,
# vhosts and queues are the whole cluster's) and its primary.
pg_port=5432 rabbit_node="" amqp_port=5672 management_url=http://127.0.0.1:15672
$cluster && pg_port=5433 rabbit_node=zs-cluster-1@localhost amqp_port=5682 management_url=http://127.0.0.1:15682
# Bounded: a node wedged in a command answers nothing, and the script would wait for ever without saying why.
rabbitmqctl_() {
  local rc=0
  timeout 120 $sudo_ rabbitmqctl -q ${rabbit_node:+-n "$rabbit_node"} "$@" || rc=$?
  [ $rc -ne 124 ] || echo "[infra] rabbitmqctl $1 did not answer in 120 s; the node's log is in /var/log/rabbitmq" >&2
  return $rc
}

install_missing() {
  local packages=()
  [ -x /usr/lib/postgresql/15/bin/postgres ] || packages+=(postgresql-15 postgresql-client-15)
  command -v rabbitmq-server >/dev/null 2>&1 || packages+=(rabbitmq-server)
  # The console's browser tests drive Debian's Chromium headless (Playwright downloads no browser); the CJK fonts let it
  # render the Chinese console as staff see it (screenshots, layout widths).
  if [ "$env_name" = ui ]; then
    command -v chromium >/dev/null 2>&1 || packages+=(chromium)
    [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || packages+=(fonts-noto-cjk)
  fi
  [ ${#packages[@]} -eq 0 ] && return
  log "installing ${packages[*]}"
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

start_postgres() {
  pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main"' | grep -q . || $sudo_ pg_createcluster 15 main >/dev/null
  local conf=/etc/postgresql/15/main/conf.d/zhaoshang.conf
  local wanted
  wanted=$'listen_addresses = \'127.0.0.1\'\nmax_connections = 300\n'
  if [ "$(cat "$conf" 2>/dev/null)"$'\n' != "$wanted" ]; then
    printf '%s' "$wanted" | $sudo_ tee "$conf" >/dev/null
    $sudo_ pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
  fi
  if ! $sudo_ pg_ctlcluster 15 main status >/dev/null 2>&1; then
    log "starting PostgreSQL 15 on 127.0.0.1:5432"
    $sudo_ pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do
    $sudo_ runuser -u postgres -- pg_isready -q -h 127.0.0.1 && return
    sleep 1
  done
  echo "PostgreSQL did not become ready" >&2
  exit 1
}

psql_admin() { $sudo_ runuser -u postgres -- psql -X -q -p "$pg_port" -v ON_ERROR_STOP=1 "$@"; }

create_databases() {
  local svc name
  # identity: the OpenID Connect provider's staff accounts.
  for svc in "${services[@]}" identity; do
    name="zs_${svc}${suffix}"
    if $fresh; then
      psql_admin -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
    fi
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" ]; then
      psql_admin -c "CREATE ROLE $name LOGIN PASSWORD '${name}_dev'"
    fi
    if [ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
      psql_admin -c "CREATE DATABASE $name OWNER $name ENCODING 'UTF8' TEMPLATE template0"
    fi
  done
}

start_rabbitmq() {
  $sudo_ mkdir -p /etc/rabbitmq
  printf '%s\n' 'listeners.tcp.default = 127.0.0.1:5672' 'management.tcp.ip = 127.0.0.1' 'management.tcp.port = 15672' \
    | $sudo_ tee /etc/rabbitmq/rabbitmq.conf >/dev/null
  printf '%s\n' 'NODE_IP_ADDRESS=127.0.0.1' 'SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"' \
    | $sudo_ tee /etc/rabbitmq/rabbitmq-env.conf >/dev/null
  echo '[rabbitmq_management].' | $sudo_ tee /etc/rabbitmq/enabled_plugins >/dev/null
  export ERL_EPMD_ADDRESS=127.0.0.1
  if ! $sudo_ rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    log "starting RabbitMQ on 127.0.0.1:5672 (management UI on 127.0.0.1:15672)"
    $sudo_ "$(dirname "$0")/rabbitmq-start.sh"
  fi
  for _ in $(seq 1 60); do
    $sudo_ rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1 && return
    sleep 1
  done
  echo "RabbitMQ did not start" >&2
  exit 1
}

# The approval systems that get a broker user and a submission queue: those the environment's services have secrets for
# (dev and ui: deploy/local/dev.env; test: ApprovalSystem.Name and .Throttled in the integration tests; bench, province and faults: tzxm).
approval_systems() {
  case "$env_name" in
    dev|ui) sed -n 's/^ApprovalSystems__Secrets__\([^=]*\)=.*/\1/p' "$(dirname "$0")/dev.env" | tr '\n' ' ' ;;
    test) echo "tzxm yunnan-eia" ;;
    *) echo "tzxm" ;;
  esac
}

# One vhost per environment with least-privilege users (tools/Zhaoshang.BrokerSetup derives every permission from
# BrokerTopology.Routes): zs_<service><suffix> per service, zs_system_<system><suffix> per approval system, passwords
# <user>_dev; none has a management tag. zs_admin<suffix> (password zs_admin<suffix>_dev, tag administrator) provisions,
# is the operators' account for the management UI and the test harness's for inspecting queues; no service uses it.
# Outside dev and ui it is also an impersonator: the fault run re-publishes copied messages with their senders' user_id.
provision_broker() {
  local vhost="zhaoshang${suffix}" admin="zs_admin${suffix}" tags="administrator"
  case "$env_name" in dev|ui) ;; *) tags="administrator impersonator" ;; esac
  if $fresh; then
    rabbitmqctl_ delete_vhost "$vhost" >/dev/null 2>&1 || true
  fi
  rabbitmqctl_ list_vhosts name | grep -qx "$vhost" || rabbitmqctl_ add_vhost "$vhost" >/dev/null
  local users
  users=$(rabbitmqctl_ list_users | awk '{print $1}')
  if grep -qx "$admin" <<<"$users"; then
    rabbitmqctl_ change_password "$admin" "${admin}_dev" >/dev/null
  else
    rabbitmqctl_ add_user "$admin" "${admin}_dev" >/dev/null
  fi
  # shellcheck disable=SC2086
  rabbitmqctl_ set_user_tags "$admin" $tags >/dev/null
  rabbitmqctl_ set_permissions -p "$vhost" "$admin" '.*' '.*' '.*' >/dev/null
  log "provisioning the broker users and topology of vhost $vhost"
  Broker__Port=$amqp_port Broker__ManagementUrl=$management_url Broker__VirtualHost="$vhost" Broker__Environment="$suffix" Broker__ApprovalSystems="$(approval_systems)" \
    Broker__AdminUsername="$admin" Broker__AdminPassword="${admin}_dev" Broker__DevPasswords=true \
    dotnet run --project "$(dirname "$0")/../../tools/Zhaoshang.BrokerSetup" -c Release -v q -nologo \
    $([ "${ZS_BROKER_SETUP_BUILT:-0}" = 1 ] && echo --no-build)
  remove_shared_users
}

# Nobody shares an all-powerful account: RabbitMQ's default guest and the former shared "zhaoshang" user (every service,
# every approval system, .* with the management tag) are removed, and infra.sh fails if either is still there.
# ZS_KEEP_LEGACY_BROKER_USER=1 keeps "zhaoshang" for checkouts from before per-service users that still run on this machine.
remove_shared_users() {
  local shared=(guest zhaoshang) user
  [ "${ZS_KEEP_LEGACY_BROKER_USER:-0}" = 1 ] && shared=(guest)
  for user in "${shared[@]}"; do
    if rabbitmqctl_ list_users | awk '{print $1}' | grep -qx "$user"; then
      log "removing the shared broker user $user"
      rabbitmqctl_ delete_user "$user" >/dev/null
    fi
    if rabbitmqctl_ list_users | awk '{print $1}' | grep -qx "$user"; then
      echo "the broker user $user could not be removed" >&2
      exit 1
    fi
  done
}

install_missing
if $cluster; then
  "$(dirname "$0")/cluster.sh" start
else
  start_postgres
  start_rabbitmq
fi
create_databases
[ "$env_name" = orders ] || provision_broker
log "PostgreSQL and RabbitMQ ready for '$env_name'$($cluster && echo ' on the cluster')"
