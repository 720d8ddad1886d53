#include "common/xml_string.hpp"

#include "common/utf8.hpp"

namespace leadscore {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0's Char production leaves out these C0 controls.
bool forbidden_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += replacement;
        ++i;
        continue;
      }
      std::string_view sequence = text.substr(i, n);
      // U+FFFE and U+FFFF are not XML characters either.
      out += sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF" ? replacement : sequence;
      i += n;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;  // also keeps `]]>` out of character data
      // Quotes need escaping only inside an attribute; text keeps them readable.
      case '"': out += attribute ? std::string_view("&quot;") : std::string_view("\""); break;
      case '\'': out += attribute ? std::string_view("&apos;") : std::string_view("'"); break;
      case '\r': out += "&#13;"; break;
      case '\n': out += attribute ? std::string_view("&#10;") : std::string_view("\n"); break;
      case '\t': out += attribute ? std::string_view("&#9;") : std::string_view("\t"); break;
      default:
        if (forbidden_control(c)) out += replacement;
        else out += static_cast<char>(c);
    }
    ++i;
  }
}

}  // namespace

void append_xml_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_xml_attribute_value(std::string& out, std::string_view text) { append_escaped(out, text, true); }

void append_xml_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_xml_attribute_value(out, value);
  out += '"';
}

}  // namespace leadscore
