#!/usr/bin/env python3
"""The VS Code extension's TextMate grammar is grammar/editors/leadscore.tmLanguage.json, copied.
This script makes the copy (--write, which also writes builtins.def's names into the source
grammar's `builtin` pattern) or checks it (default), and checks the grammar against the parser's
keyword list: every LS_KEYWORD(word) of src/syntax/grammar.hpp must be highlighted by one
of the grammar's `keyword` patterns, and every BUILTIN(name, ...) of include/leadscore/builtins.def
by its `builtin` pattern when called.

usage: sync_grammar.py [--write] [REPO_ROOT]
Exit 0 when all holds, 1 with the differences printed.
"""
import json
import os
import re
import sys

args = [a for a in sys.argv[1:] if a != "--write"]
write = "--write" in sys.argv[1:]
root = os.path.abspath(args[0]) if args else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = os.path.join(root, "grammar", "editors", "leadscore.tmLanguage.json")
copy = os.path.join(root, "editors", "vscode", "syntaxes", "leadscore.tmLanguage.json")
hpp = os.path.join(root, "src", "syntax", "grammar.hpp")
builtins_def = os.path.join(root, "include", "leadscore", "builtins.def")

problems = []
with open(source, encoding="utf-8") as f:
    text = f.read()
grammar = json.loads(text)
with open(builtins_def, encoding="utf-8") as f:
    builtin_names = re.findall(r"^BUILTIN\(([a-z_]+),", f.read(), re.M)
if write and builtin_names:
    # The builtin pattern's names are builtins.def's: --write puts the table's list in the source
    # grammar, so that a new built-in needs no edit of the JSON by hand.
    listed = re.search(r"\(([a-z_|]+)\)", grammar["repository"].get("builtin", {}).get("match", ""))
    wanted = "|".join(builtin_names)
    if listed and listed.group(1) != wanted:
        text = text.replace("(" + listed.group(1) + ")", "(" + wanted + ")", 1)
        with open(source, "w", encoding="utf-8") as f:
            f.write(text)
        grammar = json.loads(text)
if write:
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text)
elif not os.path.exists(copy) or open(copy, encoding="utf-8").read() != text:
    problems.append(f"{os.path.relpath(copy, root)} differs from {os.path.relpath(source, root)}: run editors/sync_grammar.py --write")

# Every pattern under repository.keyword (and the builtin names), as Python regexes: TextMate's
# Oniguruma syntax and Python's agree on the \b(...)\b alternations used there.
def patterns(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("match", "begin") and isinstance(v, str):
                yield v
            else:
                yield from patterns(v)
    elif isinstance(node, list):
        for v in node:
            yield from patterns(v)

keyword_res = []
for name in ("keyword", "declaration", "builtin", "operator"):
    for p in patterns(grammar["repository"].get(name, {})):
        try:
            keyword_res.append(re.compile(p))
        except re.error:
            pass
with open(hpp, encoding="utf-8") as f:
    code = re.sub(r"//[^\n]*", "", f.read())
keywords = sorted(set(re.findall(r"LS_KEYWORD\(([a-z_]+)\)", code)) - {"name"})
if not keywords:
    problems.append("no LS_KEYWORD found in src/syntax/grammar.hpp")
def highlights(r, kw):
    # A keyword in a line of its own, or in the one context it has a meaning in (`expect fired`).
    for line in (f" {kw} ", f"expect {kw}", f"  expect not {kw}"):
        m = r.search(line)
        if m and kw in (m.group(0).strip(), *(g for g in m.groups() if g)):
            return True
    return False


for kw in keywords:
    if not any(highlights(r, kw) for r in keyword_res):
        problems.append(f"keyword '{kw}' (LS_KEYWORD in grammar.hpp) is not highlighted by the TextMate grammar")

if not builtin_names:
    problems.append("no BUILTIN found in include/leadscore/builtins.def")
builtin_res = [re.compile(p) for p in patterns(grammar["repository"].get("builtin", {}))]
for name in builtin_names:
    if not any(r.search(f"x = {name}(y)") for r in builtin_res):
        problems.append(f"built-in '{name}' (builtins.def) is not highlighted by the TextMate grammar's builtin pattern")
# ...and no name the table does not have.
for r in builtin_res:
    for name in re.findall(r"[a-z_]+", r.pattern.split("(", 1)[-1].split(")", 1)[0]):
        if name not in builtin_names:
            problems.append(f"the TextMate grammar highlights '{name}' as a built-in; builtins.def has no such name")

for p in problems:
    print(p)
if not problems:
    print(f"TextMate grammar: {len(keywords)} keywords of grammar.hpp and {len(builtin_names)} built-ins of "
          "builtins.def highlighted; the VS Code copy is current")
sys.exit(1 if problems else 0)
