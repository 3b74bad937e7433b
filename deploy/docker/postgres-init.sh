#!/usr/bin/env bash
# Runs once, when the postgres container starts with an empty data directory (docker-entrypoint-initdb.d).
# One login and one database per service and for the OpenID Connect provider, each database owned by its login; the
# passwords come from the environment (ZHAOSHANG_DB_<NAME>_PASSWORD, required by docker-compose.yml).
set -euo pipefail
for name in lead project approval funding notification identity; do
  var="ZHAOSHANG_DB_${name^^}_PASSWORD"
  password=${!var:?$var is not set}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v login="zs_$name" -v password="$password" <<'SQL'
CREATE ROLE :"login" LOGIN PASSWORD :'password';
CREATE DATABASE :"login" OWNER :"login" ENCODING 'UTF8' TEMPLATE template0;
SQL
done
