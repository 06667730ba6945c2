#!/usr/bin/env bash
# Install (if absent) and start a PostgreSQL server from Debian's packages, and create a database and a
# user for dateline's tests. Prints one line on stdout:
#
#     export DATELINE_TEST_POSTGRES=postgresql://dateline:dateline@127.0.0.1:PORT/dateline_test
#
# so a CI script can run `eval "$(.ci/postgres.sh)"`; everything else goes to stderr. Idempotent: running
# it again reuses the cluster, the user and the database. Needs root (apt-get, runuser); the server
# itself runs as the `postgres` user through Debian's pg_ctlcluster (PostgreSQL refuses to run as root).
#
# Settings (environment): DATELINE_PG_USER (dateline), DATELINE_PG_PASSWORD (dateline),
# DATELINE_PG_DB (dateline_test).
set -euo pipefail

user="${DATELINE_PG_USER:-dateline}"
password="${DATELINE_PG_PASSWORD:-dateline}"
db="${DATELINE_PG_DB:-dateline_test}"

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
    log "run me as root (I install packages and start the server as the postgres user)"
    exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')"
if [ "$status" != "online" ]; then
    log "starting cluster $version/main on port $port"
    runuser -u postgres -- pg_ctlcluster "$version" main start >&2
fi

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }

for _ in $(seq 1 30); do
    if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then break; fi
    sleep 1
done

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != "1" ]; then
    log "creating user $user"
    psql_admin -c "CREATE ROLE \"$user\" LOGIN PASSWORD '$password'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    log "creating database $db"
    psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$user\"" >&2
fi

url="postgresql://$user:$password@127.0.0.1:$port/$db"
log "ready: $url"
echo "export DATELINE_TEST_POSTGRES=$url"
