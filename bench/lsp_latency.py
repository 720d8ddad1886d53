#!/usr/bin/env python3
"""Latency and memory of `leadscore lsp` (docs/performance.md, "Language server").

Latency: a generated 1,000-rule model (groups of rules over bench/lead.schema, lets, a reject, tiers
and a few tests) is opened, then edited N times (a rule's points changed; every other edit
introduces and mends a misspelt member); for each edit, the time from writing didChange to reading
the publishDiagnostics of that version. Memory: the server's resident set (VmRSS) with no document
open, then with K copies of the model open (each a different file): the growth per file.

usage: bench/lsp_latency.py LEADSCORE [--rules 1000] [--edits 200] [--files 20]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "lsp"))
from lsp_client import Client, uri_of  # noqa: E402


def model_text(rules):
    out = ['model "generated"', 'schema "lead.schema"', "",
           "let senior = job_title matches /\\b(chief|cto|vp|head of)\\b/i",
           "let big_co = company_size >= 100", ""]
    members = ["pricing_page", "contact_page", "demo_page", "blog", "case_studies", "docs", "careers"]
    industries = ["saas", "fintech", "retail", "healthcare", "education", "manufacturing", "other"]
    per_group = 50
    for g in range(0, rules, per_group):
        out.append(f"group g{g // per_group} max {per_group * 5} {{")
        for i in range(g, min(g + per_group, rules)):
            k = i % 5
            if k == 0:
                cond = f"company_size >= {i + 1}"
            elif k == 1:
                cond = f"visited {members[i % 7]} and email_opens > {i % 13}"
            elif k == 2:
                cond = f"industry = {industries[i % 7]} and senior"
            elif k == 3:
                cond = f"email matches \"x{i}\" or big_co"
            else:
                cond = f"last_activity within {i % 90 + 1} days"
            out.append(f"  when {cond} add {i % 9 + 1} as \"rule {i}\"")
        out.append("}")
    out += ["", 'reject when email ends with "@competitor.com" as "Competitor"', "",
            "qualify at 100", "tier hot at 200", "tier warm at 100", "tier cold", ""]
    for t in range(5):
        out += [f'test "t{t}" {{', "  as of 2026-11-01",
                f'  lead {{ id: "{t}", email: "a{t}@acme.com", company_size: {t * 300}, visited: [pricing_page] }}',
                "  expect not rejected", "}"]
    return "\n".join(out) + "\n"


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_ms(pid):
    """User + system CPU time of the process so far, in ms: unlike wall time, it does not grow
    when other work shares the machine."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("leadscore")
    ap.add_argument("--rules", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--files", type=int, default=20)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="lsp_bench_")
    with open(os.path.join(here, "lead.schema")) as f:
        schema = f.read()
    with open(os.path.join(tmp, "lead.schema"), "w") as f:
        f.write(schema)
    text = model_text(a.rules)
    path = os.path.join(tmp, "model.score")
    with open(path, "w") as f:
        f.write(text)
    c = Client([os.path.abspath(a.leadscore), "lsp"])
    c.request("initialize", {"capabilities": {}})
    c.notify("initialized", {})
    time.sleep(0.2)
    base = rss_kb(c.proc.pid)
    uri = uri_of(path)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "leadscore", "version": 0, "text": text}})
    first = c.diagnostics(uri, timeout=60)
    errors = [d for d in first if d["severity"] == 1]
    if errors:
        print("the generated model has errors:", errors[:3])
        return 1
    latencies = []
    cpu_before = cpu_ms(c.proc.pid)
    for v in range(1, a.edits + 1):
        edited = text.replace('add 3 as "rule 2"', f'add {v % 7 + 1} as "rule 2"')
        if v % 2 == 0:
            edited = edited.replace("visited pricing_page and", "visited pricng_page and", 1)
        t0 = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": edited}]})
        diags = c.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"].get("version") == v, timeout=60)["params"]["diagnostics"]
        latencies.append((time.perf_counter() - t0) * 1000)
        has_error = any(d.get("code") == "E004" for d in diags)
        if has_error != (v % 2 == 0):
            print(f"edit {v}: unexpected diagnostics")
            return 1
    cpu_per_edit = (cpu_ms(c.proc.pid) - cpu_before) / a.edits
    one = rss_kb(c.proc.pid)
    for k in range(1, a.files):
        p = os.path.join(tmp, f"copy{k}.score")
        with open(p, "w") as f:
            f.write(text)
        u = uri_of(p)
        c.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "leadscore", "version": 0, "text": text}})
        c.diagnostics(u, timeout=60)
    many = rss_kb(c.proc.pid)
    c.request("shutdown")
    c.notify("exit")
    c.proc.wait(timeout=30)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(f"model: {a.rules} rules, {len(text.splitlines())} lines, {len(text)} bytes")
    print(f"diagnostics after an edit ({a.edits} edits): median {statistics.median(latencies):.1f} ms, "
          f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms; server CPU time {cpu_per_edit:.1f} ms per edit")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"memory: {base / 1024:.1f} MB with nothing open, {one / 1024:.1f} MB with the model open, "
          f"{many / 1024:.1f} MB with {a.files} copies open: "
          f"{(many - one) / 1024 / max(1, a.files - 1):.2f} MB per further open file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
