#include "sql/dialect.hpp"

#include <cmath>

#include <fmt/format.h>

#include "common/utf8.hpp"

namespace leadscore::sql {

std::string Spelling::ident(std::string_view name) const {
  char q = clickhouse() ? '`' : '"';
  std::string out(1, q);
  for (char c : name) {
    if (c == q) out += q;
    out += c;
  }
  out += q;
  return out;
}

std::string Spelling::table(std::string_view name) const {
  auto dot = name.find('.');
  if (dot == std::string_view::npos) return ident(name);
  return ident(name.substr(0, dot)) + "." + ident(name.substr(dot + 1));
}

std::string Spelling::str(std::string_view text) const {
  std::string out = "'";
  for (char c : text) {
    if (clickhouse() && (c == '\\' || c == '\'')) {
      out += '\\';  // ClickHouse reads backslash escapes in every string literal
      out += c;
    } else if (c == '\'') {
      out += "''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

// Literals are doubles in every dialect: PostgreSQL and DuckDB would otherwise read 0.7 as an exact
// decimal, and (0.7 + 0.1) * 10 >= 8 would hold there and not in the VM.
std::string Spelling::num(double x) const {
  std::string t = fmt::format("{}", x);
  if (t.find_first_of(".en") == std::string::npos) t += ".0";
  bool negative = t[0] == '-';
  std::string out;
  switch (d_) {
    case Dialect::Sqlite:
    case Dialect::Clickhouse: out = t; break;  // a literal with a point or an exponent is a double
    case Dialect::Postgres: out = (negative ? "-" : "") + std::string(negative ? t.substr(1) : t) + "::float8"; break;
    case Dialect::Duckdb: {
      std::size_t digits = 0;
      for (char c : t) digits += (c >= '0' && c <= '9') ? 1 : 0;
      // DuckDB reads 0.7 as DECIMAL; with more than 15 digits its cast to DOUBLE could round twice.
      out = digits > 15 ? fmt::format("CAST('{}' AS DOUBLE)", t) : t + "::DOUBLE";
      break;
    }
  }
  return negative ? "(" + out + ")" : out;
}

std::string Spelling::date(Day d) const {
  int y = 0;
  unsigned m = 0, day = 0;
  civil_from_days(d, y, m, day);
  std::string text = fmt::format("{:04}-{:02}-{:02}", y, m, day);
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("julianday('{}')", text);
    case Dialect::Clickhouse: return fmt::format("toDate('{}')", text);
    default: return fmt::format("DATE '{}'", text);
  }
}

std::string Spelling::truth(bool b) const {
  if (clickhouse()) return b ? "1" : "0";
  return b ? "TRUE" : "FALSE";
}

std::string Spelling::as_of(const std::optional<Day>& d) const {
  if (d) return date(*d);
  switch (d_) {
    case Dialect::Sqlite: return "julianday(date('now'))";
    case Dialect::Clickhouse: return "today()";
    default: return "CURRENT_DATE";
  }
}

std::string Spelling::field_value(const Field& f, const std::string& c) const {
  switch (d_) {
    case Dialect::Sqlite:
      // `.import` stores an empty cell as '' whatever the column's type.
      switch (f.type) {
        case FieldType::String:
        case FieldType::Enum: return fmt::format("NULLIF({}, '')", c);
        case FieldType::Int:
        case FieldType::Number: return fmt::format("CAST(NULLIF({}, '') AS REAL)", c);
        case FieldType::Bool:
          return fmt::format("CASE WHEN lower({0}) IN ('true', 'yes', '1') THEN 1 "
                             "WHEN lower({0}) IN ('false', 'no', '0') THEN 0 END", c);
        case FieldType::Date: return fmt::format("julianday(substr(NULLIF({}, ''), 1, 10))", c);
        case FieldType::Timestamp: break;  // the generator refuses a model that reads one
        case FieldType::Set:
        case FieldType::StringSet:
          return fmt::format("';' || replace(replace(NULLIF({}, ''), ' ', ''), char(9), '') || ';'", c);
      }
      break;
    case Dialect::Postgres:
    case Dialect::Duckdb:
      switch (f.type) {
        case FieldType::String:
        case FieldType::Enum: return fmt::format("NULLIF({}, '')", c);
        case FieldType::Int:
        case FieldType::Number: return to_double(c);
        case FieldType::Bool:
        case FieldType::Date: return c;
        case FieldType::Timestamp: break;  // the generator refuses a model that reads one
        case FieldType::Set:
        case FieldType::StringSet:
          return fmt::format("';' || replace(replace(NULLIF({}, ''), ' ', ''), chr(9), '') || ';'", c);
      }
      break;
    case Dialect::Clickhouse:
      switch (f.type) {
        case FieldType::String:
        case FieldType::Enum: return fmt::format("nullIf({}, '')", c);
        case FieldType::Int:
        case FieldType::Number: return to_double(c);
        case FieldType::Bool:
        case FieldType::Date: return c;
        case FieldType::Timestamp: break;  // the generator refuses a model that reads one
        case FieldType::Set:
        case FieldType::StringSet:
          return fmt::format("concat(';', replaceAll(replaceAll(nullIf({}, ''), ' ', ''), '\\t', ''), ';')", c);
      }
      break;
  }
  return c;
}

std::string Spelling::if_null(const std::string& x, const std::string& fallback) const {
  return fmt::format("{}({}, {})", clickhouse() ? "ifNull" : "COALESCE", x, fallback);
}

std::string Spelling::or_false(const std::string& cond) const { return if_null(cond, truth(false)); }

std::string Spelling::lower(const std::string& s) const {
  switch (d_) {
    case Dialect::Sqlite:
    case Dialect::Clickhouse: return fmt::format("lower({})", s);  // ASCII only in both
    case Dialect::Postgres: return fmt::format("lower({} COLLATE \"C\")", s);
    case Dialect::Duckdb:  // DuckDB's lower() folds all of Unicode; the spec folds ASCII only
      return fmt::format("translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", s);
  }
  return s;
}

std::string Spelling::upper(const std::string& s) const {
  switch (d_) {
    case Dialect::Sqlite:
    case Dialect::Clickhouse: return fmt::format("upper({})", s);
    case Dialect::Postgres: return fmt::format("upper({} COLLATE \"C\")", s);
    case Dialect::Duckdb:
      return fmt::format("translate({}, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')", s);
  }
  return s;
}

std::string Spelling::contains(const std::string& hay, const std::string& needle) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("instr({}, {}) > 0", hay, needle);
    case Dialect::Clickhouse: return fmt::format("position({}, {}) > 0", hay, needle);
    default: return fmt::format("strpos({}, {}) > 0", hay, needle);
  }
}

std::string Spelling::starts_with(const std::string& hay, std::string_view p) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("substr({}, 1, {}) = {}", hay, code_point_count(p), str(p));
    case Dialect::Clickhouse: return fmt::format("startsWith({}, {})", hay, str(p));
    default: return fmt::format("starts_with({}, {})", hay, str(p));
  }
}

std::string Spelling::ends_with(const std::string& hay, std::string_view p) const {
  switch (d_) {
    case Dialect::Sqlite:
      if (p.empty()) return fmt::format("{} IS NOT NULL", hay);
      return fmt::format("substr({}, -{}) = {}", hay, code_point_count(p), str(p));
    case Dialect::Clickhouse: return fmt::format("endsWith({}, {})", hay, str(p));
    case Dialect::Postgres: return fmt::format("right({}, {}) = {}", hay, code_point_count(p), str(p));
    case Dialect::Duckdb: return fmt::format("ends_with({}, {})", hay, str(p));
  }
  return hay;
}

std::string Spelling::length(const std::string& s) const {
  if (clickhouse()) return fmt::format("toFloat64(lengthUTF8({}))", s);
  return to_double(fmt::format("length({})", s));
}

std::string Spelling::email_domain(const std::string& s) const {
  std::string after_last_at;
  switch (d_) {
    case Dialect::Sqlite:
      // rtrim() with every character of s but '@' strips s back to its last '@'.
      after_last_at = fmt::format("substr({0}, length(rtrim({0}, replace({0}, '@', ''))) + 1)", s);
      break;
    case Dialect::Postgres: after_last_at = fmt::format("split_part({}, '@', -1)", s); break;
    case Dialect::Duckdb: after_last_at = fmt::format("string_split({}, '@')[-1]", s); break;
    case Dialect::Clickhouse:
      after_last_at = fmt::format("substring({0}, length({0}) - position(reverse({0}), '@') + 2)", s);
      break;
  }
  return fmt::format("CASE WHEN {} THEN {} END", contains(s, str("@")), lower(after_last_at));
}

std::string Spelling::days_since(const std::string& d, const std::string& as_of_sql) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("max(0.0, {} - {})", as_of_sql, d);
    case Dialect::Clickhouse: return fmt::format("greatest(toFloat64({} - {}), 0.)", as_of_sql, d);
    case Dialect::Postgres:
      return fmt::format("CASE WHEN {1} IS NOT NULL THEN CAST(GREATEST({0} - {1}, 0) AS DOUBLE PRECISION) END", as_of_sql, d);
    case Dialect::Duckdb:
      return fmt::format("CASE WHEN {1} IS NOT NULL THEN CAST(GREATEST({0} - {1}, 0) AS DOUBLE) END", as_of_sql, d);
  }
  return d;
}

std::string Spelling::divide(const std::string& a, const std::string& b) const {
  if (clickhouse()) return fmt::format("{} / nullIf({}, 0.)", a, b);
  return fmt::format("{} / NULLIF({}, {})", a, b, num(0));
}

std::string Spelling::min2(const std::string& a, const std::string& b) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("min({}, {})", a, b);
    case Dialect::Clickhouse: return fmt::format("least({}, {})", a, b);
    default: return fmt::format("LEAST({}, {})", a, b);
  }
}

std::string Spelling::max2(const std::string& a, const std::string& b) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("max({}, {})", a, b);
    case Dialect::Clickhouse: return fmt::format("greatest({}, {})", a, b);
    default: return fmt::format("GREATEST({}, {})", a, b);
  }
}

std::string Spelling::pow(const std::string& a, const std::string& b) const {
  return fmt::format("{}({}, {})", d_ == Dialect::Postgres ? "power" : "pow", a, b);
}

std::string Spelling::to_double(const std::string& x) const {
  switch (d_) {
    case Dialect::Sqlite: return fmt::format("CAST({} AS REAL)", x);
    case Dialect::Postgres: return fmt::format("CAST({} AS DOUBLE PRECISION)", x);
    case Dialect::Duckdb: return fmt::format("CAST({} AS DOUBLE)", x);
    case Dialect::Clickhouse: return fmt::format("toFloat64({})", x);
  }
  return x;
}

std::string Spelling::concat(const std::vector<std::string>& parts) const {
  std::string out;
  if (clickhouse()) {
    out = "concat(";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    if (parts.size() < 2) out += ", ''";
    return out + ")";
  }
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " || " : "") + parts[i];
  return parts.empty() ? "''" : out;
}

std::string Spelling::substr_from_2(const std::string& s) const {
  if (clickhouse()) return fmt::format("substring({}, 2)", s);
  return fmt::format("substr({}, 2)", s);
}

std::string Spelling::string_compare(const std::string& l, std::string_view op, const std::string& r) const {
  // PostgreSQL orders text by the database's collation; the spec compares bytes.
  if (d_ == Dialect::Postgres && op != "=" && op != "<>") return fmt::format("({} COLLATE \"C\") {} {}", l, op, r);
  return fmt::format("{} {} {}", l, op, r);
}

}  // namespace leadscore::sql
