#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store's portability tests and prints the
# environment that turns them on:
#
#   eval "$(bash .ci/postgres.sh)"     # then: mvn -o -B install -f bundles/store/pom.xml
#
# - installs PostgreSQL from Debian's packages when no server is present;
# - one cluster, owned by user postgres, data in $PERFLINK_PG_DIR (default /tmp/perflink-pg),
#   listening on 127.0.0.1:$PERFLINK_PG_PORT (default 55432) only, socket in the same folder;
# - database perflink_test, owned by role perflink (password perflink).
# Idempotent: reruns reuse the cluster (starting it if it is stopped) and the role and database.
# Progress goes to stderr; only the three export lines go to stdout.
# Stop it with: runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D /tmp/perflink-pg/data stop
set -euo pipefail

PORT="${PERFLINK_PG_PORT:-55432}"
BASE="${PERFLINK_PG_DIR:-/tmp/perflink-pg}"
DATA="$BASE/data"
DB=perflink_test
ROLE=perflink
PASSWORD=perflink

log() { echo "postgres.sh: $*" >&2; }
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start=$(date +%s)
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/postgres" ]; then
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The package's own cluster (5432) is not used; it may or may not start, either is fine.
  apt-get install -y -qq postgresql >&2
fi
BIN="$(pg_bin)"
log "using $BIN"

mkdir -p "$BASE"
chown postgres:postgres "$BASE"
chmod 700 "$BASE"

if [ ! -s "$DATA/PG_VERSION" ]; then
  log "initdb $DATA"
  pwfile="$BASE/.pw"
  # superuser password is never used from outside: local socket connections are trusted
  head -c 24 /dev/urandom | base64 > "$pwfile"
  chown postgres:postgres "$pwfile"
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
  rm -f "$pwfile"
fi

if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "cluster already running"
else
  log "starting cluster on 127.0.0.1:$PORT"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$BASE" >&2
fi

psql_su() { as_postgres "$BIN/psql" -h "$BASE" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

if [ "$(psql_su -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  log "creating role $ROLE"
  psql_su -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(psql_su -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  log "creating database $DB"
  psql_su -d postgres -c "CREATE DATABASE $DB OWNER $ROLE"
fi
log "ready after $(( $(date +%s) - start )) s"

echo "export PERFLINK_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB"
echo "export PERFLINK_TEST_PG_USER=$ROLE"
echo "export PERFLINK_TEST_PG_PASSWORD=$PASSWORD"
