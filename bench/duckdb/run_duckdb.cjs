// Runs bench/sql/reference_duckdb.sql in an in-memory DuckDB: loads the CSV into `leads`, runs the
// query and writes its result as CSV. DuckDB comes from the npm package @duckdb/node-api, installed
// by bench/install_peers.sh into bench/.deps (or the folder in DUCKDB_NODE_DEPS).
//
//   node bench/duckdb/run_duckdb.cjs LEADS.csv OUT.csv [THREADS]
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

async function main() {
  const [leads, out, threads] = process.argv.slice(2);
  if (!leads || !out) {
    console.error('usage: node run_duckdb.cjs LEADS.csv OUT.csv [THREADS]');
    process.exit(2);
  }
  const deps = process.env.DUCKDB_NODE_DEPS || path.join(__dirname, '..', '.deps');
  const { DuckDBInstance } = createRequire(path.join(deps, 'package.json'))('@duckdb/node-api');
  const query = fs.readFileSync(path.join(__dirname, '..', 'sql', 'reference_duckdb.sql'), 'utf8')
    .replace(/;\s*$/, '');
  const lit = (s) => `'${s.replace(/'/g, "''")}'`;

  const db = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const con = await db.connect();
  await con.run(`CREATE TABLE leads AS SELECT * FROM read_csv(${lit(leads)}, header = true, columns = {
    'id': 'VARCHAR', 'email': 'VARCHAR', 'job_title': 'VARCHAR', 'company_size': 'BIGINT',
    'annual_revenue': 'DOUBLE', 'industry': 'VARCHAR', 'country': 'VARCHAR', 'source': 'VARCHAR',
    'visited': 'VARCHAR', 'downloaded': 'VARCHAR', 'email_opens': 'BIGINT', 'email_clicks': 'BIGINT',
    'webinars': 'BIGINT', 'demo_requested': 'VARCHAR', 'unsubscribed': 'VARCHAR',
    'last_activity': 'DATE', 'created_at': 'DATE'})`);
  await con.run(`COPY (${query}) TO ${lit(out)} (FORMAT csv, HEADER true)`);
}

main().catch((e) => {
  console.error(`run_duckdb: ${e.message}`);
  process.exit(1);
});
