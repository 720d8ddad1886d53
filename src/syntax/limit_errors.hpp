// One reporter per limit the front end enforces (docs/limits.md), so that each message is written
// once. The checker reports the limits it enforces through check::Reporter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "leadscore/diagnostic.hpp"

namespace leadscore::syntax {

// `op` is the chain's first operator: '+', '-', '*', '/', or 'a' for `and`, 'o' for `or`.
void too_many_operands(Diagnostics& diags, Span at, char op);
// The message for the parser's nesting limit (PEGTL's limit_depth).
std::string nested_too_deeply_message();
void file_too_large(Diagnostics& diags, Span at, std::string_view what, std::size_t bytes);
void date_out_of_range(Diagnostics& diags, Span at, std::string_view text);
void number_out_of_range(Diagnostics& diags, Span at, std::string_view text);

}  // namespace leadscore::syntax
