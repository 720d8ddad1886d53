#!/usr/bin/env python3
"""Re-scores leads with a plain, row-at-a-time Python transcription of reference.score and compares
the result with a scorer's output CSV exactly (text of every column, numbers printed as fmt prints a
double). Used to check the hand-written C++ scorer (and leadscore) cell for cell.

    verify_handwritten.py LEADS.csv OUT.csv [--as-of 2026-11-01] [--limit N]
"""
import argparse, csv, datetime, math, re, sys

SENIOR = re.compile(r"\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\b", re.I | re.A)
JUNIOR = re.compile(r"\b(student|intern)\b", re.I | re.A)
FREE = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me"}


def fmt_num(x):
    """fmt::format("{}", x) for a double, with -0 as 0."""
    if x == 0:
        return "0"
    s = repr(float(x))
    if s.endswith(".0"):
        s = s[:-2]
    return s


def score(row, as_of):
    g = lambda k: row.get(k) or None           # empty cell = missing
    title = g("job_title")
    fit = 0.0
    if title and SENIOR.search(title): fit += 15
    if title and "director" in title.lower(): fit += 8
    size = g("company_size")
    if size is not None and int(size) >= 100: fit += 10
    if size is not None and int(size) >= 1000: fit += 5
    rev = g("annual_revenue")
    if rev is not None and float(rev) > 10000000: fit += 5
    if g("industry") in ("saas", "fintech"): fit += 5
    if g("country") in ("US", "GB", "DE", "CA", "AU"): fit += 3
    email = row["email"]
    if "@" in email and email.rsplit("@", 1)[1].lower() in FREE: fit -= 10
    if title and JUNIOR.search(title): fit -= 20
    fit = min(fit, 40)

    visited = set((g("visited") or "").split(";")) - {""}
    downloaded = set((g("downloaded") or "").split(";")) - {""}
    last = g("last_activity")
    days = max(0, (as_of - datetime.date.fromisoformat(last[:10])).days) if last else None
    eng = 0.0
    if "pricing_page" in visited: eng += 20
    if "contact_page" in visited: eng += 20
    if visited & {"demo_page", "case_studies"}: eng += 10
    if "ebook" in downloaded: eng += 10
    if "whitepaper" in downloaded: eng += 10
    if g("email_opens") is not None and int(row["email_opens"]) >= 3: eng += 5
    if g("email_clicks") is not None and int(row["email_clicks"]) > 0:
        eng += min(2 * max(int(row["email_clicks"]), 0), 10)
    if g("webinars") is not None and int(row["webinars"]) >= 1: eng += 20
    if (g("demo_requested") or "").lower() in ("true", "yes", "1"): eng += 50
    if g("source") == "referral": eng += 10
    if (g("unsubscribed") or "").lower() in ("true", "yes", "1"): eng -= 15
    if days is not None and days > 180: eng -= 10
    if days is not None: eng *= math.pow(0.75, days // 30)
    eng = min(eng, 60)

    total = min(max(fit + eng, 0), 100)
    rejected = email.lower().endswith("@competitor.com")
    if rejected:
        tier = ""
    else:
        tier = "hot" if total >= 80 else "warm" if total >= 50 else "cold" if total >= 20 else "ice"
    qualified = "true" if (not rejected and total >= 50) else "false"
    return [row["id"], fmt_num(total), qualified, tier, "rejected" if rejected else "ok",
            "Competitor" if rejected else "", fmt_num(fit), fmt_num(eng)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("leads"); ap.add_argument("out")
    ap.add_argument("--as-of", default="2026-11-01")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    as_of = datetime.date.fromisoformat(a.as_of)
    bad = n = 0
    with open(a.leads, newline="") as fl, open(a.out, newline="") as fo:
        leads, out = csv.DictReader(fl), csv.reader(fo)
        header = next(out)
        want_header = ["id", "score", "qualified", "tier", "status", "reason", "fit", "engagement"]
        assert header == want_header, header
        for row, got in zip(leads, out):
            want = score(row, as_of)
            if got != want:
                bad += 1
                if bad <= 10:
                    print(f"differs at {row['id']}:\n  want {want}\n  got  {got}")
            n += 1
            if a.limit and n >= a.limit:
                break
    print(f"{n} rows compared, {bad} differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
