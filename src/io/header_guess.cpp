#include "io/header_guess.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "common/column_name.hpp"
#include "common/suggest.hpp"
#include "io/record_errors.hpp"
#include "leadscore/io.hpp"

namespace leadscore::io {

std::string_view trim_header_name(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

namespace {

// The pieces of the header names cut at each separator other than `sep`, each with the separator
// that cut it: once for the whole header, so that the look-up per field is a hash, not a scan.
std::unordered_map<std::string_view, char> pieces_at_other_separators(
    const std::vector<std::string_view>& unknown, char sep) {
  std::unordered_map<std::string_view, char> pieces;
  for (const char other : {',', ';', '\t'}) {
    if (other == sep) continue;
    for (std::string_view name : unknown) {
      if (name.find(other) == std::string_view::npos) continue;
      for (;;) {
        const std::size_t cut = name.find(other);
        const std::string_view piece = trim_header_name(name.substr(0, cut));
        if (!piece.empty()) pieces.emplace(piece, other);
        if (cut == std::string_view::npos) break;
        name.remove_prefix(cut + 1);
      }
    }
  }
  return pieces;
}

}  // namespace

HeaderGuesses guess_columns(const Schema& schema, const std::vector<int>& field_column,
                            const std::vector<std::string_view>& unknown, char sep) {
  HeaderGuesses g;
  g.column_for_field.assign(schema.fields.size(), {});
  g.separator_for_field.assign(schema.fields.size(), 0);
  const std::unordered_map<std::string_view, char> pieces = pieces_at_other_separators(unknown, sep);
  if (!pieces.empty()) {
    for (std::size_t f = 0; f < schema.fields.size(); ++f) {
      if (field_column[f] >= 0) continue;
      const auto found = pieces.find(schema.fields[f].column_name());
      if (found != pieces.end()) g.separator_for_field[f] = found->second;
    }
  }
  // Edit distances are quadratic in names; a header of thousands of unknown columns (a fuzz
  // shape, not an export) is not searched for typos.
  constexpr std::size_t max_searched = 1000;
  if (unknown.empty() || unknown.size() > max_searched) return g;
  std::vector<std::string> identifiers;
  identifiers.reserve(unknown.size());
  for (const std::string_view column : unknown) identifiers.push_back(identifier_from_header(column));
  for (std::size_t f = 0; f < schema.fields.size(); ++f) {
    if (field_column[f] >= 0 || g.separator_for_field[f] != 0) continue;
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

std::string other_separator_hint(char sep) {
  if (sep == 0) return {};
  return fmt::format("; the header looks {0}-separated (--delimiter {0})", delimiter_name(sep));
}

}  // namespace leadscore::io
