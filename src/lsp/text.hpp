// Positions as the Language Server Protocol counts them (0-based lines, columns in UTF-16 code
// units) against the byte offsets every span of the front end holds, and file URIs against paths.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::lsp {

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;  // UTF-16 code units from the start of the line
};

// The line table of one text. Holds a view: the text must outlive it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The position of byte `offset` (clamped to the text's end).
  Position position(std::uint32_t offset) const;
  // The byte offset of `p`, clamped into the text: a line past the last is the text's end, a
  // character past a line's end is that end, and a character inside a surrogate pair is the start
  // of its code point. Editors may send any position; none is an error.
  std::uint32_t offset(Position p) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  // The text of 0-based line `line` without its line break ("" past the end).
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

// UTF-16 code units `text` takes (a code point past U+FFFF takes two).
std::uint32_t utf16_length(std::string_view text);

// `file:///a%20b/m.score` -> `/a b/m.score`; nullopt for another scheme.
std::optional<std::string> uri_to_path(std::string_view uri);
// The other way, percent-encoding what RFC 3986 does not allow in a path.
std::string path_to_uri(std::string_view path);

}  // namespace leadscore::lsp
