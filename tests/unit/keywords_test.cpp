// include/leadscore/keywords.def is the one list of keywords: the grammar (src/syntax/grammar.hpp)
// must reserve exactly the words the table marks reserved, and know the contextual ones.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

#include "leadscore/keywords.hpp"
#include "syntax/grammar.hpp"

namespace {

using namespace leadscore;

struct TableEntry {
  std::string_view word;
  bool reserved;
};

constexpr TableEntry table[] = {
#define KEYWORD(word, reserved) {#word, reserved},
#include "leadscore/keywords.def"
#undef KEYWORD
};

// Whether the grammar's `reserved` rule takes the whole of `word`.
bool grammar_reserves(std::string_view word) {
  namespace pegtl = tao::pegtl;
  pegtl::memory_input in(word.data(), word.size(), "keyword");
  return pegtl::parse<pegtl::seq<grammar::reserved, pegtl::eof>>(in);
}

// The words grammar.hpp declares with LS_KEYWORD(...), read from its text.
std::set<std::string> grammar_keywords() {
  std::ifstream in(std::string(LEADSCORE_SOURCE_DIR) + "/src/syntax/grammar.hpp");
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::set<std::string> words;
  static const std::regex declared(R"(LS_KEYWORD\((\w+)\);)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), declared); it != std::sregex_iterator(); ++it)
    words.insert((*it)[1]);
  return words;
}

}  // namespace

TEST_CASE("keywords.def knows reserved and contextual words") {
  CHECK(is_reserved_word("score"));
  CHECK(is_reserved_word("when"));
  CHECK_FALSE(is_reserved_word("lead"));
  CHECK(is_keyword("lead"));
  CHECK_FALSE(is_keyword("lead_source"));
  CHECK(is_valid_name("lead_source"));
  CHECK_FALSE(is_valid_name("date"));
  CHECK_FALSE(is_valid_name("9lives"));
  CHECK_FALSE(is_valid_name("Lead Add Form"));
}

TEST_CASE("keywords.def and the grammar name the same keywords, reserved alike") {
  std::set<std::string> in_table;
  for (const TableEntry& k : table) {
    in_table.emplace(k.word);
    CAPTURE(k.word);
    CHECK(grammar_reserves(k.word) == k.reserved);
    CHECK(is_reserved_word(k.word) == k.reserved);
    CHECK(is_keyword(k.word));
  }
  const std::set<std::string> in_grammar = grammar_keywords();
  REQUIRE(in_grammar.size() > 50);
  CHECK(in_grammar == in_table);
  CHECK_FALSE(grammar_reserves("lead_source"));
}
