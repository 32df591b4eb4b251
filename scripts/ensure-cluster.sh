#!/usr/bin/env bash
# Make sure the Debian packages of the several-server deployment are installed: nginx,
# PgBouncer and PostgreSQL (make cluster and make test call this; it is idempotent). Prints
# nothing on stdout; says on stderr what it installs or why it cannot.
set -euo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} with apt-get" >&2
  # The packages' own services are not started: the cluster starts its own processes.
  export DEBIAN_FRONTEND=noninteractive RUNLEVEL=1
  (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >&2
else
  echo "missing ${missing[*]}: install them with apt-get as root" >&2
  exit 1
fi
