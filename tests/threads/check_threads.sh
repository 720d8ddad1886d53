#!/usr/bin/env bash
# --threads gives the same bytes as one thread: score (CSV and JSON lines, --explain), backtest and
# explain -i, from a file and from a pipe, on generated leads mixed with bad records
# (tests/threads/mix_bad.py: quoted cells with line breaks, text after a quote, ragged rows, an
# unclosed quote to the end...), comma- and ';'-separated. LEADSCORE_CHUNK_BYTES makes chunks of a few records, so that the
# input crosses hundreds of chunk boundaries, some inside quoted line breaks.
#
#   tests/threads/check_threads.sh LEADSCORE REPO_ROOT [ROWS]     (default 3000)
set -euo pipefail
LEADSCORE=${1:?usage: check_threads.sh LEADSCORE REPO_ROOT [ROWS]}
ROOT=${2:?usage: check_threads.sh LEADSCORE REPO_ROOT [ROWS]}
ROWS=${3:-3000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/leadscore-threads.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MODEL=$ROOT/bench/reference.score
python3 "$ROOT/bench/gen_leads.py" --rows "$ROWS" --seed 11 --outcomes "$WORK/outcomes.csv" > "$WORK/plain.csv"
python3 "$ROOT/bench/gen_leads.py" --rows "$ROWS" --seed 11 --format jsonl > "$WORK/plain.jsonl"
python3 "$ROOT/tests/threads/mix_bad.py" "$WORK/plain.csv" "$WORK/plain.jsonl" "$WORK/leads.csv" "$WORK/leads.jsonl"
LAST_KEY=$(tail -n 3 "$WORK/plain.csv" | head -n 1 | cut -d, -f1)

failures=0
checks=0
# run NAME ARGS...: the command's stdout, stderr and status, in $WORK/NAME.{out,err,status}.
run() {
  local name=$1
  shift
  set +e
  "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
  echo $? > "$WORK/$name.status"
  set -e
}
same() {  # same REFERENCE NAME WHAT
  checks=$((checks + 1))
  for part in out err status; do
    if ! cmp -s "$WORK/$1.$part" "$WORK/$2.$part"; then
      echo "FAIL: $3: $part differs from --threads 1"
      diff <(head -c 100000 "$WORK/$1.$part") <(head -c 100000 "$WORK/$2.$part") | head -n 10 || true
      failures=$((failures + 1))
      return
    fi
  done
}

# case NAME ARGS... (ARGS with LEADS for the input file): one thread from the file is the
# reference; 2..8 threads with several chunk sizes, from the file and from a pipe, must match it.
check_case() {
  local name=$1 input=$2
  shift 2
  local args=("$@")
  run "$name.ref" env -u LEADSCORE_CHUNK_BYTES "$LEADSCORE" "${args[@]/#LEADS/$input}" --threads 1
  [[ -s $WORK/$name.ref.out || -s $WORK/$name.ref.err ]] || { echo "FAIL: $name: no output"; failures=$((failures + 1)); }
  # From a pipe the input is named <stdin>: the reference for pipes is one thread from a pipe.
  run "$name.pref" bash -c 'cat "$0" | "$@"' "$input" "$LEADSCORE" "${args[@]/#LEADS/-}" --threads 1
  local sizes=(1 200 4096 65536)
  local i=0
  for threads in 2 3 4 5 6 7 8; do
    for source in file pipe; do
      local size=${sizes[$((i % ${#sizes[@]}))]}
      i=$((i + 1))
      local what="$name --threads $threads, chunks of $size bytes, from a $source"
      if [[ $source == file ]]; then
        run "$name.t" env LEADSCORE_CHUNK_BYTES="$size" "$LEADSCORE" "${args[@]/#LEADS/$input}" --threads "$threads"
      else
        run "$name.t" env LEADSCORE_CHUNK_BYTES="$size" bash -c 'cat "$0" | "$@"' "$input" \
          "$LEADSCORE" "${args[@]/#LEADS/-}" --threads "$threads"
        same "$name.pref" "$name.t" "$what"
        continue
      fi
      same "$name.ref" "$name.t" "$what"
    done
  done
  # Every chunk size with two threads, from the file.
  for size in 1 2 50 333 1000 8192; do
    run "$name.t" env LEADSCORE_CHUNK_BYTES="$size" "$LEADSCORE" "${args[@]/#LEADS/$input}" --threads 2
    same "$name.ref" "$name.t" "$name --threads 2, chunks of $size bytes"
  done
}

AS_OF=(--as-of 2026-11-01)
check_case score_csv "$WORK/leads.csv" score "$MODEL" -i LEADS --format csv "${AS_OF[@]}"
check_case score_csv_explain "$WORK/leads.csv" score "$MODEL" -i LEADS --format csv --explain "${AS_OF[@]}"
check_case score_jsonl "$WORK/leads.jsonl" score "$MODEL" -i LEADS --format jsonl "${AS_OF[@]}"
# --round: every chunk's writer rounds as the first one does (decayed totals such as 8.4375).
check_case score_csv_round "$WORK/leads.csv" score "$MODEL" -i LEADS --format csv --round 1 "${AS_OF[@]}"
check_case score_jsonl_round "$WORK/leads.jsonl" score "$MODEL" -i LEADS --format jsonl --round 0 "${AS_OF[@]}"
check_case backtest "$WORK/leads.csv" backtest "$MODEL" -i LEADS --input-format csv \
  --outcomes "$WORK/outcomes.csv" --by source "${AS_OF[@]}" --format json
check_case explain_last "$WORK/leads.csv" explain "$MODEL" -i LEADS --input-format csv --id "$LAST_KEY" "${AS_OF[@]}"
check_case explain_missing "$WORK/leads.csv" explain "$MODEL" -i LEADS --input-format csv --id NO_SUCH_LEAD "${AS_OF[@]}"

# A ';'-separated copy (issue 16): the same leads and bad records, sets quoted; the separator
# detected from the header (score), and given (backtest --delimiter).
python3 "$ROOT/tests/threads/mix_bad.py" "$WORK/plain.csv" "$WORK/plain.jsonl" "$WORK/leads_semicolon.csv" "$WORK/unused.jsonl" ';'
check_case score_csv_semicolon "$WORK/leads_semicolon.csv" score "$MODEL" -i LEADS --format csv --explain "${AS_OF[@]}"
check_case backtest_semicolon "$WORK/leads_semicolon.csv" backtest "$MODEL" -i LEADS --input-format csv --delimiter ';' \
  --outcomes "$WORK/outcomes.csv" --by source "${AS_OF[@]}" --format json
# ... and read as ';'-separated: most rows score, as in the comma file.
ok_semicolon=$(grep -c ',ok,' "$WORK/score_csv_semicolon.ref.out" || true)
ok_comma=$(grep -c ',ok,' "$WORK/score_csv_explain.ref.out" || true)
[[ $ok_semicolon -gt $((ROWS / 2)) && $ok_semicolon -ge $((ok_comma - ROWS / 50)) ]] ||
  { echo "FAIL: the ';' file scored $ok_semicolon rows ok, the comma file $ok_comma"; failures=$((failures + 1)); }

# The reference runs themselves must have read the bad records as bad: error rows, a last record
# that is an unclosed quote, and as many rows as records.
grep -q ',error,.*unclosed quote' "$WORK/score_csv.ref.out" || { echo "FAIL: no unclosed-quote error row"; failures=$((failures + 1)); }
grep -q 'Head of' "$WORK/score_csv_explain.ref.out" || true
errors=$(grep -c ',error,' "$WORK/score_csv.ref.out" || true)
[[ $errors -gt $((ROWS / 60)) ]] || { echo "FAIL: only $errors error rows in the CSV reference"; failures=$((failures + 1)); }

echo "$checks comparisons, $failures failures"
[[ $failures -eq 0 ]]
