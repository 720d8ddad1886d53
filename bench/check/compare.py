#!/usr/bin/env python3
"""Checks that a peer's output says the same as the reference output (the hand-written scorer's).

    compare.py REFERENCE.csv PEER.csv

Rows are compared in order: the id must be equal; score, fit and engagement numerically (the peers
print numbers their own way: 20 / 20.0, 15 or 17 significant digits), to a relative 1e-9; qualified,
tier, status and reason as text, with a peer's True/False/1/0 read as true/false and NaN/None as
empty. Prints one line; exit status 1 when anything differs.
"""
import csv, math, sys

NUMERIC = ("score", "fit", "engagement")
TEXT = ("qualified", "tier", "status", "reason")
BOOL = {"true": "true", "false": "false", "1": "true", "0": "false"}


def norm_text(col, v):
    v = v.strip()
    if v.lower() in ("nan", "none", "null"):
        v = ""
    if col == "qualified":
        return BOOL.get(v.lower(), v)
    return v


def same_number(a, b):
    if a.strip() == "" or b.strip() == "":
        return a.strip() == b.strip()
    x, y = float(a), float(b)
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def main():
    ref_path, peer_path = sys.argv[1], sys.argv[2]
    with open(ref_path, newline="") as fr, open(peer_path, newline="") as fp:
        ref, peer = csv.reader(fr), csv.reader(fp)
        rh, ph = next(ref), next(peer)
        try:
            ri = [rh.index(c) for c in ("id",) + NUMERIC + TEXT]
            pi = [ph.index(c) for c in ("id",) + NUMERIC + TEXT]
        except ValueError as e:
            print(f"DIFFERS: missing column ({e}) in {peer_path}: {ph}")
            return 1
        rows = bad = 0
        first = None
        for r, p in zip(ref, peer):
            rows += 1
            rv = [r[i] for i in ri]
            pv = [p[i] if i < len(p) else "" for i in pi]
            ok = rv[0] == pv[0]
            ok = ok and all(same_number(a, b) for a, b in zip(rv[1:4], pv[1:4]))
            ok = ok and all(norm_text(c, a) == norm_text(c, b)
                            for c, a, b in zip(TEXT, rv[4:], pv[4:]))
            if not ok:
                bad += 1
                if first is None:
                    first = (rows, rv, pv)
        extra_ref = sum(1 for _ in ref)
        extra_peer = sum(1 for _ in peer)
    if bad or extra_ref or extra_peer:
        msg = f"DIFFERS: {bad} of {rows} rows differ"
        if extra_ref or extra_peer:
            msg += f"; row counts differ ({rows + extra_ref} vs {rows + extra_peer})"
        if first:
            msg += f"; first at row {first[0]}: want {first[1]}, got {first[2]}"
        print(msg)
        return 1
    print(f"same: {rows} rows (id, score, fit, engagement, qualified, tier, status, reason)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
