#!/usr/bin/env bash
# `leadscore compile` and the way a .lsc finds its schema (docs/lsc.md), end to end:
#  - without -o the .lsc goes beside the model, with the model's name;
#  - moved away from its source and schema, a .lsc scores the same (its schema is embedded);
#  - beside the schema it was compiled against it scores the same; beside a changed schema it is
#    refused with exit 1 (recompile);
#  - a damaged one (cut short, a byte changed) is refused with exit 2 and a message.
# (Load time is measured in-process by bench/micro, BM_LscLoad*.)
#
#   tests/lsc/check_cli.sh LEADSCORE REPO
set -uo pipefail

bin=${1:?usage: check_cli.sh LEADSCORE REPO}
repo=${2:?usage: check_cli.sh LEADSCORE REPO}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
repo=$(cd "$repo" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL $*" >&2
  failures=$((failures + 1))
}
expect_status() {
  local want=$1
  shift
  "$bin" "$@" > "$work/out" 2> "$work/err"
  local got=$?
  [[ $got == "$want" ]] || { fail "leadscore $* exited $got, not $want"; cat "$work/err" >&2; }
}

cp "$repo/tests/lsc/small/"{model.score,lead.schema,leads.csv} "$work/"
cd "$work" || exit 2

expect_status 0 compile model.score
[[ -s model.lsc ]] || fail "compile without -o wrote no model.lsc"
"$bin" score model.score -i leads.csv -q --as-of 2026-11-01 > from_source.csv
"$bin" score model.lsc -i leads.csv -q --as-of 2026-11-01 > beside.csv
cmp -s from_source.csv beside.csv || fail "the .lsc beside its schema scores differently"

mkdir elsewhere
cp model.lsc elsewhere/
"$bin" score elsewhere/model.lsc -i leads.csv -q --as-of 2026-11-01 > moved.csv
cmp -s from_source.csv moved.csv || fail "the .lsc alone (embedded schema) scores differently"

# A schema edited after the compile: the .lsc beside it is stale.
cp lead.schema lead.schema.orig
sed -i 's/^  title:    string/  title:    string\n  extra:    int/' lead.schema
expect_status 1 score model.lsc -i leads.csv -q --as-of 2026-11-01
grep -q "was compiled against another version of 'lead.schema'" "$work/err" || fail "no stale-schema message: $(cat "$work/err")"
cp lead.schema.orig lead.schema

# Damage: cut short, a changed byte, another version.
size=$(stat -c %s model.lsc)
head -c $((size / 2)) model.lsc > cut.lsc
expect_status 2 score cut.lsc -i leads.csv
grep -q "cannot load 'cut.lsc': the file is truncated" "$work/err" || fail "no truncation message: $(cat "$work/err")"
python3 -c 'import sys; b = bytearray(open("model.lsc", "rb").read()); b[len(b) // 2] ^= 0xff; open("flipped.lsc", "wb").write(b)'
expect_status 2 explain flipped.lsc -i leads.csv --id 1
grep -q "checksum does not match" "$work/err" || fail "no checksum message: $(cat "$work/err")"
expect_status 2 compile model.lsc -o again.lsc
expect_status 2 compile model.score -o "$work/no/such/dir/model.lsc"

echo "lsc cli checks: $failures failures"
[[ $failures == 0 ]]
