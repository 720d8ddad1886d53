#include "lsp/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace leadscore::lsp {

namespace {

// UTF-16 units of the code point a byte starts: 0 for a continuation byte, 2 for a 4-byte lead.
// Invalid lead bytes count one unit, as editors show them as one replacement character.
std::uint32_t units_of_lead(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  return c >= 0xF0 && c < 0xF8 ? 2 : 1;
}

}  // namespace

std::uint32_t utf16_length(std::string_view text) {
  std::uint32_t n = 0;
  for (char c : text) n += units_of_lead(static_cast<unsigned char>(c));
  return n;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line >= starts_.size()) return {};
  std::uint32_t begin = starts_[line];
  std::uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : static_cast<std::uint32_t>(text_.size());
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  Position p;
  p.line = line;
  p.character = utf16_length(text_.substr(starts_[line], offset - starts_[line]));
  return p;
}

std::uint32_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::string_view line = line_text(p.line);
  std::uint32_t units = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::uint32_t u = units_of_lead(static_cast<unsigned char>(line[i]));
    if (u > 0 && units + u > p.character) break;
    units += u;
    ++i;
    // Step over the code point's continuation bytes with it.
    while (i < line.size() && units_of_lead(static_cast<unsigned char>(line[i])) == 0 && u > 0) ++i;
  }
  return starts_[p.line] + static_cast<std::uint32_t>(i);
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (!uri.starts_with(scheme)) return std::nullopt;
  uri.remove_prefix(scheme.size());
  // `file://host/path`: only an empty host or localhost is this machine.
  if (!uri.starts_with('/')) {
    if (!uri.starts_with("localhost/")) return std::nullopt;
    uri.remove_prefix(9);
  }
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%') {
      int hi = i + 1 < uri.size() ? hex(uri[i + 1]) : -1;
      int lo = i + 2 < uri.size() ? hex(uri[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    if (uri[i] == '?' || uri[i] == '#') break;
    out += uri[i];
  }
  if (out.empty() || out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

std::string path_to_uri(std::string_view path) {
  std::string out = "file://";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

}  // namespace leadscore::lsp
