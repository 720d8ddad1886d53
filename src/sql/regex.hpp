// A model's /regex/ as a small tree, so that each SQL dialect can be given the same language in
// its own syntax (docs/warehouse.md, "Regular expressions"). The parser reads the part of RE2's
// syntax the translation keeps exact; anything else is reported, and the dialect refuses the model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leadscore::sql::regex {

// A set of code points: the union of `ranges`, or everything but them when `negated`.
struct CharSet {
  std::vector<std::pair<char32_t, char32_t>> ranges;
  bool negated = false;

  bool contains(char32_t c) const;
  // Whether every member / no member is an RE2 word character ([0-9A-Za-z_]); both false: mixed.
  bool all_word() const;
  bool no_word() const;
};

enum class Kind : std::uint8_t {
  Empty,      // matches the empty string
  Char,       // one code point of `set` (a literal is a set of one)
  Bol, Eol,   // ^ and $ (RE2's defaults: the start and the end of the text)
  WordBoundary, NotWordBoundary,
  Concat, Alt,
  Repeat,     // kids[0] repeated min..max times (max -1: no limit)
};

struct Node {
  Kind kind = Kind::Empty;
  CharSet set;
  bool any = false;  // Char: RE2's `.` (everything but a line feed)
  int min = 0, max = 0;
  std::vector<Node> kids;
};

struct Parsed {
  std::optional<Node> root;
  std::string error;  // why the pattern is outside the subset, when root is empty
};

// Parses `pattern` (RE2 syntax). With `ignore_case`, every ASCII letter becomes the set RE2's
// case folding gives it (s also matches U+017F, k also U+212A); a non-ASCII letter under
// `ignore_case` is an error, since only RE2 itself folds those the RE2 way.
// (?i) and (?-i) groups switch the folding; with `flag_groups` false they are refused.
Parsed parse(std::string_view pattern, bool ignore_case, bool flag_groups = true);

// The members of `s` as sorted, merged ranges (a negated set turned into its complement).
std::vector<std::pair<char32_t, char32_t>> normal_ranges(const CharSet& s);

// The dialects' spellings of a parsed pattern.
std::string to_re2(const Node& root);      // RE2 syntax with no flag needed (DuckDB, ClickHouse)
std::optional<std::string> to_postgres(const Node& root, std::string& error);  // an ARE for `~`
// GLOB patterns for SQLite whose OR is the regex's partial match; nullopt with `error` set when
// the pattern is not a finite set of fixed-length alternatives.
std::optional<std::vector<std::string>> to_globs(const Node& root, std::string& error);

}  // namespace leadscore::sql::regex
