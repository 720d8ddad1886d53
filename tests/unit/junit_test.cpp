// `--format junit` (check and test): the XML escaping every report goes through, and the shape of
// `check`'s report. (tests/junit/wellformed_test.py parses real reports with an XML parser.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/xml_string.hpp"
#include "leadscore/diagnostic_format.hpp"
#include "leadscore/testing.hpp"

using namespace leadscore;

namespace {

std::string text(std::string_view s) {
  std::string out;
  append_xml_text(out, s);
  return out;
}

std::string attribute(std::string_view s) {
  std::string out;
  append_xml_attribute_value(out, s);
  return out;
}

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("xml: special characters become entity references") {
  // In text only &, < and > must (quotes stay readable); in an attribute all five.
  CHECK(text(R"(a & b < c > d "e" 'f')") == R"(a &amp; b &lt; c &gt; d "e" 'f')");
  CHECK(attribute(R"(a & b < c > d "e" 'f')") == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  CHECK(attribute(R"(<"&'>)") == "&lt;&quot;&amp;&apos;&gt;");
  // An entity reference in the input is text, escaped again: the report shows what the model says.
  CHECK(text("&amp;") == "&amp;amp;");
  CHECK(text("]]>") == "]]&gt;");
}

TEST_CASE("xml: UTF-8 is kept as it is") {
  CHECK(text("Société 🚀 東京") == "Société 🚀 東京");
  CHECK(attribute("naïve \xF0\x9F\x98\x80") == "naïve \xF0\x9F\x98\x80");
}

TEST_CASE("xml: characters XML 1.0 forbids become U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(text(std::string("a\0b", 3)) == "a" + fffd + "b");
  CHECK(text("\x01\x08\x0B\x0C\x0E\x1F") == fffd + fffd + fffd + fffd + fffd + fffd);
  CHECK(text("\x7F") == "\x7F");  // DEL is a character in XML 1.0
  CHECK(text("\xEF\xBF\xBE|\xEF\xBF\xBF") == fffd + "|" + fffd);  // U+FFFE, U+FFFF
  // Bytes that are not UTF-8: a lone continuation byte, a cut sequence, an overlong form.
  CHECK(text("a\x80z") == "a" + fffd + "z");
  CHECK(text("\xE2\x82") == fffd + fffd);
  CHECK(text("\xC0\xAF") == fffd + fffd);
  CHECK(text("\xED\xA0\x80") == fffd + fffd + fffd);  // a UTF-16 surrogate written as UTF-8
}

TEST_CASE("xml: white space stays in text and becomes references in attributes") {
  CHECK(text("a\tb\nc\rd") == "a\tb\nc&#13;d");
  CHECK(attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  std::string out;
  append_xml_attribute(out, "name", "x\"y");
  CHECK(out == " name=\"x&quot;y\"");
}

namespace {

struct Fixture {
  SourceManager sources;
  std::vector<Diagnostic> diags;
  std::uint32_t add(std::string path, std::string t) { return sources.add(std::move(path), std::move(t)); }
  void on(std::uint32_t file, std::string_view what, Code code, Severity sev, std::string message) {
    auto at = static_cast<std::uint32_t>(sources.file(file).text().find(what));
    REQUIRE(at != static_cast<std::uint32_t>(std::string::npos));
    diags.emplace_back(code, Span{file, at, at + static_cast<std::uint32_t>(what.size())}, std::move(message));
    diags.back().severity = sev;
  }
};

// A model with an error after an accented word and a warning, a clean schema, an unreadable file.
Fixture sample() {
  Fixture f;
  auto m = f.add("models/a&b.score",
                 "schema \"lead.schema\"\n"
                 "let x = \"é\"; when compny_size >= 100 add 10\n"
                 "let unused = 1\n");
  f.add("models/lead.schema", "schema lead {\n  id: string key\n}\n");
  f.on(m, "compny_size", Code::UnknownField, Severity::Error, "unknown field 'compny_size' <here>");
  f.on(m, "unused", Code::UnusedLet, Severity::Warning, "let 'unused' is never used");
  f.diags.emplace_back(Code::UnreadableFile, Span{}, "cannot read 'nope.score': no such file");
  return f;
}

}  // namespace

TEST_CASE("check junit: one testsuite per file, one testcase per diagnostic") {
  Fixture f = sample();
  std::string out = format_junit(f.diags, f.sources, /*strict=*/false);
  INFO(out);
  CHECK(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"leadscore check\""));
  CHECK(out.ends_with("</testsuites>\n"));
  CHECK(occurrences(out, "<testsuite ") == 3);  // the model, the schema, the unreadable file
  CHECK(occurrences(out, "</testsuite>") == 3);
  // The path is escaped wherever it appears; the column counts code points (é is one).
  CHECK(out.find("<testsuite name=\"models/a&amp;b.score\" tests=\"2\" failures=\"1\" errors=\"0\"") !=
        std::string::npos);
  CHECK(out.find("name=\"E002 unknown-field (2:19)\"") != std::string::npos);
  CHECK(out.find("message=\"models/a&amp;b.score:2:19: error[E002]: unknown field &apos;compny_size&apos; "
                 "&lt;here&gt;\" type=\"E002\"") != std::string::npos);
  // Without --strict the warning passes, its text kept in system-out.
  CHECK(occurrences(out, "<failure") == 1);
  CHECK(out.find("<system-out>") != std::string::npos);
  // A clean file is one passing testcase named "check".
  CHECK(out.find("<testsuite name=\"models/lead.schema\" tests=\"1\" failures=\"0\" errors=\"0\"") !=
        std::string::npos);
  CHECK(out.find("<testcase name=\"check\" classname=\"models/lead.schema\" file=\"models/lead.schema\"/>") !=
        std::string::npos);
  // The unreadable file could not be checked: an error, not a failure.
  CHECK(out.find("<testsuite name=\"leadscore\" tests=\"1\" failures=\"0\" errors=\"1\">") != std::string::npos);
  CHECK(occurrences(out, "<error ") == 1);
  CHECK(out.find("<testsuites name=\"leadscore check\" tests=\"4\" failures=\"1\" errors=\"1\">") !=
        std::string::npos);
}

TEST_CASE("check junit: --strict makes a warning a failure") {
  Fixture f = sample();
  std::string out = format_junit(f.diags, f.sources, /*strict=*/true);
  INFO(out);
  CHECK(occurrences(out, "<failure") == 2);
  CHECK(out.find("<system-out>") == std::string::npos);
  CHECK(out.find("type=\"W011\"") != std::string::npos);
  CHECK(out.find("<testsuites name=\"leadscore check\" tests=\"4\" failures=\"2\" errors=\"1\">") !=
        std::string::npos);
  CHECK(format_diagnostics(DiagnosticFormat::Junit, f.diags, f.sources, false, true) == out);
  CHECK(parse_diagnostic_format("junit") == DiagnosticFormat::Junit);
}

TEST_CASE("check junit: no file read, nothing found") {
  SourceManager sources;
  std::string out = format_junit({}, sources);
  CHECK(out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<testsuites name=\"leadscore check\" tests=\"0\" failures=\"0\" errors=\"0\">\n</testsuites>\n");
}

TEST_CASE("test --run: an RE2 search in the test names") {
  std::string error;
  auto select = test_name_selector("big|^free", error);
  REQUIRE(select);
  CHECK((*select)("a big company"));
  CHECK((*select)("free mail"));
  CHECK_FALSE((*select)("not free mail"));
  CHECK_FALSE((*select)("small"));
  auto utf8 = test_name_selector("Société", error);
  REQUIRE(utf8);
  CHECK((*utf8)("la Société 🚀"));
  CHECK_FALSE(test_name_selector("a(", error));
  CHECK(error.find("missing )") != std::string::npos);
}
