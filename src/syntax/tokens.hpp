// The grammar's token rules (src/syntax/grammar.hpp), one token at a time, for tools that cut source
// text into tokens without parsing it: the formatter's lexer reads identifiers, numbers, dates,
// strings, regexes, comments and comparison operators with these, so it cuts text exactly as the
// parser does. PEGTL stays behind this header.
#pragma once

#include <cstddef>
#include <string_view>

namespace leadscore::syntax {

enum class TokenRule {
  Comment,     // grammar `comment`: '#' to the line break
  Identifier,  // grammar `identifier_chars`: keywords included
  Number,      // grammar `number` (no sign)
  Date,        // grammar `date_lit`
  String,      // grammar `string_lit`, quotes included
  Regex,       // grammar `regex_lit`, slashes and flags included
  CompareOp,   // grammar `compare_op`
};

// The length of the token `rule` matches at the start of `text`, or 0 where it does not match.
std::size_t token_length(TokenRule rule, std::string_view text);

}  // namespace leadscore::syntax
