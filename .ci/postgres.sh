#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1 for the PostgreSQL half of the persistence tests and prints its
# connection string as the last line of stdout. Idempotent: installs Debian's postgresql only when missing,
# creates the cluster, role and database only when missing, starts the cluster only when it is down.
# Needs root (or sudo-free access to apt-get and the postgres account); fails loudly otherwise.
set -euo pipefail
exec 9>/tmp/partydomain-postgres.lock
flock 9

port="${PARTYDOMAIN_POSTGRES_PORT:-5432}"
role=partydomain
password=partydomain
database=partydomain
log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  [ "$(id -u)" -eq 0 ] || { log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"; exit 1; }
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql 9>&- >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main on port $port"
  pg_createcluster "$version" main --port "$port" 9>&- >&2
fi
# Only the loopback address: the tests never reach a server elsewhere. A conf.d file leaves Debian's own
# postgresql.conf untouched.
printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$port" >"/etc/postgresql/$version/main/conf.d/partydomain.conf"
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start 9>&- >&2 || { tail -n 5 "/var/log/postgresql/postgresql-$version-main.log" >&2; exit 1; }
fi

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
for _ in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done
psql_admin -c 'select 1' >/dev/null || { log "the server on port $port does not answer"; exit 1; }

# CREATEDB: each test run works in a database of its own and drops it afterwards.
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
  psql_admin -c "create role $role login createdb password '$password'"
fi
# Dropping a test database WITH (FORCE) ends its leftover sessions, which needs this role.
psql_admin -c "grant pg_signal_backend to $role" >/dev/null
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
  psql_admin -c "create database $database owner $role"
fi

echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database"
