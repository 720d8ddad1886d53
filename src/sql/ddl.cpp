// CREATE TABLE statements for a schema, per dialect (leadscore/sql.hpp). docs/warehouse.md shows
// how a leads CSV is loaded into them.
#include <fmt/format.h>

#include "sql/dialect.hpp"

namespace leadscore::sql {

namespace {

std::string column_type(Dialect d, const Field& f, bool key) {
  switch (d) {
    case Dialect::Sqlite:
      // `.import` stores text anyway (and '' for an empty cell); the query reads each field.
      switch (f.type) {
        case FieldType::Int: return "INTEGER";
        case FieldType::Number: return "REAL";
        default: return "TEXT";
      }
    case Dialect::Postgres:
      switch (f.type) {
        case FieldType::Int: return "BIGINT";
        case FieldType::Number: return "DOUBLE PRECISION";
        case FieldType::Bool: return "BOOLEAN";
        case FieldType::Date: return "DATE";
        case FieldType::Timestamp: return "TIMESTAMPTZ";
        default: return "TEXT";
      }
    case Dialect::Duckdb:
      switch (f.type) {
        case FieldType::Int: return "BIGINT";
        case FieldType::Number: return "DOUBLE";
        case FieldType::Bool: return "BOOLEAN";
        case FieldType::Date: return "DATE";
        case FieldType::Timestamp: return "TIMESTAMPTZ";
        default: return "VARCHAR";
      }
    case Dialect::Clickhouse: {
      // No Bool type in 18.16 (UInt8); enums and sets are text, as Nullable(Enum8) cannot be
      // loaded from an empty cell; LowCardinality is not accepted in this version's DDL.
      std::string t;
      switch (f.type) {
        case FieldType::Int: t = "Int64"; break;
        case FieldType::Number: t = "Float64"; break;
        case FieldType::Bool: t = "UInt8"; break;
        case FieldType::Date: t = "Date"; break;
        case FieldType::Timestamp: t = "DateTime"; break;
        default: t = "String"; break;
      }
      return key ? t : "Nullable(" + t + ")";
    }
  }
  return "TEXT";
}

std::string columns(const Spelling& sp, const Schema& schema) {
  std::string out;
  std::size_t width = 0;
  for (const auto& f : schema.fields) width = std::max(width, sp.ident(f.name).size());
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const Field& f = schema.fields[i];
    bool key = static_cast<int>(i) == schema.key_index;
    std::string note;
    if (f.type == FieldType::Enum || f.type == FieldType::Set) {
      std::string members;
      for (const auto& m : f.members) members += (members.empty() ? "" : ", ") + m;
      note = fmt::format("  -- {}({})", f.type == FieldType::Enum ? "enum" : "set, ';'-separated", members);
    } else if (f.type == FieldType::StringSet) {
      note = "  -- set(string), ';'-separated";
    } else if (f.type == FieldType::Bool && sp.dialect() != Dialect::Postgres && sp.dialect() != Dialect::Duckdb) {
      note = sp.clickhouse() ? "  -- bool: 1 or 0" : "  -- bool: true false yes no 1 0";
    } else if (key) {
      note = "  -- key";
    }
    std::string comma = i + 1 < schema.fields.size() ? "," : "";
    out += fmt::format("  {:<{}} {}{}{}\n", sp.ident(f.name), width, column_type(sp.dialect(), f, key), comma, note);
  }
  return out;
}

// The conversion of a staging table's text column to the table's type, for ClickHouse: the
// ...OrNull functions, since an empty cell is a missing value.
std::string clickhouse_convert(const Spelling& sp, const Field& f, bool key) {
  std::string c = sp.ident(f.name);
  if (key) return c;
  switch (f.type) {
    case FieldType::Int: return fmt::format("toInt64OrNull({})", c);
    case FieldType::Number: return fmt::format("toFloat64OrNull({})", c);
    case FieldType::Bool:
      return fmt::format("multiIf(lower({0}) IN ('true', 'yes', '1'), toNullable(toUInt8(1)), "
                         "lower({0}) IN ('false', 'no', '0'), toNullable(toUInt8(0)), NULL)", c);
    case FieldType::Date: return fmt::format("toDateOrNull(substring({}, 1, 10))", c);
    case FieldType::Timestamp: return fmt::format("parseDateTimeBestEffortOrNull({})", c);
    default: return fmt::format("nullIf({}, '')", c);
  }
}

}  // namespace

std::string generate_ddl(const Schema& schema, const DdlOptions& options) {
  Spelling sp(options.dialect);
  std::string out = fmt::format("-- leadscore sql --ddl: the table for schema {} in {}. Its columns are the schema's fields,\n"
                                "-- in order (docs/warehouse.md shows how to load a leads CSV into it).\n",
                                schema.name, dialect_display(options.dialect));
  const Field& key = schema.fields[static_cast<std::size_t>(schema.key_index)];
  if (!sp.clickhouse()) {
    out += fmt::format("CREATE TABLE {} (\n{});\n", sp.table(options.table), columns(sp, schema));
    return out;
  }
  std::string local = options.cluster.empty() ? options.table : options.table + "_local";
  if (!options.cluster.empty()) out += fmt::format("-- On every server of cluster {}:\n", options.cluster);
  out += fmt::format("CREATE TABLE {} (\n{}) ENGINE = MergeTree() ORDER BY {};\n", sp.table(local), columns(sp, schema),
                     sp.ident(key.name));
  if (!options.cluster.empty()) {
    std::string db = "currentDatabase()";
    std::string name = local;
    if (auto dot = local.find('.'); dot != std::string::npos) {
      db = sp.str(local.substr(0, dot));
      name = local.substr(dot + 1);
    }
    out += fmt::format("-- The table the query reads, over the shards (insert through it with insert_distributed_sync = 1):\n"
                       "CREATE TABLE {} AS {} ENGINE = Distributed({}, {}, {}, rand());\n",
                       sp.table(options.table), sp.table(local), sp.ident(options.cluster), db, sp.ident(name));
  }
  // A staging table of text, so that an empty CSV cell becomes a missing value.
  std::string staging = options.table + "_csv";
  std::string text_cols;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    text_cols += fmt::format("  {} String{}\n", sp.ident(schema.fields[i].name), i + 1 < schema.fields.size() ? "," : "");
  }
  out += fmt::format("-- Loading: a CSV goes into this staging table, then converted into {}:\n", options.table);
  out += fmt::format("CREATE TABLE {} (\n{}) ENGINE = Memory;\n", sp.table(staging), text_cols);
  std::string select;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    select += fmt::format("  {}{}\n", clickhouse_convert(sp, schema.fields[i], static_cast<int>(i) == schema.key_index),
                          i + 1 < schema.fields.size() ? "," : "");
  }
  out += fmt::format("-- INSERT INTO {} SELECT\n", sp.table(options.table));
  std::size_t start = 0;
  while (start < select.size()) {
    auto nl = select.find('\n', start);
    out += "--" + select.substr(start, nl - start) + "\n";
    start = nl + 1;
  }
  out += fmt::format("-- FROM {};\n", sp.table(staging));
  return out;
}

}  // namespace leadscore::sql
