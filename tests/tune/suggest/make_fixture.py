#!/usr/bin/env python3
"""Writes leads.csv and outcomes.csv for tests/golden/tune_suggest_rules: 3,000 leads whose outcome
depends on `demo` (which model.score scores), on `source = partner` and on `visits` (which it does
not), so that `tune --suggest-rules` has something to find. Deterministic: run it from this folder."""
import csv, math, random

rng = random.Random(5)
with open("leads.csv", "w", newline="") as lf, open("outcomes.csv", "w", newline="") as of:
    leads = csv.writer(lf, lineterminator="\n")
    outcomes = csv.writer(of, lineterminator="\n")
    leads.writerow(["id", "source", "visits", "demo"])
    outcomes.writerow(["id", "converted"])
    for i in range(3000):
        source = rng.choice(["web", "web", "partner", "event"])
        visits = min(int(rng.expovariate(0.5)), 20)
        demo = rng.random() < 0.15
        z = -3.0 + 1.8 * demo + 1.5 * (source == "partner") + 0.4 * min(visits, 5)
        converted = rng.random() < 1 / (1 + math.exp(-z))
        key = f"S{i:05d}"
        leads.writerow([key, source, visits, "true" if demo else "false"])
        outcomes.writerow([key, "true" if converted else "false"])
