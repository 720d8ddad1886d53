#!/usr/bin/env bash
# Issue 16's "done means": a schema inferred from a raw CRM export checks with no edit, a model
# written against it scores the export (headers untouched) with no error rows, and the same leads
# give byte-identical output when read from a copy whose headers were renamed by hand to the field
# names (and the schema's `from "..."` dropped).
# Usage: check_same_scores.sh LEADSCORE REPO_ROOT
set -euo pipefail
bin=$1
root=$2
export_csv=$root/tests/exports/course_leads.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$tmp/raw" "$tmp/renamed"
"$bin" schema infer "$export_csv" -o "$tmp/raw/course_leads.schema"
grep -q ' from "' "$tmp/raw/course_leads.schema" || fail "the inferred schema has no from \"...\""
cp "$root/tests/exports/course_leads.score" "$tmp/raw/"
"$bin" check "$tmp/raw/course_leads.score" || fail "check refused the inferred schema or the model"
"$bin" score "$tmp/raw/course_leads.score" -i "$export_csv" -o "$tmp/raw.csv" --as-of 2026-11-01 -q

# The hand-renamed copy: each header as its field's name, the schema without `from`.
sed -E 's/ from "[^"]*"//' "$tmp/raw/course_leads.schema" > "$tmp/renamed/course_leads.schema"
! grep -q ' from "' "$tmp/renamed/course_leads.schema" || fail "a from \"...\" is left in the renamed schema"
cp "$root/tests/exports/course_leads.score" "$tmp/renamed/"
head -n 1 "$export_csv" | tr ',' '\n' | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/_/g; s/^_+//; s/_+$//' |
  paste -sd, - > "$tmp/renamed.csv"
tail -n +2 "$export_csv" >> "$tmp/renamed.csv"
[ "$(head -n 1 "$tmp/renamed.csv")" != "$(head -n 1 "$export_csv")" ] || fail "the headers were not renamed"
"$bin" score "$tmp/renamed/course_leads.score" -i "$tmp/renamed.csv" -o "$tmp/renamed_out.csv" --as-of 2026-11-01 -q

rows=$(($(wc -l < "$export_csv") - 1))
[ "$(($(wc -l < "$tmp/raw.csv") - 1))" -eq "$rows" ] || fail "not one output row per lead"
# Column 5 is the status; the keys (UUIDs) hold no commas.
errors=$(tail -n +2 "$tmp/raw.csv" | cut -d, -f5 | grep -c '^error$' || true)
[ "$errors" -eq 0 ] || { grep ',error,' "$tmp/raw.csv" | head -5; fail "$errors error rows from the raw export"; }
qualified=$(tail -n +2 "$tmp/raw.csv" | cut -d, -f3 | grep -c '^true$' || true)
rejected=$(tail -n +2 "$tmp/raw.csv" | cut -d, -f5 | grep -c '^rejected$' || true)
[ "$qualified" -gt 0 ] && [ "$rejected" -gt 0 ] || fail "the scores say little: $qualified qualified, $rejected rejected"
if ! cmp -s "$tmp/raw.csv" "$tmp/renamed_out.csv"; then
  diff -u "$tmp/raw.csv" "$tmp/renamed_out.csv" | head -40
  fail "the raw export and the renamed copy score differently"
fi
echo "PASS: $rows leads, no error rows, $qualified qualified, $rejected rejected, identical through from \"...\" and renamed headers"
