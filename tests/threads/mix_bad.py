#!/usr/bin/env python3
"""Mixes hostile records into generated leads, for the --threads test.

    mix_bad.py LEADS.csv LEADS.jsonl OUT.csv OUT.jsonl [SEPARATOR]

Every 13th lead is followed by one of the bad or awkward records below (a quoted cell with line
breaks inside, doubled quotes, a quote inside an unquoted cell, text after a closing quote, a ragged
row, a bad number, a missing key, blank lines, CRLF ends); the JSON-lines copy gets the same leads
with its own bad lines (syntax errors, wrong types, blank lines). The CSV file ends with an
unclosed quote, which takes the rest of the input. With SEPARATOR (';' or a tab; default ',') the
CSV copy's cells are separated by it, and cells that hold it (sets, with ';') are quoted.
"""
import csv
import io
import json
import sys

src, src_jsonl, out_csv, out_jsonl = sys.argv[1:5]
SEP = sys.argv[5] if len(sys.argv) > 5 else ","
with open(src, newline="") as f:
    rows = list(csv.reader(f))
with open(src_jsonl) as f:
    docs = [json.loads(line) for line in f if line.strip()]
header, leads = rows[0], rows[1:]
title = header.index("job_title")

csv_bad = [
    lambda r, n: with_cell(r, title, f"Head of\nGrowth, EMEA {n}\n\n(acting)"),
    lambda r, n: with_cell(r, title, f'The "Chief" of "{n}"'),
    lambda r, n: raw(r, title, f'VP "Sales" {n}'),            # a quote inside an unquoted cell
    lambda r, n: raw(r, title, f'"VP" Sales {n}'),            # text after a closing quote
    lambda r, n: join(r[:5]) + "\n",                         # too few cells
    lambda r, n: raw(r, header.index("company_size"), "lots"),  # not a number
    lambda r, n: raw(r, 0, ""),                               # the key missing
    lambda r, n: "\n   \n",                                   # blank lines
    lambda r, n: join(r) + "\r\n",                           # CRLF
    lambda r, n: with_cell(r, title, f"line\r\nbreak {n}"),
]


def join(r):
    # The comma file keeps the bytes it always had (cells joined as they are); with another
    # separator, a cell that holds it is quoted, as an export would.
    if SEP == ",":
        return ",".join(r)
    return SEP.join('"' + x + '"' if SEP in x else x for x in r)


def with_cell(r, i, text):
    r = list(r)
    r[i] = text
    buf = io.StringIO()
    csv.writer(buf, delimiter=SEP, lineterminator="\n").writerow(r)
    return buf.getvalue()


def raw(r, i, text):
    r = list(r)
    r[i] = text
    return join(r) + "\n"


jsonl_bad = [
    lambda d, n: '{"id": "J%d", "email": \n' % n,              # a syntax error
    lambda d, n: json.dumps({**d, "company_size": "many"}) + "\n",
    lambda d, n: json.dumps({**d, "job_title": f"Head\nof {n}"}) + "\n",
    lambda d, n: "\n  \n",
    lambda d, n: "[1, 2]\n",
    lambda d, n: json.dumps({k: v for k, v in d.items() if k != "id"}) + "\n",
]

with open(out_csv, "w", newline="") as c, open(out_jsonl, "w", newline="") as j:
    c.write(SEP.join(header) + "\n")
    for n, r in enumerate(leads):
        c.write(SEP.join(x if SEP not in x else '"' + x + '"' for x in r) + "\n")
        d = docs[n]
        j.write(json.dumps(d) + "\n")
        if n % 13 == 5:
            c.write(csv_bad[(n // 13) % len(csv_bad)](r, n))
            j.write(jsonl_bad[(n // 13) % len(jsonl_bad)](d, n))
    c.write('L_last' + SEP + '"unclosed quote, to the end\n')
