#!/usr/bin/env bash
# Times leadscore against what a user would pick instead, all scoring the benchmark model
# (bench/reference.score) on the same file from bench/gen_leads.py, and checks they all agree.
#
#   bench/run.sh [--kit DIR] [ROWS]      (ROWS: default 1000000)
#
# --kit DIR takes the lead generator (DIR/gen_leads.py, same options) and the model
# (DIR/reference.score) from another benchmark kit instead of the repository's own bench/, for
# instance an external copy of the original kit; BENCH_KIT=DIR does the same.
#
# Environment:
#   LEADSCORE     the leadscore binary      (default: build/leadscore)
#   HANDWRITTEN   the hand-written scorer   (default: build/bench/bench_handwritten; built here
#                                            with g++ when there is none, as every check needs it)
#   BENCH_KIT     an external benchmark kit (default: none; the repository's bench/ is the kit)
#   BENCH_CACHE   where generated leads are kept between runs (default: $TMPDIR/leadscore-bench)
#   RUNS          runs per tool, best wall time counts (default: 3)
#   PANDAS_PYTHON a python3 with pandas     (default: the first of python3, /usr/bin/python3 with it)
#
# Each run is end to end, as a user meets it: start the process, read the CSV, score, write the CSV.
# A tool that is not installed is reported as skipped (bench/install_peers.sh installs the peers).
# Exit status: 0 when every tool that ran agreed with the hand-written scorer, 1 otherwise.
set -euo pipefail

usage() { echo "usage: bench/run.sh [--kit DIR] [ROWS]" >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
KIT=${BENCH_KIT:-$HERE}
ROWS=1000000
while [[ $# -gt 0 ]]; do
  case $1 in
    --kit) [[ $# -ge 2 ]] || usage; KIT=$2; shift 2 ;;
    --kit=*) KIT=${1#--kit=}; shift ;;
    -*) usage ;;
    *) ROWS=$1; shift; [[ $# -eq 0 ]] || usage ;;
  esac
done
[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || usage
LEADSCORE=${LEADSCORE:-$ROOT/build/leadscore}
HANDWRITTEN=${HANDWRITTEN:-$ROOT/build/bench/bench_handwritten}
BENCH_CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/leadscore-bench}
RUNS=${RUNS:-3}
AS_OF=2026-11-01
MODEL=$KIT/reference.score
GENERATOR=$KIT/gen_leads.py

[[ -f $MODEL && -f $GENERATOR ]] || {
  echo "run.sh: no benchmark kit at $KIT (it needs gen_leads.py and reference.score with its schema)" >&2; exit 2; }
echo "benchmark kit: $KIT"
mkdir -p "$BENCH_CACHE"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/leadscore-bench-out.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

# --- the input, generated once per size and generator and kept ----------------------------------
# The name carries a hash of the generator, so that another kit (or a changed generator) never
# reuses leads that a different one wrote.
GENERATOR_ID=$(sha256sum "$GENERATOR" | cut -c1-12)
LEADS=$BENCH_CACHE/leads-$ROWS-seed7-$GENERATOR_ID.csv
if [[ ! -s $LEADS ]]; then
  echo "generating $ROWS leads (seed 7) into $LEADS ..."
  python3 "$GENERATOR" --rows "$ROWS" --seed 7 > "$LEADS.tmp"
  mv "$LEADS.tmp" "$LEADS"
fi

# The same leads as JSON lines, for leadscore's JSON-lines input (the generator writes the same
# records for the same seed in either format).
LEADS_JSONL=$BENCH_CACHE/leads-$ROWS-seed7-$GENERATOR_ID.jsonl
if [[ ! -s $LEADS_JSONL ]]; then
  echo "generating $ROWS leads (seed 7) as JSON lines into $LEADS_JSONL ..."
  python3 "$GENERATOR" --rows "$ROWS" --seed 7 --format jsonl > "$LEADS_JSONL.tmp"
  mv "$LEADS_JSONL.tmp" "$LEADS_JSONL"
fi

# --- the hand-written scorer: the reference for every check -----------------------------------------
if [[ ! -x $HANDWRITTEN ]]; then
  HANDWRITTEN=$BENCH_CACHE/bench_handwritten
  src=$HERE/handwritten/reference_scorer.cpp
  if [[ ! -x $HANDWRITTEN || $src -nt $HANDWRITTEN || $HERE/handwritten/word_match.hpp -nt $HANDWRITTEN ]]; then
    echo "building the hand-written scorer with g++ -O2 into $HANDWRITTEN ..."
    g++ -O2 -std=c++20 -Wall -Wextra -Wpedantic -o "$HANDWRITTEN" "$src" -lfmt
  fi
fi

PANDAS_PYTHON=${PANDAS_PYTHON:-}
if [[ -z $PANDAS_PYTHON ]]; then
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import pandas' 2>/dev/null; then PANDAS_PYTHON=$py; break; fi
  done
fi
DUCKDB_DEPS=${DUCKDB_NODE_DEPS:-$HERE/.deps}

# --- the tools: name, why it is unavailable (empty: available), the command -----------------------
# Each command reads $LEADS and writes $1.
run_leadscore()    { "$LEADSCORE" score "$MODEL" -i "$LEADS" -o "$1" --as-of "$AS_OF" --threads 1; }
run_leadscore_2t() { "$LEADSCORE" score "$MODEL" -i "$LEADS" -o "$1" --as-of "$AS_OF" --threads 2; }
run_leadscore_jsonl() { "$LEADSCORE" score "$MODEL" -i "$LEADS_JSONL" -o "$1" --as-of "$AS_OF" --threads 1; }
run_handwritten() { "$HANDWRITTEN" -i "$LEADS" -o "$1" --as-of "$AS_OF"; }
run_sqlite() {
  sqlite3 :memory: -cmd '.mode csv' -cmd ".import '$LEADS' leads" -cmd '.headers on' \
    -cmd ".output '$1'" < "$HERE/sql/reference_sqlite.sql"
}
run_duckdb()   { node "$HERE/duckdb/run_duckdb.cjs" "$LEADS" "$1"; }
run_duckdb_1t() { node "$HERE/duckdb/run_duckdb.cjs" "$LEADS" "$1" 1; }
run_pandas()   { "$PANDAS_PYTHON" "$HERE/pandas/reference_pandas.py" "$LEADS" "$1" --as-of "$AS_OF"; }

missing() {  # why tool $1 cannot run, or nothing
  case $1 in
    leadscore|leadscore_2t|leadscore_jsonl) [[ -x $LEADSCORE ]] || echo "no leadscore binary at $LEADSCORE (build it, or set LEADSCORE)" ;;
    handwritten) ;;
    sqlite) command -v sqlite3 >/dev/null || echo "no sqlite3 (bench/install_peers.sh)" ;;
    duckdb|duckdb_1t)
      if ! command -v node >/dev/null; then echo "no node (bench/install_peers.sh)"
      elif [[ ! -d $DUCKDB_DEPS/node_modules/@duckdb/node-api ]]; then
        echo "no @duckdb/node-api in $DUCKDB_DEPS (bench/install_peers.sh)"; fi ;;
    pandas) [[ -n $PANDAS_PYTHON ]] || echo "no python3 with pandas (bench/install_peers.sh)" ;;
  esac
}

TOOLS=(handwritten leadscore leadscore_2t leadscore_jsonl sqlite duckdb duckdb_1t pandas)
declare -A LABEL=(
  [handwritten]="hand-written C++"
  [leadscore]="leadscore (1 thread)"
  [leadscore_2t]="leadscore (2 threads)"
  [leadscore_jsonl]="leadscore JSONL in"
  [sqlite]="SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
  [duckdb]="DuckDB (all cores)"
  [duckdb_1t]="DuckDB (1 thread)"
  [pandas]="pandas"
)
declare -A BEST=() CPU=() STATE=() NOTE=() RSS=()
failed=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# rss_of FILE FUNCTION ARGS...: runs the function, writing the peak RSS in KB of its largest process
# to FILE (GNU time, when installed; "-" otherwise).
rss_of() {
  local file=$1
  shift
  if [[ -x /usr/bin/time ]]; then
    export -f "$1"
    export LEADSCORE HANDWRITTEN MODEL LEADS LEADS_JSONL AS_OF HERE PANDAS_PYTHON DUCKDB_NODE_DEPS="$DUCKDB_DEPS"
    /usr/bin/time -f %M -o "$file" bash -c '"$@"' rss_of "$@"
  else
    echo - > "$file"
    "$@"
  fi
}
TIMEFORMAT='%3R %3U %3S'   # bash's `time`: wall, user and system seconds, children included
for tool in "${TOOLS[@]}"; do
  why=$(missing "$tool")
  if [[ -n $why ]]; then
    STATE[$tool]=skipped; NOTE[$tool]=$why
    echo "skip  ${LABEL[$tool]}: $why"
    continue
  fi
  best=
  for ((i = 1; i <= RUNS; i++)); do
    rm -f "$OUT/$tool.csv"
    if ! { time rss_of "$OUT/$tool.rss" "run_$tool" "$OUT/$tool.csv" > "$OUT/$tool.log" 2>&1; } 2> "$OUT/$tool.time"; then
      STATE[$tool]=failed; NOTE[$tool]="run $i failed: $(tail -n 3 "$OUT/$tool.log" | tr '\n' ' ')"
      break
    fi
    read -r wall user sys < "$OUT/$tool.time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
    rss=$(tail -n 1 "$OUT/$tool.rss")
    [[ $rss == - ]] || rss=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    echo "run   ${LABEL[$tool]} #$i: ${wall}s wall, ${cpu}s cpu, ${rss} MB peak RSS"
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall; CPU[$tool]=$cpu; RSS[$tool]=$rss
    fi
  done
  if [[ ${STATE[$tool]:-} == failed ]]; then
    echo "FAIL  ${LABEL[$tool]}: ${NOTE[$tool]}"; failed=1; continue
  fi
  BEST[$tool]=$best
  # Does it agree with the hand-written scorer?
  if [[ $tool == handwritten ]]; then
    STATE[$tool]=ok; NOTE[$tool]="reference"
  elif check=$(python3 "$HERE/check/compare.py" "$OUT/handwritten.csv" "$OUT/$tool.csv"); then
    STATE[$tool]=ok; NOTE[$tool]="agrees"
    if [[ $tool == leadscore* ]]; then
      if cmp -s "$OUT/handwritten.csv" "$OUT/leadscore.csv"; then NOTE[$tool]="agrees, byte for byte"
      else NOTE[$tool]="agrees (numbers; the bytes differ)"; fi
    fi
  else
    STATE[$tool]=differs; NOTE[$tool]=$check; failed=1
    echo "DIFF  ${LABEL[$tool]}: $check"
  fi
done

# --- the table ---------------------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo
echo "leadscore benchmark: reference.score on $ROWS leads (gen_leads.py --seed 7), as of $AS_OF"
echo "kit: $KIT (gen_leads.py sha256 $GENERATOR_ID...)"
echo "machine: $(nproc) cores${cpu:+, $cpu}; load average before: $LOAD_BEFORE"
echo "best of $RUNS runs by wall time, end to end (CSV in, CSV out); cpu s = user + system of that run"
echo "x leadscore = the tool's time / leadscore's time on 1 thread (above 1: slower than leadscore)"
echo "JSONL in: the same leads as JSON lines, CSV out; RSS: peak resident memory of the run's largest process"
echo
row() { printf '%-22s %8s %8s %8s %12s %12s %14s  %s\n' "$@"; }
row tool "best s" "cpu s" "RSS MB" "rows/s" "x leadscore" "x hand-written" check
row ---------------------- -------- -------- -------- ------------ ------------ -------------- -----
ratio() { [[ -n ${2:-} ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "n/a"; }
for tool in "${TOOLS[@]}"; do
  if [[ -z ${BEST[$tool]:-} ]]; then
    row "${LABEL[$tool]}" "${STATE[$tool]}" - - - - - "${NOTE[$tool]}"
    continue
  fi
  b=${BEST[$tool]}
  rps=$(awk -v n="$ROWS" -v s="$b" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
  row "${LABEL[$tool]}" "$b" "${CPU[$tool]}" "${RSS[$tool]}" "$rps" \
    "$(ratio "$b" "${BEST[leadscore]:-}")" "$(ratio "$b" "${BEST[handwritten]:-}")" "${NOTE[$tool]}"
done
exit $failed
