#!/usr/bin/env bash
# The reference model against a copy with one rule's points changed (issue 10's "done means"):
# `leadscore diff` must list exactly that rule, and exactly the leads it moved, worked out here
# independently from two `leadscore score --explain` runs; `--fail-on` must exit 1 when its
# condition holds and 0 when it does not (`>` is strict: at the threshold it does not hold).
#
#   check_reference_diff.sh LEADSCORE REPO_ROOT [ROWS] [SEED]
set -euo pipefail
bin=$1
root=$2
rows=${3:-2000}
seed=${4:-11}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp "$root/bench/reference.score" "$root/bench/lead.schema" "$tmp/"
python3 "$root/bench/gen_leads.py" --rows "$rows" --seed "$seed" --outcomes "$tmp/outcomes.csv" > "$tmp/leads.csv"
# One number: "Visited pricing" adds 25 instead of 20.
sed 's/when visited pricing_page add 20 as "Visited pricing"/when visited pricing_page add 25 as "Visited pricing"/' \
  "$tmp/reference.score" > "$tmp/changed.score"
if cmp -s "$tmp/reference.score" "$tmp/changed.score"; then
  echo "check_reference_diff: the rule to change was not found in bench/reference.score" >&2
  exit 1
fi

as_of=2026-11-01
"$bin" diff "$tmp/reference.score" "$tmp/changed.score" -i "$tmp/leads.csv" --as-of $as_of --format json --top 0 \
  > "$tmp/diff.json"
"$bin" score "$tmp/reference.score" -i "$tmp/leads.csv" --as-of $as_of --explain -o "$tmp/old.csv" 2> /dev/null
"$bin" score "$tmp/changed.score" -i "$tmp/leads.csv" --as-of $as_of --explain -o "$tmp/new.csv" 2> /dev/null

python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/diff.json"))
old = list(csv.DictReader(open(f"{tmp}/old.csv")))
new = list(csv.DictReader(open(f"{tmp}/new.csv")))
assert len(old) == len(new)

def fail(msg):
    print(f"check_reference_diff: {msg}", file=sys.stderr)
    sys.exit(1)

changes = d["model_changes"]
if len(changes) != 1:
    fail(f"expected exactly one model change, got {changes}")
c = changes[0]
if (c["kind"], c["label"], c["old"], c["new"]) != ("points_changed", "Visited pricing", "add 20", "add 25"):
    fail(f"wrong model change: {c}")

tier = lambda r: "(rejected)" if r["status"] == "rejected" else (r["tier"] or "(no tier)")
moved, fired_for, flips, tier_moves, leads = set(), set(), 0, 0, 0
for o, n in zip(old, new):
    if o["status"] == "error" or n["status"] == "error":
        continue
    leads += 1
    if "Visited pricing" in o["fired"].split(";"):
        fired_for.add(o["id"])
    if float(o["score"]) != float(n["score"]) or o["qualified"] != n["qualified"] or tier(o) != tier(n) \
            or o["status"] != n["status"]:
        moved.add(o["id"])
    flips += o["qualified"] != n["qualified"]
    tier_moves += tier(o) != tier(n)

listed = {m["key"] for m in d["top"]}
if listed != moved:
    fail(f"diff lists {len(listed)} movers, score says {len(moved)} moved; "
         f"only in diff: {sorted(listed - moved)[:5]}, only in score: {sorted(moved - listed)[:5]}")
if not moved or not moved <= fired_for:
    fail("the leads that moved must be some of those the changed rule fired for")
if d["moved"] != len(moved) or d["leads"] != leads:
    fail(f"counts differ: moved {d['moved']} vs {len(moved)}, leads {d['leads']} vs {leads}")
if d["newly_qualified"] + d["no_longer_qualified"] != flips or d["tier_changed"] != tier_moves:
    fail("qualification or tier changes differ from the score runs")
for m in d["top"]:
    o = next(r for r in old if r["id"] == m["key"])
    n = next(r for r in new if r["id"] == m["key"])
    if m["old"]["fired"] != o["fired"].split(";") or m["new"]["fired"] != n["fired"].split(";"):
        fail(f"fired rules of {m['key']} differ from score --explain")
if flips == 0:
    fail("pick a change that flips someone's qualification, or --fail-on is not exercised")
# Thresholds for --fail-on: just below the share (holds), at it exactly (does not), and above.
share = flips / leads
open(f"{tmp}/thresholds", "w").write(f"{share / 2!r} {share!r} {min(1.0, share * 2)!r} {tier_moves / leads!r}\n")
print(f"ok: 1 model change; {len(moved)} of {leads} leads moved (all fired 'Visited pricing'); "
      f"{flips} qualification flips ({share:.4%})")
PY

read -r below at above tier_share < "$tmp/thresholds"
run_fail_on() {
  local expected=$1 condition=$2 status=0
  "$bin" diff "$tmp/reference.score" "$tmp/changed.score" -i "$tmp/leads.csv" --as-of $as_of --format json \
    --fail-on "$condition" > /dev/null 2> "$tmp/stderr" || status=$?
  if [ "$status" != "$expected" ]; then
    echo "check_reference_diff: --fail-on $condition exited $status, expected $expected" >&2
    cat "$tmp/stderr" >&2
    exit 1
  fi
  if [ "$expected" = 1 ] && ! grep -q -- "--fail-on ${condition%%,*} holds" "$tmp/stderr"; then
    echo "check_reference_diff: --fail-on $condition did not say which condition held" >&2
    exit 1
  fi
}
run_fail_on 1 "qualified-change>$below"
run_fail_on 0 "qualified-change>$at"
run_fail_on 0 "qualified-change>$above"
run_fail_on 1 "qualified-change>0%,tier-change>100%"
run_fail_on 0 "tier-change>$tier_share"
echo "ok: --fail-on exits 1 below the measured share and 0 at and above it"

# With outcomes, each model's figures are those `leadscore backtest` gives it.
"$bin" diff "$tmp/reference.score" "$tmp/changed.score" -i "$tmp/leads.csv" --outcomes "$tmp/outcomes.csv" \
  --as-of $as_of --format json > "$tmp/diff_outcomes.json"
"$bin" backtest "$tmp/reference.score" -i "$tmp/leads.csv" --outcomes "$tmp/outcomes.csv" --as-of $as_of \
  --format json > "$tmp/old_backtest.json"
"$bin" backtest "$tmp/changed.score" -i "$tmp/leads.csv" --outcomes "$tmp/outcomes.csv" --as-of $as_of \
  --format json > "$tmp/new_backtest.json"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/diff_outcomes.json"))
for side in ("old", "new"):
    b = json.load(open(f"{tmp}/{side}_backtest.json"))
    for key in ("auc", "precision", "recall", "qualified", "converted"):
        if d[side][key] != b[key]:
            sys.exit(f"check_reference_diff: {side} {key}: diff says {d[side][key]}, backtest {b[key]}")
print(f"ok: both models' AUC, precision and recall equal backtest's (old AUC {d['old']['auc']:.4f}, new {d['new']['auc']:.4f})")
PY
