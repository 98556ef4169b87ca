#!/usr/bin/env bash
# Starts the local stack when it is not running, reuses it when it is (idempotent):
#   PostgreSQL 15 + PostGIS (run as the `postgres` user: it refuses root) with user_db, trip_db,
#   ai_db and location_db (PostGIS in location_db), and a Redis with the seed's allkeys-lru policy.
# Missing Debian packages are installed with apt. With CI=true any failure is fatal (set -e).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
source "$here/stack-env.sh"

pg_bin=/usr/lib/postgresql/15/bin
need=()
[ -x "$pg_bin/postgres" ] || need+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need+=(postgresql-15-postgis-3)
command -v redis-server >/dev/null || need+=(redis-server)
if [ "${#need[@]}" -gt 0 ]; then
  echo "stack: installing ${need[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Debian's packages start their own default servers; ours run on their own ports.
  service redis-server stop >/dev/null 2>&1 || true
fi

mkdir -p "$STACK_DIR"
pgdata="$STACK_DIR/pg15"
as_pg() { runuser -u postgres -- "$@"; }

if [ ! -s "$pgdata/PG_VERSION" ]; then
  echo "stack: initdb $pgdata"
  install -d -o postgres -g postgres -m 700 "$pgdata"
  pwfile=$(mktemp); printf '%s' "$PGPASSWORD" >"$pwfile"; chown postgres "$pwfile"
  as_pg "$pg_bin/initdb" -D "$pgdata" -U "$PGUSER" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$STACK_DIR'
max_connections = 300
fsync = off                 # throwaway local data: speed over durability
synchronous_commit = off
full_page_writes = off
CONF
fi

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "stack: starting PostgreSQL on $PGHOST:$PGPORT"
  chown postgres "$STACK_DIR" 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$pgdata" -l "$STACK_DIR/pg15.log" -w -t 60 start >/dev/null
fi

psql_admin() { PGOPTIONS="-c client_min_messages=warning" psql "$DATABASE_URL_ADMIN" -v ON_ERROR_STOP=1 -qtA "$@"; }
for db in user_db trip_db ai_db location_db; do
  if [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    psql_admin -c "create database $db" >/dev/null
  fi
done
PGOPTIONS="-c client_min_messages=warning" psql "${DATABASE_URL_ADMIN%/postgres}/location_db" -v ON_ERROR_STOP=1 -qtA -c 'create extension if not exists postgis' >/dev/null

# A database per test process (tools/testing/src/redis.ts): an index comes round again only after
# this many test files, far more than the suite has. A running Redis with fewer (started by an
# older copy of this script) is restarted: it holds only throwaway test data.
redis_databases=4096
if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 \
  && [ "$(redis-cli -p "$REDIS_PORT" config get databases | tail -n 1)" -lt "$redis_databases" ]; then
  echo "stack: restarting Redis on 127.0.0.1:$REDIS_PORT with $redis_databases databases"
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || break; sleep 0.1; done
fi
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  echo "stack: starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --maxmemory 256mb --maxmemory-policy allkeys-lru --databases "$redis_databases" \
    --dir "$STACK_DIR" --logfile "$STACK_DIR/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$REDIS_PORT" ping >/dev/null
fi
echo "stack: PostgreSQL $PGHOST:$PGPORT (user_db trip_db ai_db location_db), Redis $REDIS_URL"
