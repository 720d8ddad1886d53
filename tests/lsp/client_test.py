#!/usr/bin/env python3
"""Drives `leadscore lsp` through every feature as an editor would, and checks each answer.

usage: client_test.py LEADSCORE

Diagnostics are compared with what `leadscore check --strict --format json` reports for the same
text saved to disk (its code-point columns converted to UTF-16 here, independently of the server).
Positions are computed from the texts in this file, in UTF-16 code units, many of them on lines
after non-ASCII text (accents, and emoji that take two UTF-16 units).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, find_position, position_of, uri_of, utf16_len  # noqa: E402

LEADSCORE = os.path.abspath(sys.argv[1])
# The anchors of docs/diagnostics.md's headings, one per code: `### E004 unknown-member`.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "diagnostics.md"), encoding="utf-8") as f:
    DOC_ANCHORS = {line[4:].strip().lower().replace(" ", "-") for line in f if re.match(r"### [EW]\d{3} ", line)}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


SCHEMA = """schema lead {
  id:           string key
  email:        string required
  job_title:    string
  company_size: int
  industry:     enum(saas, fintech, retail)
  visited:      set(pricing_page, contact_page, blog)
  email_opens:  int
  last_activity: date
}
"""

MODEL = """model "Café scoring ✓"
schema "lead.schema"

# «Sénior» people 🚀 first
let senior = job_title matches /\\b(chief|cto|vp)\\b/i
let big_co = company_size >= 100

group fit max 40 {
  when senior add 15 as "Sénior title 🚀"
  when job_title = "Ünïcode 🚀" and big_co add 10
  when industry in [saas, fintech] add 5
  when email_domain(email) = "gmail.com" subtract 10 as "Free email"
}

group engagement max 60 decay 25% every 30 days since last_activity {
  when visited pricing_page add 20 as "Prïcing 🚀"
  when email_opens >= 3 add 5
}

reject when email ends with "@competitor.com" as "Competitor"

qualify at 30
tier hot at 50
tier warm at 30
tier cold

test "a senior on the pricing page 🚀" {
  as of 2026-11-01
  lead { id: "1", email: "ana@acme.com", job_title: "CTO", visited: [pricing_page], last_activity: 2026-10-30 }
  expect score 35
}

test "nobody in particular" {
  as of 2026-11-01
  lead { id: "2", email: "bo@gmail.com" }
  expect score 0
}
"""


def lsp_diags_from_check(path, text):
    """check --strict --format json for `path`, as LSP ranges (UTF-16) and codes."""
    run = subprocess.run([LEADSCORE, "check", "--strict", "--format", "json", path],
                         capture_output=True, text=True)
    doc = json.loads(run.stdout)
    lines = text.split("\n")
    out = []
    for d in doc["diagnostics"]:
        def pos(line, col):
            chars = lines[line - 1][:col - 1]
            return {"line": line - 1, "character": utf16_len(chars)}
        out.append((d["code"], d["severity"], json.dumps(pos(d["line"], d["column"])),
                    json.dumps(pos(d["end_line"], d["end_column"]))))
    return sorted(out), run.returncode


def as_tuples(diags):
    names = {1: "error", 2: "warning", 3: "note"}
    return sorted((d.get("code", ""), names[d["severity"]], json.dumps(d["range"]["start"]),
                   json.dumps(d["range"]["end"])) for d in diags)


def apply_edits(text, edits):
    """Applies TextEdits (UTF-16 ranges) to `text`."""
    lines = text.split("\n")

    def index(p):
        i = sum(len(l) + 1 for l in lines[:p["line"]])
        line = lines[p["line"]] if p["line"] < len(lines) else ""
        units = 0
        for k, ch in enumerate(line):
            if units >= p["character"]:
                return i + k
            units += utf16_len(ch)
        return i + len(line)
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        a, b = index(e["range"]["start"]), index(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def main():
    tmp = tempfile.mkdtemp(prefix="lsp_client_")
    schema_path = os.path.join(tmp, "lead.schema")
    model_path = os.path.join(tmp, "model.score")
    with open(schema_path, "w") as f:
        f.write(SCHEMA)
    with open(model_path, "w", encoding="utf-8") as f:
        f.write(MODEL)
    model_uri, schema_uri = uri_of(model_path), uri_of(schema_path)
    c = Client([LEADSCORE, "lsp"])

    # Before initialize: requests get ServerNotInitialized.
    r = c.request("textDocument/hover", {"textDocument": {"uri": model_uri}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32002, "a request before initialize is refused with -32002")

    r = c.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(tmp), "capabilities": {}})
    caps = r["result"]["capabilities"]
    for cap in ["hoverProvider", "completionProvider", "definitionProvider", "referencesProvider",
                "documentSymbolProvider", "documentFormattingProvider", "codeActionProvider", "codeLensProvider"]:
        check(cap in caps, f"initialize announces {cap}")
    check(caps["textDocumentSync"]["change"] == 1, "full text sync")
    check(r["result"]["serverInfo"]["name"] == "leadscore", "serverInfo names leadscore")
    c.notify("initialized", {})

    # Protocol errors never stop the server.
    c.send_raw(b"{not json")
    m = c.wait_for(lambda m: m.get("error", {}).get("code") == -32700)
    check(m["id"] is None, "malformed JSON gets a parse error with id null")
    r = c.request("leadscore/noSuchMethod", {})
    check(r.get("error", {}).get("code") == -32601, "an unknown method gets -32601")
    c.notify("leadscore/noSuchNotification", {})
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///not/open.score"}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32602, "a request on a document that is not open gets -32602")
    r = c.request("textDocument/hover", {"textDocument": {"uri": model_uri}})
    check("error" in r, "a request with missing params gets an error")

    # didOpen: diagnostics exactly as check --strict gives them for the same text.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": model_uri, "languageId": "leadscore", "version": 1, "text": MODEL}})
    diags = c.diagnostics(model_uri)
    expected, status = lsp_diags_from_check(model_path, MODEL)
    check(as_tuples(diags) == expected, f"open: diagnostics equal check --strict's: {as_tuples(diags)} vs {expected}")
    check(diags, "the model has diagnostics on open (warnings) whose links can be checked")
    for d in diags:
        check(d["source"] == "leadscore", "a diagnostic's source is leadscore")
        # The link's anchor is the code's heading in docs/diagnostics.md (`### E004 unknown-member`).
        href = d["codeDescription"]["href"]
        check(href.split("#")[-1] in DOC_ANCHORS, f"a diagnostic links its code's documentation: {href}")
        check("docs/diagnostics.md#" + d["code"].lower() + "-" in href, "the link names the code's heading")

    # An edit with a mistake after non-ASCII text on the same line.
    broken = MODEL.replace("when visited pricing_page add 20", "when job_title = \"Éé🚀\" or visited pricng_page add 20")
    with open(model_path, "w", encoding="utf-8") as f:
        f.write(broken)
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 2}, "contentChanges": [{"text": broken}]})
    diags = c.diagnostics(model_uri)
    expected, status = lsp_diags_from_check(model_path, broken)
    check(status == 1, "check --strict fails on the broken model")
    check(as_tuples(diags) == expected, f"change: diagnostics equal check --strict's: {as_tuples(diags)} vs {expected}")
    e004 = [d for d in diags if d.get("code") == "E004"]
    check(len(e004) == 1, "the unknown member is reported as E004")
    start = find_position(broken, "pricng_page")
    check(e004 and e004[0]["range"]["start"] == start, f"E004 starts at UTF-16 {start}: {e004 and e004[0]['range']}")
    check(e004 and e004[0]["range"]["end"]["character"] == start["character"] + len("pricng_page"), "E004 ends after the name")
    check(e004 and e004[0]["severity"] == 1, "an error has severity 1")

    # Code action: the did-you-mean, applied.
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": model_uri}, "range": e004[0]["range"],
                                               "context": {"diagnostics": e004}})
    fixes = [a for a in r["result"] if "pricing_page" in a["title"]]
    check(len(fixes) == 1, f"a code action offers 'pricing_page': {[a['title'] for a in r['result']]}")
    fixed = apply_edits(broken, fixes[0]["edit"]["changes"][model_uri])
    check(fixed == broken.replace("pricng_page", "pricing_page"), "the fix replaces exactly the misspelt name")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 3}, "contentChanges": [{"text": fixed}]})
    diags = c.diagnostics(model_uri)
    check(not [d for d in diags if d["severity"] == 1], "no error once the fix is applied")

    # Code action: allow a warning. The decay reads a field that is not required: a warning.
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 4}, "contentChanges": [{"text": MODEL}]})
    diags = c.diagnostics(model_uri)
    warnings = [d for d in diags if d["severity"] == 2]
    check(warnings, f"the model has a warning to allow: {diags}")
    if warnings:
        w = warnings[0]
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": model_uri}, "range": w["range"],
                                                   "context": {"diagnostics": [w]}})
        allows = [a for a in r["result"] if "allow" in a["title"].lower()]
        check(len(allows) == 1, "a code action allows the warning")
        allowed = apply_edits(MODEL, allows[0]["edit"]["changes"][model_uri])
        check(f"# leadscore: allow {w['code']}" in allowed, "the action adds an allow comment")
        c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 5}, "contentChanges": [{"text": allowed}]})
        after = c.diagnostics(model_uri)
        # The comment went in above the warning's line: had it stayed, it would be one line down.
        moved = w["range"]["start"]["line"] + 1
        check(not [d for d in after if d.get("code") == w["code"] and d["range"]["start"]["line"] in (moved - 1, moved)],
              "the allowed warning is gone")
        same_code = lambda ds: len([d for d in ds if d.get("code") == w["code"]])
        check(same_code(after) == same_code(diags) - 1, "the allow comment removes exactly that one warning")
        c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 6}, "contentChanges": [{"text": MODEL}]})
        c.diagnostics(model_uri)

    def hover(needle, nth=0, delta=1, text=MODEL, uri=model_uri):
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": find_position(text, needle, nth, delta)})
        res = r.get("result")
        return res["contents"]["value"] if res else "", res

    v, res = hover("company_size >= 100")
    check("company_size: int" in v and "optional" in v, f"hover on a field: type and not required: {v!r}")
    check(res and res["range"]["start"] == find_position(MODEL, "company_size >= 100"), "hover range is the field's name")
    v, _ = hover("email_domain(email)", delta=14)
    check("email: string" in v and "required" in v, f"hover on a required field: {v!r}")
    v, res = hover("big_co add 10")
    check("let big_co = company_size >= 100" in v, f"hover on a let after non-ASCII text: {v!r}")
    check(res and res["range"]["start"] == find_position(MODEL, "big_co add 10"), "hover range after non-ASCII text")
    v, _ = hover("add 15")
    check("15" in v and "fit" in v and "40" in v, f"hover on a rule: points, group, cap: {v!r}")
    v, _ = hover("add 20 as")
    check("20" in v and "engagement" in v and "25%" in v and "30 days" in v, f"hover on a rule: decay: {v!r}")
    v, _ = hover("email_domain(")
    check("email_domain(s: string) -> string" in v and "after the last" in v, f"hover on a built-in: {v!r}")
    v, _ = hover("pricing_page add")
    check("member" in v and "visited" in v, f"hover on a set member: {v!r}")

    # Completion.
    def complete(text, needle, delta):
        c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 7}, "contentChanges": [{"text": text}]})
        c.diagnostics(model_uri)
        r = c.request("textDocument/completion", {"textDocument": {"uri": model_uri}, "position": find_position(text, needle, 0, delta)})
        return [i["label"] for i in r["result"]["items"]]

    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when email_opens >= 3 add 5\n  when \n")
    labels = complete(t, "  when \n", 7)
    check("company_size" in labels and "senior" in labels and "email_domain" in labels, f"completion after when: fields, lets, built-ins: {labels[:10]}")
    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when big_co and industry = \n")
    labels = complete(t, "industry = \n", 11)
    check(sorted(labels) == ["fintech", "retail", "saas"], f"completion after enum field =: members: {labels}")
    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when industry in [saas, \n")
    labels = complete(t, "[saas, \n", 7)
    check("fintech" in labels and "retail" in labels, f"completion in an enum list: {labels}")
    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when visited \n")
    labels = complete(t, "when visited \n", 13)
    check("pricing_page" in labels and "blog" in labels, f"completion after a set field: members: {labels}")
    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when visited any of [\n")
    labels = complete(t, "any of [\n", 8)
    check(sorted(labels) == ["blog", "contact_page", "pricing_page"], f"completion after any of [: members: {labels}")
    t = MODEL.replace('schema "lead.schema"\n', 'schema "lead.schema"\nimport "std/\n')
    labels = complete(t, 'import "std/\n', 12)
    check("std/email" in labels and "std/geo" in labels, f"completion of module paths: {labels}")
    t = MODEL.replace("qualify at 30\n", "qualify at 30\nti\n")
    labels = complete(t, "\nti\n", 3)
    check("tier" in labels and "group" in labels, f"keywords where a statement starts: {labels}")
    t = MODEL.replace("  when email_opens >= 3 add 5\n", "  when email_opens >= 3 \n")
    labels = complete(t, "email_opens >= 3 \n", 17)
    check("add" in labels and "and" in labels, f"keywords after a condition: {labels}")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 8}, "contentChanges": [{"text": MODEL}]})
    c.diagnostics(model_uri)

    # Definition and references.
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "big_co add", 0, 2)})
    loc = r["result"]
    check(loc["uri"] == model_uri and loc["range"]["start"] == find_position(MODEL, "big_co ="), f"definition of a let: {loc}")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "company_size >=", 0, 3)})
    loc = r["result"]
    check(loc and loc["uri"] == schema_uri and loc["range"]["start"] == find_position(SCHEMA, "company_size"), f"definition of a field: {loc}")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "since last_activity", 0, 8)})
    loc = r["result"]
    check(loc and loc["uri"] == schema_uri and loc["range"]["start"] == find_position(SCHEMA, "last_activity"), f"definition of a decay field: {loc}")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "lead.schema", 0, 2)})
    check(r["result"] and r["result"]["uri"] == schema_uri, "definition of the schema line is the schema file")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "group engagement", 0, 8)})
    check(r["result"] and r["result"]["range"]["start"] == find_position(MODEL, "engagement max"), "definition of a group is its name")
    r = c.request("textDocument/references", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "senior =", 0, 1),
                                               "context": {"includeDeclaration": True}})
    starts = sorted(json.dumps(l["range"]["start"]) for l in r["result"])
    want = sorted(json.dumps(p) for p in [find_position(MODEL, "senior ="), find_position(MODEL, "senior add")])
    check(starts == want, f"references of a let: {starts} vs {want}")
    r = c.request("textDocument/references", {"textDocument": {"uri": model_uri}, "position": find_position(MODEL, "job_title matches", 0, 1),
                                               "context": {"includeDeclaration": False}})
    starts = sorted(json.dumps(l["range"]["start"]) for l in r["result"])
    want = sorted(json.dumps(find_position(MODEL, "job_title", n)) for n in range(3))
    check(starts == want, f"references of a field (uses and test leads): {starts} vs {want}")

    # Imported modules: hover, definition, references.
    with_import = MODEL.replace('schema "lead.schema"\n', 'schema "lead.schema"\nimport "std/email"\n').replace(
        '  when email_opens >= 3 add 5\n', '  when email_opens >= 3 add 5\n  when email matches free_email subtract 5\n')
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 9}, "contentChanges": [{"text": with_import}]})
    diags = c.diagnostics(model_uri)
    check(not [d for d in diags if d["severity"] == 1], f"the import resolves: {diags}")
    v, _ = hover("std/email", text=with_import)
    check("email address" in v, f"hover on an import: the module's summary: {v!r}")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(with_import, "std/email", 0, 2)})
    check(r["result"] and r["result"]["uri"].endswith("/email.score"), f"definition of an import: the module: {r['result']}")
    r = c.request("textDocument/definition", {"textDocument": {"uri": model_uri}, "position": find_position(with_import, "free_email subtract", 0, 2)})
    check(r["result"] and r["result"]["uri"].endswith("/email.score"), f"definition of an imported let: in the module: {r['result']}")
    v, _ = hover("free_email subtract", text=with_import)
    check("let free_email" in v, f"hover on an imported let: {v!r}")
    r = c.request("textDocument/references", {"textDocument": {"uri": model_uri}, "position": find_position(with_import, "std/email", 0, 2),
                                               "context": {"includeDeclaration": False}})
    check(len(r["result"]) == 1 and r["result"][0]["range"]["start"]["line"] == 2, f"references of a module: its import lines: {r['result']}")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 10}, "contentChanges": [{"text": MODEL}]})
    c.diagnostics(model_uri)

    # Document symbols.
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": model_uri}})
    syms = r["result"]
    names = [s["name"] for s in syms]
    check("senior" in names and "big_co" in names and "fit" in names and "engagement" in names, f"symbols: lets and groups: {names}")
    check("reject: Competitor" in names, f"symbols: the reject: {names}")
    check("a senior on the pricing page 🚀" in names and "nobody in particular" in names, f"symbols: tests: {names}")
    fit = [s for s in syms if s["name"] == "fit"][0]
    kids = [k["name"] for k in fit["children"]]
    check(kids[0] == "Sénior title 🚀" and "Free email" in kids and len(kids) == 4, f"symbols: rules by label under their group: {kids}")
    check(fit["children"][0]["selectionRange"]["start"] == find_position(MODEL, "when senior"), "symbol ranges in UTF-16")

    # Formatting: exactly `leadscore fmt`.
    messy = MODEL.replace("qualify at 30", "qualify   at   30").replace("  when senior add 15", "      when senior   add 15")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 11}, "contentChanges": [{"text": messy}]})
    c.diagnostics(model_uri)
    r = c.request("textDocument/formatting", {"textDocument": {"uri": model_uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    with open(model_path, "w", encoding="utf-8") as f:
        f.write(messy)
    fmt_out = subprocess.run([LEADSCORE, "fmt", model_path], capture_output=True).stdout.decode("utf-8")
    check(r["result"] and apply_edits(messy, r["result"]) == fmt_out, "formatting gives exactly leadscore fmt's text")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 12}, "contentChanges": [{"text": fmt_out}]})
    c.diagnostics(model_uri)
    r = c.request("textDocument/formatting", {"textDocument": {"uri": model_uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    check(r["result"] == [], "formatting a formatted document changes nothing")
    c.notify("textDocument/didChange", {"textDocument": {"uri": model_uri, "version": 13}, "contentChanges": [{"text": MODEL}]})
    c.diagnostics(model_uri)

    # Code lenses: a rule's points and how many of the file's tests fire it. The first test's lead
    # is a CTO who saw pricing: 'senior' (15) and pricing (20) fire; the second: only 'Free email'.
    r = c.request("textDocument/codeLens", {"textDocument": {"uri": model_uri}})
    lenses = {l["range"]["start"]["line"]: l["command"]["title"] for l in r["result"]}
    line_of = lambda needle: find_position(MODEL, needle)["line"]
    check(lenses.get(line_of("when senior")) == "+15 points · fired by 1 of 2 tests", f"lens of 'senior': {lenses}")
    check(lenses.get(line_of("when job_title =")) == "+10 points · fired by 0 of 2 tests", f"lens of an unfired rule: {lenses}")
    check(lenses.get(line_of("when email_domain")) == "-10 points · fired by 1 of 2 tests", f"lens of a negative rule: {lenses}")
    check(lenses.get(line_of("when visited")) == "+20 points · fired by 1 of 2 tests", f"lens of pricing: {lenses}")
    check(len(lenses) == 6, "one lens per rule")

    # A change to the schema re-checks the open model that reads it.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": schema_uri, "languageId": "leadscore", "version": 1, "text": SCHEMA}})
    check(c.diagnostics(schema_uri) == [], "the schema has no problems")
    c.diagnostics(model_uri)  # the model reads the schema: it is checked again when it opens
    smaller = SCHEMA.replace("  company_size: int\n", "")
    c.notify("textDocument/didChange", {"textDocument": {"uri": schema_uri, "version": 2}, "contentChanges": [{"text": smaller}]})
    c.diagnostics(schema_uri)
    diags = c.diagnostics(model_uri)
    e002 = [d for d in diags if d.get("code") == "E002" or "company_size" in d["message"]]
    check(e002 and e002[0]["range"]["start"] == find_position(MODEL, "company_size >="),
          f"the model, re-checked, reports the field the unsaved schema lost: {diags}")
    v, _ = hover("email_opens", text=smaller, uri=schema_uri, delta=2)
    check("email_opens: int" in v, f"hover in a schema: {v!r}")
    r = c.request("textDocument/references", {"textDocument": {"uri": schema_uri}, "position": find_position(smaller, "email_opens", 0, 2),
                                               "context": {"includeDeclaration": True}})
    uris = sorted(l["uri"] for l in r["result"])
    check(uris.count(model_uri) == 1 and uris.count(schema_uri) == 1, f"references of a schema field reach the open model: {r['result']}")
    c.notify("textDocument/didClose", {"textDocument": {"uri": schema_uri}})
    check(c.diagnostics(schema_uri) == [], "closing clears a document's diagnostics")
    diags = c.diagnostics(model_uri)
    check(not [d for d in diags if d["severity"] == 1], "closing the schema re-checks the model against the file on disk")

    # A schema changed on disk (the client watches files): the open model is checked again.
    with open(schema_path, "w") as f:
        f.write(smaller)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": schema_uri, "type": 2}]})
    diags = c.diagnostics(model_uri)
    check([d for d in diags if d["range"]["start"] == find_position(MODEL, "company_size >=") and d["severity"] == 1],
          "a watched schema's change on disk re-checks the model")
    with open(schema_path, "w") as f:
        f.write(SCHEMA)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": schema_uri, "type": 2}]})
    diags = c.diagnostics(model_uri)
    check(not [d for d in diags if d["severity"] == 1], "and again when it is restored")

    # Positions out of range are clamped, never an error.
    r = c.request("textDocument/hover", {"textDocument": {"uri": model_uri}, "position": {"line": 10_000, "character": 10_000}})
    check("result" in r, "a position past the end gets a result")
    r = c.request("textDocument/completion", {"textDocument": {"uri": model_uri}, "position": {"line": 3, "character": 9999}})
    check("result" in r, "a character past the line's end gets a result")

    r = c.request("shutdown")
    check(r.get("result", "missing") is None, "shutdown answers null")
    r = c.request("textDocument/hover", {"textDocument": {"uri": model_uri}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32600, "a request after shutdown is refused")
    c.notify("exit")
    status = c.proc.wait(timeout=10)
    check(status == 0, f"exit after shutdown ends with status 0 (got {status})")

    # exit without shutdown: status 1.
    c2 = Client([LEADSCORE, "lsp"])
    c2.notify("exit")
    check(c2.proc.wait(timeout=10) == 1, "exit without shutdown ends with status 1")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all LSP client checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
