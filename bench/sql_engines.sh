#!/usr/bin/env bash
# How long each engine takes to run the bench model's query (`leadscore sql reference.score`) on
# ROWS leads (default 1,000,000, bench/gen_leads.py seed 7), next to `leadscore score` on the same
# CSV. Load time is shown apart from query time; each query writes its result as CSV to a file, as
# `score` does, and every engine's answer is compared with `score`'s, row by row (by id; numbers
# within 1e-9 relative, the rest as text: tests/sql/engine_test.py's comparison).
# Needs sqlite3, PostgreSQL, ClickHouse and @duckdb/node-api (.ci/setup); run from anywhere:
#
#   nice -n 10 bench/sql_engines.sh [--kit DIR] [--sqlite-rows N] LEADSCORE [ROWS]
#
# --kit DIR takes gen_leads.py and reference.score from another benchmark kit of the same shape
#   (as bench/run.sh --kit does), e.g. an external copy of the original kit; BENCH_KIT=DIR the same.
# --sqlite-rows N runs SQLite on the first N leads only (with `leadscore score` on those N leads as
#   its yardstick), for when SQLite would take too long on all ROWS.
#
# Prints one CSV line per engine: wall seconds of the load and of the query, the query's CPU
# seconds (user + system of every process that did the work: the client, and for PostgreSQL and
# ClickHouse the servers' processes; for DuckDB the whole node process that runs the query, its
# start included), the ratio of the query's wall time to `leadscore score`'s on the same rows, the
# check, and the load average before and after the engine (the machine may be shared).
# Exit status 1 when an engine failed or disagreed with `score`.
set -euo pipefail

usage() { echo "usage: bench/sql_engines.sh [--kit DIR] [--sqlite-rows N] LEADSCORE [ROWS]" >&2; exit 2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT=${BENCH_KIT:-$ROOT/bench}
SQLITE_ROWS=
ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --kit) [[ $# -ge 2 ]] || usage; KIT=$2; shift 2 ;;
    --kit=*) KIT=${1#--kit=}; shift ;;
    --sqlite-rows) [[ $# -ge 2 ]] || usage; SQLITE_ROWS=$2; shift 2 ;;
    --sqlite-rows=*) SQLITE_ROWS=${1#--sqlite-rows=}; shift ;;
    -*) usage ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[[ ${#ARGS[@]} -ge 1 && ${#ARGS[@]} -le 2 ]] || usage
LS=$(realpath "${ARGS[0]}")
ROWS=${ARGS[1]:-1000000}
[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || usage
SQLITE_ROWS=${SQLITE_ROWS:-$ROWS}
[[ $SQLITE_ROWS =~ ^[0-9]+$ && $SQLITE_ROWS -gt 0 && $SQLITE_ROWS -le $ROWS ]] || usage
MODEL=$KIT/reference.score
[[ -f $MODEL && -f $KIT/gen_leads.py ]] || { echo "sql_engines.sh: no benchmark kit at $KIT" >&2; exit 2; }
AS_OF=2026-11-01

WORK=$(mktemp -d "${TMPDIR:-/tmp}/leadscore-sql-bench.XXXXXX")
chmod 755 "$WORK"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
cleanup() {
  [[ -f $WORK/pg/data/postmaster.pid ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop > /dev/null 2>&1 || true
  declare -F ch_stop > /dev/null && ch_stop || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Wall time from bash's clock; CPU time in clock ticks from /proc, read without starting a process:
# ticks_children sets TICKS to this shell's waited-for children's (every command it ran, and their
# children), ticks_of PID to a server process's (all its threads, and its children that have ended,
# such as PostgreSQL's backends).
TICK=$(getconf CLK_TCK)
ticks_children() { local s f; read -r s < /proc/$$/stat; s=${s##*) }; read -ra f <<< "$s"; TICKS=$((f[13] + f[14])); }
ticks_of() { local s f; read -r s < "/proc/$1/stat"; s=${s##*) }; read -ra f <<< "$s"; TICKS=$((f[11] + f[12] + f[13] + f[14])); }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
diff_s() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
cpu_s() { python3 -c "import sys; print(f'{int(sys.argv[1]) / int(sys.argv[2]):.2f}')" "$1" "$TICK"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$1" "$2"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
rows_of() { echo $(($(wc -l < "$1") - 1)); }

# check OUT EXPECTED: the engine's answer against score's (by id, as the engine tests compare).
check() {
  python3 - "$ROOT/tests/sql" "$2" "$1" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from engine_test import compare, read_csv
expected, got = (open(p, encoding="utf-8", newline="").read() for p in sys.argv[2:4])
header = read_csv(expected.split("\n", 1)[0] + "\n")[0]
problems = compare(expected, got, {"score"} | set(header[6:]) - {"fired"}, False)
print("agrees" if not problems else "DIFFERS: " + "; ".join(problems[:5]))
PY
}

FAILED=0
# report ENGINE VERSION ROWS LOAD_S QUERY_S QUERY_CPU_S SCORE_S OUT EXPECTED LOAD_BEFORE LOAD_AFTER
report() {
  local verdict
  verdict=$(check "$8" "$9")
  [[ $verdict == agrees ]] || FAILED=1
  echo "$1,$2,$3,$4,$5,$6,$(ratio "$5" "$7"),$verdict,${10},${11}"
}

echo "kit: $KIT; leadscore: $LS; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" >&2
python3 "$KIT/gen_leads.py" --rows "$ROWS" --seed 7 > "$WORK/leads.csv"
chmod 644 "$WORK/leads.csv"
head -n $((SQLITE_ROWS + 1)) "$WORK/leads.csv" > "$WORK/leads_sqlite.csv"
echo "engine,version,rows,load_s,query_s,query_cpu_s,x_score,check,load_avg_before,load_avg_after"

# leadscore score (all cores, and one thread); its output is what every engine is checked against.
# score_on LEADS OUT [options...]: one run; sets wall, cpu, before and after.
score_on() {
  local in=$1 out=$2 t c
  shift 2
  before=$(loadavg); ticks_children; c=$TICKS; t=$EPOCHREALTIME
  "$LS" score "$MODEL" -i "$in" -o "$out" --as-of "$AS_OF" -q "$@"
  t1=$EPOCHREALTIME; ticks_children; cpu=$(cpu_s $((TICKS - c))); wall=$(diff_s "$t" "$t1"); after=$(loadavg)
}
VERSION=$("$LS" --version | awk '{print $2}')
score_on "$WORK/leads.csv" "$WORK/score.csv"; SCORE_S=$wall
report "leadscore score" "$VERSION" "$ROWS" "" "$wall" "$cpu" "$SCORE_S" "$WORK/score.csv" "$WORK/score.csv" "$before" "$after"
score_on "$WORK/leads.csv" "$WORK/score1.csv" --threads 1
report "leadscore score --threads 1" "$VERSION" "$ROWS" "" "$wall" "$cpu" "$SCORE_S" "$WORK/score1.csv" "$WORK/score.csv" "$before" "$after"
SCORE_SQLITE_S=$SCORE_S
if [[ $SQLITE_ROWS != "$ROWS" ]]; then
  score_on "$WORK/leads_sqlite.csv" "$WORK/score_sqlite.csv"; SCORE_SQLITE_S=$wall
  report "leadscore score" "$VERSION" "$SQLITE_ROWS" "" "$wall" "$cpu" "$SCORE_SQLITE_S" "$WORK/score_sqlite.csv" "$WORK/score_sqlite.csv" "$before" "$after"
else
  cp "$WORK/score.csv" "$WORK/score_sqlite.csv"
fi

# SQLite: the sqlite3 shell, a database file.
before=$(loadavg)
"$LS" sql "$MODEL" --dialect sqlite --ddl > "$WORK/ddl.sql"
"$LS" sql "$MODEL" --dialect sqlite --as-of "$AS_OF" > "$WORK/q.sql"
t=$EPOCHREALTIME
{ echo ".bail on"; cat "$WORK/ddl.sql"; echo ".import --csv --skip 1 '$WORK/leads_sqlite.csv' leads"; } | sqlite3 "$WORK/l.db"
load=$(diff_s "$t" "$EPOCHREALTIME")
ticks_children; c=$TICKS; t=$EPOCHREALTIME
{ echo ".bail on"; echo ".headers on"; echo ".mode csv"; echo ".output '$WORK/sqlite.csv'"; cat "$WORK/q.sql"; } | sqlite3 "$WORK/l.db"
t1=$EPOCHREALTIME; ticks_children; cpu=$(cpu_s $((TICKS - c))); wall=$(diff_s "$t" "$t1"); after=$(loadavg)
report sqlite "$(sqlite3 --version | awk '{print $1}')" "$(rows_of "$WORK/sqlite.csv")" "$load" "$wall" "$cpu" \
  "$SCORE_SQLITE_S" "$WORK/sqlite.csv" "$WORK/score_sqlite.csv" "$before" "$after"
rm -f "$WORK/l.db"

# DuckDB (all cores): a database file; the load and the query in two runs of node, each step timed
# inside node (tests/sql/duckdb_run.cjs), so node's start is outside the wall figures.
before=$(loadavg)
export NODE_PATH=$(npm root -g)
"$LS" sql "$MODEL" --dialect duckdb --ddl > "$WORK/ddl.sql"
"$LS" sql "$MODEL" --dialect duckdb --as-of "$AS_OF" | sed 's/;$//' > "$WORK/q.sql"
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
ddl = open(f"{w}/ddl.sql").read(); q = open(f"{w}/q.sql").read()
job = lambda steps: {"db": f"{w}/l.duckdb", "timing": True, "steps": steps}
json.dump(job([{"sql": ddl}, {"sql": f"COPY leads FROM '{w}/leads.csv' (HEADER)"}]), open(f"{w}/load.json", "w"))
json.dump(job([{"sql": f"COPY ({q}) TO '{w}/duckdb.csv' (HEADER, FORMAT csv)"}]), open(f"{w}/query.json", "w"))
PY
node "$ROOT/tests/sql/duckdb_run.cjs" "$WORK/load.json" > "$WORK/times"
mapfile -t times < "$WORK/times"
load=$(python3 -c "import sys; print(f'{sum(map(float, sys.argv[1:])):.2f}')" "${times[@]}")
ticks_children; c=$TICKS
node "$ROOT/tests/sql/duckdb_run.cjs" "$WORK/query.json" > "$WORK/times"
ticks_children; cpu=$(cpu_s $((TICKS - c))); after=$(loadavg)
mapfile -t times < "$WORK/times"
report duckdb "$(node -e "console.log(require('@duckdb/node-api').version())" | sed 's/^v//')" \
  "$(rows_of "$WORK/duckdb.csv")" "$load" "$(seconds "${times[0]}")" "$cpu" "$SCORE_S" "$WORK/duckdb.csv" "$WORK/score.csv" "$before" "$after"
rm -f "$WORK/l.duckdb"

# PostgreSQL: a server in $WORK, a Unix socket only.
before=$(loadavg)
mkdir "$WORK/pg"; chown postgres: "$WORK/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w start \
  -o "-k $WORK/pg -c listen_addresses='' -c fsync=off -c shared_buffers=512MB -c work_mem=256MB" > /dev/null
PG_PID=$(head -1 "$WORK/pg/data/postmaster.pid")
psql_() { runuser -u postgres -- psql -X -q -h "$WORK/pg" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
cols=$(head -1 "$WORK/leads.csv" | sed 's/^id,//')
t=$EPOCHREALTIME
psql_ -c "$("$LS" sql "$MODEL" --dialect postgres --ddl)" -c "\\copy leads FROM '$WORK/leads.csv' WITH (FORMAT csv, HEADER true, FORCE_NULL ($cols))" -c "ANALYZE leads"
load=$(diff_s "$t" "$EPOCHREALTIME")
q=$("$LS" sql "$MODEL" --dialect postgres --as-of "$AS_OF" | sed 's/;$//')
ticks_children; c=$TICKS; ticks_of "$PG_PID"; s=$TICKS; t=$EPOCHREALTIME
psql_ -c "COPY ($q) TO STDOUT WITH (FORMAT csv, HEADER true)" > "$WORK/pg.csv"
t1=$EPOCHREALTIME; ticks_children; c=$((TICKS - c))
sleep 1  # the postmaster counts a backend's CPU once it has reaped it
ticks_of "$PG_PID"; cpu=$(cpu_s $((c + TICKS - s))); wall=$(diff_s "$t" "$t1"); after=$(loadavg)
report postgres "$(psql_ -At -c 'SHOW server_version' | awk '{print $1}')" "$(rows_of "$WORK/pg.csv")" "$load" "$wall" "$cpu" \
  "$SCORE_S" "$WORK/pg.csv" "$WORK/score.csv" "$before" "$after"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop > /dev/null
rm -rf "$WORK/pg"

# ClickHouse: the engine tests' two-shard cluster on this machine (two servers on loopback ports);
# the CSV goes into a staging table, then through the Distributed table into both shards.
before=$(loadavg)
source "$ROOT/tests/sql/clickhouse_cluster.sh"
mkdir "$WORK/ch"; ch_start "$WORK/ch"
ddl=$("$LS" sql "$MODEL" --dialect clickhouse --ddl --cluster lead_cluster)
stmts=$(printf '%s\n' "$ddl" | grep -v '^--' | sed 's/  --.*$//')
IFS=';' read -r -d '' local dist staging _ <<< "$stmts" || true
ch_query 0 "$local"; ch_query 1 "$local"; ch_query 0 "$dist"; ch_query 0 "$staging"
insert=$(printf '%s\n' "$ddl" | grep -E '^-- INSERT|^--  |^-- FROM' | sed 's/^--//; s/;$//')
t=$EPOCHREALTIME
ch_query 0 "INSERT INTO leads_csv FORMAT CSVWithNames" < "$WORK/leads.csv"
ch_query 0 "$insert" --insert_distributed_sync=1
load=$(diff_s "$t" "$EPOCHREALTIME")
q=$("$LS" sql "$MODEL" --dialect clickhouse --as-of "$AS_OF" | sed 's/;$//')
ch_ticks() { ticks_children; local n=$TICKS; ticks_of "${CH_PIDS[0]}"; n=$((n + TICKS)); ticks_of "${CH_PIDS[1]}"; TICKS=$((n + TICKS)); }
ch_ticks; c=$TICKS; t=$EPOCHREALTIME
ch_query 0 "$q FORMAT CSVWithNames" > "$WORK/ch.csv"
t1=$EPOCHREALTIME; ch_ticks; cpu=$(cpu_s $((TICKS - c))); wall=$(diff_s "$t" "$t1"); after=$(loadavg)
report "clickhouse (2 shards)" "$(ch_query 0 'SELECT version()')" "$(rows_of "$WORK/ch.csv")" "$load" "$wall" "$cpu" \
  "$SCORE_S" "$WORK/ch.csv" "$WORK/score.csv" "$before" "$after"
exit "$FAILED"
