// The languages' keywords (keywords.def), for tools that write source text: a name that is a
// reserved word cannot be a field, let or group.
#pragma once

#include <string_view>

namespace leadscore {

// True for a keyword that may never be a name (`when`, `score`, `date`, ...).
bool is_reserved_word(std::string_view word);
// True for any keyword, contextual ones (`lead`, `expect`, ...) included.
bool is_keyword(std::string_view word);
// True when `name` is an identifier ([A-Za-z_][A-Za-z0-9_]*) and not a reserved word.
bool is_valid_name(std::string_view name);

}  // namespace leadscore
