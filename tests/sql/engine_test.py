#!/usr/bin/env python3
"""The SQL dialects against real engines: for every model of the suite (examples/, the stdlib's
tests, bench/reference.score, tests/sql/models and random models from gen_models.py), the query
`leadscore sql` prints is run on SQLite, PostgreSQL, DuckDB or a two-shard ClickHouse cluster and
its rows are compared with `leadscore score` on the same leads: every column, numbers within 1e-9
relative. The engine's server is started once for the whole run, in a temporary folder, and
stopped and removed at the end. A missing engine is a failure, not a skip.

    engine_test.py --engine sqlite|postgres|duckdb|clickhouse --leadscore build/leadscore [--random 12]
"""
import argparse
import csv
import glob
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

AS_OF = "2026-11-01"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
csv.field_size_limit(1 << 30)


def run(cmd, check=True, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stdout[-2000:]}\n{p.stderr[-4000:]}")
    return p


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


# ---------------------------------------------------------------- cases: schema, models, leads
def schema_fields(path):
    sys.path.insert(0, HERE)
    import gen_schema_leads
    return gen_schema_leads.parse_schema(path)


def suite_csvs_for(fields):
    """Rows of the test suite's CSV files whose columns all belong to this schema."""
    names = [f["name"] for f in fields]
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "**", "*.csv"), recursive=True)) + \
            sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.csv"), recursive=True)):
        try:
            with open(path, encoding="utf-8", newline="") as f:
                data = list(csv.reader(f))
        except (UnicodeDecodeError, csv.Error):
            continue
        if not data or len(set(data[0])) != len(data[0]) or not set(data[0]) <= set(names) or names[0] not in data[0]:
            continue
        for r in data[1:]:
            if len(r) != len(data[0]):
                continue
            d = dict(zip(data[0], r))
            rows.append([d.get(n, "") for n in names])
    return rows


def build_leads(work, tag, schema, fields, leadscore, model, extra_rows, gen_rows, seed):
    """A CSV of valid records only (in schema order, unique keys), as every engine loads it."""
    names = [f["name"] for f in fields]
    key = next(i for i, f in enumerate(fields) if f["key"])
    rows = []
    gen = run([sys.executable, os.path.join(HERE, "gen_schema_leads.py"), schema, "--rows", str(gen_rows), "--seed", str(seed)])
    rows += read_csv(gen.stdout)[1]
    rows += extra_rows
    rows += suite_csvs_for(fields)
    for i, r in enumerate(rows):
        r[key] = f"{tag}{i:06d}"
    raw = os.path.join(work, f"{tag}_raw.csv")
    with open(raw, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
    out = run([leadscore, "score", model, "-i", raw, "--as-of", AS_OF, "-q"], check=False)
    header, scored = read_csv(out.stdout)
    status = header.index("status")
    bad = {r[0] for r in scored if r[status] == "error"}
    good = [r for r in rows if r[key] not in bad and ok_for_engines(r, fields)]
    if not good:
        raise SystemExit(f"FAIL: no valid lead for the {tag} models: nothing would be compared")
    path = os.path.join(work, f"{tag}.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        w.writerows(good)
    return path, len(good)


def ok_for_engines(row, fields):
    for v, f in zip(row, fields):
        if f["type"] == "date" and v and not ("1971" <= v[:4] <= "2100"):
            return False  # ClickHouse 18.16's Date holds 1970 to 2105 (docs/warehouse.md)
        if f["type"] == "number" and v and ("e-" in v.lower() and abs(int(v.lower().split("e-")[1])) > 300):
            return False  # subnormal doubles: PostgreSQL refuses them as out of range
        if v == "\\N":
            return False  # ClickHouse reads \N in a CSV as NULL
    return True


def cases(work, leadscore, n_random, rows):
    bench_schema = os.path.join(ROOT, "bench", "lead.schema")
    rand_dir = os.path.join(work, "random")
    os.makedirs(rand_dir, exist_ok=True)
    shutil.copy(bench_schema, os.path.join(rand_dir, "lead.schema"))
    run([sys.executable, os.path.join(HERE, "gen_models.py"), "--count", str(n_random), "--seed", "1", "--out", rand_dir])
    gen = run([sys.executable, os.path.join(ROOT, "bench", "gen_leads.py"), "--rows", str(rows), "--seed", "7"])
    bench_rows = read_csv(gen.stdout)[1]
    out = []
    bench_models = [os.path.join(ROOT, "bench", "reference.score"),
                    os.path.join(ROOT, "examples", "b2b_saas.score"),
                    os.path.join(ROOT, "examples", "brief.score")] + \
        sorted(glob.glob(os.path.join(HERE, "models", "*.score"))) + \
        sorted(glob.glob(os.path.join(rand_dir, "random_*.score")))
    out.append(("bench", bench_schema, bench_models, bench_rows))
    for d in sorted(glob.glob(os.path.join(ROOT, "examples", "*", ""))):
        schemas = glob.glob(os.path.join(d, "*.schema"))
        out.append((os.path.basename(d.rstrip("/")), schemas[0], [os.path.join(d, "model.score")], []))
    st = os.path.join(ROOT, "stdlib", "tests")
    out.append(("stdlib", os.path.join(st, "contact.schema"), sorted(glob.glob(os.path.join(st, "*_test.score"))), []))
    built = []
    for i, (tag, schema, models, extra) in enumerate(out):
        fields = schema_fields(schema)
        path, count = build_leads(work, tag, schema, fields, leadscore, models[0], extra, 1500, 11 + i)
        built.append((tag, schema, fields, models, path, count))
    return built


# ---------------------------------------------------------------- engines
class Sqlite:
    name = "sqlite"

    def __init__(self, work):
        if not shutil.which("sqlite3"):
            raise SystemExit("FAIL: sqlite3 is not installed (Debian package sqlite3; .ci/setup installs it)")
        self.work = work
        self.db = os.path.join(work, "leads.sqlite")

    def load(self, table, ddl, fields, csv_path):
        script = f".bail on\n{ddl}\n.import --csv --skip 1 '{csv_path}' {table}\n"
        run(["sqlite3", self.db], input=script)

    def query(self, sql, out):
        script = f".bail on\n.headers on\n.mode csv\n.output '{out}'\n{sql}\n"
        p = run(["sqlite3", self.db], input=script, check=False)
        return p.returncode == 0 and not p.stderr, p.stderr

    def stop(self):
        pass


class Duckdb:
    name = "duckdb"

    def __init__(self, work):
        if not shutil.which("node"):
            raise SystemExit("FAIL: node is not installed (DuckDB runs through @duckdb/node-api)")
        root = run(["npm", "root", "-g"]).stdout.strip()
        self.env = dict(os.environ, NODE_PATH=root)
        check = run(["node", "-e", "require('@duckdb/node-api')"], check=False, env=self.env)
        if check.returncode != 0:
            raise SystemExit("FAIL: the npm package @duckdb/node-api is not installed globally (.ci/setup installs it)")
        self.work = work
        self.db = os.path.join(work, "leads.duckdb")
        self.jobs = []

    def _run(self, steps):
        job = os.path.join(self.work, "duckdb_job.json")
        with open(job, "w") as f:
            json.dump({"db": self.db, "steps": steps}, f)
        return run(["node", os.path.join(HERE, "duckdb_run.cjs"), job], check=False, env=self.env)

    def load(self, table, ddl, fields, csv_path):
        p = self._run([{"sql": ddl}, {"sql": f"COPY \"{table}\" FROM '{csv_path}' (HEADER)"}])
        if p.returncode != 0:
            raise SystemExit(f"FAIL: loading into DuckDB: {p.stderr}")

    def query(self, sql, out):
        q = sql.strip().rstrip(";")
        p = self._run([{"sql": f"COPY ({q}) TO '{out}' (HEADER, FORMAT csv)"}])
        return p.returncode == 0, p.stderr

    def stop(self):
        pass


class Postgres:
    name = "postgres"

    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins or not shutil.which("psql"):
            raise SystemExit("FAIL: PostgreSQL is not installed (Debian package postgresql; .ci/setup installs it)")
        self.bin = bins[-1]
        self.dir = os.path.join(work, "pg")
        os.makedirs(self.dir)
        os.chmod(work, 0o755)
        shutil.chown(self.dir, "postgres", "postgres")
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        run(self.as_pg + [f"{self.bin}/initdb", "-D", f"{self.dir}/data", "-U", "postgres", "--auth=trust",
                          "-E", "UTF8", "--locale=C.UTF-8"])
        run(self.as_pg + [f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w", "start",
                          "-o", f"-k {self.dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off"])
        self.started = True

    def psql(self, args, **kw):
        return run(self.as_pg + ["psql", "-X", "-q", "-h", self.dir, "-U", "postgres", "-d", "postgres",
                                 "-v", "ON_ERROR_STOP=1"] + args, check=False, **kw)

    def load(self, table, ddl, fields, csv_path):
        os.chmod(csv_path, 0o644)
        cols = ", ".join(f'"{f["name"]}"' for f in fields)
        p = self.psql(["-c", ddl, "-c", f"\\copy \"{table}\" FROM '{csv_path}' WITH (FORMAT csv, HEADER true, FORCE_NULL ({cols}))"])
        if p.returncode != 0:
            raise SystemExit(f"FAIL: loading into PostgreSQL: {p.stderr}")

    def query(self, sql, out):
        q = sql.strip().rstrip(";")
        p = self.psql(["-c", f"COPY ({q}) TO STDOUT WITH (FORMAT csv, HEADER true)"])
        with open(out, "w") as f:
            f.write(p.stdout)
        return p.returncode == 0, p.stderr

    def stop(self):
        if getattr(self, "started", False):
            run(self.as_pg + [f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop"], check=False)
            self.started = False


class Clickhouse:
    name = "clickhouse"

    def __init__(self, work):
        if not shutil.which("clickhouse-server") or not shutil.which("clickhouse-client"):
            raise SystemExit("FAIL: ClickHouse is not installed (Debian packages clickhouse-server, clickhouse-client)")
        self.dir = os.path.join(work, "ch")
        os.makedirs(self.dir)
        p = run(["bash", "-c", f"source '{HERE}/clickhouse_cluster.sh' && ch_start '{self.dir}' && "
                               "echo ${CH_PORTS[*]} && echo ${CH_PIDS[*]} && disown -a"], check=False)
        lines = p.stdout.strip().splitlines()
        if p.returncode != 0 or len(lines) < 2:
            raise SystemExit(f"FAIL: the ClickHouse cluster did not start: {p.stderr}")
        self.ports = lines[-2].split()
        self.pids = [int(x) for x in lines[-1].split()]

    def client(self, i, sql, **kw):
        return run(["clickhouse-client", "--host", "127.0.0.1", "--port", self.ports[i], "--query", sql], check=False, **kw)

    def load(self, table, ddl, fields, csv_path):
        # --ddl --cluster prints the local MergeTree table (run on both servers), the Distributed
        # table and the staging table (server 0), and the INSERT as comments.
        stmts = [s.strip() for s in strip_comments(ddl).split(";") if s.strip()]
        local, dist, staging = stmts[0], stmts[1], stmts[2]
        for i in (0, 1):
            p = self.client(i, local)
            if p.returncode != 0:
                raise SystemExit(f"FAIL: ClickHouse DDL: {p.stderr}")
        for s in (dist, staging):
            p = self.client(0, s)
            if p.returncode != 0:
                raise SystemExit(f"FAIL: ClickHouse DDL: {p.stderr}")
        with open(csv_path, "rb") as f:
            p = run(["clickhouse-client", "--host", "127.0.0.1", "--port", self.ports[0], "--query",
                     f"INSERT INTO `{table}_csv` FORMAT CSVWithNames"], check=False, stdin=f)
        if p.returncode != 0:
            raise SystemExit(f"FAIL: loading the CSV into ClickHouse: {p.stderr}")
        insert = "\n".join(l[2:] for l in ddl.splitlines() if l.startswith("--") and (
            l.startswith("-- INSERT") or l.startswith("--  ") or l.startswith("-- FROM")))
        p = run(["clickhouse-client", "--host", "127.0.0.1", "--port", self.ports[0], "--insert_distributed_sync=1",
                 "--query", insert.rstrip().rstrip(";")], check=False)
        if p.returncode != 0:
            raise SystemExit(f"FAIL: converting into the Distributed table: {p.stderr}\n{insert}")
        counts = [self.client(i, f"SELECT count() FROM `{table}_local`").stdout.strip() for i in (0, 1)]
        if "0" in counts:
            raise SystemExit(f"FAIL: a shard got no rows: {counts}")

    def query(self, sql, out):
        q = sql.strip().rstrip(";")
        p = self.client(0, q + "\nFORMAT CSVWithNames")
        with open(out, "w") as f:
            f.write(p.stdout)
        return p.returncode == 0, p.stderr

    def stop(self):
        for pid in getattr(self, "pids", []):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in getattr(self, "pids", []):
            for _ in range(60):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.5)
            else:
                os.kill(pid, signal.SIGKILL)
        self.pids = []


def strip_comments(sql):
    # The DDL's comments hold no quotes; a set's comment holds a ';'.
    return "\n".join(l.split("--")[0] for l in sql.splitlines() if not l.lstrip().startswith("--"))


ENGINES = {"sqlite": Sqlite, "duckdb": Duckdb, "postgres": Postgres, "clickhouse": Clickhouse}


# ---------------------------------------------------------------- comparison
def same_number(a, b):
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def compare(expected_text, got_text, numeric_cols, ordered):
    eh, erows = read_csv(expected_text)
    if not got_text.strip():
        return ["the query returned nothing"]
    gh, grows = read_csv(got_text)
    if eh != gh:
        return [f"columns differ: score {eh} vs sql {gh}"]
    problems = []
    got = {r[0]: r for r in grows}
    if len(got) != len(grows):
        problems.append("duplicate keys in the query's answer")
    erows = [r for r in erows if r[eh.index("status")] != "error"]
    if not erows:
        problems.append("score gave no row to compare")
    if ordered and [r[0] for r in grows] != sorted(r[0] for r in grows):
        problems.append("--order: the rows are not in the key's order")
    if len(erows) != len(grows):
        problems.append(f"{len(grows)} rows, score has {len(erows)}")
    for r in erows:
        g = got.get(r[0])
        if g is None:
            problems.append(f"{r[0]}: missing")
            continue
        for i, col in enumerate(eh):
            a, b = r[i], g[i]
            if col in numeric_cols:
                ok = same_number(a, b)
            else:
                ok = a == b
            if not ok:
                problems.append(f"{r[0]}: {col} is {b!r}, score says {a!r}")
        if len(problems) > 20:
            break
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", required=True, choices=sorted(ENGINES))
    ap.add_argument("--leadscore", required=True)
    ap.add_argument("--random", type=int, default=12)
    ap.add_argument("--rows", type=int, default=10000)
    a = ap.parse_args()
    leadscore = os.path.abspath(a.leadscore)
    work = tempfile.mkdtemp(prefix=f"leadscore-sql-{a.engine}-")
    os.chmod(work, 0o755)
    engine = None
    failures = []
    refusals = []
    compared = 0
    globs_compared = 0  # SQLite: queries whose regexes became GLOB patterns
    automata_compared = 0  # SQLite: queries that run a regex's automaton in a recursive CTE
    started = time.time()
    try:
        built = cases(work, leadscore, a.random, a.rows)
        engine = ENGINES[a.engine](work)
        for n, (tag, schema, fields, models, leads, count) in enumerate(built):
            table = f"leads_{tag}"
            ddl_cmd = [leadscore, "sql", models[0], "--dialect", a.engine, "--ddl", "--table", table]
            if a.engine == "clickhouse":
                ddl_cmd += ["--cluster", "lead_cluster"]
            ddl = run(ddl_cmd).stdout
            engine.load(table, ddl, fields, leads)
            for model in models:
                name = os.path.relpath(model, ROOT) if model.startswith(ROOT) else os.path.basename(model)
                variants = [(["--as-of", AS_OF, "--explain"], ["--as-of", AS_OF, "--explain"])]
                if model.endswith("reference.score"):
                    variants.append((["--order"], []))  # the database's current date, and score's today
                for sql_args, score_args in variants:
                    q = run([leadscore, "sql", model, "--dialect", a.engine, "--table", table] + sql_args, check=False)
                    if q.returncode != 0:
                        if "cannot translate" in q.stderr and q.returncode == 1:
                            refusals.append(f"{name}: " + next(l for l in q.stderr.splitlines() if "cannot translate" in l))
                            continue
                        failures.append(f"{name}: leadscore sql failed: {q.stderr}")
                        continue
                    expected = run([leadscore, "score", model, "-i", leads, "-q"] + score_args).stdout
                    out = os.path.join(work, "out.csv")
                    ok, err = engine.query(q.stdout, out)
                    if not ok:
                        failures.append(f"{name} {' '.join(sql_args)}: the engine failed: {err[-3000:]}")
                        continue
                    with open(out, encoding="utf-8", newline="") as f:
                        got = f.read()
                    header = read_csv(expected)[0]
                    numeric = {"score"} | set(header[6:]) - {"fired"}
                    problems = compare(expected, got, numeric, "--order" in sql_args)
                    compared += 1
                    globs_compared += " GLOB " in q.stdout
                    automata_compared += '"re$run"' in q.stdout
                    if problems:
                        failures.append(f"{name} {' '.join(sql_args)} ({count} leads):\n    " + "\n    ".join(problems[:20]))
                    else:
                        print(f"ok {a.engine} {name} {' '.join(sql_args)}: {count} leads agree")
    finally:
        if engine:
            engine.stop()
        shutil.rmtree(work, ignore_errors=True)
    for r in refusals:
        print(f"refused {a.engine} {r}")
    # Every dialect translates every model of the suite: a refusal is a failure (the refusals a
    # dialect still has are shown by the goldens tests/golden/sql_refuse_*).
    for r in refusals:
        failures.append(f"refused: {r}")
    if a.engine == "sqlite" and globs_compared == 0:
        failures.append("no query with a regular expression rewritten into GLOB patterns was compared")
    if a.engine == "sqlite" and automata_compared == 0:
        failures.append("no query with a regular expression run as an automaton was compared")
    if a.engine == "sqlite":
        print(f"sqlite: {globs_compared} queries with GLOB patterns, {automata_compared} with automata")
    print(f"{a.engine}: {compared} queries compared, {len(refusals)} refused, {len(failures)} failures, "
          f"{time.time() - started:.0f} s")
    if failures:
        print("\n".join("FAIL " + f for f in failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
