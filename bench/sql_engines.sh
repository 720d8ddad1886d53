#!/usr/bin/env bash
# How long each engine takes to run the bench model's query (`leadscore sql bench/reference.score`)
# on N leads (default 1,000,000), next to `leadscore score` on the same CSV. Load time is shown
# apart from query time; each query writes its result as CSV to a file, as `score` does.
# Needs sqlite3, PostgreSQL, ClickHouse and @duckdb/node-api (.ci/setup); run from the repository:
#
#   nice -n 10 bench/sql_engines.sh build/leadscore [ROWS]
set -euo pipefail
LS=$(realpath "$1")
ROWS=${2:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/leadscore-sql-bench.XXXXXX)
chmod 755 "$WORK"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
cleanup() {
  [[ -f $WORK/pg/data/postmaster.pid ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop > /dev/null 2>&1 || true
  declare -F ch_stop > /dev/null && ch_stop || true
  rm -rf "$WORK"
}
trap cleanup EXIT
secs() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }

python3 "$ROOT/bench/gen_leads.py" --rows "$ROWS" --seed 7 > "$WORK/leads.csv"
chmod 644 "$WORK/leads.csv"
MODEL=$ROOT/bench/reference.score
echo "engine,load_s,query_s,rows"

t=$(now); "$LS" score "$MODEL" -i "$WORK/leads.csv" -o "$WORK/score.csv" --as-of 2026-11-01 -q
echo "leadscore score,,$(elapsed "$t"),$ROWS"

# SQLite
"$LS" sql "$MODEL" --dialect sqlite --ddl > "$WORK/ddl.sql"
"$LS" sql "$MODEL" --dialect sqlite --as-of 2026-11-01 > "$WORK/q.sql"
t=$(now); { cat "$WORK/ddl.sql"; echo ".import --csv --skip 1 '$WORK/leads.csv' leads"; } | sqlite3 "$WORK/l.db"; load=$(elapsed "$t")
t=$(now); { echo ".headers on"; echo ".mode csv"; echo ".output '$WORK/sqlite.csv'"; cat "$WORK/q.sql"; } | sqlite3 "$WORK/l.db"
echo "sqlite,$load,$(elapsed "$t"),$(($(wc -l < "$WORK/sqlite.csv") - 1))"

# DuckDB (all cores)
"$LS" sql "$MODEL" --dialect duckdb --ddl > "$WORK/ddl.sql"
"$LS" sql "$MODEL" --dialect duckdb --as-of 2026-11-01 | sed 's/;$//' > "$WORK/q.sql"
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
ddl = open(f"{w}/ddl.sql").read(); q = open(f"{w}/q.sql").read()
json.dump({"db": f"{w}/l.duckdb", "timing": True, "steps": [
    {"sql": ddl}, {"sql": f"COPY leads FROM '{w}/leads.csv' (HEADER)"},
    {"sql": f"COPY ({q}) TO '{w}/duckdb.csv' (HEADER, FORMAT csv)"}]}, open(f"{w}/job.json", "w"))
PY
mapfile -t times < <(NODE_PATH=$(npm root -g) node "$ROOT/tests/sql/duckdb_run.cjs" "$WORK/job.json")
echo "duckdb,$(secs "${times[1]}"),$(secs "${times[2]}"),$(($(wc -l < "$WORK/duckdb.csv") - 1))"

# PostgreSQL
mkdir "$WORK/pg"; chown postgres: "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start \
  -o "-k $WORK/pg -c listen_addresses='' -c fsync=off -c shared_buffers=512MB -c work_mem=256MB" > /dev/null
psql_() { runuser -u postgres -- psql -X -q -h "$WORK/pg" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cols=$(head -1 "$WORK/leads.csv" | sed 's/^id,//')
t=$(now); psql_ -c "$("$LS" sql "$MODEL" --dialect postgres --ddl)" -c "\\copy leads FROM '$WORK/leads.csv' WITH (FORMAT csv, HEADER true, FORCE_NULL ($cols))" -c "ANALYZE leads"; load=$(elapsed "$t")
q=$("$LS" sql "$MODEL" --dialect postgres --as-of 2026-11-01 | sed 's/;$//')
t=$(now); psql_ -c "COPY ($q) TO STDOUT WITH (FORMAT csv, HEADER true)" > "$WORK/pg.csv"
echo "postgres,$load,$(elapsed "$t"),$(($(wc -l < "$WORK/pg.csv") - 1))"

# ClickHouse: the two-shard cluster on this machine
source "$ROOT/tests/sql/clickhouse_cluster.sh"
mkdir "$WORK/ch"; ch_start "$WORK/ch"
ddl=$("$LS" sql "$MODEL" --dialect clickhouse --ddl --cluster lead_cluster)
stmts=$(printf '%s\n' "$ddl" | grep -v '^--' | sed 's/  --.*$//')
IFS=';' read -r -d '' local dist staging _ <<< "$stmts" || true
ch_query 0 "$local"; ch_query 1 "$local"; ch_query 0 "$dist"; ch_query 0 "$staging"
insert=$(printf '%s\n' "$ddl" | grep -E '^-- INSERT|^--  |^-- FROM' | sed 's/^--//; s/;$//')
t=$(now); ch_query 0 "INSERT INTO leads_csv FORMAT CSVWithNames" < "$WORK/leads.csv"
ch_query 0 "$insert" --insert_distributed_sync=1; load=$(elapsed "$t")
q=$("$LS" sql "$MODEL" --dialect clickhouse --as-of 2026-11-01 | sed 's/;$//')
t=$(now); ch_query 0 "$q FORMAT CSVWithNames" > "$WORK/ch.csv"
echo "clickhouse (2 shards),$load,$(elapsed "$t"),$(($(wc -l < "$WORK/ch.csv") - 1))"
