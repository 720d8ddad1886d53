// How each SQL dialect spells the pieces the generator needs: names, literals, the values of
// fields as the model reads them, and the tests whose exact meaning differs between engines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leadscore/date.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/sql.hpp"

namespace leadscore::sql {

class Spelling {
 public:
  explicit Spelling(Dialect d) : d_(d) {}
  Dialect dialect() const { return d_; }
  bool clickhouse() const { return d_ == Dialect::Clickhouse; }

  std::string ident(std::string_view name) const;
  std::string table(std::string_view name) const;  // `schema.table` quoted part by part
  std::string str(std::string_view text) const;
  std::string num(double x) const;
  std::string date(Day d) const;
  std::string truth(bool b) const;
  std::string as_of(const std::optional<Day>& d) const;

  // The value of field `f` (column `column` of the table) as the model reads it: NULL when
  // missing; numbers as doubles; sets as ';a;b;' with blanks removed.
  std::string field_value(const Field& f, const std::string& column) const;

  std::string if_null(const std::string& x, const std::string& fallback) const;
  std::string or_false(const std::string& cond) const;      // NULL -> false
  std::string lower(const std::string& s) const;            // ASCII letters only
  std::string upper(const std::string& s) const;
  std::string contains(const std::string& hay, const std::string& needle) const;
  std::string starts_with(const std::string& hay, std::string_view lower_prefix) const;
  std::string ends_with(const std::string& hay, std::string_view lower_suffix) const;
  std::string length(const std::string& s) const;           // code points, as a double
  std::string email_domain(const std::string& s) const;
  std::string days_since(const std::string& date, const std::string& as_of) const;
  std::string divide(const std::string& a, const std::string& b) const;
  std::string min2(const std::string& a, const std::string& b) const;
  std::string max2(const std::string& a, const std::string& b) const;
  std::string pow(const std::string& a, const std::string& b) const;
  std::string to_double(const std::string& x) const;
  std::string concat(const std::vector<std::string>& parts) const;
  std::string substr_from_2(const std::string& s) const;
  std::string string_compare(const std::string& l, std::string_view op, const std::string& r) const;

 private:
  Dialect d_;
};

}  // namespace leadscore::sql
