// The VM's regex matcher (src/vm/regex_match.*): its word search for `\b(w1|w2)\b` must give RE2's
// answer on every text, and other shapes must go to RE2.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "vm/regex_match.hpp"

using leadscore::vm::RegexMatcher;
using leadscore::vm::word_list_of;

namespace {

std::unique_ptr<re2::RE2> compile(const std::string& pattern, bool folded) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!folded);
  auto re = std::make_unique<re2::RE2>(pattern, options);
  REQUIRE(re->ok());
  return re;
}

// Texts built from the words' own pieces, separators and a few non-ASCII letters (the Kelvin sign
// and the long s fold to k and s under RE2's /i).
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "vp", "VP", "Vp", "chief", "CHIEF", "head", "of", "Head Of", "ceo", "ceos", "xceo", "_ceo",
      "ceo_", "co-founder", "founder", "preſident", "vice president", "Vice  President", "stud",
      "ent", "student", "intern", "internal", "\xe2\x84\xaa", "k", "s", " ", "-", ".", "/", ",",
      "\xc3\xa9", "1", "a", "cmo", "cto", "CtO"};
  std::uniform_int_distribution<std::size_t> count(0, 6), pick(0, pieces.size() - 1);
  std::string s;
  for (std::size_t n = count(rng); n > 0; --n) s += pieces[pick(rng)];
  return s;
}

}  // namespace

TEST_CASE("word_list_of reads \\b(w1|w2)\\b and nothing else") {
  CHECK(word_list_of(R"(\b(chief|vice president|head of)\b)", true) ==
        std::vector<std::string>{"chief", "vice president", "head of"});
  CHECK(word_list_of(R"(\b(?:VP|Ceo)\b)", true) == std::vector<std::string>{"vp", "ceo"});
  CHECK(word_list_of(R"(\b(?:VP|Ceo)\b)", false) == std::vector<std::string>{"VP", "Ceo"});
  CHECK(word_list_of(R"(\bco-founder\b)", true) == std::vector<std::string>{"co-founder"});
  // `\ba|b\b` is `(\ba)|(b\b)`, not a word list.
  CHECK_FALSE(word_list_of(R"(\bvp|ceo\b)", true));
  CHECK_FALSE(word_list_of(R"(\b(vp|c.o)\b)", true));
  CHECK_FALSE(word_list_of(R"(\b(vp| ceo)\b)", true));
  CHECK_FALSE(word_list_of(R"(\b(vp|)\b)", true));
  CHECK_FALSE(word_list_of(R"(\b(vp|ceo))", true));
  CHECK_FALSE(word_list_of(R"((vp|ceo)\b)", true));
  CHECK_FALSE(word_list_of(R"(\b(vp)|(ceo)\b)", true));
  CHECK_FALSE(word_list_of(R"(\b\b)", true));
}

TEST_CASE("the word search gives RE2's answer on every text") {
  const std::vector<std::string> patterns = {
      R"(\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\b)",
      R"(\b(student|intern)\b)",
      R"(\b(?:co-founder|Founder)\b)",
      R"(\bvp\b)",
      R"(\b(s|k)\b)",
  };
  std::mt19937 rng(2026);
  for (const std::string& pattern : patterns) {
    for (const bool folded : {true, false}) {
      const auto re = compile(pattern, folded);
      const RegexMatcher shared(*re, false);
      const RegexMatcher own(*re, true);
      CHECK(shared.searches_words());
      for (int i = 0; i < 4000; ++i) {
        const std::string text = random_text(rng);
        const bool expected = re2::RE2::PartialMatch(text, *re);
        INFO(pattern, " folded=", folded, " text='", text, "'");
        REQUIRE(shared.matches(text) == expected);
        REQUIRE(own.matches(text) == expected);
      }
    }
  }
}

TEST_CASE("non-ASCII text under /i goes to RE2, which folds the long s to s") {
  const auto re = compile(R"(\b(vice president|ceo)\b)", true);
  const RegexMatcher matcher(*re, false);
  CHECK(re2::RE2::PartialMatch("Vice Pre\xc5\xbfident", *re));
  CHECK(matcher.matches("Vice Pre\xc5\xbfident"));
  CHECK(matcher.matches("\xc3\xa9 CEO"));
  CHECK_FALSE(matcher.matches("\xc3\xa9" "CEOs"));
}

TEST_CASE("other regexes go to RE2, a private copy when asked") {
  const auto re = compile(R"(^(vp|chief)\s+\w+$)", true);
  const RegexMatcher shared(*re, false);
  const RegexMatcher own(*re, true);
  CHECK_FALSE(shared.searches_words());
  for (const char* text : {"VP Sales", "chief  x", "vp", "the vp sales", ""}) {
    CHECK(shared.matches(text) == re2::RE2::PartialMatch(text, *re));
    CHECK(own.matches(text) == re2::RE2::PartialMatch(text, *re));
  }
}
