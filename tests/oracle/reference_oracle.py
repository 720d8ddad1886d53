#!/usr/bin/env python3
"""An independent implementation of bench/reference.score, to check leadscore against.

    reference_oracle.py leads.csv --as-of 2026-11-01 [--explain] > expected.csv
    reference_oracle.py - --as-of 2026-11-01 < leads.csv

It shares no code with leadscore: the model's rules are written out by hand below, following the
product spec (its sections 3 and 7; in this repository, docs/language.md and docs/records.md), and it
prints exactly the CSV that `leadscore score reference.score -i leads.csv --as-of DATE [--explain]`
must print.

Standard library only. Input is CSV with a header row, in the bench schema's columns (the format of
bench/gen_leads.py). A value that does not fit its field's type would make an error record in
leadscore, whose message wording the spec leaves open; the oracle does not guess it and stops with
exit status 2.
"""
import argparse
import datetime
import re
import sys

# ---------------------------------------------------------------------------------------------------
# Numbers: print a double the way fmt::format("{}", x) does.

def fmt_double(x):
    """Shortest round-trip form, as fmt's "{}" prints a double.

    Python's repr() is also the shortest round-trip form with the same exponent thresholds (exponent
    form when the decimal exponent is below -4 or at least 16, with a sign and at least two exponent
    digits: 1e+16, 5e-05). Only two things differ: repr writes integral values as '20.0' where fmt
    writes '20', and the oracle prints -0 as 0 (SPEC 7). Checked against fmt 9.1 on a few million
    values (tests/oracle/README.md says how).
    """
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError(f"non-finite score {x!r}")
    if x == 0:
        return "0"
    s = repr(x)
    if s.endswith(".0"):
        s = s[:-2]
    return s


# ---------------------------------------------------------------------------------------------------
# CSV (RFC 4180 plus SPEC 7's rules for blank lines).

def read_csv_records(text):
    """Yields (line_number, cells) for each record. Blank lines (only spaces, tabs, CR) are skipped."""
    i, n, line = 0, len(text), 1
    while i < n:
        start_line = line
        # A line holding only blanks is not a record.
        j = i
        while j < n and text[j] in " \t\r":
            j += 1
        if j == n or text[j] == "\n":
            if j < n:
                line += 1
            i = j + 1
            continue
        cells, cell, quoted_cell = [], [], False
        while True:
            if i < n and text[i] == '"' and not cell and not quoted_cell:
                # A quoted cell.
                i += 1
                while True:
                    if i >= n:
                        raise OracleInputError(f"line {start_line}: unclosed quote")
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            cell.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if c == "\n":
                        line += 1
                    cell.append(c)
                    i += 1
                quoted_cell = True
                if i < n and text[i] not in ",\r\n":
                    raise OracleInputError(f"line {start_line}: text after a closing quote")
            if i >= n:
                cells.append("".join(cell))
                break
            c = text[i]
            if c == ",":
                cells.append("".join(cell))
                cell, quoted_cell = [], False
                i += 1
            elif c == "\n" or (c == "\r" and (i + 1 >= n or text[i + 1] == "\n")):
                cells.append("".join(cell))
                i += 2 if c == "\r" else 1
                line += 1
                break
            elif quoted_cell:
                raise OracleInputError(f"line {start_line}: text after a closing quote")
            else:
                cell.append(c)
                i += 1
        yield start_line, cells


def csv_cell(s):
    """Quotes a cell only when it needs it (comma, quote, CR, LF, leading or trailing space)."""
    if s and (any(c in s for c in ',"\r\n') or s[0] == " " or s[-1] == " "):
        return '"' + s.replace('"', '""') + '"'
    return s


# ---------------------------------------------------------------------------------------------------
# Values of the bench schema's fields. None is a missing value.

class OracleInputError(Exception):
    pass


INT_RE = re.compile(r"-?[0-9]+\Z")
NUMBER_RE = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
                     r"(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[-+][0-9]{2}:[0-9]{2})?)?\Z")
ENUMS = {
    "industry": {"saas", "fintech", "retail", "healthcare", "education", "manufacturing", "other"},
    "source": {"organic", "paid", "referral", "event", "outbound"},
}
SETS = {
    "visited": {"pricing_page", "contact_page", "demo_page", "blog", "case_studies", "docs", "careers"},
    "downloaded": {"ebook", "whitepaper", "case_study"},
}
TYPES = {  # schema order
    "id": "string", "email": "string", "job_title": "string", "company_size": "int",
    "annual_revenue": "number", "industry": "enum", "country": "string", "source": "enum",
    "visited": "set", "downloaded": "set", "email_opens": "int", "email_clicks": "int",
    "webinars": "int", "demo_requested": "bool", "unsubscribed": "bool", "last_activity": "date",
    "created_at": "date",
}


def parse_value(field, text):
    if text == "":
        return None
    kind = TYPES[field]
    if kind == "string":
        return text
    if kind == "int":
        if not INT_RE.match(text) or not -2**63 <= int(text) < 2**63:
            raise ValueError
        return int(text)
    if kind == "number":
        if not NUMBER_RE.match(text):
            raise ValueError
        return float(text)
    if kind == "bool":
        low = text.lower()
        if low in ("true", "yes", "1"):
            return True
        if low in ("false", "no", "0"):
            return False
        raise ValueError
    if kind == "date":
        m = DATE_RE.match(text)
        if not m:
            raise ValueError
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if kind == "enum":
        if text not in ENUMS[field]:
            raise ValueError
        return text
    if kind == "set":
        members = [m.strip() for m in text.split(";")]
        if any(m == "" or m not in SETS[field] for m in members):
            raise ValueError
        return frozenset(members)
    raise AssertionError(kind)


def read_leads(text):
    records = read_csv_records(text)
    try:
        _, header = next(records)
    except StopIteration:
        raise OracleInputError("no header row")
    for required in ("id", "email"):
        if required not in header:
            raise OracleInputError(f"no '{required}' column")
    columns = [(i, name) for i, name in enumerate(header) if name in TYPES]
    for line, cells in records:
        lead = dict.fromkeys(TYPES)
        for i, name in columns:
            text = cells[i] if i < len(cells) else ""
            try:
                lead[name] = parse_value(name, text)
            except ValueError:
                raise OracleInputError(f"line {line}: field '{name}': bad value '{text}'")
        if lead["email"] is None:
            raise OracleInputError(f"line {line}: required field 'email' is missing")
        yield lead


# ---------------------------------------------------------------------------------------------------
# The model: reference.score, rule by rule.

FREE_EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me"]
SENIOR_RE = re.compile(r"\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\b", re.IGNORECASE)
JUNIOR_RE = re.compile(r"\b(student|intern)\b", re.IGNORECASE)


def ascii_lower(s):
    return s.translate(ASCII_LOWER)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def contains(s, part):          # `contains`: ASCII case-insensitive; false when s is missing
    return s is not None and ascii_lower(part) in ascii_lower(s)


def ends_with(s, part):
    return s is not None and ascii_lower(s).endswith(ascii_lower(part))


def matches(s, regex):           # a regex matches anywhere in the string
    return s is not None and regex.search(s) is not None


def ge(x, n):
    return x is not None and x >= n


def gt(x, n):
    return x is not None and x > n


def email_domain(s):
    if s is None or "@" not in s:
        return None
    return ascii_lower(s.rsplit("@", 1)[1])


def holds(set_value, member):
    return set_value is not None and member in set_value


def days_since(d, as_of):
    return None if d is None else max(0, (as_of - d).days)


# (label, condition, points) in source order. points is a number or a function of the lead (per/up to).
FIT_RULES = [
    ("Senior title", lambda l, a: matches(l["job_title"], SENIOR_RE), 15),
    ('when job_title contains "director" add 8', lambda l, a: contains(l["job_title"], "director"), 8),
    ("100+ employees", lambda l, a: ge(l["company_size"], 100), 10),
    ("when company_size >= 1000 add 5", lambda l, a: ge(l["company_size"], 1000), 5),
    ("when annual_revenue > 10000000 add 5", lambda l, a: gt(l["annual_revenue"], 10000000), 5),
    ("when industry in [saas, fintech] add 5", lambda l, a: l["industry"] in ("saas", "fintech"), 5),
    ('when country in ["US", "GB", "DE", "CA", "AU"] add 3',
     lambda l, a: l["country"] in ("US", "GB", "DE", "CA", "AU"), 3),
    ("Free email", lambda l, a: email_domain(l["email"]) in FREE_EMAIL_DOMAINS, -10),
    ("when junior subtract 20", lambda l, a: matches(l["job_title"], JUNIOR_RE), -20),
]


def per_clicks(lead):
    # add 2 per email_clicks up to 10: min(2 * max(X, 0), 10); a missing X adds nothing.
    x = lead["email_clicks"]
    return 0.0 if x is None else min(2.0 * max(float(x), 0.0), 10.0)


ENGAGEMENT_RULES = [
    ("Visited pricing", lambda l, a: holds(l["visited"], "pricing_page"), 20),
    ("when visited contact_page add 20", lambda l, a: holds(l["visited"], "contact_page"), 20),
    ("when visited any of [demo_page, case_studies] add 10",
     lambda l, a: holds(l["visited"], "demo_page") or holds(l["visited"], "case_studies"), 10),
    ("when downloaded ebook add 10", lambda l, a: holds(l["downloaded"], "ebook"), 10),
    ("when downloaded whitepaper add 10", lambda l, a: holds(l["downloaded"], "whitepaper"), 10),
    ("Opened 3+ emails", lambda l, a: ge(l["email_opens"], 3), 5),
    ("when email_clicks > 0 add 2 per email_clicks up to 10", lambda l, a: gt(l["email_clicks"], 0),
     per_clicks),
    ("when webinars >= 1 add 20", lambda l, a: ge(l["webinars"], 1), 20),
    ("when demo_requested add 50", lambda l, a: l["demo_requested"] is True, 50),
    ("when source = referral add 10", lambda l, a: l["source"] == "referral", 10),
    ("when unsubscribed subtract 15", lambda l, a: l["unsubscribed"] is True, -15),
    ("when last_activity older than 180 days subtract 10",
     lambda l, a: gt(days_since(l["last_activity"], a), 180), -10),
]


def group_total(rules, lead, as_of, fired, decay=None, lo=None, hi=None):
    total = 0.0
    for label, cond, points in rules:
        if cond(lead, as_of):
            total += points(lead) if callable(points) else float(points)
            fired.append(label)
    if decay is not None:
        percent, every, field = decay
        days = days_since(lead[field], as_of)
        if days is not None:
            total *= (1 - percent / 100) ** (days // every)
    if lo is not None:
        total = max(total, lo)
    if hi is not None:
        total = min(total, hi)
    return total


def score_lead(lead, as_of):
    fired = []
    fit = group_total(FIT_RULES, lead, as_of, fired, hi=40.0)
    engagement = group_total(ENGAGEMENT_RULES, lead, as_of, fired, decay=(25, 30, "last_activity"),
                             hi=60.0)
    score = min(max(fit + engagement, 0.0), 100.0)
    rejected = ends_with(lead["email"], "@competitor.com")
    if rejected:
        status, reason, tier, qualified = "rejected", "Competitor", "", False
    else:
        status, reason, qualified = "ok", "", score >= 50
        tier = "hot" if score >= 80 else "warm" if score >= 50 else "cold" if score >= 20 else "ice"
    return [lead["id"] or "", fmt_double(score), "true" if qualified else "false", tier, status, reason,
            fmt_double(fit), fmt_double(engagement)], fired


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="leads CSV, or - for standard input")
    ap.add_argument("--as-of", required=True, type=datetime.date.fromisoformat)
    ap.add_argument("--explain", action="store_true", help="add the 'fired' column")
    args = ap.parse_args()
    if args.input == "-":
        text = sys.stdin.buffer.read().decode("utf-8")
    else:
        with open(args.input, "rb") as f:
            text = f.read().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    out = ["id,score,qualified,tier,status,reason,fit,engagement" + (",fired" if args.explain else "")]
    try:
        for lead in read_leads(text):
            cells, fired = score_lead(lead, args.as_of)
            if args.explain:
                cells.append(";".join(fired))
            out.append(",".join(csv_cell(c) for c in cells))
    except OracleInputError as e:
        print(f"reference_oracle: {e}", file=sys.stderr)
        return 2
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
