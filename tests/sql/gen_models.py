#!/usr/bin/env python3
"""Random models over bench/lead.schema that cover every construct of the language (SPEC 3): every
kind of condition, arithmetic with division by zero, lets, lists, built-ins, regular expressions,
`per ... up to`, groups with caps and decay, rejects, score bounds, qualify and tiers.

    gen_models.py --count 20 --seed 1 --out DIR     # writes DIR/random_<n>.score

Every model it writes is meant to pass `leadscore check` (warnings allowed); the engine tests
compare what each SQL dialect answers with `leadscore score` on these models.
"""
import argparse
import os
import random

NUM_FIELDS = ["company_size", "annual_revenue", "email_opens", "email_clicks", "webinars"]
STR_FIELDS = ["email", "job_title", "country"]
ENUMS = {
    "industry": ["saas", "fintech", "retail", "healthcare", "education", "manufacturing", "other"],
    "source": ["organic", "paid", "referral", "event", "outbound"],
}
SETS = {
    "visited": ["pricing_page", "contact_page", "demo_page", "blog", "case_studies", "docs", "careers"],
    "downloaded": ["ebook", "whitepaper", "case_study"],
}
BOOLS = ["demo_requested", "unsubscribed"]
DATES = ["last_activity", "created_at"]
COUNTRIES = ["US", "GB", "DE", "FR", "IN", "BR", "us", "Gb", "CA", "AU"]
WORDS = ["vp", "chief", "director", "head", "manager", "intern", "founder", "Sales", "ENG", "ö", "é"]
# Patterns in the subset every dialect translates exactly; SQLite runs those with \s+ or + as an
# automaton (the others become GLOB patterns).
REGEXES = [
    r"/\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\b/i",
    r"/\b(student|intern)\b/i",
    r"/^(vp|svp|evp)\b/i",
    r"/manager$/",
    r"/\bdirector\b/i",
    r"/[0-9]/",
    r"/\d{2}/",
    r"/^[A-Z]/",
    r"/c[emrt]o/i",
    r"/sales?\b/i",
    r"/^.{3,6}$/",
    r"/\bhead\s+of\b/i",
    r"/(ai|ml)\b/i",
    r"/\Bvp/",
    r"/[^a-z ]/",
    r"/gmail\.com$/",
    r"/@[a-z]+[0-9]+\./",
    r"/ö|é/",
    r"/k/i",
    r"/s\b/i",
]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.lets = []  # (name, kind) kind in cond, num, strlist, enumlist:<field>, numlist, str
        self.n = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def number(self, lo=-5, hi=200):
        r = self.r.random()
        if r < 0.5:
            return str(self.r.randint(lo, hi))
        if r < 0.8:
            return f"{self.r.uniform(lo, hi):.2f}"
        return self.pick(["0.1", "0.7", "2.5", "1e3", "0", "1000000", "10000000", "3.25"])

    def date(self):
        return f"20{self.r.randint(24, 26)}-{self.r.randint(1, 12):02}-{self.r.randint(1, 28):02}"

    def num_expr(self, depth=0):
        r = self.r.random()
        if depth > 1 or r < 0.45:
            return self.pick(NUM_FIELDS)
        if r < 0.55:
            return f"len({self.pick(STR_FIELDS)})"
        if r < 0.62:
            return f"count({self.pick(list(SETS))})"
        if r < 0.7:
            return f"days_since({self.pick(DATES)})"
        if r < 0.75:
            lets = [n for n, k in self.lets if k == "num"]
            if lets:
                return self.pick(lets)
        if r < 0.8:
            return f"-{self.pick(NUM_FIELDS)}"
        op = self.pick(["+", "-", "*", "/", "/"])
        right = self.number(0, 20) if self.r.random() < 0.5 else self.num_expr(depth + 1)
        if op == "/" and self.r.random() < 0.3:
            right = "0"
        return f"({self.num_expr(depth + 1)} {op} {right})"

    def str_expr(self):
        r = self.r.random()
        f = self.pick(STR_FIELDS)
        if r < 0.6:
            return f
        if r < 0.75:
            return f"lower({f})"
        if r < 0.85:
            return f"upper({f})"
        return "email_domain(email)"

    def prim(self):
        k = self.r.randint(0, 25)
        if k == 0:
            return f"{self.num_expr()} {self.pick(['=', '!=', '<', '<=', '>', '>='])} {self.number()}"
        if k == 1:
            return f"{self.num_expr()} {self.pick(['<', '>=', '>'])} {self.num_expr()}"
        if k == 2:
            return f"{self.str_expr()} {self.pick(['=', '!=', '<', '>='])} \"{self.pick(COUNTRIES + WORDS)}\""
        if k == 3:
            f = self.pick(list(ENUMS))
            return f"{f} {self.pick(['=', '!=', '<', '<=', '>', '>='])} {self.pick(ENUMS[f])}"
        if k == 4:
            f = self.pick(list(ENUMS))
            items = self.r.sample(ENUMS[f], self.r.randint(1, 3))
            lets = [n for n, kk in self.lets if kk == "enumlist:" + f]
            coll = self.pick(lets) if lets and self.r.random() < 0.5 else "[" + ", ".join(items) + "]"
            return f"{f} {self.pick(['in', 'not in'])} {coll}"
        if k == 5:
            lets = [n for n, kk in self.lets if kk == "strlist"]
            coll = self.pick(lets) if lets and self.r.random() < 0.5 else \
                "[" + ", ".join(f'"{c}"' for c in self.r.sample(COUNTRIES, 3)) + "]"
            return f"{self.pick(['country', 'email_domain(email)'])} {self.pick(['in', 'not in'])} {coll}"
        if k == 6:
            nums = ", ".join(str(self.r.randint(0, 6)) for _ in range(3))
            return f"{self.pick(['email_opens', 'webinars', 'email_clicks'])} {self.pick(['in', 'not in'])} [{nums}]"
        if k == 7:
            f = self.pick(list(SETS))
            return f"{f} {self.pick(SETS[f])}"
        if k == 8:
            f = self.pick(list(SETS))
            items = self.r.sample(SETS[f], self.r.randint(1, 3))
            return f"{f} {self.pick(['any of', 'all of'])} [{', '.join(items)}]"
        if k == 9:
            return f"{self.pick(STR_FIELDS)} matches {self.pick(['vp', 'gmail', 'sales', 'us'])}"
        if k == 10:
            return f"{self.pick(STR_FIELDS)} matches \"{self.pick(WORDS)}\""
        if k in (11, 12, 13):
            return f"{self.pick(['job_title', 'email', 'country'])} matches {self.pick(REGEXES)}"
        if k == 14:
            return f"{self.pick(STR_FIELDS)} {self.pick(['starts with', 'ends with', 'contains'])} \"{self.pick(WORDS + ['.com', '@', 'VP ', ''])}\""
        if k == 15:
            return self.pick(BOOLS)
        if k == 16:
            return f"{self.pick(NUM_FIELDS + STR_FIELDS + DATES + BOOLS + list(ENUMS) + list(SETS))} is {self.pick(['present', 'missing'])}"
        if k == 17:
            return f"{self.pick(DATES)} {self.pick(['within', 'older than'])} {self.r.randint(0, 400)} days"
        if k == 18:
            return f"{self.pick(DATES)} {self.pick(['before', 'after'])} {self.date()}"
        if k == 19:
            return f"{self.pick(DATES)} {self.pick(['=', '<', '>='])} {self.date()}"
        if k == 20:
            return f"count({self.pick(list(SETS))}) >= {self.r.randint(0, 3)}"
        if k == 21:
            return f"{self.pick(BOOLS)} = {self.pick(['true', 'false'])}"
        if k == 22:
            lets = [n for n, kk in self.lets if kk == "cond"]
            if lets:
                return self.pick(lets)
            return self.pick(BOOLS)
        if k == 23:
            lets = [n for n, kk in self.lets if kk == "strlist"]
            if lets:
                return f"{self.pick(['job_title', 'email', 'country'])} matches {self.pick(lets)}"
            return 'email matches "gmail"'
        if k == 24:
            lets = [n for n, kk in self.lets if kk == "str"]
            if lets:
                return f"job_title matches {self.pick(lets)}"
            return "job_title contains \"a\""
        return f"{self.num_expr()} > {self.number()}"

    def cond(self, depth=0):
        r = self.r.random()
        if depth > 2 or r < 0.5:
            return self.prim()
        if r < 0.65:
            return f"not {self.cond_atom(depth + 1)}"
        op = self.pick(["and", "or"])
        return f"{self.cond_atom(depth + 1)} {op} {self.cond_atom(depth + 1)}"

    def cond_atom(self, depth):
        c = self.cond(depth)
        return f"({c})" if (" and " in c or " or " in c or c.startswith("not ")) else c

    def model(self, index):
        out = [f'model "random {index}"', 'schema "lead.schema"', ""]
        for i in range(self.r.randint(0, 5)):
            name = f"l{i}"
            kind = self.pick(["cond", "num", "strlist", "enumlist", "str"])
            if kind == "cond":
                out.append(f"let {name} = {self.cond()}")
            elif kind == "num":
                out.append(f"let {name} = {self.num_expr()}")
            elif kind == "strlist":
                out.append(f"let {name} = [" + ", ".join(f'"{c}"' for c in self.r.sample(COUNTRIES, 3)) + "]")
            elif kind == "str":
                out.append(f"let {name} = lower(country)")
            else:
                f = self.pick(list(ENUMS))
                kind = "enumlist:" + f
                out.append(f"let {name} = [" + ", ".join(self.r.sample(ENUMS[f], 2)) + "]")
            self.lets.append((name, kind))
        labels = 0

        def rule():
            nonlocal labels
            c = self.cond()
            pts = self.pick(["5", "10", "2.5", "0.7", "15", "1", "0.1", "33"])
            verb = self.pick(["add", "add", "subtract"])
            per = ""
            if self.r.random() < 0.2:
                per = f" per {self.pick(NUM_FIELDS + ['days_since(last_activity)', 'count(visited)', 'len(job_title)'])}"
                if self.r.random() < 0.7:
                    per += f" up to {self.r.randint(1, 40)}"
            label = ""
            if self.r.random() < 0.5:
                labels += 1
                label = f' as "Rule {labels}; {self.pick(["é", "a", "x"])}"'
            return f"when {c} {verb} {pts}{per}{label}"

        for g in range(self.r.randint(0, 3)):
            head = f"group g{g}"
            if self.r.random() < 0.5:
                head += f" min {self.r.randint(-20, 0)}"
            if self.r.random() < 0.6:
                head += f" max {self.r.randint(5, 60)}"
            if self.r.random() < 0.5:
                head += f" decay {self.pick(['25', '10', '50', '33.3'])}% every {self.pick(['30', '7', '14', '10.5'])} days since {self.pick(DATES)}"
            out.append(head + " {")
            for _ in range(self.r.randint(1, 6)):
                out.append("  " + rule())
            out.append("}")
        for _ in range(self.r.randint(0 if out[-1] == "}" else 1, 4)):
            out.append(rule())
        for _ in range(self.r.randint(0, 2)):
            reason = f' as "Reject {self.r.randint(1, 99)}"' if self.r.random() < 0.6 else ""
            out.append(f"reject when {self.cond()}{reason}")
        if self.r.random() < 0.7:
            out.append(f"score min {self.r.randint(-10, 0)} max {self.r.randint(50, 120)}")
        if self.r.random() < 0.8:
            out.append(f"qualify at {self.number(0, 60)}")
        if self.r.random() < 0.8:
            a = self.r.randint(30, 80)
            out.append(f"tier hot at {a}")
            out.append(f"tier warm at {self.r.randint(0, a - 1)}.5")
            if self.r.random() < 0.6:
                out.append("tier cold")
        return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.count):
        g = Gen(random.Random(a.seed * 100003 + i))
        with open(os.path.join(a.out, f"random_{i}.score"), "w") as f:
            f.write(g.model(i))


if __name__ == "__main__":
    main()
