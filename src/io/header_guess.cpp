#include "io/header_guess.hpp"

#include <fmt/format.h>

#include "common/column_name.hpp"
#include "common/suggest.hpp"
#include "io/record_errors.hpp"

namespace leadscore::io {

HeaderGuesses guess_columns(const Schema& schema, const std::vector<int>& field_column,
                            const std::vector<std::string_view>& unknown) {
  HeaderGuesses g;
  g.column_for_field.assign(schema.fields.size(), {});
  // Edit distances are quadratic in names; a header of thousands of unknown columns (a fuzz
  // shape, not an export) is not searched for typos.
  constexpr std::size_t max_searched = 1000;
  if (unknown.empty() || unknown.size() > max_searched) return g;
  std::vector<std::string> identifiers;
  identifiers.reserve(unknown.size());
  for (const std::string_view column : unknown) identifiers.push_back(identifier_from_header(column));
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    if (field_column[f] >= 0) continue;
    // Guessed against the column the field reads (`from "Lead Source"`, else its name).
    const std::string_view column = schema.fields[f].column_name();
    const std::string field = identifier_from_header(column);
    std::string_view guess;
    for (std::size_t c = 0; c < unknown.size() && guess.empty(); ++c)
      if (identifiers[c] == field && !g.taken.count(unknown[c])) guess = unknown[c];
    if (guess.empty()) {
      std::vector<std::string_view> free;
      for (const std::string_view column : unknown)
        if (!g.taken.count(column)) free.push_back(column);
      const std::string near = closest(column, free);
      for (const std::string_view column : free)
        if (column == near) guess = column;
    }
    if (guess.empty()) continue;
    g.column_for_field[f] = guess;
    g.taken.insert(guess);
  }
  return g;
}

std::string did_you_mean_column(std::string_view column) {
  if (column.empty()) return {};
  std::string quoted;
  append_quoted_value(quoted, column);
  return fmt::format("; did you mean column {}?", quoted);
}

}  // namespace leadscore::io
