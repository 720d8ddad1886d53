#!/usr/bin/env python3
"""Fuzz-style test of `leadscore lsp`: a few thousand random but well-framed messages (edits that
break and mend a model, requests at random positions, in and out of range, bad parameters,
malformed JSON, unknown methods). Every request must get exactly one answer with its id, and the
server must never die: at the end it still answers shutdown and exits with status 0.

usage: fuzz_test.py LEADSCORE [MESSAGES] [SEED]
"""
import json
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri_of  # noqa: E402

LEADSCORE = os.path.abspath(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rng = random.Random(SEED)

SCHEMA = """schema lead {
  id: string key
  email: string required
  job_title: string
  company_size: int
  industry: enum(saas, fintech)
  visited: set(pricing_page, blog)
  last_activity: date
}
"""
MODEL = """model "Fuzz ✓"
schema "lead.schema"
import "std/email"
let big = company_size >= 100   # «é» 🚀
group fit max 40 decay 10% every 7 days since last_activity {
  when big add 10 as "Big 🚀"
  when industry in [saas, fintech] add 5
  when visited pricing_page add 20 per company_size up to 30
}
reject when email matches free_email as "Free"
qualify at 20
tier hot at 30
tier cold
test "t" {
  lead { id: "1", email: "a@b.c", company_size: 200 }
  expect score 10
}
"""
SNIPPETS = ["when ", "add 5", " and ", " or ", "(", ")", "[", "]", "{", "}", '"', "é", "🚀", "\n", "\r\n",
            "let x = ", "group g {", "visited ", "any of [", "industry = ", "saas", "pricng", "#", "/re/i",
            "email_domain(", "tier ", "qualify at ", "test \"x\" {", "import \"", "std/", "\t", "\\", "\x00", "ü"]
METHODS = ["textDocument/hover", "textDocument/completion", "textDocument/definition",
           "textDocument/references", "textDocument/documentSymbol", "textDocument/formatting",
           "textDocument/codeAction", "textDocument/codeLens"]


def mutate(text):
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        r = rng.random()
        if r < 0.45:
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif r < 0.8:
            text = text[:at] + text[at + rng.randint(1, 12):]
        elif r < 0.9:
            text = MODEL
        else:
            line = text.split("\n")
            rng.shuffle(line)
            text = "\n".join(line)
    return text


def random_position(text):
    lines = text.split("\n")
    if rng.random() < 0.15:
        return {"line": rng.choice([0, 10**6, 2**31]), "character": rng.choice([0, 10**6, 2**31])}
    line = rng.randrange(len(lines))
    return {"line": line, "character": rng.randint(0, len(lines[line].encode("utf-16-le")) // 2 + 2)}


def main():
    tmp = tempfile.mkdtemp(prefix="lsp_fuzz_")
    for name, text in [("lead.schema", SCHEMA), ("model.score", MODEL)]:
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(text)
    model_uri, schema_uri = uri_of(os.path.join(tmp, "model.score")), uri_of(os.path.join(tmp, "lead.schema"))
    c = Client([LEADSCORE, "lsp"])
    r = c.request("initialize", {"capabilities": {}})
    assert "result" in r, r
    c.notify("initialized", {})
    texts = {model_uri: MODEL, schema_uri: SCHEMA}
    c.notify("textDocument/didOpen", {"textDocument": {"uri": model_uri, "languageId": "leadscore", "version": 1, "text": MODEL}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": schema_uri, "languageId": "leadscore", "version": 1, "text": SCHEMA}})
    outstanding = set()
    version = 1
    errors = 0
    for i in range(COUNT):
        r = rng.random()
        uri = model_uri if rng.random() < 0.85 else schema_uri
        if r < 0.35:
            version += 1
            texts[uri] = mutate(texts[uri])
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": [{"text": texts[uri]}]})
        elif r < 0.85:
            method = rng.choice(METHODS)
            params = {"textDocument": {"uri": uri}, "position": random_position(texts[uri])}
            if method == "textDocument/codeAction":
                params = {"textDocument": {"uri": uri}, "range": {"start": random_position(texts[uri]), "end": random_position(texts[uri])},
                          "context": {"diagnostics": []}}
            if method == "textDocument/references":
                params["context"] = {"includeDeclaration": rng.random() < 0.5}
            outstanding.add(c.request_async(method, params))
        elif r < 0.9:
            # Bad parameters of every kind.
            bad = rng.choice([None, {}, [], 3, {"textDocument": 7}, {"textDocument": {"uri": "file:///nope.score"}, "position": {"line": 0, "character": 0}},
                              {"textDocument": {"uri": model_uri}, "position": {"line": -1, "character": "x"}},
                              {"textDocument": {"uri": model_uri}, "position": {"line": 1.5, "character": 1e300}}])
            outstanding.add(c.request_async(rng.choice(METHODS + ["nope/nothing"]), bad))
            c.notify(rng.choice(["textDocument/didChange", "textDocument/didClose", "textDocument/didSave", "$/cancelRequest"]),
                     rng.choice([None, {}, {"textDocument": {"uri": 5}}, {"textDocument": {"uri": model_uri}, "contentChanges": 3}]))
        elif r < 0.94:
            c.send_raw(rng.choice([b"{", b"[]", b"null", b'{"jsonrpc":"2.0","id":{"a":1},"method":"x"}', b"\xff\xfe",
                                   b'{"jsonrpc":"2.0","method":5}', b'"text"', b'{"id":1e400}']))
        elif r < 0.97:
            # Close and reopen a document with its current text.
            c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "leadscore", "version": version, "text": texts[uri]}})
        else:
            # An incremental change (the server asks for full text, but copes).
            start, end = random_position(texts[uri]), random_position(texts[uri])
            version += 1
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": [{"range": {"start": start, "end": end}, "text": rng.choice(SNIPPETS)}]})
            # Its effect is worked out by the server; re-sync with a full text so edits stay known.
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": [{"text": texts[uri]}]})
        if len(outstanding) >= 50 or i == COUNT - 1:
            for rid in sorted(outstanding):
                m = c.response(rid, timeout=60)
                if "error" in m:
                    errors += 1
                    assert m["error"]["code"] in (-32602, -32601, -32600), m
                else:
                    assert "result" in m, m
            outstanding.clear()
            if c.proc.poll() is not None:
                print(f"FAIL: the server died (status {c.proc.returncode}) after {i + 1} messages")
                return 1
    r = c.request("shutdown")
    assert r.get("result", "missing") is None, r
    c.notify("exit")
    status = c.proc.wait(timeout=30)
    if status != 0:
        print(f"FAIL: exit status {status}; stderr: {c.proc.stderr.read()[-2000:]}")
        return 1
    print(f"fuzz: {COUNT} messages (seed {SEED}), every request answered ({errors} with an error), server alive to the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
