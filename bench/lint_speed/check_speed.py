#!/usr/bin/env python3
"""How long `leadscore check` takes on a big model (docs/performance.md, "Checking speed").

Generates a valid model of RULES rules (default 10,000) over the benchmark schema
(bench/lead.schema): several groups with caps and a decay, rules outside any group, lets of
every kind that the rules use, a reject, thresholds and tiers. The conditions cover every form of
SPEC 3 (comparisons, lists, sets, regexes, string tests, bools, presence, dates, arithmetic,
built-ins, and/or/not) and are varied by the rule's number, so that no two are the same: a clean
model (the one warning the bench schema causes, W010, is allowed in the file). Then it
times `leadscore check` on it, best wall time of RUNS (default 3) with its CPU time, and prints
the figures.

    bench/lint_speed/check_speed.py [--leadscore build/leadscore] [--rules 10000] [--runs 3]
                                    [--keep DIR]

Exit status 1 if check reports an error (the generator is wrong) or fails.
"""

import argparse
import datetime
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SCHEMA = os.path.join(REPO, "bench", "lead.schema")

INDUSTRIES = ["saas", "fintech", "retail", "healthcare", "education", "manufacturing", "other"]
SOURCES = ["organic", "paid", "referral", "event", "outbound"]
VISITED = ["pricing_page", "contact_page", "demo_page", "blog", "case_studies", "docs", "careers"]
DOWNLOADED = ["ebook", "whitepaper", "case_study"]
WORDS = ["chief", "vp", "head", "director", "manager", "founder", "owner", "lead", "senior",
         "principal", "analyst", "engineer", "marketing", "sales", "revenue", "growth", "ops"]
COUNTRIES = ["US", "GB", "DE", "CA", "AU", "FR", "NL", "SE", "ES", "IT", "JP", "BR", "IN"]
INT_FIELDS = ["company_size", "email_opens", "email_clicks", "webinars"]
DATE_FIELDS = ["last_activity", "created_at"]
BOOL_FIELDS = ["demo_requested", "unsubscribed"]
LETS = 200


def pick(rng, items, k):
    return rng.sample(items, k)


def condition(rng, i):
    """A condition that uses `i` so that every rule's text differs."""
    kind = i % 20
    n = i // 20 + 1
    if kind == 0:
        return f"company_size >= {n * 7}"
    if kind == 1:
        return f"industry in [{', '.join(pick(rng, INDUSTRIES, 2))}] and email_opens > {n}"
    if kind == 2:
        return f"visited {rng.choice(VISITED)} and email_clicks >= {n}"
    if kind == 3:
        return f"visited any of [{', '.join(pick(rng, VISITED, 3))}] and webinars < {n + 1}"
    if kind == 4:
        return f"downloaded all of [{', '.join(pick(rng, DOWNLOADED, 2))}] or email_opens = {n}"
    if kind == 5:
        return f"job_title matches {rng.choice(WORDS)} and company_size < {n * 11 + 50}"
    if kind == 6:
        # A regex literal per 20 rules: RE2 compiles each one, as a real model's titles would.
        a, b = pick(rng, WORDS, 2)
        return f"job_title matches /\\b({a}|{b}) ?{n}\\b/i"
    if kind == 7:
        return f"email ends with \"@corp{n}.com\" or email starts with \"ops{n}\""
    if kind == 8:
        return f"job_title contains \"{rng.choice(WORDS)}{n}\""
    if kind == 9:
        return f"{rng.choice(BOOL_FIELDS)} and email_clicks > {n}"
    if kind == 10:
        return f"not demo_requested and company_size is present and email_opens >= {n}"
    if kind == 11:
        return f"annual_revenue is missing or annual_revenue > {n * 25000}"
    if kind == 12:
        return f"{rng.choice(DATE_FIELDS)} within {n} days"
    if kind == 13:
        return f"{rng.choice(DATE_FIELDS)} older than {n + 30} days"
    if kind == 14:
        return f"created_at after {datetime.date(2020, 1, 1) + datetime.timedelta(days=n)}"
    if kind == 15:
        return f"email_opens + email_clicks * 2 > {n + 3}"
    if kind == 16:
        return (f"len(job_title) > {n} and lower(country) = "
                f"\"{rng.choice(COUNTRIES).lower()}\"")
    if kind == 17:
        return f"count(visited) >= {n % 6 + 1} and days_since(last_activity) < {n + 7}"
    if kind == 18:
        return f"let_{n % LETS} and source != {rng.choice(SOURCES)} and company_size > {n}"
    return (f"(email_domain(email) in let_{n % LETS}_domains or country in "
            f"[\"{rng.choice(COUNTRIES)}\", \"{rng.choice(COUNTRIES)}\"]) and email_clicks >= {n}")


def lets():
    out = []
    for k in range(LETS):
        out.append(f"let let_{k} = company_size >= {k * 13 + 10} or email_opens > {k % 70}")
        out.append(f"let let_{k}_domains = [\"corp{k}.com\", \"mail{k}.net\", \"co{k}.io\"]")
    return out


def action(rng, i):
    if i % 11 == 0:
        return f"subtract {i % 9 + 1}"
    if i % 13 == 0:
        return f"add {i % 4 + 1} per email_clicks up to {i % 20 + 5}"
    return f"add {i % 17 + 1}"


def model(rules, seed):
    rng = random.Random(seed)
    lines = [
        f'model "generated: {rules} rules"',
        'schema "lead.schema"',
        "# The bench schema requires no date: a decay on last_activity is meant here.",
        "# leadscore: allow-file W010",
        "",
    ]
    lines += lets()
    lines.append("")
    groups = 24
    outside = rules // 50
    per_group = (rules - outside) // groups
    i = 0
    for g in range(groups):
        decay = " decay 10% every 30 days since last_activity" if g % 3 == 0 else ""
        lines.append(f"group g{g} min -1000 max 100000{decay} {{")
        count = per_group if g < groups - 1 else rules - outside - per_group * (groups - 1)
        for _ in range(count):
            label = f' as "rule {i}"' if i % 5 == 0 else ""
            lines.append(f"  when {condition(rng, i)} {action(rng, i)}{label}")
            i += 1
        lines.append("}")
        lines.append("")
    for _ in range(outside):
        lines.append(f"when {condition(rng, i)} {action(rng, i)}")
        i += 1
    lines += [
        "",
        'reject when email ends with "@competitor.com" as "Competitor"',
        "score min 0 max 100",
        "qualify at 50",
        "tier hot at 80",
        "tier warm at 50",
        "tier cold",
        "",
    ]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--leadscore", default=os.path.join(REPO, "build", "leadscore"))
    ap.add_argument("--rules", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="write the model into this folder and keep it")
    args = ap.parse_args()

    if not os.path.exists(SCHEMA):
        sys.exit(f"check_speed: no benchmark schema at {SCHEMA}")
    folder = args.keep or tempfile.mkdtemp(prefix="leadscore-check-speed-")
    os.makedirs(folder, exist_ok=True)
    shutil.copy(SCHEMA, os.path.join(folder, "lead.schema"))
    path = os.path.join(folder, "model.score")
    text = model(args.rules, args.seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)

    # What a user runs; the output is read and thrown away, as a terminal or CI log would take it.
    cmd = [args.leadscore, "check", path]
    # Wall time is what a user waits; CPU time (user + system of the child) is steadier on a shared
    # machine. Both are kept for the run with the best wall time.
    times = []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        times.append((wall, cpu))
        if run.returncode not in (0, 1):
            sys.exit(f"check_speed: {' '.join(cmd)} exited {run.returncode}:\n{run.stderr}")
    # One more run, untimed, in the json format: what was found.
    out = subprocess.run([args.leadscore, "check", "--format", "json", path], capture_output=True, text=True)
    try:
        import json
        doc = json.loads(out.stdout)
        errors, warnings = doc["errors"], doc["warnings"]
        codes = sorted({d["code"] for d in doc["diagnostics"]})
    except (ValueError, KeyError):
        sys.exit(f"check_speed: unexpected output:\n{out.stdout[:2000]}")

    size = len(text.encode("utf-8"))
    lines = text.count("\n")
    print(f"model: {args.rules} rules, {2 * LETS} lets, 24 groups, {lines} lines, {size / 1e6:.2f} MB"
          f"{(' (' + path + ')') if args.keep else ''}")
    best = min(times)
    print(f"leadscore check: best of {args.runs}: {best[0]:.3f} s wall, {best[1]:.3f} s cpu"
          f"  (wall of each run: {', '.join(f'{w:.3f}' for w, _ in times)})")
    print(f"diagnostics: {errors} errors, {warnings} warnings{' ' + ' '.join(codes) if codes else ''}")
    if not args.keep:
        shutil.rmtree(folder)
    if errors:
        print("check_speed: the generated model has errors; fix the generator", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
