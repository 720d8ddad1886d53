#include "common/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace leadscore {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    cp = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

bool is_valid_utf8(std::string_view text) {
  // Most cells are short and ASCII: a plain loop beats the per-call cost of the SIMD validator.
  // Eight bytes at a time, then the rest.
  const char* p = text.data();
  const char* const end = p + text.size();
  std::uint64_t high = 0;
  for (; end - p >= 8; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    high |= w;
  }
  for (; p < end; ++p) high |= static_cast<unsigned char>(*p);
  return (high & 0x8080808080808080ULL) == 0 || simdjson::validate_utf8(text.data(), text.size());
}

std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += is_continuation_byte(c) ? 0 : 1;
  return n;
}

std::uint32_t code_point_column(std::string_view line, std::uint32_t byte_column) {
  std::size_t bytes = byte_column > 0 ? byte_column - 1 : 0;
  std::size_t inside = std::min(bytes, line.size());
  return static_cast<std::uint32_t>(code_point_count(line.substr(0, inside)) + (bytes - inside) + 1);
}

}  // namespace leadscore
