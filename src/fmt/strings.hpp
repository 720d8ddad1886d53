// String literals in their canonical spelling.
#pragma once

#include <string>
#include <string_view>

namespace leadscore::formatter {

// `literal` is a valid string literal with its quotes. The result reads back (src/syntax/lower.cpp
// `unescape`) to the same bytes, spelled one way: `\"` `\\` `\n` `\t` `\r`, `\u00xx` (lower-case
// hex) for other control characters, and every other character as itself. A `\u` escape of a
// surrogate stays an escape: written out it would not be UTF-8.
std::string canonical_string(std::string_view literal);

// The string literal, in that same spelling, whose value is `text` (for tools that write source,
// such as `schema infer`).
std::string string_literal(std::string_view text);

}  // namespace leadscore::formatter
