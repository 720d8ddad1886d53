// UTF-8: encoding a code point (string literals' `\uXXXX` escapes: the parser decodes them, the
// formatter re-escapes them; the SQL regex translator's classes) and validating text read from records before it is written out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace leadscore {

// Appends code point `cp` (at most U+10FFFF) as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp);
inline std::string utf8_of(std::uint32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

// Length of the UTF-8 sequence starting at text[i] (1 for ASCII), or 0 if it is not a valid one
// (overlong forms, surrogates and values past U+10FFFF are not UTF-8).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
bool is_valid_utf8(std::string_view text);

// A byte that continues a multi-byte sequence (10xxxxxx), so starts no code point.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
// Code points in `text` (bytes that do not continue a sequence).
std::size_t code_point_count(std::string_view text);
// The 1-based code-point column of the 1-based byte column `byte_column` on `line`: the one column
// convention of every diagnostic format (text, json, sarif, github). Offsets past the
// visible text (the '\r' of a CRLF, the end of the file) count their own bytes.
std::uint32_t code_point_column(std::string_view line, std::uint32_t byte_column);

}  // namespace leadscore
