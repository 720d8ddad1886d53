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

// A deterministic automaton that answers RE2's unanchored search (PartialMatch) with a pattern,
// one code point at a time, for SQLite, which has no regular expressions (regex_dfa.cpp). What a
// state has seen of the text before (whether its last character was a word character, whether
// there was one) is part of the state, so ^, \b and \B are decided on the next character.
struct Dfa {
  static constexpr int accept = -1;  // a match has been found, whatever follows
  static constexpr int reject = -2;  // no match can be found any more

  // The code points fall into classes that every state treats alike: class k is the union of
  // classes[k] (sorted ranges).
  std::vector<std::vector<std::pair<char32_t, char32_t>>> classes;
  // next[s][k]: the state after state s reads a code point of class k; next[s][classes.size()]:
  // the answer (accept or reject) when the text ends in state s.
  std::vector<std::vector<int>> next;
  int start = 0;  // 0, or accept/reject when the answer does not depend on the text

  std::size_t class_of(char32_t c) const;
  bool matches(std::string_view utf8) const;  // the automaton run as the SQL runs it
};

// The most states an automaton may have: each is a branch of the SQL's CASE at every character.
constexpr std::size_t max_dfa_states = 512;

// The automaton for `root` (minimal), or nullopt with `error` set ("an automaton of more than 512
// states") when it needs more than max_dfa_states states.
std::optional<Dfa> to_dfa(const Node& root, std::string& error);

// SQLite: whether the text `text` (an SQL expression, not NULL) has a match, as an EXISTS over a
// recursive CTE that runs `dfa` over its code points (TRUE or FALSE when the answer does not depend
// on the text). `comment` names the pattern in the query, on a `--` line that ends the first line.
std::string to_sqlite_automaton(const Dfa& dfa, const std::string& text, std::string_view comment);

}  // namespace leadscore::sql::regex
