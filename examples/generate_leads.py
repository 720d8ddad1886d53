#!/usr/bin/env python3
"""Writes the sample leads of the example setups, deterministically (a fixed seed per setup).

    python3 examples/generate_leads.py                 # rewrites every setup's leads.csv
    python3 examples/generate_leads.py webinar         # one setup
    python3 examples/generate_leads.py agency --stdout

The records fit each setup's schema and are dated for an as-of date of 2026-11-01 (the date the
README uses: `leadscore score ... --as-of 2026-11-01`). Distributions are shaped like real exports:
most leads are cold, a few are hot, some fields are empty, some titles need CSV quoting, and a few
records are junk (disposable or test addresses, students, shared mailboxes) for the rejects and
penalties to find. Only the standard library is used, so the output is the same on every machine.
"""
import argparse, csv, datetime, io, os, random, sys

AS_OF = datetime.date(2026, 11, 1)
HERE = os.path.dirname(os.path.abspath(__file__))

FIRST = ["ana", "ben", "chen", "dana", "eli", "fatima", "gus", "hana", "ivan", "jo", "kofi", "lena",
         "mo", "nia", "omar", "pia", "raj", "sara", "tom", "uma", "vik", "wen", "yusuf", "zoe", "lars",
         "ingrid", "jonas", "marta", "luca", "aoife"]
LAST = ["smith", "garcia", "kim", "muller", "rossi", "singh", "tanaka", "okafor", "silva", "novak",
        "dubois", "cohen", "ivanova", "larsen", "nguyen", "khan", "berg", "murphy", "schmid", "jansen"]
COMPANY_WORDS = ["acme", "globex", "initech", "umbrella", "stark", "wayne", "hooli", "vandelay",
                 "soylent", "tyrell", "wonka", "aperture", "nimbus", "zenith", "quartz", "northwind",
                 "contoso", "fabrikam", "lumen", "octavia"]
TLDS = ["com", "io", "co", "de", "co.uk", "net", "se", "nl"]
FREE = [("gmail.com", 20), ("yahoo.com", 4), ("outlook.com", 4), ("hotmail.co.uk", 2), ("gmx.de", 2),
        ("web.de", 1), ("icloud.com", 2), ("proton.me", 1), ("hotmail.es", 1)]
DISPOSABLE = ["mailinator.com", "yopmail.com", "guerrillamail.com", "trashmail.io"]
ROLE = ["info", "sales", "hello", "team", "office", "contact"]
COUNTRIES = [("US", 35), ("CA", 5), ("GB", 10), ("IE", 2), ("DE", 9), ("AT", 2), ("CH", 2), ("NL", 4),
             ("SE", 3), ("NO", 2), ("DK", 2), ("FR", 5), ("ES", 3), ("IT", 2), ("PL", 2), ("BR", 3),
             ("MX", 2), ("IN", 5), ("AU", 3), ("SG", 2), ("JP", 1), ("AE", 1), ("ZA", 1)]


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def maybe(rng, p, value):
    """value with probability p, else None (an empty cell)."""
    return value if rng.random() < p else None


def days_ago(rng, mean):
    return AS_OF - datetime.timedelta(days=min(int(rng.expovariate(1 / mean)), 700))


def company(rng):
    word = rng.choice(COMPANY_WORDS)
    return word.capitalize(), f"{word}{rng.randint(1, 99)}.{rng.choice(TLDS)}"


def email(rng, first, last, domain, junk=0.06, free=0.25):
    """An address at `domain`, or now and then at a free, disposable, role or test address."""
    r = rng.random()
    if r < junk / 2:
        return f"{first}{rng.randint(1, 999)}@{rng.choice(DISPOSABLE)}"
    if r < junk * 0.75:
        return rng.choice(["test@", "test123@", f"{first}+test@", "asdf@"]) + domain
    if r < junk:
        return f"{rng.choice(ROLE)}@{domain}"
    if r < junk + free:
        return f"{first}.{last}{rng.randint(1, 99)}@{pick(rng, FREE)}"
    return f"{first}.{last}@{domain}"


def members(rng, probabilities, boost=1.0):
    return ";".join(m for m, p in probabilities if rng.random() < min(p * boost, 0.95)) or None


def write(rows, fields, out):
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if v is None else
                        ("true" if v is True else "false" if v is False else v)) for k, v in row.items()})


# ---- b2b_saas -------------------------------------------------------------------------------------

SAAS_TITLES = [("CEO", 3), ("Founder & CTO", 2), ("Co-Founder", 2), ("VP of Engineering", 3),
               ("Vice President, Operations", 2), ("Head of Product", 3), ("Director of IT", 3),
               ("Sr. Director, Marketing", 2), ("Engineering Manager", 6), ("Project Manager", 8),
               ("Product Manager", 6), ("Operations Manager", 5), ("Software Engineer", 10),
               ("Business Analyst", 6), ("Designer", 4), ("Consultant", 4), ("Student", 3),
               ("Marketing Intern", 2), ("Directory Services Engineer", 1), ("n/a", 1)]
SAAS_PAGES = [("pricing", .25), ("contact_sales", .06), ("security", .08), ("integrations", .15),
              ("case_studies", .10), ("docs", .30), ("blog", .45), ("careers", .05)]


def b2b_saas(rng, n):
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name, domain = company(rng)
        active = rng.random() < 0.3
        plan = pick(rng, [("free", 40), ("trial", 35 if active else 20), ("starter", 8), ("pro", 4)])
        last_activity = days_ago(rng, 10 if active else 60)
        size = maybe(rng, 0.85, max(1, int(rng.lognormvariate(4.0, 1.6))))
        rows.append({
            "id": f"SAAS-{i + 1:04d}",
            "email": email(rng, first, last, domain, free=0.3),
            "job_title": maybe(rng, 0.9, pick(rng, SAAS_TITLES)),
            "company": name,
            "company_size": size,
            "industry": maybe(rng, 0.9, pick(rng, [("software", 30), ("fintech", 10), ("ecommerce", 10),
                                                   ("healthcare", 8), ("education", 8), ("manufacturing", 8),
                                                   ("media", 8), ("government", 3), ("other", 15)])),
            "country": maybe(rng, 0.95, pick(rng, COUNTRIES)),
            "source": pick(rng, [("organic_search", 30), ("paid_search", 15), ("paid_social", 10),
                                 ("referral", 8), ("partner", 5), ("event", 7), ("outbound", 10),
                                 ("product_signup", 15)]),
            "plan": plan,
            "trial_started": (last_activity - datetime.timedelta(days=rng.randint(0, 20))).isoformat()
                             if plan == "trial" else None,
            "active_days_14": min(14, int(rng.expovariate(1 / (6 if active else 0.8)))),
            "seats_invited": int(rng.expovariate(1 / (2.5 if active else 0.3))),
            "integrations_connected": int(rng.expovariate(1 / (1.2 if active else 0.15))),
            "visited": members(rng, SAAS_PAGES, 2 if active else 1),
            "demo_requested": rng.random() < (0.15 if active else 0.02),
            "email_clicks": int(rng.expovariate(1 / (3 if active else 0.5))),
            "unsubscribed": rng.random() < 0.05,
            "last_activity": last_activity.isoformat(),
            "created_at": (last_activity - datetime.timedelta(days=rng.randint(0, 300))).isoformat(),
        })
    return rows


# ---- ecommerce ------------------------------------------------------------------------------------

PROFESSIONS = [("Interior Designer", 4), ("Architect", 2), ("Office Manager", 2), ("Teacher", 2),
               ("Nurse", 2), ("Software Engineer", 3), ("Student", 2)]
CATEGORIES = [("sofas", .25), ("beds", .2), ("tables", .3), ("chairs", .3), ("lighting", .35),
              ("rugs", .25), ("decor", .45), ("outdoor", .15)]


def ecommerce(rng, n):
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        customer = rng.random() < 0.35
        shopping = rng.random() < 0.3
        orders = (1 + int(rng.expovariate(1 / 1.5))) if customer else 0
        views = int(rng.expovariate(1 / (14 if shopping else 3)))
        cart = round(rng.lognormvariate(6.3, 0.9), 2) if shopping and rng.random() < 0.7 else None
        trade = rng.random() < 0.12
        rows.append({
            "id": f"SHOP-{i + 1:05d}",
            "email": email(rng, first, last, company(rng)[1] if trade else pick(rng, FREE), free=0),
            "country": maybe(rng, 0.97, pick(rng, [("DE", 25), ("AT", 5), ("CH", 5), ("NL", 8), ("BE", 4),
                                                   ("FR", 8), ("GB", 10), ("IE", 2), ("SE", 4), ("DK", 3),
                                                   ("ES", 4), ("IT", 4), ("PL", 3), ("US", 5), ("NO", 2),
                                                   ("AU", 2), ("AE", 1)])),
            "signup_source": pick(rng, [("newsletter", 30), ("checkout", 20), ("account", 15),
                                        ("instagram", 12), ("google_shopping", 10), ("referral", 5),
                                        ("giveaway", 8)]),
            "profession": pick(rng, PROFESSIONS) if trade else maybe(rng, 0.2, pick(rng, PROFESSIONS)),
            "orders": orders,
            "lifetime_value": round(sum(rng.lognormvariate(5.8, 0.8) for _ in range(orders)), 2) if orders else None,
            "last_order_at": days_ago(rng, 120).isoformat() if orders else None,
            "returns": sum(rng.random() < 0.15 for _ in range(orders)),
            "cart_value": cart,
            "cart_abandoned": cart is not None and rng.random() < 0.6,
            "product_views": views,
            "categories_viewed": members(rng, CATEGORIES, 1.5 if shopping else 0.5) if views else None,
            "wishlist_items": int(rng.expovariate(1 / (3 if shopping else 0.4))),
            "used_coupon": rng.random() < 0.2,
            "email_clicks": int(rng.expovariate(1 / (2.5 if shopping else 0.6))),
            "sms_opt_in": rng.random() < 0.25,
            "unsubscribed": rng.random() < 0.06,
            "last_visit": days_ago(rng, 6 if shopping else 45).isoformat(),
        })
    return rows


# ---- agency ---------------------------------------------------------------------------------------

AGENCY_TITLES = [("Founder", 5), ("CEO", 4), ("Managing Director", 4), ("CMO", 3), ("VP Marketing", 3),
                 ("Head of Growth", 4), ("Head of Brand", 2), ("Marketing Director", 4),
                 ("Marketing Manager", 10), ("Brand Manager", 4), ("E-commerce Manager", 4),
                 ("Content Strategist", 3), ("Office Manager", 2), ("Student", 2), ("Freelancer", 2)]
MESSAGES = [
    ("We are relaunching our brand next spring and need a new website with a shop. Budget is approved; "
     "we would like to see your e-commerce work and talk about timelines.", 4),
    ("Looking for an agency to run our paid social and search. Current spend is about 40k a month "
     "across Meta and Google and we are not happy with the results.", 4),
    ("Need a quote for a website redesign.", 6),
    ("Can you help with SEO?", 5),
    ("We have an RFP for a full rebrand (strategy, identity, website). Deadline for proposals is in "
     "three weeks. Can we have a call?", 2),
    ("Hi, I would like to apply for a junior designer position, my CV is attached.", 2),
    ("We offer white label SEO services and guest post backlinks at great prices for agencies.", 2),
    ("Just exploring options for next year.", 4),
    (None, 4),
]
SERVICES = [("website", .45), ("branding", .3), ("seo", .3), ("paid_media", .3), ("content", .25),
            ("social", .25), ("video", .1), ("strategy", .2)]


def agency(rng, n):
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name, domain = company(rng)
        serious = rng.random() < 0.35
        submitted = days_ago(rng, 40)
        rows.append({
            "id": f"INQ-{i + 1:04d}",
            "email": email(rng, first, last, domain, free=0.2),
            "name": f"{first.capitalize()} {last.capitalize()}",
            "job_title": maybe(rng, 0.85, pick(rng, AGENCY_TITLES)),
            "company": name,
            "website": f"https://www.{domain}" if rng.random() < 0.8 else None,
            "country": maybe(rng, 0.95, pick(rng, COUNTRIES)),
            "company_size": maybe(rng, 0.75, max(1, int(rng.lognormvariate(3.6, 1.4)))),
            "industry": maybe(rng, 0.9, rng.choice(["retail", "consumer_goods", "saas", "finance", "health",
                                                     "hospitality", "nonprofit", "education", "industrial"])),
            "source": pick(rng, [("referral", 15), ("organic", 30), ("paid", 15), ("directory", 15),
                                 ("event", 8), ("social", 12), ("outbound", 5)]),
            "budget": maybe(rng, 0.8, pick(rng, [("under_5k", 25), ("k5_to_15k", 25), ("k15_to_50k", 25 if serious else 10),
                                                 ("k50_to_150k", 15 if serious else 3), ("over_150k", 6 if serious else 1)])),
            "timeline": maybe(rng, 0.85, pick(rng, [("asap", 15), ("within_month", 25 if serious else 10),
                                                    ("within_quarter", 30), ("exploring", 10 if serious else 35)])),
            "services": members(rng, SERVICES, 1.6 if serious else 0.8),
            "message": pick(rng, MESSAGES),
            "has_rfp": rng.random() < (0.2 if serious else 0.02),
            "case_studies_viewed": int(rng.expovariate(1 / (3 if serious else 0.7))),
            "meetings_booked": int(rng.random() < (0.4 if serious else 0.05)),
            "last_contact": min(AS_OF, submitted + datetime.timedelta(days=rng.randint(0, 14))).isoformat(),
            "submitted_at": submitted.isoformat(),
        })
    return rows


# ---- webinar --------------------------------------------------------------------------------------

WEBINAR_TITLES = [("CFO", 2), ("Chief Financial Officer", 1), ("VP Finance", 3), ("Head of FP&A", 3),
                  ("Finance Director", 4), ("Financial Controller", 6), ("Finance Manager", 8),
                  ("Accounting Manager", 6), ("Senior Accountant", 8), ("Financial Analyst", 8),
                  ("Payroll Specialist", 3), ("Office Manager", 3), ("Student", 3), ("Retired", 1)]
RESOURCES = [("slides", .4), ("checklist", .25), ("template", .2), ("recording", .3)]


def webinar(rng, n):
    rows = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name, domain = company(rng)
        attendance = pick(rng, [("live", 40), ("replay", 20), ("no_show", 40)])
        watched = {"live": rng.randint(5, 60), "replay": rng.randint(1, 45), "no_show": 0}[attendance]
        keen = attendance != "no_show" and rng.random() < 0.35
        registered = AS_OF - datetime.timedelta(days=rng.choice([6, 6, 13, 20, 34, 48, 62, 90]) + rng.randint(0, 2))
        engaged = registered + datetime.timedelta(days=rng.randint(0, 5))
        rows.append({
            "id": f"REG-{i + 1:04d}",
            "email": email(rng, first, last, domain, free=0.2),
            "job_title": maybe(rng, 0.9, pick(rng, WEBINAR_TITLES)),
            "company": name,
            "company_size": maybe(rng, 0.8, max(1, int(rng.lognormvariate(4.5, 1.5)))),
            "country": maybe(rng, 0.95, pick(rng, COUNTRIES)),
            "topic": pick(rng, [("product_demo", 25), ("month_end_close", 25), ("customer_panel", 15),
                                ("audit_readiness", 20), ("partner_session", 15)]),
            "registered_at": registered.isoformat(),
            "attendance": attendance,
            "minutes_watched": watched if attendance != "no_show" else None,
            "questions_asked": int(rng.expovariate(1 / 1.5)) if keen else 0,
            "poll_answers": rng.randint(0, 3) if attendance == "live" else 0,
            "downloaded": members(rng, RESOURCES, 1.5 if keen else 0.6) if attendance != "no_show" else None,
            "clicked_cta": keen and rng.random() < 0.5,
            "webinars_attended": int(rng.expovariate(1 / 1.2)) + (attendance != "no_show"),
            "survey_interest": maybe(rng, 0.5 if attendance != "no_show" else 0,
                                     pick(rng, [("not_now", 40), ("learn_more", 35 + 20 * keen), ("talk_to_sales", 8 + 30 * keen)])),
            "marketing_consent": rng.random() < 0.7,
            "last_engaged": engaged.isoformat(),
        })
    return rows


SETUPS = {
    # setup: (generator, seed, rows)
    "b2b_saas": (b2b_saas, 101, 160),
    "ecommerce": (ecommerce, 202, 150),
    "agency": (agency, 303, 120),
    "webinar": (webinar, 404, 150),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("setups", nargs="*", metavar="SETUP", help=f"any of {', '.join(SETUPS)} (default: all)")
    ap.add_argument("--stdout", action="store_true", help="print instead of writing leads.csv")
    args = ap.parse_args()
    for name in args.setups:
        if name not in SETUPS:
            ap.error(f"unknown setup '{name}' (the setups are {', '.join(SETUPS)})")
    for name in args.setups or list(SETUPS):
        make, seed, count = SETUPS[name]
        rows = make(random.Random(seed), count)
        if args.stdout:
            write(rows, list(rows[0]), sys.stdout)
            continue
        buf = io.StringIO()
        write(rows, list(rows[0]), buf)
        with open(os.path.join(HERE, name, "leads.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
        print(f"wrote {name}/leads.csv ({count} leads)", file=sys.stderr)


if __name__ == "__main__":
    main()
