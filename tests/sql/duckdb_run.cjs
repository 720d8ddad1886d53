// Runs SQL statements in a DuckDB database for tests/sql/engine_test.py, one statement per call:
// the Node API's run() on several statements returns the first statement's result only.
//
//   NODE_PATH=$(npm root -g) node duckdb_run.cjs JOB.json   # {"db": PATH, "steps": [{"sql": ...}]}
'use strict';
const fs = require('fs');
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const db = await DuckDBInstance.create(job.db, job.threads ? { threads: String(job.threads) } : {});
  const con = await db.connect();
  for (const step of job.steps) {
    const t0 = process.hrtime.bigint();
    await con.run(step.sql);
    if (job.timing) console.log(`${Number(process.hrtime.bigint() - t0) / 1e9}`);
  }
  con.closeSync?.();
}

main().catch((e) => {
  console.error(`duckdb: ${e.message}`);
  process.exit(1);
});
