// common/utf8: the one UTF-8 encoder (the parser's `\u` escapes, the formatter, the SQL regex
// translator and the tests all use it) against the validator, at every length boundary.
#include <doctest/doctest.h>

#include <cstdint>

#include "common/utf8.hpp"

using namespace leadscore;

TEST_CASE("utf8: each code point is encoded in as many bytes as UTF-8 says, and reads back as one") {
  CHECK(utf8_of(0x41) == "A");
  CHECK(utf8_of(0xE9) == "\xC3\xA9");
  CHECK(utf8_of(0x4E2D) == "\xE4\xB8\xAD");
  CHECK(utf8_of(0x1F600) == "\xF0\x9F\x98\x80");
  for (std::uint32_t cp : {0x0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    CAPTURE(cp);
    const std::string s = utf8_of(cp);
    CHECK(s.size() == (cp < 0x80 ? 1u : cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u));
    CHECK(is_valid_utf8(s));
    CHECK(utf8_sequence_length(s, 0) == s.size());
    CHECK(code_point_count(s) == 1);
  }
}
