#!/usr/bin/env python3
"""`leadscore test --format junit` and `check --format junit` on names that need escaping (quotes,
<, &, an emoji, a control character XML 1.0 forbids), in file names too: every report must parse
with an XML parser, name every test and file exactly (the control character as U+FFFD), and its
counts must agree with its elements.

usage: wellformed_test.py LEADSCORE
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SCHEMA = """schema lead {
  id:            string  key
  email:         string  required
  company_size:  int
}
"""

TRICKY = 'quote " apos \' lt < gt > amp & emoji 🚀 é'
# The model writes the control character as an escape; XML cannot carry it, so the report has U+FFFD.
CONTROL_SOURCE = 'bell \\u0007 and nul-free'
CONTROL_REPORTED = 'bell \ufffd and nul-free'

MODEL = """model "tricky"
schema "lead.schema"

when company_size >= 100 add 20 as "Big <&> \\"co\\" 🚀"
when email ends with "@gmail.com" subtract 5 as "Free"
reject when email ends with "@rival.com" as "Rival"

test "%(tricky)s" {
  lead { email: "a@b.com", company_size: 200 }
  expect score 20
  expect fired "Big <&> \\"co\\" 🚀"
}

test "%(control)s" {
  lead { email: "a@gmail.com" }
  expect score -5
}

test "fails: <&> 🚀" {
  lead { email: "a@b.com", company_size: 200 }
  expect score 999
  expect not fired "Big <&> \\"co\\" 🚀"
}
""" % {"tricky": TRICKY.replace('"', '\\"'), "control": CONTROL_SOURCE}

BROKEN = """schema "lead.schema"

when compny_size > 1 add 1 as "x < y & \\"z\\""
"""

MODEL_NAME = 'tricky &\'"<>🚀.score'
BROKEN_NAME = 'broken <&>.score'

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def run(leadscore, cwd, *args):
    p = subprocess.run([leadscore, *args], cwd=cwd, capture_output=True)
    return p.returncode, p.stdout


def parse(label, out):
    try:
        return ET.fromstring(out)
    except ET.ParseError as e:
        problems.append(f"{label}: not well-formed XML: {e}\n{out.decode('utf-8', 'replace')}")
        return None


def check_counts(label, root):
    """Every testsuite's and the root's tests/failures/errors agree with the testcases below them."""
    expect(root.tag == "testsuites", f"{label}: root is <{root.tag}>")
    totals = [0, 0, 0]
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        failures = sum(1 for c in cases if c.find("failure") is not None)
        errors = sum(1 for c in cases if c.find("error") is not None)
        got = (int(suite.get("tests")), int(suite.get("failures")), int(suite.get("errors")))
        expect(got == (len(cases), failures, errors),
               f"{label}: suite {suite.get('name')!r} says {got}, has {(len(cases), failures, errors)}")
        for c in cases:
            expect(c.get("name") and c.get("classname") == suite.get("name"),
                   f"{label}: testcase {c.get('name')!r} in {suite.get('name')!r}: classname {c.get('classname')!r}")
        totals = [totals[0] + len(cases), totals[1] + failures, totals[2] + errors]
    got = [int(root.get("tests")), int(root.get("failures")), int(root.get("errors"))]
    expect(got == totals, f"{label}: testsuites says {got}, has {totals}")


def main():
    leadscore = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as d:
        for name, text in [("lead.schema", SCHEMA), (MODEL_NAME, MODEL), (BROKEN_NAME, BROKEN)]:
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(text)

        # test: every test of the tricky model by its exact name, one failure, the broken model an error.
        status, out = run(leadscore, d, "test", "--format", "junit", MODEL_NAME, BROKEN_NAME, "missing <&>.score")
        expect(status == 2, f"test: exit status {status}, expected 2 (a path does not exist)")
        root = parse("test", out)
        if root is not None:
            check_counts("test", root)
            suites = {s.get("name"): s for s in root.findall("testsuite")}
            expect(set(suites) == {MODEL_NAME, BROKEN_NAME, "missing <&>.score"}, f"test: suites {sorted(suites)}")
            if MODEL_NAME in suites:
                names = [c.get("name") for c in suites[MODEL_NAME].findall("testcase")]
                expect(names == [TRICKY, CONTROL_REPORTED, "fails: <&> 🚀"], f"test: test names {names}")
                failing = suites[MODEL_NAME].findall("testcase")[-1].find("failure")
                expect(failing is not None and "expected score 999, got 20" in failing.get("message", ""),
                       f"test: the failure's message: {failing.attrib if failing is not None else None}")
                expect(failing is not None and 'Big <&> "co" 🚀' in (failing.text or ""),
                       "test: the failure's text has the breakdown with the rule's label")
            if BROKEN_NAME in suites:
                error = suites[BROKEN_NAME].find("testcase/error")
                expect(error is not None and "compny_size" in (error.text or ""),
                       "test: the broken model's error names its problem")

        # test --run with a tricky pattern: only the tests it finds.
        status, out = run(leadscore, d, "test", "--format", "junit", "--run", "<&>|🚀", MODEL_NAME)
        root = parse("test --run", out)
        if root is not None:
            check_counts("test --run", root)
            names = [c.get("name") for c in root.iter("testcase")]
            expect(names == [TRICKY, "fails: <&> 🚀"], f"test --run: {names}")
            expect(status == 1, f"test --run: exit status {status}, expected 1 (a test fails)")

        # check: the tricky model is clean, the broken one has an error, a missing file is an error.
        for strict in ([], ["--strict"]):
            label = "check " + " ".join(strict)
            status, out = run(leadscore, d, "check", "--format", "junit", *strict, MODEL_NAME, BROKEN_NAME,
                              "missing <&>.score")
            expect(status == 2, f"{label}: exit status {status}, expected 2")
            root = parse(label, out)
            if root is None:
                continue
            check_counts(label, root)
            suites = {s.get("name"): s for s in root.findall("testsuite")}
            expect(MODEL_NAME in suites and BROKEN_NAME in suites and "lead.schema" in suites,
                   f"{label}: suites {sorted(suites)}")
            if BROKEN_NAME in suites:
                failure = suites[BROKEN_NAME].find("testcase/failure")
                message = failure.get("message", "") if failure is not None else ""
                expect(message.startswith(f"{BROKEN_NAME}:3:6: error[E"), f"{label}: failure message {message!r}")
            missing = [s for s in root.findall("testsuite") if s.find("testcase/error") is not None]
            expect(len(missing) == 1 and "missing <&>.score" in missing[0].find("testcase/error").get("message", ""),
                   f"{label}: the missing file is one <error>")

    if problems:
        print("\n".join(problems))
        return 1
    print("junit reports: well-formed, names and counts exact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
