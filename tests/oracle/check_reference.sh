#!/usr/bin/env bash
# Scores generated leads with leadscore and with the independent Python oracle, and compares.
#
#   check_reference.sh LEADSCORE_BINARY [ROWS [SEED]] [--explain]
#
# ROWS defaults to 100000, SEED to 7. The leads come from the repository's bench/gen_leads.py, the
# model is bench/reference.score, scored as of 2026-11-01.
# --explain compares the `fired` column too. Prints "reference check: N rows, all equal" and exits 0,
# or the first differing rows and exits 1 (2 on bad usage or when a tool fails).
set -u

usage() { echo "usage: $0 LEADSCORE_BINARY [ROWS [SEED]] [--explain]" >&2; exit 2; }

explain=
positional=()
for a in "$@"; do
  case "$a" in
    --explain) explain=--explain ;;
    -*) usage ;;
    *) positional+=("$a") ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && [ ${#positional[@]} -le 3 ] || usage
binary=${positional[0]}
rows=${positional[1]:-100000}
seed=${positional[2]:-7}
as_of=2026-11-01

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)
bench=$repo_root/bench
if [ ! -f "$bench/reference.score" ] || [ ! -f "$bench/gen_leads.py" ]; then
  echo "check_reference: no bench/reference.score or bench/gen_leads.py in $repo_root" >&2
  exit 2
fi
if [ ! -x "$binary" ]; then
  echo "check_reference: no executable '$binary'" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$bench/gen_leads.py" --rows "$rows" --seed "$seed" > "$tmp/leads.csv" || exit 2
python3 "$script_dir/reference_oracle.py" "$tmp/leads.csv" --as-of "$as_of" $explain > "$tmp/expected" || {
  echo "check_reference: the oracle failed" >&2
  exit 2
}
"$binary" score "$bench/reference.score" -i "$tmp/leads.csv" --as-of "$as_of" $explain \
  > "$tmp/actual" 2> "$tmp/stderr"
status=$?
if [ $status -ne 0 ]; then
  echo "check_reference: leadscore exited with status $status" >&2
  head -n 20 "$tmp/stderr" >&2
  exit 1
fi

if cmp -s "$tmp/expected" "$tmp/actual"; then
  echo "reference check: $rows rows, all equal"
  exit 0
fi

# Rows line up one to one (same order, one output row per record), so compare line by line.
awk -v shown=10 '
  NR == FNR { want[FNR] = $0; n_want = FNR; next }
  {
    n_got = FNR
    if (want[FNR] != $0) {
      bad++
      if (bad <= shown) {
        printf "line %d:\n  oracle:    %s\n  leadscore: %s\n", FNR, want[FNR], $0
      }
    }
  }
  END {
    if (n_got < n_want) { bad += n_want - n_got; printf "leadscore printed %d lines, the oracle %d\n", n_got, n_want }
    else if (n_got > n_want) printf "leadscore printed %d lines, the oracle %d\n", n_got, n_want
    printf "reference check: %d of %d lines differ\n", bad, n_want
  }' "$tmp/expected" "$tmp/actual"
if ! cmp -s <(tail -c 1 "$tmp/expected") <(tail -c 1 "$tmp/actual"); then
  echo "(the last byte differs too: a missing or extra final newline?)"
fi
exit 1
