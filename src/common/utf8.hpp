// UTF-8 encoding of a code point, as string literals' `\uXXXX` escapes need it (the parser decodes
// them; the formatter decodes and re-escapes them).
#pragma once

#include <cstdint>
#include <string>

namespace leadscore {

// Appends `cp` (at most U+FFFF: a `\u` escape has four hex digits) as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace leadscore
