// SQLite's regex automaton (src/sql/regex_dfa*.cpp): on random and hand-picked patterns (the
// stdlib's, the examples' and the bench model's among them) and random texts (ASCII, line feeds,
// non-ASCII), the automaton answers as RE2's PartialMatch does, and so does the SQL that runs it
// in a real (in-memory) SQLite.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <sqlite3.h>

#include "leadscore/parse.hpp"
#include "common/utf8.hpp"
#include "sql/regex.hpp"

namespace {

using namespace leadscore::sql;
using leadscore::utf8_of;

struct Pattern {
  std::string text;
  bool ignore_case = false;
};


// Every /regex/ in the models the project ships (read with the real parser).
std::vector<Pattern> shipped_patterns() {
  std::vector<Pattern> out;
  const std::string root = LEADSCORE_SOURCE_DIR;
  for (const char* path : {"stdlib/email.score", "stdlib/titles.score", "stdlib/geo.score", "examples/b2b_saas.score",
                           "examples/agency/model.score", "examples/ecommerce/model.score",
                           "examples/webinar/model.score", "bench/reference.score", "tests/sql/models/traps.score"}) {
    std::ifstream in(root + "/" + path);
    std::stringstream text;
    text << in.rdbuf();
    REQUIRE_MESSAGE(!text.str().empty(), path);
    leadscore::SourceManager sources;
    leadscore::Diagnostics diags;
    auto model = leadscore::parse_model(sources, sources.add(path, text.str()), diags);
    std::function<void(const leadscore::ast::Expr&)> walk = [&](const leadscore::ast::Expr& e) {
      if (e.kind == leadscore::ast::ExprKind::Regex) out.push_back({e.text, e.flags.find('i') != std::string::npos});
      for (const auto& k : e.kids) walk(*k);
    };
    for (const auto& l : model.lets) walk(*l.value);
    for (const auto& r : model.rules) walk(*r.condition);
    for (const auto& r : model.rejects) walk(*r.condition);
  }
  return out;
}

const std::vector<Pattern> hand_picked = {
    {"\\bhead\\s+of\\b", true},
    {"^\\s*$", false},
    {"a+b*c?", false},
    {"^(x+|-+)$", true},
    {"\\Bvp\\B", false},
    {"\\b\\w+\\b", false},
    {"[^@]+@[^@]+\\.[a-z]{2,}$", true},
    {"^.{2,}$", false},
    {"é+", false},
    {"[^a-z]{3,}", false},
    {"(?i:k)S", false},
    {"(ab|a)*c", false},
    {"x*", false},          // matches every text
    {"$a", false},          // matches none
    {"^$", false},
    {"\\b", false},
    {"\\B", false},       // RE2 also finds it between the bytes of a non-ASCII character
    {"(?:a|\\B)z*", false},
    {"x\\B", false},
    {"(a*)*$", false},
    {"\\d{2,3}\\D", false},
    {"a.?b", false},
    {"\\.+$", false},
    {"(^|@)gmail\\.com$", true},
    {"\\bco-?founders?\\b", true},
};

// A random pattern from a small grammar that reaches every construct the automaton handles.
class PatternMaker {
 public:
  explicit PatternMaker(unsigned seed) : rng_(seed) {}

  Pattern make() {
    Pattern p;
    p.ignore_case = pick(2) == 0;
    p.text = alternation(0);
    return p;
  }

 private:
  std::size_t pick(std::size_t n) { return rng_() % n; }

  std::string alternation(int depth) {
    std::string out = concatenation(depth);
    while (pick(4) == 0) out += "|" + concatenation(depth);
    return out;
  }

  std::string concatenation(int depth) {
    std::string out;
    for (std::size_t n = 1 + pick(4); n > 0; --n) out += piece(depth);
    return out;
  }

  std::string piece(int depth) {
    static const std::vector<std::string> atoms = {"a", "b", "c", "k", "s", "K", "-", " ", "\\.", ".", ".", "\\d", "\\w",
                                                   "\\s", "\\W", "[a-c]", "[^ab]", "[^\\n]", "[a-z]", "[0-9_]", "é",
                                                   "中"};
    static const std::vector<std::string> anchors = {"\\b", "\\B", "^", "$"};
    static const std::vector<std::string> repeats = {"*", "+", "?", "{1,2}", "{2}", "{0,3}", "{2,}", "*?", "+?"};
    if (pick(6) == 0) return anchors[pick(anchors.size())];
    std::string atom = depth < 2 && pick(5) == 0 ? (pick(2) ? "(" : "(?:") + alternation(depth + 1) + ")" : atoms[pick(atoms.size())];
    if (pick(3) == 0) atom += repeats[pick(repeats.size())];
    return atom;
  }

  std::mt19937 rng_;
};

// Texts made of generic pieces and the words of the pattern itself, so that matches are common.
class TextMaker {
 public:
  TextMaker(const std::string& pattern, unsigned seed) : rng_(seed) {
    pieces_ = {"a", "b", "c", "k", "K", "s", "S", "ſ", utf8_of(0x212A), " ", "  ", "\n", "\t", "-", "_", "@", ".", ",",
               "/", "&", "é", "中", utf8_of(0x1F600), "1", "42", "x", "IT", "vp", "of", "head", "chief", "gmail.com"};
    std::string word;
    for (char c : pattern + " ") {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        word += c;
      } else {
        if (word.size() > 1) pieces_.push_back(word);
        word.clear();
      }
    }
  }

  std::string make() {
    std::string out;
    for (std::size_t n = rng_() % 7; n > 0; --n) out += pieces_[rng_() % pieces_.size()];
    return out;
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> pieces_;
};

// The pattern's automaton, or nullopt when RE2, the parser or the automaton refuses it.
std::optional<regex::Dfa> automaton(const Pattern& p, RE2& re) {
  if (!re.ok()) return std::nullopt;
  auto parsed = regex::parse(p.text, p.ignore_case);
  if (!parsed.root) return std::nullopt;
  std::string error;
  return regex::to_dfa(*parsed.root, error);
}

RE2::Options options_for(const Pattern& p) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!p.ignore_case);
  return o;
}

void check_against_re2(const Pattern& p, const regex::Dfa& dfa, const RE2& re, unsigned seed, int texts) {
  TextMaker maker(p.text, seed);
  for (int n = 0; n < texts; ++n) {
    std::string text = maker.make();
    CAPTURE(text);
    CHECK(dfa.matches(text) == RE2::PartialMatch(text, re));
  }
}

// Runs the automaton's SQL over `texts` in an in-memory SQLite; one answer per text (-1: NULL).
std::vector<int> run_in_sqlite(const regex::Dfa& dfa, const std::vector<std::string>& texts) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE leads(n INTEGER, title TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_stmt* insert = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "INSERT INTO leads VALUES (?, ?)", -1, &insert, nullptr) == SQLITE_OK);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    sqlite3_bind_int(insert, 1, static_cast<int>(i));
    sqlite3_bind_text(insert, 2, texts[i].data(), static_cast<int>(texts[i].size()), SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  std::string sql = "SELECT n, " + regex::to_sqlite_automaton(dfa, "title", "the pattern /*/ under test") +
                    "\nFROM leads ORDER BY n";
  CAPTURE(sql);
  sqlite3_stmt* query = nullptr;
  int prepared = sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr);
  CHECK_MESSAGE(prepared == SQLITE_OK, sqlite3_errmsg(db));
  std::vector<int> out;
  while (prepared == SQLITE_OK && sqlite3_step(query) == SQLITE_ROW) {
    out.push_back(sqlite3_column_type(query, 1) == SQLITE_NULL ? -1 : sqlite3_column_int(query, 1));
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  return out;
}

void check_sqlite_against_re2(const Pattern& p, const regex::Dfa& dfa, const RE2& re, unsigned seed, int count) {
  TextMaker maker(p.text, seed);
  std::vector<std::string> texts;
  for (int n = 0; n < count; ++n) texts.push_back(maker.make());
  texts.emplace_back();  // the empty text (the generator passes no NULL: it tests NOT NULL first)
  auto answers = run_in_sqlite(dfa, texts);
  REQUIRE(answers.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CAPTURE(texts[i]);
    CHECK(answers[i] == (RE2::PartialMatch(texts[i], re) ? 1 : 0));
  }
}

}  // namespace

TEST_CASE("sql regex automaton: the shipped models' and hand-picked patterns answer as RE2 does") {
  auto patterns = shipped_patterns();
  CHECK(patterns.size() >= 30);  // the stdlib alone has more: the walk found them
  patterns.insert(patterns.end(), hand_picked.begin(), hand_picked.end());
  unsigned seed = 1;
  for (const auto& p : patterns) {
    CAPTURE(p.text);
    CAPTURE(p.ignore_case);
    RE2 re(p.text, options_for(p));
    REQUIRE(re.ok());
    auto parsed = regex::parse(p.text, p.ignore_case);
    if (!parsed.root) {
      // Only what every dialect refuses: a non-ASCII letter under the flag i.
      CHECK(parsed.error.find("non-ASCII") != std::string::npos);
      continue;
    }
    std::string error;
    auto dfa = regex::to_dfa(*parsed.root, error);
    REQUIRE_MESSAGE(dfa, error);
    CHECK(dfa->next.size() <= regex::max_dfa_states);
    check_against_re2(p, *dfa, re, ++seed, 300);
    check_sqlite_against_re2(p, *dfa, re, ++seed, 120);
  }
}

TEST_CASE("sql regex automaton: random patterns answer as RE2 does, in C++ and in SQLite") {
  PatternMaker patterns(2026);
  int compared = 0, in_sqlite = 0;
  for (int n = 0; n < 600; ++n) {
    Pattern p = patterns.make();
    CAPTURE(p.text);
    CAPTURE(p.ignore_case);
    RE2 re(p.text, options_for(p));
    auto dfa = automaton(p, re);
    if (!dfa) continue;
    ++compared;
    check_against_re2(p, *dfa, re, static_cast<unsigned>(n), 150);
    if (n % 5 == 0) {
      ++in_sqlite;
      check_sqlite_against_re2(p, *dfa, re, static_cast<unsigned>(n) + 7, 60);
    }
  }
  CHECK(compared >= 400);  // most random patterns are within the automaton's reach
  CHECK(in_sqlite >= 60);
}

TEST_CASE("sql regex automaton: beyond the state cap the pattern is refused, saying why") {
  // A digit ten characters before the end: the automaton must remember which of the last ten
  // characters were digits, 2^10 states; nine characters need 2^9, just within the cap.
  auto parsed = regex::parse("\\d.{9}$", false);
  REQUIRE(parsed.root);
  std::string error;
  CHECK_FALSE(regex::to_dfa(*parsed.root, error));
  CHECK(error == "an automaton of more than " + std::to_string(regex::max_dfa_states) + " states");
  auto fits = regex::parse("\\d.{8}$", false);
  REQUIRE(fits.root);
  auto dfa = regex::to_dfa(*fits.root, error);
  REQUIRE(dfa);
  CHECK(dfa->next.size() == 512);
  auto huge = regex::parse("(a{1000}){1000}", false);
  REQUIRE(huge.root);
  CHECK_FALSE(regex::to_dfa(*huge.root, error));
}

TEST_CASE("sql regex automaton: the SQL names its pattern in a comment on a line of its own") {
  auto parsed = regex::parse("head\\s+of", true);
  REQUIRE(parsed.root);
  std::string error;
  auto dfa = regex::to_dfa(*parsed.root, error);
  REQUIRE(dfa);
  std::string sql = regex::to_sqlite_automaton(*dfa, "\"f$title\"", "matches /a*/b/\nx");
  CHECK(sql.find("EXISTS (  -- matches /a*/b/ x: an automaton of ") == 0);
  CHECK(sql.find("code points\n") == sql.find('\n') - std::string("code points").size());
  CHECK(sql.find("unicode(substr(\"f$title\", pos + 1, 1))") != std::string::npos);
}
