#include "common/json_string.hpp"

#include <iterator>

#include <fmt/format.h>

#include "common/utf8.hpp"

namespace leadscore {

namespace {

void append_escaped_valid(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        break;
    }
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (is_valid_utf8(text)) {
    append_escaped_valid(out, text);
  } else {
    // Rare: only a key read from a broken CSV row can carry bytes that are not UTF-8.
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        append_escaped_valid(out, text.substr(i, n));
        i += n;
      }
    }
  }
  out += '"';
}

}  // namespace leadscore
