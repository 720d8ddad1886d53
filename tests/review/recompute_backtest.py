#!/usr/bin/env python3
"""Recomputes `leadscore backtest` independently and compares (issue 10, "Done means").

    recompute_backtest.py LEADSCORE MODEL LEADS.csv OUTCOMES.csv --as-of DAY [--by FIELD]

Only `score --explain` (each lead's score, qualified, tier, status and fired rules) and the outcome
file are read; every figure is worked out here from the definitions in docs/review.md, with exact
fractions where it matters, and compared with `backtest --format json`. Exit 0 when all agree.
"""
import argparse
import csv
import json
import math
import subprocess
import sys
import tempfile
from fractions import Fraction

TRUE, FALSE = {"true", "yes", "1"}, {"false", "no", "0"}


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("leadscore"), ap.add_argument("model"), ap.add_argument("leads"), ap.add_argument("outcomes")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--by")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        scored_path = f"{tmp}/scored.csv"
        run([a.leadscore, "score", a.model, "-i", a.leads, "--explain", "--as-of", a.as_of, "-o", scored_path])
        with open(scored_path, newline="", encoding="utf-8") as f:
            scored = list(csv.DictReader(f))
    cmd = [a.leadscore, "backtest", a.model, "-i", a.leads, "--outcomes", a.outcomes, "--as-of", a.as_of,
           "--format", "json"]
    if a.by:
        cmd += ["--by", a.by]
    got = json.loads(run(cmd))

    key = next(iter(scored[0])) if scored else "id"
    outcomes = {}
    with open(a.outcomes, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c = row["converted"].strip().lower()
            assert c in TRUE | FALSE, row
            value = row.get("deal_value") or ""
            outcomes[row[key]] = (c in TRUE, float(value) if value else 0.0)
    by_values = None
    if a.by:
        with open(a.leads, newline="", encoding="utf-8") as f:
            by_values = [row.get(a.by) or "(missing)" for row in csv.DictReader(f)]
        assert len(by_values) == len(scored)

    # The counted leads: scored (not error records) and with an outcome.
    leads, matched = [], set()
    errors = without = 0
    for i, row in enumerate(scored):
        if row[key] in outcomes:
            matched.add(row[key])
        if row["status"] == "error":
            errors += 1
            continue
        if row[key] not in outcomes:
            without += 1
            continue
        conv, deal = outcomes[row[key]]
        leads.append({
            "score": float(row["score"]), "rejected": row["status"] == "rejected", "conv": conv,
            "deal": deal, "qualified": row["qualified"] == "true", "tier": row["tier"],
            "fired": [x for x in row["fired"].split(";") if x], "by": by_values[i] if by_values else None,
        })

    want = {}
    n = len(leads)
    pos = sum(l["conv"] for l in leads)
    neg = n - pos
    base = Fraction(pos, n)
    want["leads"], want["converted"], want["base_rate"] = n, pos, base
    want["errors"], want["without_outcome"] = errors, without
    want["outcomes_without_lead"] = len(set(outcomes) - matched)
    want["revenue"] = sum(l["deal"] for l in leads if l["conv"])

    # AUC: over every (converted, not converted) pair, 1 when the converted lead ranks above, 1/2
    # on a tie. Rank: (not rejected, score), higher is better. Counted by groups of equal rank.
    rank = lambda l: (not l["rejected"], l["score"])
    groups = {}
    for l in leads:
        g = groups.setdefault(rank(l), [0, 0])
        g[0 if l["conv"] else 1] += 1
    wins, neg_below = Fraction(0), 0
    for r in sorted(groups):  # worst first
        p, q = groups[r]
        wins += p * neg_below + Fraction(p * q, 2)
        neg_below += q
    want["auc"] = wins / (pos * neg)

    q = [l for l in leads if l["qualified"]]
    qc = sum(l["conv"] for l in q)
    want["qualified"] = len(q)
    want["precision"] = Fraction(qc, len(q)) if q else None
    want["recall"] = Fraction(qc, pos)

    def figures(members):
        c = sum(l["conv"] for l in members)
        rate = Fraction(c, len(members))
        return {"leads": len(members), "converted": c, "rate": rate, "lift": rate / base,
                "revenue": sum(l["deal"] for l in members if l["conv"])}

    tiers = {}
    for l in leads:
        tiers.setdefault("(rejected)" if l["rejected"] else (l["tier"] or "(none)"), []).append(l)
    want["tiers"] = {t: figures(m) for t, m in tiers.items()}

    rules = {}
    for r in got["rules"]:
        assert ";" not in r["label"], r["label"]
        fired = [l for l in leads if r["label"] in l["fired"]]
        rest = [l for l in leads if r["label"] not in l["fired"]]
        fc = sum(l["conv"] for l in fired)
        rules[r["label"]] = {
            "fired": len(fired), "converted_fired": fc,
            "rate_fired": Fraction(fc, len(fired)) if fired else None,
            "rate_not_fired": Fraction(pos - fc, len(rest)) if rest else None,
            "lift": Fraction(fc, len(fired)) / base if fired else None}
    want["rules"] = rules

    thresholds = {}
    for t in got["thresholds"]:
        sel = [l for l in leads if not l["rejected"] and l["score"] >= t["at"]]
        c = sum(l["conv"] for l in sel)
        thresholds[t["at"]] = {"qualified": len(sel), "converted": c,
                               "precision": Fraction(c, len(sel)) if sel else None, "recall": Fraction(c, pos)}
    want["thresholds"] = thresholds

    order = sorted(range(n), key=lambda i: (leads[i]["rejected"], -leads[i]["score"]))  # stable: input order
    deciles = {}
    for d in range(10):
        members = [leads[i] for i in order[n * d // 10: n * (d + 1) // 10]]
        if members:
            f = figures(members)
            f["min_score"] = min(l["score"] for l in members)
            f["max_score"] = max(l["score"] for l in members)
            del f["revenue"]
            deciles[d + 1] = f
    want["deciles"] = deciles

    if a.by:
        by = {}
        for l in leads:
            by.setdefault(l["by"], []).append(l)
        want["by"] = {v: dict(figures(m), mean_score=sum(l["score"] for l in m) / len(m)) for v, m in by.items()}

    # --- compare -----------------------------------------------------------------------------------
    problems, compared = [], 0

    def same(where, w, g):
        nonlocal compared
        compared += 1
        if w is None or g is None:
            ok = w is None and g is None
        elif isinstance(w, int) and not isinstance(w, bool) and isinstance(g, int):
            ok = w == g
        else:
            ok = math.isclose(float(w), float(g), rel_tol=1e-9, abs_tol=1e-12)
        if not ok:
            problems.append(f"{where}: recomputed {float(w) if isinstance(w, Fraction) else w}, backtest says {g}")

    for name in ("leads", "converted", "base_rate", "auc", "qualified", "precision", "recall", "revenue",
                 "errors", "without_outcome", "outcomes_without_lead"):
        same(name, want[name], got[name])

    def same_rows(what, wanted, rows, name_key, fields):
        names = [r[name_key] for r in rows]
        if sorted(map(str, names)) != sorted(map(str, wanted)):
            problems.append(f"{what}: recomputed {sorted(map(str, wanted))}, backtest lists {names}")
        for r in rows:
            for field in fields:
                if r[name_key] in wanted:
                    same(f"{what} {r[name_key]!r} {field}", wanted[r[name_key]][field], r[field])

    group_fields = ("leads", "converted", "rate", "lift", "revenue")
    same_rows("tier", want["tiers"], [t for t in got["tiers"] if t["leads"] > 0], "tier", group_fields)
    same_rows("rule", want["rules"], got["rules"], "label",
              ("fired", "converted_fired", "rate_fired", "rate_not_fired", "lift"))
    same_rows("threshold", want["thresholds"], got["thresholds"], "at",
              ("qualified", "converted", "precision", "recall"))
    same_rows("decile", want["deciles"], got["deciles"], "decile",
              ("leads", "converted", "rate", "lift", "min_score", "max_score"))
    if a.by:
        same_rows("by", want["by"], got["by"]["values"], "value", group_fields + ("mean_score",))

    if problems:
        print(f"FAIL: {len(problems)} of {compared} figures differ:")
        for p in problems[:40]:
            print("  " + p)
        sys.exit(1)
    print(f"OK: {compared} figures of {n} leads ({pos} converted, AUC {float(want['auc']):.6f}) agree")


if __name__ == "__main__":
    main()
