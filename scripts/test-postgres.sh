#!/usr/bin/env bash
# Make sure a local PostgreSQL 15 cluster runs and has an empty-able test database.
# Prints the SQLAlchemy URL of the test database on stdout; prints nothing when no
# PostgreSQL can be had (the suite then runs on SQLite only and says so).
set -euo pipefail
PG_USER=feltmappe
PG_PASS=feltmappe-test
PG_DB=feltmappe_test

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || true
  fi
fi
command -v pg_ctlcluster >/dev/null 2>&1 || exit 0
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q && break
  sleep 1
done
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAc "$1"; }
if [ -z "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'")" ]; then
  psql_admin "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASS' CREATEDB" >&2
fi
for name in "$PG_DB" "${PG_DB}_2" "${PG_DB}_live"; do
  if [ -z "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$name'")" ]; then
    psql_admin "CREATE DATABASE $name OWNER $PG_USER" >&2
  fi
done
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
echo "postgresql+psycopg://$PG_USER:$PG_PASS@127.0.0.1:$port/$PG_DB"
