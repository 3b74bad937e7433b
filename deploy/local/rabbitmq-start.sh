#!/usr/bin/env bash
# Starts a RabbitMQ node detached (as root: infra.sh and cluster.sh call it through sudo), with its environment given
# as NAME=value arguments (cluster.sh: the node's name, ports and files), under the hard open-files limit (at most
# 65536) rather than a login shell's 1024. RabbitMQ 3.10 keeps about 90% of that limit for files and sockets and, once
# they are taken, blocks every new connection before connection.start and every CLI command (file_handle_cache): at
# 1024, a few environments' connections and quorum queues took them all, and the node looked wedged.
set -euo pipefail
limit=$(ulimit -Hn)
if [ "$limit" = unlimited ] || [ "$limit" -gt 65536 ]; then limit=65536; fi
ulimit -n "$limit"
# Straight to the rabbitmq user, as Debian's wrapper (/usr/sbin/rabbitmq-server) would but without its su, whose PAM
# session puts the limit back to 1024.
cd /var/lib/rabbitmq
exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 "$@" \
  /usr/lib/rabbitmq/bin/rabbitmq-server -detached >>/var/log/rabbitmq/startup_log 2>&1
