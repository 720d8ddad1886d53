// SQLite's spelling of a regex automaton (regex.hpp's to_sqlite_automaton): a recursive CTE that
// reads the text one code point at a time (substr and unicode count code points in a TEXT, as RE2
// reads UTF-8) and stops at the first answer. Plain SQLite: no extension, no REGEXP.
#include <algorithm>

#include <fmt/format.h>

#include "sql/regex.hpp"

namespace leadscore::sql::regex {

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

constexpr char32_t max_code_point = 0x10FFFF;

// `cp` (the code point, an integer) in `ranges`, in their order: `cp IN (72, 104)` when they are
// single code points, else `cp <= 47 OR cp BETWEEN 58 AND 64 OR cp = 96 OR cp >= 123`.
std::string in_ranges(const Ranges& ranges) {
  bool all_single = std::all_of(ranges.begin(), ranges.end(), [](const auto& r) { return r.first == r.second; });
  std::vector<std::string> parts;
  for (const auto& r : ranges) {
    auto lo = static_cast<unsigned>(r.first), hi = static_cast<unsigned>(r.second);
    if (all_single) parts.push_back(fmt::format("{}", lo));
    else if (lo == hi) parts.push_back(fmt::format("cp = {}", lo));
    else if (r.second == max_code_point) parts.push_back(fmt::format("cp >= {}", lo));
    else if (lo == 0) parts.push_back(fmt::format("cp <= {}", hi));
    else parts.push_back(fmt::format("cp BETWEEN {} AND {}", lo, hi));
  }
  if (all_single && parts.size() > 1) return fmt::format("cp IN ({})", fmt::join(parts, ", "));
  if (all_single) return "cp = " + parts[0];
  return fmt::format("{}", fmt::join(parts, " OR "));
}

// The class as a regex-style set for a comment: `[Hh]`, `[\t\n\f\r ]`, or for most of Unicode what
// it leaves out, `[^0-9A-Z_a-z]`. Non-ASCII code points are written \x{...} (a Kelvin sign would
// read as a K).
std::string describe(const Ranges& ranges) {
  Ranges shown;
  for (auto r : ranges) {
    if (r.first == 0) r.first = 1;  // no text holds a NUL
    if (r.first <= r.second) shown.push_back(r);
  }
  bool most = !shown.empty() && shown.back().second == max_code_point;
  if (most) shown = normal_ranges(CharSet{shown, true});
  if (most && shown.empty()) return "any character";
  auto one = [](char32_t c) -> std::string {
    switch (c) {
      case '\t': return "\\t";
      case '\n': return "\\n";
      case '\v': return "\\v";
      case '\f': return "\\f";
      case '\r': return "\\r";
      case '\\': case ']': case '[': case '^': case '-': return std::string("\\") + static_cast<char>(c);
      default: break;
    }
    if (c >= 0x20 && c < 0x7F) return std::string(1, static_cast<char>(c));
    return fmt::format("\\x{{{:X}}}", static_cast<unsigned>(c));
  };
  std::string out = most ? "[^" : "[";
  for (const auto& [a, b] : shown) {
    out += one(a);
    if (b > a + 1) out += "-";
    if (b > a) out += one(b);
  }
  return out + "]";
}

// Where the states go on one class of code points (or at the text's end): a CASE on `state`, the
// target most states share as its ELSE.
std::string step(const Dfa& dfa, std::size_t column) {
  std::vector<int> targets;
  std::vector<std::vector<std::size_t>> from;  // the states that go to each target
  for (std::size_t s = 0; s < dfa.next.size(); ++s) {
    int t = dfa.next[s][column];
    auto at = std::find(targets.begin(), targets.end(), t);
    if (at == targets.end()) {
      targets.push_back(t);
      from.emplace_back();
      at = targets.end() - 1;
    }
    from[static_cast<std::size_t>(at - targets.begin())].push_back(s);
  }
  std::size_t fallback = 0;
  for (std::size_t t = 1; t < targets.size(); ++t) {
    if (from[t].size() > from[fallback].size()) fallback = t;
  }
  if (targets.size() == 1) return fmt::format("{}", targets[0]);
  std::string out = "CASE";
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (t == fallback) continue;
    if (from[t].size() == 1) out += fmt::format(" WHEN state = {} THEN {}", from[t][0], targets[t]);
    else out += fmt::format(" WHEN state IN ({}) THEN {}", fmt::join(from[t], ", "), targets[t]);
  }
  return out + fmt::format(" ELSE {} END", targets[fallback]);
}

// The comment is a `--` line of its own, so the pattern needs no escape (a `*/` in it is fine).
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

std::string to_sqlite_automaton(const Dfa& dfa, const std::string& text, std::string_view comment) {
  if (dfa.start < 0) return dfa.start == Dfa::accept ? "TRUE" : "FALSE";
  // One row per code point read: its position, the state before it, the code point (NULL after
  // the last). State -1 is a match, -2 none possible; either ends the run. The CASE goes by the
  // code point's class first, so that each class is spelled once; the class with the most ranges
  // is the ELSE.
  const std::size_t k_count = dfa.classes.size();
  std::size_t widest = 0;
  for (std::size_t k = 1; k < k_count; ++k) {
    if (dfa.classes[k].size() > dfa.classes[widest].size()) widest = k;
  }
  std::string steps = fmt::format("\n            WHEN cp IS NULL THEN {}  -- the text's end", step(dfa, k_count));
  for (std::size_t k = 0; k < k_count; ++k) {
    if (k == widest) continue;
    steps += fmt::format("\n            WHEN {} THEN {}  -- {}", in_ranges(dfa.classes[k]), step(dfa, k), describe(dfa.classes[k]));
  }
  steps += fmt::format("\n            ELSE {}  -- {}", step(dfa, widest), describe(dfa.classes[widest]));
  return fmt::format(
      "EXISTS (  -- {0}: an automaton of {1} state{2} over the text's code points\n"
      "        WITH RECURSIVE \"re$run\"(pos, state, cp) AS (\n"
      "          SELECT 1, {3}, unicode(substr({4}, 1, 1))\n"
      "          UNION ALL\n"
      "          SELECT pos + 1, CASE{5}\n"
      "            END, unicode(substr({4}, pos + 1, 1))\n"
      "          FROM \"re$run\" WHERE state >= 0)\n"
      "        SELECT 1 FROM \"re$run\" WHERE state = -1)",
      one_line(comment), dfa.next.size(), dfa.next.size() == 1 ? "" : "s", dfa.start, text, steps);
}

}  // namespace leadscore::sql::regex
