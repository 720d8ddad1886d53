// The language server's positions: byte offsets against LSP's UTF-16 line/character pairs (accents
// take one unit and two bytes, emoji two units and four bytes), clamping of positions editors may
// send past a line or the text, and file URIs.
#include <doctest/doctest.h>

#include <string>

#include "check/builtins.hpp"
#include "lsp/builtin_docs.hpp"
#include "lsp/text.hpp"

using leadscore::lsp::LineIndex;
using leadscore::lsp::Position;

TEST_CASE("lsp positions count UTF-16 code units") {
  std::string text = "ab\n\xC3\xA9x\xF0\x9F\x9A\x80y\r\nlast";  // "ab", "éx🚀y" (CRLF), "last"
  LineIndex index(text);
  CHECK(index.line_count() == 3);
  auto pos = [&](std::uint32_t offset) {
    Position p = index.position(offset);
    return std::pair(p.line, p.character);
  };
  CHECK(pos(0) == std::pair(0u, 0u));
  CHECK(pos(3) == std::pair(1u, 0u));   // 'é'
  CHECK(pos(5) == std::pair(1u, 1u));   // 'x' after the two bytes of 'é'
  CHECK(pos(6) == std::pair(1u, 2u));   // the rocket
  CHECK(pos(10) == std::pair(1u, 4u));  // 'y': the rocket took two units
  CHECK(pos(static_cast<std::uint32_t>(text.size())) == std::pair(2u, 4u));
  CHECK(pos(100000) == std::pair(2u, 4u));  // clamped to the end
  // And back.
  CHECK(index.offset({1, 0}) == 3);
  CHECK(index.offset({1, 1}) == 5);
  CHECK(index.offset({1, 2}) == 6);
  CHECK(index.offset({1, 3}) == 6);    // inside the surrogate pair: the code point's start
  CHECK(index.offset({1, 4}) == 10);
  CHECK(index.offset({1, 5}) == 11);   // the end of the line, before "\r\n"
  CHECK(index.offset({1, 999}) == 11); // past the line's end: its end
  CHECK(index.offset({999, 0}) == text.size());
  CHECK(index.line_text(1) == "\xC3\xA9x\xF0\x9F\x9A\x80y");
  CHECK(index.line_text(7).empty());
  for (std::uint32_t o = 0; o <= text.size(); ++o) {
    // Every offset at a code point's start goes there and back.
    bool start = o == text.size() || (static_cast<unsigned char>(text[o]) & 0xC0) != 0x80;
    if (start && !(o == 11 || o == 12)) CHECK(index.offset(index.position(o)) == o);
  }
}

TEST_CASE("lsp file URIs") {
  using leadscore::lsp::path_to_uri;
  using leadscore::lsp::uri_to_path;
  CHECK(path_to_uri("/a b/caf\xC3\xA9.score") == "file:///a%20b/caf%C3%A9.score");
  CHECK(uri_to_path("file:///a%20b/caf%C3%A9.score") == std::optional<std::string>("/a b/caf\xC3\xA9.score"));
  CHECK(uri_to_path("file://localhost/x.score") == std::optional<std::string>("/x.score"));
  CHECK(uri_to_path("untitled:Untitled-1") == std::nullopt);
  CHECK(uri_to_path("file://") == std::nullopt);
  CHECK(uri_to_path("file:///bad%") == std::optional<std::string>("/bad%"));
  CHECK(uri_to_path("file:///nul%00") == std::nullopt);
}

TEST_CASE("every built-in has its hover documentation, and nothing else does") {
  std::size_t n = 0;
  for (const auto& b : leadscore::check::builtins) {
    INFO(b.name);
    const auto* doc = leadscore::lsp::find_builtin_doc(b.name);
    REQUIRE(doc != nullptr);
    CHECK(doc->signature.starts_with(std::string(b.name) + "("));
    ++n;
  }
  CHECK(std::size(leadscore::lsp::builtin_docs) == n);
}
