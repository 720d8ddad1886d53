#include "fmt/strings.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include <fmt/format.h>

namespace leadscore::formatter {

namespace {

// One decoded character, written the canonical way.
void append_char(std::string& out, std::uint32_t cp) {
  switch (cp) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\t': out += "\\t"; return;
    case '\r': out += "\\r"; return;
    default: break;
  }
  if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += fmt::format("\\u{:04x}", cp);
    return;
  }
  append_utf8(out, cp);
}

}  // namespace

std::string canonical_string(std::string_view literal) {
  if (literal.size() < 2) return std::string(literal);
  std::string_view body = literal.substr(1, literal.size() - 2);
  std::string out = "\"";
  for (std::size_t i = 0; i < body.size(); ++i) {
    auto byte = static_cast<unsigned char>(body[i]);
    if (byte != '\\' || i + 1 >= body.size()) {
      // Bytes of a multi-byte character go through untouched; only ASCII has a canonical escape.
      if (byte < 0x80) {
        append_char(out, byte);
      } else {
        out += body[i];
      }
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'n': append_char(out, '\n'); break;
      case 't': append_char(out, '\t'); break;
      case 'r': append_char(out, '\r'); break;
      case 'u': {
        std::uint32_t cp = 0;
        std::from_chars(body.data() + i + 1, body.data() + std::min(i + 5, body.size()), cp, 16);
        append_char(out, cp);
        i += 4;
        break;
      }
      default: append_char(out, static_cast<unsigned char>(e)); break;  // \" and \\ .
    }
  }
  out += '"';
  return out;
}

std::string string_literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x80) {
      append_char(out, static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace leadscore::formatter
