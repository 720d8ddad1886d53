// The formatter: the layout rules one by one, the diff, and over every model and schema in the
// repository (bench/ included): formatting is idempotent, blind to the blanks it was given, and
// changes no meaning (same bytecode, constants and tables before and after).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/ranges.h>
#include <re2/re2.h>

#include "fmt/strings.hpp"
#include "fmt/tokens.hpp"
#include "leadscore/format.hpp"
#include "leadscore/keywords.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

struct Formatted {
  std::optional<std::string> text;
  std::vector<std::string> errors;
};

Formatted format_text(const std::string& text, SourceKind kind = SourceKind::Model) {
  SourceManager sources;
  Diagnostics diags;
  auto file = sources.add(kind == SourceKind::Schema ? "x.schema" : "x.score", text);
  Formatted out;
  out.text = format_source(sources, file, kind, diags);
  out.errors = located(sources, diags);
  return out;
}

std::string fmt_model(const std::string& text) {
  Formatted f = format_text(text);
  INFO(text);
  INFO(joined(f.errors));
  REQUIRE(f.text.has_value());
  return *f.text;
}

std::string fmt_schema(const std::string& text) {
  Formatted f = format_text(text, SourceKind::Schema);
  INFO(joined(f.errors));
  REQUIRE(f.text.has_value());
  return *f.text;
}

}  // namespace

TEST_CASE("fmt: spacing between tokens") {
  CHECK(fmt_model("when   visited   pricing_page   add 20\n") == "when visited pricing_page add 20\n");
  CHECK(fmt_model("when industry in [ saas ,fintech ] add 5\n") == "when industry in [saas, fintech] add 5\n");
  CHECK(fmt_model("when email_domain ( email ) = \"a.com\" add 1\n") ==
        "when email_domain(email) = \"a.com\" add 1\n");
  CHECK(fmt_model("when not(unsubscribed) add 1\n") == "when not (unsubscribed) add 1\n");
  CHECK(fmt_model("when (email_opens+1)*2>=4 add 1\n") == "when (email_opens + 1) * 2 >= 4 add 1\n");
  // Unary minus sticks to its operand; binary minus has spaces.
  CHECK(fmt_model("let x = - email_opens - -2\n") == "let x = -email_opens - -2\n");
  CHECK(fmt_model("when email_opens>0 add -5\n") == "when email_opens > 0 add -5\n");
  CHECK(fmt_model("group g decay 25 % every 30 days since last_activity{\n}\n") ==
        "group g decay 25% every 30 days since last_activity {\n}\n");
  // Numbers, dates and regexes exactly as written.
  CHECK(fmt_model("when annual_revenue > 1.50e+06 add 1\n") == "when annual_revenue > 1.50e+06 add 1\n");
  CHECK(fmt_model("let r =   /a  b\\/c # no comment/i\n") == "let r = /a  b\\/c # no comment/i\n");
  CHECK(fmt_model("when created_at before 2024-01-01 add 1\n") == "when created_at before 2024-01-01 add 1\n");
  // A regex after a comment is still a regex: its blanks and '#' stay.
  CHECK(fmt_model("let r = # why\n  /a  #b/i\nwhen email matches # c\n /x y/ add 1\n") ==
        "let r = # why\n    /a  #b/i\nwhen email matches # c\n     /x y/ add 1\n");
}

TEST_CASE("fmt: strings get canonical escapes") {
  using leadscore::formatter::canonical_string;
  CHECK(canonical_string(R"("plain")") == R"("plain")");
  CHECK(canonical_string(R"("\u0041\u00e9\u20AC")") == "\"A\xC3\xA9\xE2\x82\xAC\"");
  CHECK(canonical_string(R"("\u0022\u005c\u000a\u0009\u000D")") == R"("\"\\\n\t\r")");
  CHECK(canonical_string("\"a\tb\"") == R"("a\tb")");  // a raw tab
  CHECK(canonical_string(R"("\u001B\u007F")") == R"("\u001b\u007f")");
  CHECK(canonical_string(R"("\uD83D")") == R"("\ud83d")");  // a lone surrogate stays escaped
  CHECK(canonical_string(R"("# not a comment")") == R"("# not a comment")");
  CHECK(fmt_model("when email = \"\\u0061\" add 1 as \"A \\u0022b\\u0022\"\n") ==
        "when email = \"a\" add 1 as \"A \\\"b\\\"\"\n");
}

TEST_CASE("fmt: statements, bodies and blank lines") {
  CHECK(fmt_model("when visited pricing_page add 20; when email matches gmail subtract 10; qualify at 50") ==
        "when visited pricing_page add 20\nwhen email matches gmail subtract 10\nqualify at 50\n");
  CHECK(fmt_model("\n\n\nscore min 0 max 100\n\n\n\nqualify at 50\n\n\n") ==
        "score min 0 max 100\n\nqualify at 50\n");
  CHECK(fmt_model("group fit max 40 {\n\n\nwhen visited blog add 1\n\n\n      when visited docs add 2\n\n}\n") ==
        "group fit max 40 {\n  when visited blog add 1\n\n  when visited docs add 2\n}\n");
  CHECK(fmt_model("group fit { when visited blog add 1; when visited docs add 2 }\n") ==
        "group fit {\n  when visited blog add 1\n  when visited docs add 2\n}\n");
  CHECK(fmt_model("test \"t\" {\nas of 2026-01-01\n  lead {email: \"a@b.c\" ,visited:[blog]}\nexpect  not qualified\n}\n") ==
        "test \"t\" {\n  as of 2026-01-01\n  lead { email: \"a@b.c\", visited: [blog] }\n  expect not qualified\n}\n");
  CHECK(fmt_model("test \"t\" {\n  lead {}\n}\n") == "test \"t\" {\n  lead {}\n}\n");
  CHECK(fmt_model("") == "");
  CHECK(fmt_model("\xEF\xBB\xBFqualify at 5\r\ntier a at 1\r\n") == "qualify at 5\ntier a at 1\n");
}

TEST_CASE("fmt: line breaks inside a statement are kept; continuation lines line up") {
  // Outside brackets: under the start of the condition or the let's value.
  CHECK(fmt_model("group g {\nwhen visited blog and\nvisited docs add 1\n}\n") ==
        "group g {\n  when visited blog and\n       visited docs add 1\n}\n");
  CHECK(fmt_model("let x = visited blog or\n visited docs\nreject when email matches \"a\" or\nemail matches \"b\"\n") ==
        "let x = visited blog or\n        visited docs\nreject when email matches \"a\" or\n            email matches \"b\"\n");
  // ... four spaces in when the value itself starts on the next line.
  CHECK(fmt_model("let x =\nvisited blog\n") == "let x =\n    visited blog\n");
  // Inside brackets: under the first token after the bracket, or four spaces in from the
  // bracket's line when nothing follows it there; a closer that starts a line goes under the start
  // of its opener's line.
  CHECK(fmt_model("when (visited blog\n  or visited docs\n) add 1\n") ==
        "when (visited blog\n      or visited docs\n) add 1\n");
  CHECK(fmt_model("let l = [\n\"a\",\n\n  \"b\",\n]\n") == "let l = [\n    \"a\",\n    \"b\",\n]\n");
  CHECK(fmt_model("test \"t\" {\n lead { email: \"a@b.c\",\n visited: [blog,\n docs] }\n}\n") ==
        "test \"t\" {\n  lead { email: \"a@b.c\",\n         visited: [blog,\n                   docs] }\n}\n");
  // Padding the first line moves the lines under it along.
  CHECK(fmt_schema("schema s {\n  id: string key\n  industry: enum(a,\n b)\n}\n") ==
        "schema s {\n  id:       string  key\n  industry: enum(a,\n                 b)\n}\n");
}

TEST_CASE("fmt: comments stay where they were") {
  // Leading comments keep the indentation of their statement; trailing ones stay on their line.
  CHECK(fmt_model("group g {\n# lead\n      when visited blog add 1 # trail\n   # end of body\n}  # after\n# eof") ==
        "group g {\n  # lead\n  when visited blog add 1 # trail\n  # end of body\n} # after\n# eof\n");
  // Inside a multi-line condition or list.
  CHECK(fmt_model("let l = [\"a\", # first\n  # own line\n  \"b\"]\n") ==
        "let l = [\"a\", # first\n         # own line\n         \"b\"]\n");
  CHECK(fmt_model("when visited blog or # why\n  visited docs add 1\n") ==
        "when visited blog or # why\n     visited docs add 1\n");
  // On the header of a body, and after a `;`.
  CHECK(fmt_model("group g { # fit\n  when visited blog add 1; # one\n}\n") ==
        "group g { # fit\n  when visited blog add 1 # one\n}\n");
  // A '#' inside a string or a regex is not a comment.
  CHECK(fmt_model("when email matches /#x/ add 1 as \"#1\"   # real\n") ==
        "when email matches /#x/ add 1 as \"#1\" # real\n");
}

TEST_CASE("fmt: columns") {
  // The trailing comments of a section (adjacent lines at one indentation) share a column, one
  // space after the longest code that has a comment; a blank line or an indentation change starts
  // a new section.
  CHECK(fmt_model("qualify at 60   # a\nscore min 0 max 100\ntier x # c\n\ntier y at 1 # d\n") ==
        "qualify at 60 # a\nscore min 0 max 100\ntier x        # c\n\ntier y at 1 # d\n");
  CHECK(fmt_model("group g { # g\n  when visited blog add 1 # r\n} # end\n") ==
        "group g { # g\n  when visited blog add 1 # r\n} # end\n");
  // Consecutive tiers line up their `at`, bare tiers included; lets are not aligned.
  CHECK(fmt_model("tier hot at 80\ntier warm at 30\ntier nurture\n") ==
        "tier hot     at 80\ntier warm    at 30\ntier nurture\n");
  CHECK(fmt_model("tier hot at 80\nqualify at 5\ntier warm at 30\n") == "tier hot at 80\nqualify at 5\ntier warm at 30\n");
  CHECK(fmt_model("let a   = 1\nlet bbb = 2\n") == "let a = 1\nlet bbb = 2\n");
  // Schema fields align their types across the whole schema, and their modifiers two spaces after
  // the widest type that has modifiers.
  CHECK(fmt_schema("schema lead {\nid : string key\n\n  company_size:int\n  visited: set( a,b )\n  seen: date required\n}\n") ==
        "schema lead {\n  id:           string  key\n\n  company_size: int\n  visited:      set(a, b)\n"
        "  seen:         date    required\n}\n");
}

TEST_CASE("fmt: a file that does not parse is not formatted") {
  Formatted f = format_text("when visited add\n");
  CHECK_FALSE(f.text.has_value());
  REQUIRE(f.errors.size() == 1);
  CHECK(f.errors[0].starts_with("1:"));
  // Errors that are not syntax errors do not stop the formatter.
  CHECK(format_text("when created_at before 2026-02-30 add 1\n").text.has_value());
  Formatted s = format_text("schema lead {\n  id string\n}\n", SourceKind::Schema);
  CHECK_FALSE(s.text.has_value());
  CHECK_FALSE(s.errors.empty());
}

TEST_CASE("fmt: the formatter's reserved words are the grammar's") {
  // The formatter reads keywords.def through is_reserved_word, as the grammar's test checks it.
  const auto is_reserved = [](std::string_view w) { return leadscore::is_reserved_word(w); };
  for (std::string w : {"model", "when", "enum", "set", "key", "required", "true", "days"}) {
    CHECK(is_reserved(w));
    CHECK_FALSE(parse("let " + w + " = 1\n")->errors().empty());
  }
  for (std::string w : {"lead", "expect", "qualified", "fired", "rejected", "email"}) {
    CHECK_FALSE(is_reserved(w));
    CHECK(parse("let " + w + " = 1\n")->errors().empty());
  }
}

TEST_CASE("fmt: unified diff") {
  CHECK(unified_diff("a\n", "a\n", "f") == "");
  CHECK(unified_diff("a\nb\nc\n", "a\nB\nc\n", "m.score") ==
        "--- a/m.score\n+++ b/m.score\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(unified_diff("", "x\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  CHECK(unified_diff("x", "x\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
  // Changes far apart make two hunks with three lines of context each.
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += fmt::format("{}\n", i);
    after += i == 2 || i == 18 ? fmt::format("{}x\n", i) : fmt::format("{}\n", i);
  }
  CHECK(unified_diff(before, after, "f") ==
        "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+2x\n 3\n 4\n 5\n"
        "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+18x\n 19\n 20\n");
}

namespace {

// Applies a unified diff made by unified_diff to `before`, checking every context and removed line
// against it; returns nullopt when the diff does not fit.
std::optional<std::string> apply_diff(const std::string& before, const std::string& diff) {
  std::vector<std::string> a;
  for (std::size_t p = 0; p < before.size();) {
    std::size_t e = before.find('\n', p);
    e = e == std::string::npos ? before.size() : e + 1;
    a.push_back(before.substr(p, e - p));
    p = e;
  }
  std::vector<std::string> d;
  for (std::size_t p = 0; p < diff.size();) {
    std::size_t e = diff.find('\n', p);
    d.push_back(diff.substr(p, e - p));
    p = e + 1;
  }
  if (d.size() < 2) return before;
  std::string out;
  std::size_t next = 0;  // the next line of `a` not yet copied
  std::string* last = nullptr;
  for (std::size_t k = 2; k < d.size(); ++k) {
    const std::string& l = d[k];
    if (l.starts_with("@@")) {
      std::size_t start = std::stoul(l.substr(4));
      std::size_t comma = l.find(','), plus = l.find('+');
      bool empty = comma < plus && std::stoul(l.substr(comma + 1)) == 0;
      std::size_t first = empty ? start : start - 1;
      if (first < next || first > a.size()) return std::nullopt;
      while (next < first) out += a[next++];
      continue;
    }
    if (l == "\\ No newline at end of file") {
      if (last != nullptr && !last->empty() && last->back() == '\n') last->pop_back();
      continue;
    }
    std::string text = l.substr(1) + "\n";
    if (l[0] == ' ' || l[0] == '-') {
      if (next >= a.size() || (a[next] != text && a[next] + "\n" != text)) return std::nullopt;
      ++next;
    }
    if (l[0] == ' ' || l[0] == '+') {
      out += text;
      last = &out;
    } else {
      last = nullptr;
    }
  }
  while (next < a.size()) out += a[next++];
  return out;
}

}  // namespace

TEST_CASE("fmt: a diff turns the old text into the new one") {
  // Random edits of random lines: every diff must apply, context included, and give the new text.
  std::uint32_t seed = 12345;
  auto rnd = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> lines;
    for (std::uint32_t i = 0, n = rnd(30); i < n; ++i) lines.push_back(std::string(1, static_cast<char>('a' + rnd(5))));
    std::vector<std::string> edited = lines;
    for (std::uint32_t e = 0, n = rnd(7); e < n; ++e) {
      std::uint32_t op = rnd(3);
      if (op == 0 && !edited.empty()) edited.erase(edited.begin() + rnd(static_cast<std::uint32_t>(edited.size())));
      if (op == 1) edited.insert(edited.begin() + rnd(static_cast<std::uint32_t>(edited.size()) + 1), "n");
      if (op == 2 && !edited.empty()) edited[rnd(static_cast<std::uint32_t>(edited.size()))] = "x";
    }
    std::string before, after;
    for (const auto& l : lines) before += l + "\n";
    for (const auto& l : edited) after += l + "\n";
    if (rnd(4) == 0 && !before.empty()) before.pop_back();
    INFO(before);
    INFO(after);
    std::string diff = unified_diff(before, after, "f");
    INFO(diff);
    auto applied = apply_diff(before, diff);
    REQUIRE(applied.has_value());
    // The "\ No newline" marker only follows the old text's last line here.
    CHECK(*applied == after);
  }
}

// ---- every model and schema we have -----------------------------------------------------------

namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> corpus() {
  std::vector<std::string> files;
  for (std::string dir : {std::string(LEADSCORE_SOURCE_DIR) + "/examples", std::string(LEADSCORE_SOURCE_DIR) + "/tests",
                          std::string(LEADSCORE_SOURCE_DIR) + "/stdlib", std::string(LEADSCORE_SOURCE_DIR) + "/bench"}) {
    auto under = source_files_under(dir);
    files.insert(files.end(), under.begin(), under.end());
  }
  return files;
}

// What a compiled program means, without the spans (which formatting moves) and without default
// rule labels and reject reasons (which are source text, so formatting may change them).
std::string meaning(const LoadedModel& m) {
  const Program& p = *m.program;
  std::string out = p.display_name + "\n";
  for (const auto& in : p.code) out += fmt::format("{} {} {}\n", op_name(in.op), in.flag, in.arg);
  for (double d : p.numbers) out += fmt::format("n {}\n", d);
  for (const auto& s : p.strings) out += fmt::format("s [{}]\n", s);
  for (auto mask : p.masks) out += fmt::format("m {}\n", mask);
  for (const auto& l : p.number_lists) out += fmt::format("nl {}\n", fmt::join(l, ","));
  for (const auto& l : p.string_lists) out += fmt::format("sl {}\n", fmt::join(l, "\x1f"));
  for (const auto& r : p.regexes) out += fmt::format("re [{}]\n", r->pattern());
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    const RuleInfo& r = p.rules[i];
    bool labelled = i < m.model.rules.size() && m.model.rules[i].has_label;
    out += fmt::format("rule {} {} {} {} {}\n", labelled ? r.label : "-", r.group, r.points, r.per, r.up_to);
  }
  for (const auto& g : p.groups) {
    out += fmt::format("group {} {} {} {} {} {} {}\n", g.name, g.min.value_or(-1e300), g.max.value_or(1e300),
                       g.decays, g.decay_base, g.decay_every, g.decay_field);
  }
  for (std::size_t i = 0; i < p.rejects.size(); ++i) {
    bool labelled = i < m.model.rejects.size() && m.model.rejects[i].has_reason;
    out += fmt::format("reject {}\n", labelled ? p.rejects[i].reason : "-");
  }
  out += fmt::format("score {} {} qualify {}\n", p.score_min.value_or(-1e300), p.score_max.value_or(1e300),
                     p.qualify_at.value_or(-1e300));
  for (const auto& t : p.tiers) out += fmt::format("tier {} {}\n", t.name, t.at.value_or(-1e300));
  return out;
}

std::string error_codes(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += fmt::format("{} ", d.code);
  return out;
}

std::string schema_meaning(const Schema& s) {
  std::string out = s.name + "\n";
  for (const auto& f : s.fields) {
    out += fmt::format("{} {} {} {} {}\n", f.name, field_type_name(f.type), fmt::join(f.members, ","), f.key, f.required);
  }
  return out;
}

// `text` with the blanks between its tokens changed: runs of blanks become 1 to 3 blanks or tabs,
// lines get a random indentation, blank-line runs get longer. The canonical layout must not see
// the difference.
std::string shuffle_blanks(const std::string& text, std::uint32_t seed) {
  auto rnd = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  auto blanks = [&](std::uint32_t most) {
    std::string b;
    for (std::uint32_t i = 0, n = rnd(most) + 1; i < n; ++i) b += rnd(2) == 0 ? ' ' : '\t';
    return b;
  };
  std::string out;
  std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (const auto& t : leadscore::formatter::lex(text)) {
    auto begin = static_cast<std::size_t>(t.text.data() - text.data());
    std::string_view between(text.data() + at, begin - at);
    if (t.breaks_before > 0) {
      int breaks = t.breaks_before >= 2 ? t.breaks_before + static_cast<int>(rnd(2)) : 1;
      if (!between.empty() && between.front() != '\n' && between.front() != '\r') out += blanks(2);
      out += std::string(static_cast<std::size_t>(breaks), '\n') + (rnd(2) == 0 ? blanks(6) : "");
    } else if (!between.empty()) {
      out += blanks(3);
    }
    out += t.text;
    at = begin + t.text.size();
  }
  return out + "\n";
}

// The model's schema, when it names one that loads.
std::optional<Schema> schema_of(const std::string& path, const ast::Model& model) {
  if (!model.schema_path) return std::nullopt;
  Session s;
  auto schema_path = (std::filesystem::path(path).parent_path() / *model.schema_path).lexically_normal();
  return load_schema(s, schema_path.string());
}

}  // namespace

TEST_CASE("fmt: idempotent and meaning-preserving on every model and schema") {
  std::size_t formatted = 0, compared = 0;
  const auto files = corpus();
  REQUIRE(files.size() > 10);
  for (const auto& path : files) {
    INFO(path);
    const std::string text = read_all(path);
    const SourceKind kind = source_kind_of(path);
    Formatted once = format_text(text, kind);
    if (!once.text) continue;  // a deliberate syntax error (tests/golden/check_syntax_*, ...)
    ++formatted;
    Formatted twice = format_text(*once.text, kind);
    REQUIRE(twice.text.has_value());
    CHECK(*twice.text == *once.text);
    const std::string messy = shuffle_blanks(text, static_cast<std::uint32_t>(text.size()));
    CHECK(messy != text);
    Formatted shuffled = format_text(messy, kind);
    REQUIRE(shuffled.text.has_value());
    CHECK(*shuffled.text == *once.text);

    if (kind == SourceKind::Schema) {
      auto before = schema_from(text), after = schema_from(*once.text);
      CHECK(error_codes(before->diags) == error_codes(after->diags));
      if (!before->diags.has_errors()) CHECK(schema_meaning(before->schema) == schema_meaning(after->schema));
      continue;
    }
    auto parsed = parse(text);
    auto schema = schema_of(path, parsed->model);
    if (!schema) continue;
    Session s1, s2;
    LoadedModel before = load_model_text(s1, path, text, *schema);
    LoadedModel after = load_model_text(s2, path, *once.text, *schema);
    CHECK(error_codes(s1.diagnostics) == error_codes(s2.diagnostics));
    REQUIRE(before.program.has_value() == after.program.has_value());
    if (before.program) {
      CHECK(meaning(before) == meaning(after));
      ++compared;
    }
  }
  MESSAGE(fmt::format("{} files formatted, {} models compiled before and after", formatted, compared));
  CHECK(compared >= 5);
}
