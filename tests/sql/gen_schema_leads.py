#!/usr/bin/env python3
"""Random leads for any schema file, with the edge cases the SQL dialects must read as the VM does:
missing values, non-ASCII text (also letters RE2 folds specially: U+017F, U+212A), mixed case,
spaces around set members, bool spellings, date-times, negative and fractional numbers, '@' at
odd places, quotes and line breaks inside cells. Every row is a valid record for the schema.

    gen_schema_leads.py SCHEMA --rows N --seed S > leads.csv
"""
import argparse
import csv
import random
import re
import sys

WORDS = ["VP Sales", "vice preſident", "Head of Growth", "CTO", "chief of staff", "Director, EMEA", "intern",
         "Student", "Ka\u212Aa", "Straße", "Éva", "manager", "", "sales engineer", "co-founder",
         "VP\nMarketing", "\"Quoted\" title", "x", "123", "a  b", "SVP", "the cmo", "dir_ector", "vp_sales"]
EMAILS = ["jane@acme.com", "BOB@Gmail.COM", "x@competitor.com", "noatsign", "a@b@c.io", "é@ü.de", "@", "z@",
          "info@YAHOO.com", "p.q@sub.example.co.uk", "s@proton.me"]


def parse_schema(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", "", text)
    body = text[text.index("{") + 1:text.rindex("}")]
    fields = []
    for m in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(string|int|number|bool|date|enum\(([^)]*)\)|set\(([^)]*)\))\s*((?:key|required|\s)*)", body):
        name, typ, enum_m, set_m, mods = m.groups()
        kind = typ.split("(")[0]
        members = [x.strip() for x in (enum_m or set_m or "").split(",") if x.strip()]
        fields.append({"name": name, "type": kind, "members": members, "key": "key" in mods,
                       "required": "required" in mods})
    return fields


def value(r, f, i):
    t = f["type"]
    if f["key"]:
        return f"K{i:06d}"
    if not f["required"] and r.random() < 0.15:
        return ""
    if t == "string":
        if "mail" in f["name"]:
            return r.choice(EMAILS) if r.random() < 0.5 else f"user{r.randint(0, 99)}@{r.choice(['Gmail.com', 'acme.io', 'hooli.co'])}"
        return r.choice(WORDS) if r.random() < 0.7 else r.choice(["US", "gb", "DE", "Fr", "ÖS"])
    if t == "int":
        return str(r.choice([0, 1, 2, 3, -1, 5, 10, 99, 100, 101, 999, 1000, 5000, r.randint(-50, 100000)]))
    if t == "number":
        return r.choice(["0", "-0", "0.1", "0.7", "2.5", "1e3", "10000000", "10000000.01", "-3.25", "1888940.7",
                         f"{r.uniform(0, 1e6):.2f}", "1E2"])
    if t == "bool":
        return r.choice(["true", "false", "TRUE", "No", "yes", "1", "0", "False"])
    if t == "date":
        d = f"20{r.randint(20, 27)}-{r.randint(1, 12):02}-{r.randint(1, 28):02}"
        return r.choice([d, d, d, d + "T23:59:59Z", d + "T00:30+05:00", "2026-11-01", "2026-10-02", "2026-11-02"])
    if t == "enum":
        return r.choice(f["members"])
    if t == "set":
        ms = r.sample(f["members"], r.randint(1, min(4, len(f["members"]))))
        if r.random() < 0.3:
            ms = [(" " if r.random() < 0.5 else "\t") + m + " " for m in ms] + [ms[0]]
        return ";".join(ms)
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("schema")
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    fields = parse_schema(a.schema)
    r = random.Random(a.seed)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow([f["name"] for f in fields])
    for i in range(a.rows):
        w.writerow([value(r, f, i) for f in fields])


if __name__ == "__main__":
    main()
