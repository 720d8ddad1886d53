// `leadscore sql`: a checked model as one SQL query per dialect, and the CREATE TABLE for its
// schema. The query returns the columns `leadscore score` writes (same names, same order, one row
// per lead) and gives the VM's answers; what a dialect cannot express exactly is reported as an
// error at the construct's span and no query is returned. docs/warehouse.md has the details.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "leadscore/ast.hpp"
#include "leadscore/date.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::sql {

enum class Dialect { Sqlite, Postgres, Duckdb, Clickhouse };

// "sqlite", "postgres", "duckdb", "clickhouse".
std::optional<Dialect> parse_dialect(std::string_view name);
std::string_view dialect_name(Dialect d);      // as parse_dialect reads it
std::string_view dialect_display(Dialect d);   // "SQLite", "PostgreSQL", ...

// A table name: an identifier, or `schema.table`.
bool valid_table_name(std::string_view name);

struct QueryOptions {
  Dialect dialect = Dialect::Sqlite;
  std::string table = "leads";
  std::optional<Day> as_of;  // none: the database's current date
  bool explain = false;      // also the `fired` column
  bool order = false;        // ORDER BY the key
};

// The query for a model the checker accepted (`model` with its imports merged, `schema` its
// schema). Returns nullopt after adding an error to `diags` for each construct the dialect cannot
// express exactly.
std::optional<std::string> generate_query(const ast::Model& model, const Schema& schema,
                                          const QueryOptions& options, Diagnostics& diags);

struct DdlOptions {
  Dialect dialect = Dialect::Sqlite;
  std::string table = "leads";
  std::string cluster;       // ClickHouse: also a Distributed table over this cluster
};

// CREATE TABLE statements for `schema` (for ClickHouse also the staging table CSV files are
// loaded through, and the INSERT that converts it).
std::string generate_ddl(const Schema& schema, const DdlOptions& options);

}  // namespace leadscore::sql
