#!/bin/sh
# Checks that grammar/leadscore.peg documents src/syntax/grammar.hpp rule for rule:
#  - every `struct NAME :` in grammar.hpp is a `NAME <-` line in the .peg, and vice versa, in the
#    same order;
#  - every keyword declared with LS_KEYWORD(word) appears as 'word' in the .peg.
# Usage: check_grammar_doc.sh [REPO_ROOT]   (default: two levels above this script)
# Exit 0 when they agree, 1 with the differences on stdout, 2 when a file is missing.
set -eu

root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
hpp=$root/src/syntax/grammar.hpp
peg=$root/grammar/leadscore.peg
for f in "$hpp" "$peg"; do
  [ -r "$f" ] || { echo "check_grammar_doc: cannot read $f" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Rule names of grammar.hpp, in order: `struct NAME :` (the ':' may be on the next line), with
# // comments removed. Forward declarations (`struct NAME;`) and the kw_##name macro are skipped.
sed 's://.*$::' "$hpp" | tr '\n' ' ' |
  grep -oE 'struct[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*:' |
  sed -E 's/^struct[[:space:]]+([A-Za-z0-9_]+).*/\1/' > "$tmp/hpp"

# Rule names of the .peg, in order: `NAME <-` at the start of a line.
sed -n -E 's/^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*<-.*/\1/p' "$peg" > "$tmp/peg"

status=0
if ! diff -u --label src/syntax/grammar.hpp --label grammar/leadscore.peg "$tmp/hpp" "$tmp/peg" > "$tmp/diff"; then
  echo "rule names differ (- only in grammar.hpp or out of order, + only in leadscore.peg):"
  grep -E '^[-+][^-+]' "$tmp/diff" || true
  status=1
fi

if [ ! -s "$tmp/hpp" ]; then
  echo "no rules found in $hpp"
  status=1
fi

# Keywords: LS_KEYWORD(word) in grammar.hpp must appear as 'word' in the .peg.
sed 's://.*$::' "$hpp" | grep -oE 'LS_KEYWORD\([a-z_]+\)' | sed -E 's/LS_KEYWORD\((.*)\)/\1/' |
  grep -v '^name$' | sort -u > "$tmp/kw"
while read -r kw; do
  if ! grep -q "'$kw'" "$peg"; then
    echo "keyword '$kw' (LS_KEYWORD in grammar.hpp) does not appear in leadscore.peg"
    status=1
  fi
done < "$tmp/kw"

if [ "$status" -eq 0 ]; then
  echo "grammar/leadscore.peg agrees with src/syntax/grammar.hpp ($(wc -l < "$tmp/hpp" | tr -d ' ') rules, $(wc -l < "$tmp/kw" | tr -d ' ') keywords)"
fi
exit "$status"
