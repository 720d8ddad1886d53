#!/usr/bin/env bash
# Installs the benchmark's peers: SQLite's shell and pandas from Debian, and DuckDB from the npm
# registry (the @duckdb/node-api package ships DuckDB's library for linux-x64) into bench/.deps,
# which git ignores. Run as root (or with sudo for apt-get). bench/run.sh skips what is missing.
#
#   bench/install_peers.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DUCKDB_NODE_API_VERSION=${DUCKDB_NODE_API_VERSION:-1.5.6-r.1}
SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo

pkgs=(sqlite3 python3-pandas g++ libfmt-dev)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}"

mkdir -p "$HERE/.deps"
[[ -f $HERE/.deps/package.json ]] || echo '{ "private": true }' > "$HERE/.deps/package.json"
(cd "$HERE/.deps" && npm install --no-audit --no-fund --loglevel=error \
  "@duckdb/node-api@$DUCKDB_NODE_API_VERSION")
node -e "
  const { createRequire } = require('module');
  const { DuckDBInstance } = createRequire('$HERE/.deps/package.json')('@duckdb/node-api');
  DuckDBInstance.create(':memory:').then(db => db.connect()).then(c => c.runAndReadAll('select version()'))
    .then(r => console.log('duckdb', r.getRows()[0][0], 'ready in $HERE/.deps'));"
