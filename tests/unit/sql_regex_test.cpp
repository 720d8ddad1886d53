// The regex translation for the SQL dialects (src/sql/regex*.cpp): the case folding it assumes is
// RE2's, and SQLite's GLOB rewrite matches exactly where RE2 does, on random texts.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "common/utf8.hpp"
#include "sql/regex.hpp"

namespace {

using namespace leadscore::sql;
using leadscore::utf8_of;


std::vector<char32_t> decode(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    char32_t c = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

// SQLite's GLOB, as its documentation and source define it: * any run, ? one character,
// [...] a class of code points with ranges and ^ for negation, case-sensitive.
bool glob_at(const std::vector<char32_t>& p, std::size_t pi, const std::vector<char32_t>& s, std::size_t si) {
  while (pi < p.size()) {
    char32_t c = p[pi];
    if (c == '*') {
      for (std::size_t k = si; k <= s.size(); ++k) {
        if (glob_at(p, pi + 1, s, k)) return true;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (c == '?') {
      ++pi, ++si;
      continue;
    }
    if (c == '[') {
      std::size_t k = pi + 1;
      bool negated = k < p.size() && p[k] == '^';
      if (negated) ++k;
      bool hit = false, first = true;
      char32_t prev = 0;
      while (k < p.size() && (first || p[k] != ']')) {
        if (p[k] == '-' && !first && k + 1 < p.size() && p[k + 1] != ']' && prev) {
          hit = hit || (s[si] >= prev && s[si] <= p[k + 1]);
          prev = 0;
          k += 2;
          continue;
        }
        hit = hit || s[si] == p[k];
        prev = p[k];
        first = false;
        ++k;
      }
      if (hit == negated) return false;
      pi = k + 1;
      ++si;
      continue;
    }
    if (c != s[si]) return false;
    ++pi, ++si;
  }
  return si == s.size();
}

bool any_glob(const std::vector<std::string>& globs, const std::string& text) {
  auto s = decode(text);
  for (const auto& g : globs) {
    if (glob_at(decode(g), 0, s, 0)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("sql regex: the ASCII letters fold as RE2 folds them, and nothing else folds to them") {
  for (char32_t letter = 'a'; letter <= 'z'; ++letter) {
    RE2::Options o;
    o.set_case_sensitive(false);
    RE2 re(utf8_of(letter), o);
    auto parsed = regex::parse(utf8_of(letter), true);
    REQUIRE(parsed.root);
    for (char32_t c = 1; c < 0x3000; ++c) {
      CHECK_MESSAGE(RE2::FullMatch(utf8_of(c), re) == parsed.root->set.contains(c), "letter ", static_cast<char>(letter), " code point ", static_cast<unsigned>(c));
    }
    CHECK(RE2::FullMatch(utf8_of(0x212A), re) == parsed.root->set.contains(0x212A));
  }
}

TEST_CASE("sql regex: what the translation refuses, and why") {
  CHECK(regex::parse("(?s)a.b", false).error.find("flag group") != std::string::npos);
  CHECK(regex::parse("\\pL", false).error.find("\\p") != std::string::npos);
  CHECK(regex::parse("[[:alpha:]]", false).error.find("POSIX") != std::string::npos);
  CHECK(regex::parse("é", true).error.find("non-ASCII") != std::string::npos);
  CHECK(regex::parse("é", false).root);
  std::string error;
  auto plus = regex::parse("head\\s+of", true);
  REQUIRE(plus.root);
  CHECK_FALSE(regex::to_globs(*plus.root, error));
  CHECK(error.find("unbounded repeat") != std::string::npos);
  auto lone = regex::parse("^\\b", false);
  REQUIRE(lone.root);
  CHECK_FALSE(regex::to_globs(*lone.root, error));
  auto big = regex::parse("a{300}", false);
  REQUIRE(big.root);
  CHECK_FALSE(regex::to_postgres(*big.root, error));
}

TEST_CASE("sql regex: the PostgreSQL and RE2 spellings") {
  std::string error;
  auto p = regex::parse("\\b(vp|c.o)\\b$", true);
  REQUIRE(p.root);
  CHECK(*regex::to_postgres(*p.root, error) == "\\y(?:[Vv][Pp]|[Cc][^\\u000A][Oo])\\y$");
  auto q = regex::parse("^a.b\\d+", false);
  REQUIRE(q.root);
  CHECK(regex::to_re2(*q.root) == "\\Aa[^\\x{A}]b(?:[0-9])+");
}

TEST_CASE("sql regex: SQLite's GLOB rewrite matches exactly where RE2 does") {
  const std::vector<std::pair<std::string, bool>> patterns = {
      {"\\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\\b", true},
      {"\\b(student|intern)\\b", true},
      {"^(vp|svp)\\b", true},
      {"manager$", false},
      {"[0-9]", false},
      {"\\d{2}", false},
      {"^[A-Z]", false},
      {"c[emrt]o", true},
      {"sales?\\b", true},
      {"^.{1,3}$", false},
      {"\\Bvp", false},
      {"[^a-z ]", false},
      {"p.m", false},
      {"s\\b", true},
      {"k", true},
      {"a\\b-", false},
      {"-\\b", false},
      {"^$", false},
      {"x?", false},
      {".*vp.*", true},
      {"[]^-]", false},
  };
  const std::vector<std::string> pieces = {"vp", "VP", "s", "ſ", "K", "k", "ceo", "cmo", "chief", " ", "\n", "-",
                                           "_", "é", "x", "a", "3", "45", "Sales", "manager", "^", "]", "student",
                                           "head of", "president", "vice preſident", "p", "m"};
  std::mt19937 rng(7);
  for (const auto& [pattern, ci] : patterns) {
    CAPTURE(pattern);
    RE2::Options o;
    o.set_case_sensitive(!ci);
    RE2 re(pattern, o);
    REQUIRE(re.ok());
    auto parsed = regex::parse(pattern, ci);
    REQUIRE(parsed.root);
    std::string error;
    auto globs = regex::to_globs(*parsed.root, error);
    REQUIRE_MESSAGE(globs, error);
    for (int n = 0; n < 400; ++n) {
      std::string text;
      int len = static_cast<int>(rng() % 5);
      for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
      CAPTURE(text);
      CHECK(RE2::PartialMatch(text, re) == any_glob(*globs, text));
    }
  }
}
