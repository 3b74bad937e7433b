#!/usr/bin/env bash
# The local cluster beside the single-node infrastructure (README "A cluster on one machine"): three RabbitMQ nodes
# joined in one cluster and a PostgreSQL 15 primary with a synchronous standby, all on 127.0.0.1 with ports, node
# names and data directories of their own, so that killing one of them (the cluster fault run) never touches the
# broker and database test.sh and run.sh share.
#   cluster.sh start [--fresh]  starts what is not running (--fresh: new data directories, a new standby)
#   cluster.sh promote          fences the primary (stops it if it still runs) and promotes the standby
#   cluster.sh stop             stops every node and both PostgreSQL servers
#   cluster.sh status           the broker nodes, and which PostgreSQL server is primary
#   cluster.sh pid NODE         the process id of a broker node (1–3), "primary" or "standby" (for kill -9)
#   cluster.sh hosts            where the services connect, one "what value" a line: "rabbitmq" every node's host:port,
#                               "management" every node's management URL, "postgresql" the connection string's hosts part
#                               (run.sh --cluster and the cluster fault run read them here, nowhere else)
# infra.sh <env> --cluster calls "start", then provisions the environment's databases and vhost on it.
set -euo pipefail

rabbit_nodes=(1 2 3)
node_name() { echo "zs-cluster-$1@localhost"; }
amqp_port() { echo $((5681 + $1)); }          # 5682, 5683, 5684
management_port() { echo $((15681 + $1)); }   # 15682, 15683, 15684
dist_port() { echo $((25681 + $1)); }         # 25682, 25683, 25684
rabbit_base=/var/lib/rabbitmq/zs-cluster
pg_primary=zs-primary pg_primary_port=5433
pg_standby=zs-standby pg_standby_port=5434
# The standby's name in synchronous_standby_names: a commit on the primary returns once the standby has it on disk.
pg_standby_name=zs_standby
replication_user=zs_replication
sudo_=""
[ "$(id -u)" -eq 0 ] || sudo_="sudo"
log() { printf '[cluster] %s\n' "$*"; }
export ERL_EPMD_ADDRESS=127.0.0.1

# ---- RabbitMQ: one Erlang cookie (the rabbitmq user's, as the single node's), one config file per node.
rabbit_env() {
  local n=$1
  echo "RABBITMQ_NODENAME=$(node_name "$n")" "RABBITMQ_MNESIA_BASE=$rabbit_base" "RABBITMQ_DIST_PORT=$(dist_port "$n")" \
    "RABBITMQ_CONFIG_FILE=/etc/rabbitmq/zs-cluster-$n.conf" "RABBITMQ_CONF_ENV_FILE=/etc/rabbitmq/zs-cluster-env.conf" \
    "ERL_EPMD_ADDRESS=127.0.0.1"
}
ctl() { local n=$1; shift; $sudo_ rabbitmqctl -q -n "$(node_name "$n")" "$@"; }

configure_rabbit() {
  local n=$1
  $sudo_ mkdir -p /etc/rabbitmq "$rabbit_base"
  $sudo_ chown rabbitmq:rabbitmq "$rabbit_base"
  printf '%s\n' 'NODE_IP_ADDRESS=127.0.0.1' 'SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"' \
    | $sudo_ tee /etc/rabbitmq/zs-cluster-env.conf >/dev/null
  # pause_minority: a node cut off from the other two stops serving rather than accept what the majority never sees.
  printf '%s\n' "listeners.tcp.default = 127.0.0.1:$(amqp_port "$n")" 'management.tcp.ip = 127.0.0.1' \
    "management.tcp.port = $(management_port "$n")" 'cluster_partition_handling = pause_minority' \
    | $sudo_ tee "/etc/rabbitmq/zs-cluster-$n.conf" >/dev/null
}

start_rabbit() {
  local n=$1 env
  # Bounded: a node wedged in its boot answers nothing and would hold the script for ever.
  timeout 30 $sudo_ env ERL_EPMD_ADDRESS=127.0.0.1 rabbitmqctl -q -n "$(node_name "$n")" status >/dev/null 2>&1 && return
  configure_rabbit "$n"
  log "starting RabbitMQ node $(node_name "$n") on 127.0.0.1:$(amqp_port "$n") (management $(management_port "$n"))"
  read -ra env <<<"$(rabbit_env "$n")"
  $sudo_ "$(dirname "$0")/rabbitmq-start.sh" "${env[@]}"
}

node_alive() {
  local pid_file="$rabbit_base/$(node_name "$1").pid"
  $sudo_ test -s "$pid_file" && $sudo_ kill -0 "$($sudo_ cat "$pid_file")" 2>/dev/null
}

# Nodes killed together and started together can crash while they boot: RabbitMQ 3.10 ends a node whose feature-flag
# sync asks a peer still booting (incompatible_feature_flags, badmap; seen in CI's run). Its process is gone, so it is
# started again, as a supervisor would; a node still waiting for its peers' tables is alive and left to wait. All nodes
# are watched at once: a node waiting for the tables of a peer that crashed comes up only once that peer is back.
await_rabbits() {
  local n deadline=$((SECONDS + 600)) pending=("$@") still
  local -A since=() restarts=()
  for n in "${pending[@]}"; do since[$n]=$SECONDS; restarts[$n]=0; done
  while [ ${#pending[@]} -gt 0 ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "RabbitMQ node(s) ${pending[*]} did not start (logs in /var/log/rabbitmq)" >&2
      exit 1
    fi
    still=()
    for n in "${pending[@]}"; do
      ctl "$n" await_startup --timeout 2 >/dev/null 2>&1 && continue
      # 20 s of grace: the pid file may still name the process that was killed until the new one writes it.
      if [ $((SECONDS - since[$n])) -ge 20 ] && [ "${restarts[$n]}" -lt 3 ] && ! node_alive "$n"; then
        restarts[$n]=$((restarts[$n] + 1))
        log "RabbitMQ node $(node_name "$n") exited while booting (its log: /var/log/rabbitmq/$(node_name "$n").log); starting it again"
        start_rabbit "$n"
        since[$n]=$SECONDS
      fi
      still+=("$n")
    done
    pending=("${still[@]}")
    [ ${#pending[@]} -eq 0 ] || sleep 1
  done
}

# Nodes 2 and 3 join node 1 once; a node that already belongs to the cluster is left as it is.
join_rabbit() {
  local n=$1
  ctl "$n" cluster_status --formatter json | grep -q "\"$(node_name 1)\"" && return
  log "joining $(node_name "$n") to $(node_name 1)"
  { ctl "$n" stop_app && ctl "$n" reset && ctl "$n" join_cluster "$(node_name 1)" && ctl "$n" start_app; } >/dev/null 2>&1 \
    || { echo "$(node_name "$n") could not join the cluster" >&2; exit 1; }
}

# ---- PostgreSQL: a primary and a standby streaming from it (pg_basebackup), Debian clusters of their own.
pg() { $sudo_ pg_ctlcluster 15 "$@"; }
psql_on() { local port=$1; shift; $sudo_ runuser -u postgres -- psql -X -q -p "$port" -v ON_ERROR_STOP=1 "$@"; }
pg_exists() { pg_lsclusters -h 2>/dev/null | awk -v name="$1" '$1=="15" && $2==name' | grep -q .; }
pg_running() { pg "$1" status >/dev/null 2>&1; }
pg_data() { echo "/var/lib/postgresql/15/$1"; }

await_pg() {
  for _ in $(seq 1 60); do
    $sudo_ runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$1" && return
    sleep 1
  done
  echo "PostgreSQL on port $1 did not become ready" >&2
  exit 1
}

start_primary() {
  if ! pg_exists $pg_primary; then
    log "creating the PostgreSQL primary ($pg_primary, 127.0.0.1:$pg_primary_port)"
    $sudo_ pg_createcluster 15 $pg_primary -p $pg_primary_port >/dev/null
  fi
  # wal_level replica, WAL senders and hot_standby are PostgreSQL 15's defaults; the standby's replication slot keeps the
  # WAL it still needs.
  printf '%s\n' "listen_addresses = '127.0.0.1'" 'max_connections = 300' \
    | $sudo_ tee "/etc/postgresql/15/$pg_primary/conf.d/zhaoshang.conf" >/dev/null
  # A new standby needs the replication user and a base backup first, which a synchronous primary without its standby
  # would wait on for ever (pg_dropcluster leaves conf.d behind).
  if $fresh_standby; then
    $sudo_ rm -f "/etc/postgresql/15/$pg_primary/conf.d/zhaoshang-sync.conf"
    pg_running $pg_primary && pg $pg_primary reload
  fi
  pg_running $pg_primary || pg $pg_primary start
  await_pg $pg_primary_port
  if [ -z "$(psql_on $pg_primary_port -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$replication_user'")" ]; then
    psql_on $pg_primary_port -c "CREATE ROLE $replication_user REPLICATION LOGIN PASSWORD '${replication_user}_dev'"
  fi
}

# The standby is a base backup of the primary (-R: standby.signal and primary_conninfo naming it $pg_standby_name).
start_standby() {
  if $fresh_standby; then
    pg_exists $pg_standby && $sudo_ pg_dropcluster --stop 15 $pg_standby
    log "creating the synchronous standby ($pg_standby, 127.0.0.1:$pg_standby_port) from a base backup of the primary"
    $sudo_ pg_createcluster 15 $pg_standby -p $pg_standby_port >/dev/null
    printf '%s\n' "listen_addresses = '127.0.0.1'" 'max_connections = 300' \
      | $sudo_ tee "/etc/postgresql/15/$pg_standby/conf.d/zhaoshang.conf" >/dev/null
    $sudo_ rm -rf "$(pg_data $pg_standby)"
    psql_on $pg_primary_port -c "SELECT pg_drop_replication_slot('$pg_standby_name') FROM pg_replication_slots WHERE slot_name = '$pg_standby_name'" >/dev/null
    $sudo_ runuser -u postgres -- pg_basebackup -D "$(pg_data $pg_standby)" -R -X stream -C -S $pg_standby_name \
      -d "host=127.0.0.1 port=$pg_primary_port user=$replication_user password=${replication_user}_dev application_name=$pg_standby_name"
  fi
  pg_running $pg_standby || pg $pg_standby start
  await_pg $pg_standby_port
}

# Only once the standby streams: from then on a commit on the primary waits until the standby has it on disk (and,
# with the standby down, waits for it to come back: no committed change exists on one disk only).
require_synchronous_standby() {
  printf '%s\n' "synchronous_standby_names = '$pg_standby_name'" 'synchronous_commit = on' \
    | $sudo_ tee "/etc/postgresql/15/$pg_primary/conf.d/zhaoshang-sync.conf" >/dev/null
  pg $pg_primary reload
}

status() {
  local n
  for n in "${rabbit_nodes[@]}"; do
    if ctl "$n" status >/dev/null 2>&1; then echo "rabbitmq $(node_name "$n") 127.0.0.1:$(amqp_port "$n") running"
    else echo "rabbitmq $(node_name "$n") 127.0.0.1:$(amqp_port "$n") down"; fi
  done
  for pair in "$pg_primary:$pg_primary_port" "$pg_standby:$pg_standby_port"; do
    local name=${pair%:*} port=${pair#*:} role=down
    if pg_running "$name"; then
      [ "$(psql_on "$port" -tAc 'SELECT pg_is_in_recovery()')" = t ] && role=standby || role=primary
    fi
    echo "postgresql $name 127.0.0.1:$port $role"
  done
}

pid_of() {
  case "$1" in
    1|2|3) $sudo_ cat "$rabbit_base/$(node_name "$1").pid" ;;
    primary) $sudo_ head -n 1 "$(pg_data $pg_primary)/postmaster.pid" ;;
    standby) $sudo_ head -n 1 "$(pg_data $pg_standby)/postmaster.pid" ;;
    *) echo "usage: $0 pid 1|2|3|primary|standby" >&2; exit 2 ;;
  esac
}

hosts() {
  local n amqp=() management=()
  for n in "${rabbit_nodes[@]}"; do
    amqp+=("127.0.0.1:$(amqp_port "$n")")
    management+=("http://127.0.0.1:$(management_port "$n")")
  done
  (IFS=,; echo "rabbitmq ${amqp[*]}"; echo "management ${management[*]}")
  # Npgsql tries both servers and keeps the one that takes writes, also after a promotion.
  echo "postgresql Host=127.0.0.1:$pg_primary_port,127.0.0.1:$pg_standby_port;Target Session Attributes=primary"
}

command=${1:-}
fresh_standby=false
case "$command" in
  start)
    if [ "${2:-}" = --fresh ]; then
      "$0" stop
      $sudo_ rm -rf "$rabbit_base"
      pg_exists $pg_primary && $sudo_ pg_dropcluster --stop 15 $pg_primary
      fresh_standby=true
    fi
    pg_exists $pg_standby || fresh_standby=true
    for n in "${rabbit_nodes[@]}"; do start_rabbit "$n"; done
    await_rabbits "${rabbit_nodes[@]}"
    for n in 2 3; do join_rabbit "$n"; done
    if ! $fresh_standby && [ ! -e "$(pg_data $pg_standby)/standby.signal" ]; then
      echo "$pg_standby was promoted: the former primary must not start beside it; rebuild the pair with start --fresh" >&2
      exit 1
    fi
    start_primary
    start_standby
    require_synchronous_standby
    status ;;
  promote)
    # Fencing first: a primary that came back must not take writes beside the promoted standby.
    # A primary just killed can still look running and then be gone when stop looks (pg_ctlcluster: "Cluster is not
    # running", exit 2): fenced either way once it no longer runs.
    if pg_running $pg_primary; then pg $pg_primary stop -m immediate || ! pg_running $pg_primary; fi
    log "promoting $pg_standby (127.0.0.1:$pg_standby_port) to primary"
    pg $pg_standby promote
    status ;;
  stop)
    for n in "${rabbit_nodes[@]}"; do ctl "$n" stop >/dev/null 2>&1 || true; done
    for name in $pg_standby $pg_primary; do pg_running "$name" && pg "$name" stop -m fast; done
    true ;;
  status) status ;;
  pid) pid_of "${2:-}" ;;
  hosts) hosts ;;
  *) echo "usage: $0 start [--fresh] | promote | stop | status | pid NODE | hosts" >&2; exit 2 ;;
esac
