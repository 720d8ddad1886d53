#include "syntax/tokens.hpp"

#include "syntax/grammar.hpp"

namespace leadscore::syntax {

namespace {

namespace pegtl = tao::pegtl;

template <class Rule>
std::size_t matched(std::string_view text) {
  pegtl::memory_input<> in(text.data(), text.data() + text.size(), "");
  try {
    return pegtl::parse<Rule>(in) ? static_cast<std::size_t>(in.current() - text.data()) : 0;
  } catch (const pegtl::parse_error&) {
    return 0;  // a commit point failed: an unclosed string or regex, a bad escape
  }
}

}  // namespace

std::size_t token_length(TokenRule rule, std::string_view text) {
  switch (rule) {
    case TokenRule::Comment: return matched<grammar::comment>(text);
    case TokenRule::Identifier: return matched<grammar::identifier_chars>(text);
    case TokenRule::Number: return matched<grammar::number>(text);
    case TokenRule::Date: return matched<grammar::date_lit>(text);
    case TokenRule::String: return matched<grammar::string_lit>(text);
    case TokenRule::Regex: return matched<grammar::regex_lit>(text);
    case TokenRule::CompareOp: return matched<grammar::compare_op>(text);
  }
  return 0;
}

}  // namespace leadscore::syntax
