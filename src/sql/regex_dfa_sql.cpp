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

void merge_into(Ranges& all, const Ranges& more) {
  all.insert(all.end(), more.begin(), more.end());
  std::sort(all.begin(), all.end());
  Ranges merged;
  for (const auto& r : all) {
    if (!merged.empty() && merged.back().second + 1 == r.first) merged.back().second = r.second;
    else merged.push_back(r);
  }
  all = std::move(merged);
}

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

// One state's next state as a CASE on `cp` (NULL at the text's end). The target reached from the
// most ranges is the ELSE.
std::string step(const Dfa& dfa, const std::vector<int>& row) {
  const std::size_t k_count = dfa.classes.size();
  std::vector<int> targets;
  std::vector<Ranges> from;
  for (std::size_t k = 0; k < k_count; ++k) {
    auto at = std::find(targets.begin(), targets.end(), row[k]);
    if (at == targets.end()) {
      targets.push_back(row[k]);
      from.emplace_back();
      at = targets.end() - 1;
    }
    merge_into(from[static_cast<std::size_t>(at - targets.begin())], dfa.classes[k]);
  }
  std::size_t fallback = 0;
  for (std::size_t t = 1; t < targets.size(); ++t) {
    if (from[t].size() > from[fallback].size()) fallback = t;
  }
  int at_end = row[k_count];
  if (targets.size() == 1 && at_end == targets[0]) return fmt::format("{}", at_end);
  std::string out = "CASE";
  if (at_end != targets[fallback]) out += fmt::format(" WHEN cp IS NULL THEN {}", at_end);
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (t != fallback) out += fmt::format(" WHEN {} THEN {}", in_ranges(from[t]), targets[t]);
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
  // the last). State -1 is a match, -2 none possible; either ends the run.
  std::string states;
  for (std::size_t s = 0; s < dfa.next.size(); ++s) {
    states += fmt::format("\n            WHEN {} THEN {}", s, step(dfa, dfa.next[s]));
  }
  return fmt::format(
      "EXISTS (  -- {0}: an automaton of {1} state{2} over the text's code points\n"
      "        WITH RECURSIVE \"re$run\"(pos, state, cp) AS (\n"
      "          SELECT 1, {3}, unicode(substr({4}, 1, 1))\n"
      "          UNION ALL\n"
      "          SELECT pos + 1, CASE state{5}\n"
      "            END, unicode(substr({4}, pos + 1, 1))\n"
      "          FROM \"re$run\" WHERE state >= 0)\n"
      "        SELECT 1 FROM \"re$run\" WHERE state = -1)",
      one_line(comment), dfa.next.size(), dfa.next.size() == 1 ? "" : "s", dfa.start, text, states);
}

}  // namespace leadscore::sql::regex
