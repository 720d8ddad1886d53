// `leadscore sql`: the model as one SQL query, or its schema's CREATE TABLE (docs/warehouse.md).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/sql.hpp"

namespace leadscore::cli {

int run_sql(const SqlCommandOptions& options) {
  auto dialect = sql::parse_dialect(options.dialect);
  if (!dialect) {
    print_error(fmt::format("unknown dialect '{}': sqlite, postgres, duckdb or clickhouse", options.dialect));
    return exit_usage;
  }
  if (!sql::valid_table_name(options.table)) {
    print_error(fmt::format("--table '{}' is not a table name (NAME or SCHEMA.NAME, letters, digits and _)", options.table));
    return exit_usage;
  }
  if (!options.cluster.empty() && (!options.ddl || *dialect != sql::Dialect::Clickhouse || !sql::valid_table_name(options.cluster) ||
                                   options.cluster.find('.') != std::string::npos)) {
    print_error("--cluster NAME goes with --ddl --dialect clickhouse, NAME being letters, digits and _");
    return exit_usage;
  }
  std::optional<Day> as_of;
  if (!options.as_of.empty()) {
    as_of = as_of_option(options.as_of);
    if (!as_of) return exit_usage;
  }
  Session session;
  LoadedModel loaded = load_model(session, options.model);
  if (!loaded.program) {
    print_diagnostics(session, stderr);
    return load_failure_status(session);
  }
  std::string text;
  if (options.ddl) {
    text = sql::generate_ddl(*loaded.schema, sql::DdlOptions{*dialect, options.table, options.cluster});
  } else {
    sql::QueryOptions q{*dialect, options.table, as_of, options.explain, options.order};
    auto query = sql::generate_query(loaded.model, *loaded.schema, q, session.diagnostics);
    if (!query) {
      // The refusals alone: the model's lint warnings are `check`'s business.
      session.diagnostics.drop_warnings_if([](const Diagnostic&) { return true; });
      print_diagnostics(session, stderr);
      return exit_problem;
    }
    text = std::move(*query);
  }
  std::string error;
  if (!write_whole(options.output, text, error)) {
    print_error(error);
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace leadscore::cli
