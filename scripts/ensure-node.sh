#!/usr/bin/env bash
# Make sure node and npm are there (Debian's packages when missing and we are root).
set -euo pipefail
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  else
    echo "node and npm are needed to build the app" >&2
    exit 1
  fi
fi
