#!/usr/bin/env python3
"""leadscore's benchmark data: synthetic B2B CRM leads that fit bench/lead.schema, and what became
of them. Deterministic: the same --rows and --seed always give the same bytes.

    bench/gen_leads.py --rows 1000000 --seed 7                     > leads.csv
    bench/gen_leads.py --rows 1000    --seed 7 --format jsonl       > leads.jsonl
    bench/gen_leads.py --rows 100000  --seed 7 --outcomes outcomes.csv > leads.csv

The leads look like a CRM export as of 2026-11-01: most are cold and a few are hot; fields are
missing here and there (never the key or the required email); some job titles need CSV quoting
(commas, double quotes) and a few are not ASCII; a share of addresses are free mail (some of it on
providers the reference model does not list) and a few are a competitor's; dates run back from
2026-11-01, mostly within two years, a few much older. Every value is valid for the schema: the
benchmark's peers (bench/run.sh) do not validate input, so the data must not need it.

--outcomes FILE also writes a CSV `id,converted,closed_at,deal_value`: whether each lead became a
customer in the months after 2026-11-01 (`true`/`false`), the day the deal closed and its value in
dollars (both empty for a lead that did not convert). Conversion is drawn from a hidden propensity, a
logistic function of the lead's fields (see `propensity_logit`), about 4% overall. It agrees with
bench/reference.score only in part: some signals the model weighs are noise (ebook and whitepaper
downloads, email opens, revenue, "director"), some fields it ignores matter (country, source,
webinars beyond the first, docs and careers visits, case-study downloads, company size beyond 1000,
free mail it does not list, how recent the activity is). So a backtest has something to find and a
tuner something to learn. The leads are the same bytes with or without --outcomes: outcomes draw
from a random stream of their own.

Standard library only; no third-party packages.
"""
import argparse
import bisect
import datetime
import json
import math
import random
import sys

AS_OF = datetime.date(2026, 11, 1)

FIELDS = ["id", "email", "job_title", "company_size", "annual_revenue", "industry", "country",
          "source", "visited", "downloaded", "email_opens", "email_clicks", "webinars",
          "demo_requested", "unsubscribed", "last_activity", "created_at"]
INT_FIELDS = {"company_size", "email_opens", "email_clicks", "webinars"}
NUMBER_FIELDS = {"annual_revenue"}
BOOL_FIELDS = {"demo_requested", "unsubscribed"}
SET_FIELDS = {"visited", "downloaded"}


class Weighted:
    """A fixed choice with weights; one uniform draw per pick (bisect over cumulative weights)."""

    def __init__(self, pairs):
        self.values = [v for v, _ in pairs]
        self.cumulative = []
        total = 0.0
        for _, w in pairs:
            total += w
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


# Job titles as people type them into forms. Weights are per 1000 titled leads. Comments say which
# rule of the reference model a title tests; several are near misses for its word-boundary regex.
TITLES = Weighted([
    ("Marketing Manager", 90), ("Software Engineer", 95), ("Account Executive", 55),
    ("Sales Development Representative", 45), ("Data Analyst", 50), ("Product Manager", 45),
    ("Operations Manager", 35), ("Consultant", 40), ("Office Manager", 20), ("Designer", 20),
    ("IT Manager", 25), ("Procurement Specialist", 15), ("Customer Success Manager", 25),
    ("Director of Marketing", 30), ("Sales Director", 20), ("Managing Director", 8),
    ("Art Director", 6), ("Sr. Director, Demand Generation", 6),  # contains "director" (quoted)
    ("Director, IT", 6),
    ("VP Marketing", 18), ("VP, Sales", 10), ("Vice President of Engineering", 8),
    ("SVP Sales", 4),                      # 'vp' inside 'svp': no word boundary, not senior
    ("Vice-President Finance", 2),          # the hyphen breaks 'vice president'
    ("CMO", 8), ("CEO", 10), ("cto", 3), ("Founder & CEO", 8), ("Co-Founder", 6),
    ("Founders Associate", 3),              # 'founder' followed by a letter: not senior
    ("Chief Revenue Officer", 5), ("Chief of Staff", 4), ("Head of Growth", 12),
    ('Head of "Demand Gen"', 4), ("Head Of Sales", 5), ("Head of Partnerships, EMEA", 4),
    ("Student", 35), ("PhD Student", 8), ("Marketing Intern", 15), ("Intern", 10),
    ("Internal Audit Lead", 4),             # 'intern' followed by 'al': not junior
    ("International Sales Manager", 5),
    ("Geschäftsführer", 4), ("Directora de Marketing", 3), ("Responsable Marketing", 3),
    ("Jefe de Ventas", 3),
])

FIRST_NAMES = ["alex", "amara", "bea", "carlos", "chloe", "dmitri", "elena", "farah", "georg",
               "hiro", "ines", "jamal", "katja", "liam", "mei", "nadia", "oscar", "priya", "quinn",
               "rosa", "sven", "tariq", "uche", "valeria", "will", "xin", "yara", "zeynep"]
LAST_NAMES = ["adams", "baker", "costa", "diaz", "eriksen", "fischer", "gupta", "hoffmann", "ito",
              "jensen", "kowalski", "lopez", "moreau", "nakamura", "obi", "petrov", "quinlan",
              "reyes", "schmidt", "tan", "ueda", "varga", "wong", "yilmaz", "zhou"]
COMPANY_WORDS = ["northwind", "bluepeak", "ironleaf", "cobalt", "brightline", "redwood",
                 "fieldstone", "lumen", "harbor", "vertex", "meridian", "copperfox", "tidal",
                 "quarry", "sparrow", "granite", "orbit", "juniper", "beacon", "summit"]
COMPANY_SUFFIXES = ["", "", "", "labs", "systems", "group", "hq", "tech", "data", "works"]
COMPANY_TLDS = Weighted([("com", 60), ("io", 12), ("de", 6), ("co.uk", 6), ("net", 5), ("ai", 4),
                         ("fr", 3), ("com.br", 2), ("nl", 2)])
# Free mail: the first five are the ones bench/reference.score lists, the rest it does not know.
FREE_MAIL = Weighted([("gmail.com", 45), ("yahoo.com", 10), ("outlook.com", 9), ("hotmail.com", 7),
                      ("proton.me", 3), ("icloud.com", 6), ("gmx.de", 3), ("aol.com", 2)])
LISTED_FREE = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me"}
ROLE_MAILBOXES = ["info", "sales", "contact", "hello", "marketing"]

INDUSTRIES = Weighted([("saas", 24), ("fintech", 10), ("retail", 12), ("healthcare", 10),
                       ("education", 8), ("manufacturing", 14), ("other", 17), (None, 5)])
SOURCES = Weighted([("organic", 34), ("paid", 24), ("referral", 9), ("event", 11), ("outbound", 20),
                    (None, 2)])
# ISO codes, plus the odd 'USA' a web form lets through (the model's list does not have it).
COUNTRIES = Weighted([("US", 36), ("GB", 9), ("DE", 8), ("FR", 6), ("CA", 5), ("AU", 4), ("IN", 9),
                      ("BR", 5), ("NL", 4), ("SG", 3), ("JP", 3), ("ES", 3), ("SE", 2), ("MX", 2),
                      ("PL", 2), ("USA", 1), (None, 5)])

# Set members in schema order: (member, base probability, extra probability at full interest).
PAGES = [("pricing_page", .05, .50), ("contact_page", .02, .28), ("demo_page", .02, .22),
         ("blog", .40, .25), ("case_studies", .04, .28), ("docs", .08, .30), ("careers", .05, 0)]
DOWNLOADS = [("ebook", .07, .20), ("whitepaper", .03, .14), ("case_study", .02, .12)]

SENIOR_WORDS = ("chief", "cmo", "ceo", "cto", "vp", "vice president", "head of", "founder")


# ---------------------------------------------------------------------------------------------------
# One lead. A hidden `interest` in [0, 1) (most leads near 0) drives engagement; firmographics are
# independent of it. Values are kept as the text both output formats write.

def maybe(rng, p_missing, value):
    return None if rng.random() < p_missing else value


def money_text(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def make_lead(rng, index):
    interest = rng.random() ** 2.5
    lead = {"id": f"L{index:08d}"}

    # Firmographics.
    size = int(min(250000, max(1, rng.lognormvariate(3.7, 1.7))))
    lead["company_size"] = maybe(rng, .08, size)
    revenue_per_head = rng.lognormvariate(math.log(160000), 0.6)
    if rng.random() < .3:   # a round figure, as sales reps enter it
        revenue = str(int(round(size * revenue_per_head, -5)) or 100000)
    else:
        revenue = money_text(int(size * revenue_per_head * 100))
    lead["annual_revenue"] = maybe(rng, .18, revenue)
    lead["industry"] = INDUSTRIES.pick(rng)
    lead["country"] = COUNTRIES.pick(rng)
    lead["source"] = SOURCES.pick(rng)
    lead["job_title"] = maybe(rng, .09, TITLES.pick(rng))

    # The address: a company domain, free mail, a role mailbox, or (rarely) a competitor.
    first = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
    last = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
    style = rng.random()
    if style < .55:
        local = f"{first}.{last}"
    elif style < .75:
        local = f"{first[0]}{last}"
    elif style < .9:
        local = f"{first}{rng.randrange(1, 100)}"
    else:
        local = f"{first.capitalize()}.{last.capitalize()}"
    kind = rng.random()
    if kind < .003:
        domain = "competitor.com"
    elif kind < .005:
        domain = "competitors.com"   # a near miss: does not end with "@competitor.com"
    elif kind < .30:
        domain = FREE_MAIL.pick(rng)
        local = f"{local}{rng.randrange(10, 1000)}" if rng.random() < .5 else local
    else:
        word = COMPANY_WORDS[rng.randrange(len(COMPANY_WORDS))]
        suffix = COMPANY_SUFFIXES[rng.randrange(len(COMPANY_SUFFIXES))]
        domain = f"{word}{suffix}{rng.randrange(1, 500)}.{COMPANY_TLDS.pick(rng)}"
        if rng.random() < .04:
            local = ROLE_MAILBOXES[rng.randrange(len(ROLE_MAILBOXES))]
    lead["email"] = f"{local}@{domain}"

    # Engagement.
    def members(table, boost=0.0):
        got = [m for m, base, extra in table if rng.random() < base + extra * interest + boost]
        return ";".join(got) if got else None
    lead["visited"] = members(PAGES)
    lead["downloaded"] = members(DOWNLOADS)
    opens = int(rng.expovariate(1.0 / (0.6 + 9.0 * interest)))
    clicks = sum(1 for _ in range(min(opens, 40)) if rng.random() < .08 + .3 * interest)
    if rng.random() < .05:     # never synced from the email tool
        opens = clicks = None
    lead["email_opens"] = opens
    lead["email_clicks"] = clicks
    webinars = 0
    if rng.random() < .03 + .30 * interest:
        webinars = 1 + int(rng.expovariate(1.1))
    lead["webinars"] = maybe(rng, .04, webinars)
    lead["demo_requested"] = maybe(rng, .03, rng.random() < .004 + .15 * interest ** 1.5)
    lead["unsubscribed"] = maybe(rng, .03, rng.random() < .01 + .06 * (1 - interest))

    # Dates: created up to about five years back (mostly the last two); the last activity between
    # then and now, the more recent the more interested. Some leads never had any activity.
    age = int(min(1800, rng.expovariate(1.0 / 300)))
    created = AS_OF - datetime.timedelta(days=age)
    since = int(age * rng.random() ** (0.7 + 5.0 * interest))
    lead["created_at"] = created.isoformat()
    lead["last_activity"] = maybe(rng, .06, (AS_OF - datetime.timedelta(days=since)).isoformat())
    return lead


# ---------------------------------------------------------------------------------------------------
# Outcomes: the hidden propensity and what it draws.

COUNTRY_EFFECT = {"US": .2, "GB": .2, "DE": .35, "NL": .55, "SG": .45, "SE": .35, "CA": 0, "AU": -.1,
                  "FR": 0, "IN": -.6, "BR": -.5, "MX": -.4, "JP": -.3, "ES": -.2, "PL": -.1,
                  "USA": .2, None: -.2}
SOURCE_EFFECT = {"referral": .9, "event": .6, "organic": .1, "paid": -.2, "outbound": -.5, None: 0}
INDUSTRY_EFFECT = {"saas": .3, "fintech": .1, "manufacturing": .3, "education": -.5, None: -.1}


def has_word(title, word):
    """`word` in `title` with no letter, digit or '_' on either side (ASCII), case folded."""
    low = title.lower()
    start = low.find(word)
    while start >= 0:
        end = start + len(word)
        before = low[start - 1] if start > 0 else " "
        after = low[end] if end < len(low) else " "
        if not (before.isascii() and (before.isalnum() or before == "_")) and \
           not (after.isascii() and (after.isalnum() or after == "_")):
            return True
        start = low.find(word, start + 1)
    return False


def propensity_logit(lead):
    """The log-odds that a lead converts. Fields the reference model weighs but that do not matter
    here: ebook, whitepaper, email opens, annual revenue, 'director', the country list as such."""
    visited = set((lead["visited"] or "").split(";"))
    downloaded = set((lead["downloaded"] or "").split(";"))
    title = lead["job_title"] or ""
    domain = lead["email"].rsplit("@", 1)[1]
    z = -5.0
    z += 2.3 if lead["demo_requested"] else 0
    z += .9 if "pricing_page" in visited else 0
    z += .8 if "contact_page" in visited else 0
    z += .5 if "docs" in visited else 0
    z -= .7 if "careers" in visited else 0
    z += .7 if "case_study" in downloaded else 0
    z += .45 * min(lead["webinars"] or 0, 3)
    z += .08 * min(lead["email_clicks"] or 0, 5)
    z += COUNTRY_EFFECT[lead["country"]]
    z += SOURCE_EFFECT[lead["source"]]
    z += INDUSTRY_EFFECT.get(lead["industry"], 0)
    size = lead["company_size"]
    if size is None:
        z -= .3
    elif size < 10:
        z -= .5
    elif 50 <= size < 2000:
        z += .6
    elif 2000 <= size < 20000:
        z += .2
    elif size >= 20000:
        z -= .3
    if any(has_word(title, w) for w in SENIOR_WORDS):
        z += .3
    if has_word(title, "student") or has_word(title, "intern"):
        z -= 2.0
    if domain in LISTED_FREE or domain in FREE_MAIL.values:
        z -= .8
    if lead["unsubscribed"]:
        z -= .4
    if lead["last_activity"] is None:
        z -= .5
    else:
        days = (AS_OF - datetime.date.fromisoformat(lead["last_activity"])).days
        z += 1.0 * math.exp(-days / 60.0)
    return z


def outcome(rng, lead):
    """(converted, closed_at, deal_value) as text. Always the same number of draws per lead."""
    noise, u, close_draw, value_draw = rng.gauss(0, .4), rng.random(), rng.random(), rng.gauss(0, .5)
    if lead["email"].endswith("@competitor.com"):
        return "false", "", ""
    p = 1.0 / (1.0 + math.exp(-(propensity_logit(lead) + noise)))
    if u >= p:
        return "false", "", ""
    closed = AS_OF + datetime.timedelta(days=int(10 + min(300, -math.log(1.0 - close_draw) * 50)))
    size = lead["company_size"] or 50
    value = 6000 * (size / 50.0) ** 0.45 * math.exp(value_draw)
    return "true", closed.isoformat(), str(max(1000, int(round(value, -2))))


# ---------------------------------------------------------------------------------------------------
# Writing.

def csv_cell(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    text = str(value)
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def json_line(lead):
    parts = []
    for f in FIELDS:
        v = lead[f]
        if v is None:
            text = "null"
        elif f in SET_FIELDS:
            text = json.dumps(v.split(";"), separators=(",", ":"))
        elif f in NUMBER_FIELDS:
            text = v                     # the same digits as the CSV cell, as a JSON number
        elif f in INT_FIELDS or f in BOOL_FIELDS:
            text = json.dumps(v)
        else:
            text = json.dumps(v, ensure_ascii=False)
        parts.append(f'"{f}":{text}')
    return "{" + ",".join(parts) + "}"


def main():
    ap = argparse.ArgumentParser(description="Synthetic leads for bench/lead.schema (see the top of this file).")
    ap.add_argument("--rows", type=int, required=True, help="how many leads")
    ap.add_argument("--seed", type=int, required=True, help="the random seed; same seed, same bytes")
    ap.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="output format (csv)")
    ap.add_argument("--outcomes", metavar="FILE", help="also write id,converted,closed_at,deal_value")
    args = ap.parse_args()
    if args.rows < 0:
        ap.error("--rows must be 0 or more")

    lead_rng = random.Random(f"leadscore bench leads {args.seed}")
    outcome_rng = random.Random(f"leadscore bench outcomes {args.seed}")
    out = sys.stdout
    out_buffer = []
    outcomes = open(args.outcomes, "w", encoding="utf-8", newline="") if args.outcomes else None
    if outcomes:
        outcomes.write("id,converted,closed_at,deal_value\n")
    if args.format == "csv":
        out_buffer.append(",".join(FIELDS))
    for i in range(args.rows):
        lead = make_lead(lead_rng, i)
        if args.format == "csv":
            out_buffer.append(",".join(csv_cell(lead[f]) for f in FIELDS))
        else:
            out_buffer.append(json_line(lead))
        if outcomes:
            outcomes.write(lead["id"] + "," + ",".join(outcome(outcome_rng, lead)) + "\n")
        if len(out_buffer) >= 10000:
            out.write("\n".join(out_buffer) + "\n")
            out_buffer.clear()
    if out_buffer:
        out.write("\n".join(out_buffer) + "\n")
    if outcomes:
        outcomes.close()


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    try:
        main()
    except BrokenPipeError:   # `gen_leads.py ... | head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(1)
