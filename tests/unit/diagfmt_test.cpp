// `leadscore check --format`: the exit-status rule, the shared column convention, the json shape,
// GitHub's escaping, and a structural SARIF 2.1.0 validator run over real output.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include <simdjson.h>

#include "diagfmt/json_writer.hpp"
#include "leadscore/diagnostic_format.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

namespace dom = simdjson::dom;

// A hand-made list of diagnostics over files whose text the test controls.
struct Fixture {
  SourceManager sources;
  std::vector<Diagnostic> diags;

  std::uint32_t add(std::string path, std::string text) { return sources.add(std::move(path), std::move(text)); }
  // A diagnostic on the first occurrence of `what` in file `file`.
  void on(std::uint32_t file, std::string_view what, Code code, Severity sev, std::string message,
          std::vector<std::string> notes = {}) {
    auto at = static_cast<std::uint32_t>(sources.file(file).text().find(what));
    REQUIRE(at != static_cast<std::uint32_t>(std::string::npos));
    diags.emplace_back(code, Span{file, at, at + static_cast<std::uint32_t>(what.size())}, std::move(message),
                       std::move(notes));
    diags.back().severity = sev;  // what the renderers print for each severity, whatever the code
  }
  void unlocated(Code code, std::string message) {
    diags.emplace_back(code, Span{}, std::move(message));
  }
};

// Two files, an error, a warning with a note, an error after a non-ASCII character, an empty span
// at the end of a line, and an unreadable file.
Fixture sample() {
  Fixture f;
  auto m = f.add("models/m.score",
                 "schema \"lead.schema\"\n"
                 "when compny_size >= 100 add 10\n"
                 "let label = \"Société\"; when industry = retial add 5\n"
                 "when email_clicks > 3 add\n");
  auto s = f.add("models/lead.schema", "schema lead {\n  id: string key\n}\n");
  f.on(m, "compny_size", Code::UnknownField, Severity::Error,
       "unknown field 'compny_size'; did you mean 'company_size'?");
  f.on(m, "retial", Code::UnknownMember, Severity::Error, "unknown member 'retial'");
  f.on(s, "id", Code::DuplicateName, Severity::Warning, "a warning: 100% sure, a:b", {"first note", "second"});
  auto eol = static_cast<std::uint32_t>(f.sources.file(m).text().find("add\n") + 3);
  f.diags.emplace_back(Code::SyntaxError, Span{m, eol, eol}, "expected a number after 'add'");
  f.unlocated(Code::UnreadableFile, "cannot read 'nope.score': no such file");
  return f;
}

dom::element parse_json(dom::parser& parser, const std::string& text) {
  dom::element doc;
  auto err = parser.parse(text).get(doc);
  INFO(text);
  REQUIRE(err == simdjson::SUCCESS);
  return doc;
}

// --- a structural SARIF 2.1.0 validator ----------------------------------------------------------
// Checks the properties the SARIF 2.1.0 spec requires and the types it gives them, plus what
// GitHub code scanning requires on top (a location on every result). Problems are collected, not
// thrown, so that one run names them all.
class SarifValidator {
 public:
  std::vector<std::string> problems;

  void validate(dom::element root) {
    dom::object log;
    if (!object(root, "sarifLog", log)) return;
    std::string_view version;
    if (!string_at(log, "version", "sarifLog", version) || version != "2.1.0") fail("version must be \"2.1.0\"");
    std::string_view schema;
    if (log["$schema"].error() == simdjson::SUCCESS && !string_at(log, "$schema", "sarifLog", schema)) return;
    dom::array runs;
    if (log["runs"].get(runs) != simdjson::SUCCESS) return fail("runs must be an array");
    if (runs.size() == 0) fail("runs must not be empty here");
    for (dom::element run : runs) validate_run(run);
  }

 private:
  std::vector<std::string> rule_ids_;

  void fail(std::string what) { problems.push_back(std::move(what)); }

  bool object(dom::element e, std::string_view where, dom::object& out) {
    if (e.get(out) != simdjson::SUCCESS) {
      fail(std::string(where) + " must be an object");
      return false;
    }
    return true;
  }
  bool string_at(dom::object o, std::string_view key, std::string_view where, std::string_view& out) {
    if (o[key].get(out) != simdjson::SUCCESS) {
      fail(fmt::format("{}.{} must be a string", where, key));
      return false;
    }
    return true;
  }
  bool int_at(dom::object o, std::string_view key, std::string_view where, std::int64_t min, std::int64_t& out) {
    if (o[key].get(out) != simdjson::SUCCESS) {
      fail(fmt::format("{}.{} must be an integer", where, key));
      return false;
    }
    if (out < min) fail(fmt::format("{}.{} must be >= {}, is {}", where, key, min, out));
    return true;
  }
  bool absolute_uri(std::string_view uri) { return uri.find("://") != std::string_view::npos; }
  void level(dom::object o, std::string_view where) {
    std::string_view l;
    if (o["level"].error() != simdjson::SUCCESS) return;  // optional; defaults to "warning"
    if (!string_at(o, "level", where, l)) return;
    if (l != "none" && l != "note" && l != "warning" && l != "error") fail(fmt::format("{}.level '{}'", where, l));
  }
  void message(dom::object o, std::string_view where) {
    dom::object m;
    std::string_view text;
    if (o["message"].get(m) != simdjson::SUCCESS) return fail(fmt::format("{}.message must be an object", where));
    if (string_at(m, "text", fmt::format("{}.message", where), text) && text.empty())
      fail(fmt::format("{}.message.text is empty", where));
  }

  void validate_run(dom::element e) {
    dom::object run, tool, driver;
    if (!object(e, "run", run)) return;
    if (run["tool"].get(tool) != simdjson::SUCCESS) return fail("run.tool must be an object");
    if (tool["driver"].get(driver) != simdjson::SUCCESS) return fail("tool.driver must be an object");
    std::string_view name, text;
    if (string_at(driver, "name", "driver", name) && name.empty()) fail("driver.name is empty");
    if (driver["version"].error() == simdjson::SUCCESS) string_at(driver, "version", "driver", text);
    if (driver["informationUri"].error() == simdjson::SUCCESS && string_at(driver, "informationUri", "driver", text) &&
        !absolute_uri(text))
      fail("driver.informationUri must be an absolute URI");
    dom::array rules;
    if (driver["rules"].get(rules) != simdjson::SUCCESS) return fail("driver.rules must be an array");
    for (dom::element r : rules) validate_rule(r);
    std::string_view kind;
    if (run["columnKind"].error() == simdjson::SUCCESS && string_at(run, "columnKind", "run", kind) &&
        kind != "utf16CodeUnits" && kind != "unicodeCodePoints")
      fail("run.columnKind");
    dom::array invocations;
    if (run["invocations"].error() == simdjson::SUCCESS) {
      if (run["invocations"].get(invocations) != simdjson::SUCCESS) return fail("run.invocations must be an array");
      for (dom::element i : invocations) validate_invocation(i);
    }
    dom::array results;
    if (run["results"].get(results) != simdjson::SUCCESS) return fail("run.results must be an array");
    for (dom::element r : results) validate_result(r, rules);
  }

  void validate_rule(dom::element e) {
    dom::object rule, sub;
    std::string_view id, text;
    if (!object(e, "rule", rule)) return;
    if (!string_at(rule, "id", "rule", id)) return;
    if (std::find(rule_ids_.begin(), rule_ids_.end(), id) != rule_ids_.end()) fail(fmt::format("rule {} twice", id));
    rule_ids_.emplace_back(id);
    if (rule["name"].error() == simdjson::SUCCESS) string_at(rule, "name", "rule", text);
    if (rule["shortDescription"].get(sub) != simdjson::SUCCESS) fail(fmt::format("rule {} shortDescription", id));
    else string_at(sub, "text", "rule.shortDescription", text);
    if (rule["helpUri"].error() == simdjson::SUCCESS && string_at(rule, "helpUri", "rule", text) && !absolute_uri(text))
      fail(fmt::format("rule {} helpUri must be an absolute URI", id));
    if (rule["defaultConfiguration"].get(sub) == simdjson::SUCCESS) level(sub, "rule.defaultConfiguration");
  }

  void validate_invocation(dom::element e) {
    dom::object inv;
    bool ok = false;
    if (!object(e, "invocation", inv)) return;
    if (inv["executionSuccessful"].get(ok) != simdjson::SUCCESS) fail("invocation.executionSuccessful must be a bool");
    dom::array notes;
    if (inv["toolExecutionNotifications"].error() != simdjson::SUCCESS) return;
    if (inv["toolExecutionNotifications"].get(notes) != simdjson::SUCCESS) return fail("notifications must be an array");
    for (dom::element n : notes) {
      dom::object note, rule;
      if (!object(n, "notification", note)) continue;
      message(note, "notification");
      level(note, "notification");
      std::string_view id;
      if (note["associatedRule"].get(rule) == simdjson::SUCCESS && string_at(rule, "id", "associatedRule", id) &&
          std::find(rule_ids_.begin(), rule_ids_.end(), id) == rule_ids_.end())
        fail(fmt::format("notification names rule {} that is not in rules", id));
    }
  }

  void validate_result(dom::element e, dom::array rules) {
    dom::object result;
    if (!object(e, "result", result)) return;
    message(result, "result");
    level(result, "result");
    std::string_view id;
    std::int64_t index = 0;
    if (string_at(result, "ruleId", "result", id) &&
        std::find(rule_ids_.begin(), rule_ids_.end(), id) == rule_ids_.end())
      fail(fmt::format("result.ruleId {} is not in rules", id));
    if (int_at(result, "ruleIndex", "result", 0, index)) {
      std::string_view at_index;
      if (static_cast<std::size_t>(index) >= rules.size() || rules.at(static_cast<std::size_t>(index))["id"].get(at_index) ||
          at_index != id)
        fail(fmt::format("result.ruleIndex {} does not point at rule {}", index, id));
    }
    dom::array locations;
    if (result["locations"].get(locations) != simdjson::SUCCESS || locations.size() == 0)
      return fail("result.locations must be a non-empty array (GitHub rejects a result without one)");
    for (dom::element l : locations) {
      dom::object loc, phys, artifact, region;
      if (!object(l, "location", loc)) continue;
      if (loc["physicalLocation"].get(phys) != simdjson::SUCCESS) { fail("location.physicalLocation"); continue; }
      std::string_view uri;
      if (phys["artifactLocation"].get(artifact) != simdjson::SUCCESS) fail("physicalLocation.artifactLocation");
      else if (string_at(artifact, "uri", "artifactLocation", uri) &&
               (uri.empty() || uri.find_first_of(" \\") != std::string_view::npos))
        fail(fmt::format("artifactLocation.uri '{}' is not a URI reference", uri));
      if (phys["region"].get(region) != simdjson::SUCCESS) { fail("physicalLocation.region"); continue; }
      std::int64_t sl = 0, sc = 0, el = 0, ec = 0;
      bool all = int_at(region, "startLine", "region", 1, sl) & int_at(region, "startColumn", "region", 1, sc) &
                 int_at(region, "endLine", "region", 1, el) & int_at(region, "endColumn", "region", 1, ec);
      if (all && (el < sl || (el == sl && ec < sc))) fail("region ends before it starts");
    }
  }
};

}  // namespace

TEST_CASE("check's exit status: unreadable 2, errors 1, warnings 1 only under --strict") {
  CHECK(check_exit_status({0, 0, false}, false) == 0);
  CHECK(check_exit_status({0, 0, false}, true) == 0);
  CHECK(check_exit_status({0, 2, false}, false) == 0);
  CHECK(check_exit_status({0, 2, false}, true) == 1);
  CHECK(check_exit_status({1, 0, false}, false) == 1);
  CHECK(check_exit_status({1, 3, false}, true) == 1);
  CHECK(check_exit_status({1, 0, true}, false) == 2);
  CHECK(check_exit_status({0, 1, true}, true) == 2);
}

TEST_CASE("counting: errors, warnings, and an unreadable file only when it has no location") {
  Fixture f = sample();
  DiagnosticCounts c = count_diagnostics(f.diags);
  CHECK(c.errors == 4);
  CHECK(c.warnings == 1);
  CHECK(c.unreadable);
  CHECK(format_summary(c) == "4 errors, 1 warning\n");
  CHECK(format_summary({1, 0, false}) == "1 error, 0 warnings\n");
  CHECK(format_summary({}) == "");
  // An unreadable schema, located at the model's `schema` line, is the model's error.
  auto m = f.add("x.score", "schema \"gone.schema\"\n");
  std::vector<Diagnostic> located{{Code::UnreadableFile, Span{m, 7, 20}, "cannot read", {}}};
  CHECK_FALSE(count_diagnostics(located).unreadable);
}

TEST_CASE("format names") {
  CHECK(parse_diagnostic_format("text") == DiagnosticFormat::Text);
  CHECK(parse_diagnostic_format("json") == DiagnosticFormat::Json);
  CHECK(parse_diagnostic_format("sarif") == DiagnosticFormat::Sarif);
  CHECK(parse_diagnostic_format("github") == DiagnosticFormat::Github);
  CHECK_FALSE(parse_diagnostic_format("xml"));
}

TEST_CASE("text: what render_text prints, every diagnostic, then the summary") {
  Fixture f = sample();
  std::string text = format_text(f.diags, f.sources);
  std::string expected;
  for (const auto& d : f.diags) expected += render_text(d, f.sources);
  expected += "4 errors, 1 warning\n";
  CHECK(text == expected);
  CHECK(text.find("models/m.score:2:6: error[E002]: unknown field 'compny_size'") != std::string::npos);
  CHECK(text.find("error[E013]: cannot read 'nope.score': no such file\n") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(format_text(f.diags, f.sources, true).find("\x1b[1;31m") != std::string::npos);
  CHECK(format_text({}, f.sources) == "");
}

TEST_CASE("json: the documented shape, code-point columns, exclusive ends, nulls without a file") {
  Fixture f = sample();
  std::string text = format_json(f.diags, f.sources);
  dom::parser parser;
  dom::element doc = parse_json(parser, text);
  CHECK(doc["version"].get_int64().value() == 1);
  CHECK(doc["errors"].get_int64().value() == 4);
  CHECK(doc["warnings"].get_int64().value() == 1);
  dom::array list = doc["diagnostics"].get_array();
  REQUIRE(list.size() == 5);

  dom::element first = list.at(0);
  CHECK(first["file"].get_string().value() == "models/m.score");
  CHECK(first["line"].get_int64().value() == 2);
  CHECK(first["column"].get_int64().value() == 6);
  CHECK(first["end_line"].get_int64().value() == 2);
  CHECK(first["end_column"].get_int64().value() == 17);  // "compny_size" is 11 characters
  CHECK(first["severity"].get_string().value() == "error");
  CHECK(first["code"].get_string().value() == "E002");
  CHECK(first["name"].get_string().value() == "unknown-field");
  CHECK(first["message"].get_string().value() == "unknown field 'compny_size'; did you mean 'company_size'?");
  CHECK(first["notes"].get_array().size() == 0);

  // After "Société" (7 characters, 9 bytes) the column counts characters, not bytes.
  dom::element second = list.at(1);
  std::string_view line3 = "let label = \"Société\"; when industry = ";
  std::size_t chars = 0;
  for (char c : line3) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  CHECK(second["column"].get_int64().value() == static_cast<std::int64_t>(chars + 1));
  CHECK(second["end_column"].get_int64().value() == static_cast<std::int64_t>(chars + 1 + 6));

  dom::element warning = list.at(2);
  CHECK(warning["severity"].get_string().value() == "warning");
  CHECK(warning["file"].get_string().value() == "models/lead.schema");
  CHECK(warning["notes"].get_array().size() == 2);
  CHECK(warning["notes"].at(1).get_string().value() == "second");

  dom::element empty_span = list.at(3);
  CHECK(empty_span["line"].get_int64().value() == 4);
  CHECK(empty_span["column"].get_int64().value() == 26);
  CHECK(empty_span["end_column"].get_int64().value() == 26);

  dom::element unreadable = list.at(4);
  CHECK(unreadable["file"].is_null());
  CHECK(unreadable["line"].is_null());
  CHECK(unreadable["end_column"].is_null());
  CHECK(unreadable["code"].get_string().value() == "E013");
  CHECK(unreadable["name"].get_string().value() == "unreadable-file");

  // One diagnostic per line, so that a diff of two runs shows which diagnostic changed.
  CHECK(std::count(text.begin(), text.end(), '\n') == 5 + 7);
}

TEST_CASE("json: no diagnostics is still a document") {
  SourceManager sources;
  CHECK(format_json({}, sources) ==
        "{\n  \"version\": 1,\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
}

TEST_CASE("json strings stay valid: control characters escaped, bad UTF-8 replaced") {
  using diagfmt::json_quote;
  CHECK(json_quote("a\"b\\c\n\t\x01") == "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  CHECK(json_quote("é") == "\"é\"");
  CHECK(json_quote("a\xff" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(json_quote("\xE9t\xE9") == "\"\xEF\xBF\xBDt\xEF\xBF\xBD\"");  // Latin-1, not UTF-8
  CHECK(json_quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  dom::parser parser;
  std::string doc = "[" + json_quote("x\xC3(\xF0\x9F\x98\x80\x7F") + "]";
  parse_json(parser, doc);
}

TEST_CASE("sarif: a valid SARIF 2.1.0 log, every code a rule, the unreadable file a notification") {
  Fixture f = sample();
  std::string text = format_sarif(f.diags, f.sources);
  dom::parser parser;
  dom::element doc = parse_json(parser, text);
  SarifValidator v;
  v.validate(doc);
  INFO(text);
  CHECK(v.problems == std::vector<std::string>{});

  CHECK(doc["$schema"].get_string().value() == "https://json.schemastore.org/sarif-2.1.0.json");
  dom::element run = doc["runs"].at(0);
  dom::element driver = run["tool"]["driver"];
  CHECK(driver["name"].get_string().value() == "leadscore");
  CHECK(driver["version"].get_string().value() == tool_version);
  dom::array rules = driver["rules"].get_array();
  REQUIRE(rules.size() == code_table.size());
  for (std::size_t i = 0; i < code_table.size(); ++i) {
    dom::element r = rules.at(i);
    CHECK(r["id"].get_string().value() == code_table[i].code);
    CHECK(r["name"].get_string().value() == code_table[i].name);
    CHECK(r["shortDescription"]["text"].get_string().value() == code_table[i].summary);
    CHECK(r["defaultConfiguration"]["level"].get_string().value() == (code_table[i].is_error ? "error" : "warning"));
  }
  CHECK(rules.at(1)["helpUri"].get_string().value() == std::string(project_uri) + "/blob/main/docs/diagnostics.md#e002");
  CHECK(run["columnKind"].get_string().value() == "unicodeCodePoints");

  dom::array results = run["results"].get_array();
  REQUIRE(results.size() == 4);
  dom::element first = results.at(0);
  CHECK(first["ruleId"].get_string().value() == "E002");
  CHECK(first["ruleIndex"].get_int64().value() == 1);
  CHECK(first["level"].get_string().value() == "error");
  dom::element loc = first["locations"].at(0)["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"].get_string().value() == "models/m.score");
  CHECK(loc["region"]["startLine"].get_int64().value() == 2);
  CHECK(loc["region"]["startColumn"].get_int64().value() == 6);
  CHECK(loc["region"]["endLine"].get_int64().value() == 2);
  CHECK(loc["region"]["endColumn"].get_int64().value() == 17);
  dom::element warning = results.at(2);
  CHECK(warning["level"].get_string().value() == "warning");
  CHECK(warning["message"]["text"].get_string().value() ==
        "a warning: 100% sure, a:b\nnote: first note\nnote: second");

  dom::element invocation = run["invocations"].at(0);
  CHECK(invocation["executionSuccessful"].get_bool().value() == false);
  dom::element note = invocation["toolExecutionNotifications"].at(0);
  CHECK(note["message"]["text"].get_string().value() == "cannot read 'nope.score': no such file");
  CHECK(note["associatedRule"]["id"].get_string().value() == "E013");
}

TEST_CASE("sarif: a clean run and a real model's diagnostics validate too") {
  SourceManager none;
  dom::parser parser;
  SarifValidator clean;
  clean.validate(parse_json(parser, format_sarif({}, none)));
  CHECK(clean.problems == std::vector<std::string>{});

  auto l = load("group fit max 40 {\n  when compny_size >= 100 add 10\n  when visited pricng_page add 5\n}\n");
  REQUIRE(l->session.diagnostics.all().size() == 2);
  std::string text = format_sarif(l->session.diagnostics.all(), l->session.sources);
  SarifValidator real;
  real.validate(parse_json(parser, text));
  INFO(text);
  CHECK(real.problems == std::vector<std::string>{});
  CHECK(parser.parse(text)["runs"].at(0)["invocations"].at(0)["executionSuccessful"].get_bool().value());
}

TEST_CASE("sarif: the validator catches what it checks") {
  dom::parser parser;
  SarifValidator v;
  v.validate(parse_json(parser, R"({"version":"2.0.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"A","shortDescription":{"text":"a"}}]}},
    "results":[{"ruleId":"B","ruleIndex":0,"level":"fatal","message":{},"locations":[{"physicalLocation":
    {"artifactLocation":{"uri":"a b"},"region":{"startLine":0,"startColumn":1,"endLine":1,"endColumn":1}}}]},
    {"ruleId":"A","message":{"text":"t"}}]}]})"));
  std::string all;
  for (const auto& p : v.problems) all += p + "\n";
  INFO(all);
  CHECK(all.find("version") != std::string::npos);
  CHECK(all.find("result.ruleId B is not in rules") != std::string::npos);
  CHECK(all.find("does not point at rule B") != std::string::npos);
  CHECK(all.find("level 'fatal'") != std::string::npos);
  CHECK(all.find("result.message.text must be a string") != std::string::npos);
  CHECK(all.find("not a URI reference") != std::string::npos);
  CHECK(all.find("region.startLine must be >= 1") != std::string::npos);
  CHECK(all.find("non-empty array") != std::string::npos);
}

TEST_CASE("sarif: paths become URI references") {
  Fixture f;
  auto a = f.add("./my models/a,b:c.score", "x\n");
  auto b = f.add("/abs/m.score", "x\n");
  f.on(a, "x", Code::SyntaxError, Severity::Error, "m");
  f.on(b, "x", Code::SyntaxError, Severity::Error, "m");
  dom::parser parser;
  dom::element doc = parse_json(parser, format_sarif(f.diags, f.sources));
  dom::array results = doc["runs"].at(0)["results"].get_array();
  dom::element first = results.at(0)["locations"].at(0)["physicalLocation"]["artifactLocation"];
  CHECK(first["uri"].get_string().value() == "my%20models/a%2Cb%3Ac.score");
  CHECK(first["uriBaseId"].get_string().value() == "%SRCROOT%");
  dom::element second = results.at(1)["locations"].at(0)["physicalLocation"]["artifactLocation"];
  CHECK(second["uri"].get_string().value() == "file:///abs/m.score");
  CHECK(second["uriBaseId"].error() == simdjson::NO_SUCH_FIELD);
}

TEST_CASE("github: one workflow command per diagnostic, escaped as the runner expects") {
  Fixture f = sample();
  std::string text = format_github(f.diags, f.sources);
  std::vector<std::string> lines;
  for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(text.substr(at, nl - at));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] ==
        "::error file=models/m.score,line=2,col=6,endLine=2,endColumn=17,title=E002 unknown-field::"
        "unknown field 'compny_size'; did you mean 'company_size'?");
  // In the message only % CR LF are escaped; in properties ':' and ',' too.
  CHECK(lines[2] ==
        "::warning file=models/lead.schema,line=2,col=3,endLine=2,endColumn=5,title=E011 duplicate-name::"
        "a warning: 100%25 sure, a:b%0Anote: first note%0Anote: second");
  CHECK(lines[3] ==
        "::error file=models/m.score,line=4,col=26,endLine=4,endColumn=26,title=E001 syntax-error::"
        "expected a number after 'add'");
  CHECK(lines[4] == "::error title=E013 unreadable-file::cannot read 'nope.score': no such file");

  Fixture g;
  auto odd = g.add("a,b:c%.score", "x\r\ny\n");
  g.on(odd, "y", Code::SyntaxError, Severity::Note, "line\r\nbreak");
  CHECK(format_github(g.diags, g.sources) ==
        "::notice file=a%2Cb%3Ac%25.score,line=2,col=1,endLine=2,endColumn=2,title=E001 syntax-error::line%0D%0Abreak\n");
}

TEST_CASE("format_diagnostics picks the format") {
  Fixture f = sample();
  CHECK(format_diagnostics(DiagnosticFormat::Text, f.diags, f.sources) == format_text(f.diags, f.sources));
  CHECK(format_diagnostics(DiagnosticFormat::Json, f.diags, f.sources) == format_json(f.diags, f.sources));
  CHECK(format_diagnostics(DiagnosticFormat::Sarif, f.diags, f.sources) == format_sarif(f.diags, f.sources));
  CHECK(format_diagnostics(DiagnosticFormat::Github, f.diags, f.sources) == format_github(f.diags, f.sources));
}

TEST_CASE("columns agree across formats after accents and emoji: code points everywhere") {
  // 'é' is 2 bytes, '🚀' 4 bytes: a byte column would say 20 and 28 where an editor shows 19 and 21.
  Fixture f;
  auto m = f.add("m.score",
                 "let a = \"é\"; when compny_size > 1 add 1\n"
                 "let b = \"🚀é🚀\"; when retial add 2\n");
  f.on(m, "compny_size", Code::UnknownField, Severity::Error, "unknown field 'compny_size'");
  f.on(m, "retial", Code::UnknownName, Severity::Error, "unknown name 'retial'");
  std::string text = format_text(f.diags, f.sources);
  CHECK(text.find("m.score:1:19: error[E002]: unknown field 'compny_size'\n") != std::string::npos);
  CHECK(text.find("m.score:2:21: error[E003]: unknown name 'retial'\n") != std::string::npos);
  // The caret sits under the name: one blank per code point before it.
  CHECK(text.find("\n      | " + std::string(18, ' ') + "^~~~~~~~~~~\n") != std::string::npos);
  CHECK(text.find("\n      | " + std::string(20, ' ') + "^~~~~~\n") != std::string::npos);

  dom::parser parser;
  dom::array list = parse_json(parser, format_json(f.diags, f.sources))["diagnostics"].get_array();
  REQUIRE(list.size() == 2);
  CHECK(list.at(0)["column"].get_int64().value() == 19);
  CHECK(list.at(1)["column"].get_int64().value() == 21);
  CHECK(list.at(1)["end_column"].get_int64().value() == 27);

  std::string github = format_github(f.diags, f.sources);
  CHECK(github.find("line=1,col=19,") != std::string::npos);
  CHECK(github.find("line=2,col=21,endLine=2,endColumn=27,") != std::string::npos);

  // SARIF counts in code points by default (columnKind unicodeCodePoints, said anyway), 1-based.
  dom::parser sarif_parser;
  dom::element run = parse_json(sarif_parser, format_sarif(f.diags, f.sources))["runs"].at(0);
  CHECK(run["columnKind"].get_string().value() == "unicodeCodePoints");
  dom::array results = run["results"].get_array();
  REQUIRE(results.size() == 2);
  dom::element first = results.at(0)["locations"].at(0)["physicalLocation"]["region"];
  CHECK(first["startColumn"].get_int64().value() == 19);
  CHECK(first["endColumn"].get_int64().value() == 30);
  dom::element second = results.at(1)["locations"].at(0)["physicalLocation"]["region"];
  CHECK(second["startLine"].get_int64().value() == 2);
  CHECK(second["startColumn"].get_int64().value() == 21);
  CHECK(second["endColumn"].get_int64().value() == 27);
}
