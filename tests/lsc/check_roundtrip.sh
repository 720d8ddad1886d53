#!/usr/bin/env bash
# The .lsc round trip over every model in the repository: each model that compiles is compiled to a
# .lsc, and `score` (with and without --explain), `disasm` and `explain` of one lead must give the
# same bytes on stdout and stderr, and the same exit status, from the .lsc as from the source.
# Models that do not compile (modules, test files, models with errors) must fail `compile` as they
# fail `score`. Leads: the CSV and JSON-lines files beside the model, else examples/leads.csv.
#
#   tests/lsc/check_roundtrip.sh LEADSCORE REPO
set -uo pipefail

bin=${1:?usage: check_roundtrip.sh LEADSCORE REPO}
repo=${2:?usage: check_roundtrip.sh LEADSCORE REPO}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
cd "$repo" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0 compiled=0 skipped=0 runs=0
fail() {
  echo "FAIL $1" >&2
  failures=$((failures + 1))
}

# Runs `leadscore ARGS` and stores stdout, stderr and status under $work/$1.
run() {
  local name=$1
  shift
  "$bin" "$@" > "$work/$name.out" 2> "$work/$name.err"
  echo $? > "$work/$name.status"
}

same() {
  local a=$1 b=$2 what=$3
  runs=$((runs + 1))
  for part in out err status; do
    if ! cmp -s "$work/$a.$part" "$work/$b.$part"; then
      fail "$what: $part differs"
      diff <(head -c 2000 "$work/$a.$part") <(head -c 2000 "$work/$b.$part") | head -n 10 >&2
      return
    fi
  done
}

while IFS= read -r model; do
  lsc=$work/model.lsc
  rm -f "$lsc"
  run compile compile "$model" -o "$lsc"
  if [[ $(cat "$work/compile.status") != 0 ]]; then
    # It must fail to run from source too, with the same status.
    run source score "$model" -i examples/leads.csv -q --as-of 2026-11-01
    if [[ $(cat "$work/source.status") == 0 ]]; then
      fail "$model: compile fails (status $(cat "$work/compile.status")) but score runs"
    fi
    skipped=$((skipped + 1))
    continue
  fi
  [[ -s $lsc ]] || { fail "$model: compile wrote no file"; continue; }
  compiled=$((compiled + 1))

  run source disasm "$model"
  run compiled disasm "$lsc"
  same source compiled "$model: disasm"

  dir=$(dirname "$model")
  leads=()
  for f in "$dir"/*.csv "$dir"/*.jsonl; do
    [[ -f $f ]] && leads+=("$f")
  done
  [[ ${#leads[@]} -gt 0 ]] || leads=(examples/leads.csv)
  for input in "${leads[@]:0:3}"; do
    run source score "$model" -i "$input" -q --as-of 2026-11-01
    run compiled score "$lsc" -i "$input" -q --as-of 2026-11-01
    same source compiled "$model: score -i $input"
    run source score "$model" -i "$input" -q --as-of 2026-11-01 --explain
    run compiled score "$lsc" -i "$input" -q --as-of 2026-11-01 --explain
    same source compiled "$model: score --explain -i $input"
    # explain the first lead scored (the key is the first column of score's CSV output).
    key=$(sed -n 2p "$work/source.out" | cut -d, -f1)
    if [[ -n $key && $key != *'"'* ]]; then
      run source explain "$model" -i "$input" --id "$key" --as-of 2026-11-01
      run compiled explain "$lsc" -i "$input" --id "$key" --as-of 2026-11-01
      same source compiled "$model: explain --id $key -i $input"
    fi
  done
done < <(find examples stdlib bench tests -name '*.score' -not -path 'tests/fuzz/*' | sort)

echo "lsc round trip: $compiled models compiled, $skipped that do not compile, $runs comparisons, $failures failures"
[[ $compiled -gt 20 ]] || { echo "FAIL too few models compiled" >&2; exit 1; }
[[ $failures == 0 ]]
