// The linter (SPEC 4 warnings): the score-range analysis, constant and contradictory conditions,
// duplicates, the model-shape checks, unused lets, allowances, and the corpus in tests/lint/ where
// every file states its own diagnostics with `# expect: CODE` on the line they are reported at.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "leadscore/lint.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

// "line:col: CODE, ..." for every diagnostic of a model loaded against the test schema.
std::string coded(const std::string& text, const Schema& schema = lead_schema()) {
  auto l = load(text, schema);
  std::vector<std::string> out;
  for (const auto& d : l->session.diagnostics.all()) {
    auto lc = d.span.file ? l->session.sources.file(d.span.file).line_col(d.span.begin) : LineCol{0, 0};
    out.push_back(fmt::format("{}:{}: {}", lc.line, lc.column, d.code));
  }
  return fmt::format("{}", fmt::join(out, ", "));
}

// The codes alone, in order: "W004 W001".
std::string codes(const std::string& text, const Schema& schema = lead_schema()) {
  auto l = load(text, schema);
  std::vector<std::string> out;
  for (const auto& d : l->session.diagnostics.all()) out.push_back(std::string(code_info(d.code).code));
  return fmt::format("{}", fmt::join(out, " "));
}

// Models below carry a subtract rule so that no-negative-scoring (W008) stays out of the way.
const std::string penalty = "when unsubscribed subtract 5\n";

}  // namespace

TEST_SUITE("lint") {

TEST_CASE("the code table: W codes and names are unique, warnings, and findable") {
  std::set<std::string_view> seen_codes, seen_names;
  for (const auto& info : code_table) {
    CHECK(seen_codes.insert(info.code).second);
    CHECK(seen_names.insert(info.name).second);
    CHECK(info.is_error == info.code.starts_with("E"));
  }
  CHECK(find_warning("W007") == Code::DuplicateCondition);
  CHECK(find_warning("w007") == Code::DuplicateCondition);
  CHECK(find_warning("duplicate-condition") == Code::DuplicateCondition);
  CHECK_FALSE(find_warning("E001").has_value());  // errors cannot be allowed
  CHECK_FALSE(find_warning("no-such-warning").has_value());
}

TEST_CASE("score range: qualify above the highest total, through caps, decay and the score range") {
  CHECK(codes("when visited pricing_page add 20\n" + penalty + "qualify at 50\n") == "W001");
  CHECK(codes("when visited pricing_page add 20\n" + penalty + "qualify at 20\n").empty());
  // Decay never lowers the highest total: at 0 idle days the total is whole.
  CHECK(codes("group e max 60 decay 50% every 1 days since last_activity {\n"
              "  when demo_requested add 50\n  when unsubscribed subtract 5\n}\n"
              "when company_size > 10 add 5\nwhen industry = saas add 7\nqualify at 50\n") ==
        "W010");
  CHECK(codes("group g max 30 { when demo_requested add 50 }\n" + penalty + "qualify at 40\n") ==
        "W003 W001");
  CHECK(codes("when demo_requested add 50\n" + penalty + "score max 30\nqualify at 40\n") == "W001");
  // A per without `up to` has no ceiling; one with it stops there.
  CHECK(codes("when email_clicks > 0 add 2 per email_clicks\n" + penalty + "qualify at 1000\n").empty());
  CHECK(codes("when email_clicks > 0 add 2 per email_clicks up to 10\n" + penalty + "qualify at 11\n") ==
        "W001");
  // count(visited) is at most 7: 2 per visit is at most 14.
  CHECK(codes("when visited blog add 2 per count(visited)\n" + penalty + "qualify at 15\n") == "W001");
  // A rule that can never fire adds nothing to the highest score.
  CHECK(codes("when company_size > 10 and company_size < 5 add 50\nwhen demo_requested add 10\n" + penalty +
              "qualify at 20\n") == "W004 W001");
  // A group's `min` counts even when none of its rules fires.
  CHECK(codes("group floor min 30 { when unsubscribed subtract 5 }\nqualify at 30\n").empty());
}

TEST_CASE("score range: tiers above the highest score, and tiers every score passes over") {
  CHECK(coded("when demo_requested add 50\n" + penalty + "tier hot at 80\ntier warm at 40\ntier cold\n") ==
        "3:1: W002");
  // Scores never go below 0, so `tier low at 0` takes everything `rest` would have.
  CHECK(coded("when demo_requested add 50\n" + penalty +
              "score min 0\ntier warm at 40\ntier low at 0\ntier rest\n") == "6:1: W002");
  // Without the floor a score can be -5: `rest` gets it.
  CHECK(codes("when demo_requested add 50\n" + penalty + "tier warm at 40\ntier low at 0\ntier rest\n").empty());
}

TEST_CASE("cap below rule: one warning at the cap, the largest rule named, the others in notes") {
  auto l = load("group g max 10 {\n  when demo_requested add 15\n  when visited blog add 30\n"
                "  when webinars > 0 add 5 per webinars up to 12\n  when unsubscribed subtract 50\n}\n");
  REQUIRE(l->session.diagnostics.all().size() == 1);
  const auto& d = l->session.diagnostics.all()[0];
  CHECK(d.code == "W003");
  CHECK(located(l->session.sources, l->session.diagnostics)[0] ==
        "1:9: group 'g' is capped at 10, below the 30 points of rule 'when visited blog add 30' (line 3)");
  CHECK(d.notes.size() == 2);
}

TEST_CASE("conditions that never hold") {
  for (std::string cond : {"company_size > 10 and company_size < 5", "count(visited) > 7",
                           "count(downloaded) >= 4", "email_opens > 3 and email_opens < 4",
                           "industry = saas and industry = retail", "industry in [saas] and industry != saas",
                           "demo_requested and not demo_requested", "(demo_requested) and not (demo_requested)",
                           "created_at before 2024-01-01 and created_at after 2024-06-01",
                           "last_activity within 10 days and last_activity older than 10 days",
                           "1 > 2", "\"a\" = \"b\"", "false", "not true", "id is missing",
                           "annual_revenue > 5 and annual_revenue <= 5", "len(email) < 0",
                           "company_size * 0 > 1", "count(visited) + count(downloaded) > 10"}) {
    INFO(cond);
    CHECK(codes("when " + cond + " add 5\n" + penalty) == "W004");
  }
}

TEST_CASE("conditions that always hold, and ones that only look like it") {
  for (std::string cond : {"true", "2 > 1", "email is present", "unsubscribed or not unsubscribed",
                           "not (company_size > 10 and company_size < 5)", "\"a\" != \"b\""}) {
    INFO(cond);
    CHECK(codes("when " + cond + " add 5\n" + penalty) == "W005");
  }
  // A missing value makes both tests false: neither of these holds for every lead.
  for (std::string cond : {"company_size > 5 or company_size <= 5", "count(visited) >= 0",
                           "not (company_size >= 100)", "company_size >= 3 and company_size <= 3",
                           "annual_revenue > 5 and annual_revenue < 5.5", "email_domain(email) is present",
                           "industry in [saas, fintech] and industry != saas"}) {
    INFO(cond);
    CHECK(codes("when " + cond + " add 5\n" + penalty).empty());
  }
}

TEST_CASE("a required field makes a test on it decidable") {
  auto s = schema_from("schema lead {\n  id: string key\n  n: int required\n  tags: set(a, b) required\n"
                       "  flag: bool\n}\n");
  REQUIRE_FALSE(s->diags.has_errors());
  CHECK(codes("when count(tags) >= 0 add 5\nwhen flag subtract 1\n", s->schema) == "W005");
  CHECK(codes("when count(tags) <= 2 add 5\nwhen flag subtract 1\n", s->schema) == "W005");
  CHECK(codes("when n > 3 or n <= 3 add 5\nwhen flag subtract 1\n", s->schema).empty());  // not a union
  CHECK(codes("when n is present add 5\nwhen flag subtract 1\n", s->schema) == "W005");
}

TEST_CASE("constant parts and constant lets") {
  CHECK(coded("when demo_requested or (company_size > 10 and company_size < 5) add 5\n" + penalty) ==
        "1:24: W006");
  CHECK(coded("when demo_requested and email is present add 5\n" + penalty) == "1:25: W006");
  // The let is reported once, at its name; the rule that reads it is not constant.
  CHECK(coded("let everyone = email is present\nwhen everyone and demo_requested add 5\n" + penalty) == "1:5: W006");
  // A let used only as a constant makes its rule constant too.
  CHECK(coded("let none = 1 > 2\nwhen none add 5\n" + penalty) == "1:5: W006, 2:6: W004");
  CHECK(codes("let big = company_size > 100\nwhen big add 5\n" + penalty).empty());
}

TEST_CASE("rejects that never or always hold") {
  CHECK(codes("when demo_requested add 5\nreject when 1 > 2\n") == "W004");
  CHECK(codes("when demo_requested add 5\nreject when email is present\n") == "W005");
}

TEST_CASE("duplicate conditions after normalisation, reported at the second rule") {
  CHECK(coded("when company_size > 3 add 5\nwhen 3 < company_size add 1\n" + penalty) == "2:1: W007");
  CHECK(codes("when a_or_b add 1\n") == "E002");  // unknown name: an error, no lint
  CHECK(codes("when demo_requested and visited blog add 5\nwhen (visited blog) and demo_requested add 1\n" +
              penalty) == "W007");
  CHECK(codes("when demo_requested or visited blog add 5\nwhen visited blog or (demo_requested) add 1\n" +
              penalty) == "W007");
  CHECK(codes("when email matches gmail add 5\nwhen email matches \"Gmail\" add 1\n" + penalty) == "W007");
  CHECK(codes("when industry = saas add 5\nwhen saas = industry add 1\n" + penalty) == "W007");
  CHECK(codes("when not not demo_requested add 5\nwhen demo_requested add 1\n" + penalty) == "W007");
  CHECK(codes("let big = company_size >= 10\nwhen big add 5\nwhen company_size >= 10 add 1\n" + penalty) ==
        "W007");
  // Different, however alike.
  CHECK(codes("when company_size > 3 add 5\nwhen company_size >= 3 add 1\n" + penalty).empty());
  CHECK(codes("when email = \"A\" add 5\nwhen email = \"a\" add 1\n" + penalty).empty());  // `=` is case-sensitive
  CHECK(codes("when job_title matches /cto/ add 5\nwhen job_title matches /cto/i add 1\n" + penalty).empty());
  auto l = load("when demo_requested add 5 as \"Demo\"\nwhen demo_requested add 1\n" + penalty);
  REQUIRE(l->errors().size() == 1);
  CHECK(l->errors()[0] == "2:1: this rule has the same condition as rule 'Demo' (line 1)");
}

TEST_CASE("no negative scoring: no subtract and no reject") {
  CHECK(coded("when demo_requested add 5\nwhen visited blog add 1\n") == "1:1: W008");
  CHECK(codes("when demo_requested add 5\nreject when email ends with \"@x.com\"\n").empty());
  CHECK(codes("when demo_requested add 5\nwhen unsubscribed subtract 1 per webinars up to 3\n").empty());
  CHECK(codes("").empty());  // nothing to score, nothing to say
}

TEST_CASE("uniform behaviour points: three or more rules of decaying groups, all the same") {
  std::string decays = "group e decay 10% every 7 days since last_activity {\n";
  CHECK(coded(decays + "  when demo_requested add 10\n  when visited blog add 10\n  when webinars > 0 add 10\n}\n" +
              penalty + "when last_activity is missing subtract 1\n") == "1:7: W009");
  CHECK(codes(decays + "  when demo_requested add 20\n  when visited blog add 10\n  when webinars > 0 add 10\n}\n" +
              penalty + "when last_activity is missing subtract 1\n").empty());
  CHECK(codes(decays + "  when demo_requested add 10\n  when visited blog add 10\n}\n" + penalty +
              "when last_activity is missing subtract 1\n").empty());
  // Without decay there are no behaviour rules to compare.
  CHECK(codes("group e {\n  when demo_requested add 10\n  when visited blog add 10\n  when webinars > 0 add 10\n}\n" +
              penalty).empty());
}

TEST_CASE("decay on a field that is not required, unless the model scores its absence") {
  std::string group = "group e decay 10% every 7 days since last_activity {\n  when demo_requested add 10\n}\n";
  CHECK(coded(group + penalty) == "1:38: W010");
  CHECK(codes(group + "when last_activity is missing subtract 5\n").empty());
  auto s = schema_from("schema lead {\n  id: string key\n  seen: date required\n  flag: bool\n}\n");
  CHECK(codes("group e decay 10% every 7 days since seen {\n  when flag add 10\n}\nwhen not flag subtract 1\n",
              s->schema).empty());
}

TEST_CASE("unused lets, directly and through other unused lets") {
  CHECK(coded("let a = demo_requested\n" + penalty) == "1:5: W011");
  CHECK(coded("let a = demo_requested\nlet b = a and visited blog\n" + penalty) == "1:5: W011, 2:5: W011");
  CHECK(codes("let a = demo_requested\nlet b = a and visited blog\nwhen b add 5\n" + penalty).empty());
  CHECK(codes("let xs = [\"US\"]\nwhen country in xs add 5\n" + penalty).empty());
  CHECK(codes("let n = webinars * 2\nwhen webinars > 0 add 1 per n up to 5\n" + penalty).empty());
  CHECK(codes("let r = /cto/i\nwhen job_title matches r add 5\n" + penalty).empty());
  CHECK(codes("let x = email ends with \"@c.com\"\nwhen demo_requested add 5\nreject when x\n").empty());
}

TEST_CASE("warnings come out in source order, whichever check found them") {
  CHECK(coded("let a = demo_requested\ngroup g max 5 { when visited blog add 10 }\nwhen true add 1\n" +
              penalty + "qualify at 100\n") == "1:5: W011, 2:9: W003, 3:6: W005, 5:1: W001");
}

TEST_CASE("allowances: the line, the line above, the file, the run; errors stay") {
  auto warnings_after = [](std::string text, std::vector<std::string> allow) {
    auto l = load(std::move(text));
    apply_allowances(l->session.diagnostics, l->session.sources, allow);
    return l->errors().size();
  };
  std::string model = "let a = demo_requested\n" + penalty;
  CHECK(warnings_after(model, {}) == 1);
  CHECK(warnings_after("let a = demo_requested  # leadscore: allow W011\n" + penalty, {}) == 0);
  CHECK(warnings_after("# leadscore: allow unused-let\nlet a = demo_requested\n" + penalty, {}) == 0);
  CHECK(warnings_after("#leadscore:allow w011, W001\nlet a = demo_requested\n" + penalty, {}) == 0);
  // On a line of its own it covers the next line that is not blank or a comment, and no other.
  CHECK(warnings_after("# leadscore: allow W011\n\nlet a = demo_requested\n" + penalty, {}) == 0);
  CHECK(warnings_after("# leadscore: allow W011\n# why\n\n# more\nlet a = demo_requested\n" + penalty, {}) == 0);
  CHECK(warnings_after("# leadscore: allow W011\nwhen visited blog add 1\nlet a = demo_requested\n" + penalty, {}) == 1);
  // At the end of a line it covers that line only, not the next one.
  CHECK(warnings_after("when visited blog add 1  # leadscore: allow W011\nlet a = demo_requested\n" + penalty,
                       {}) == 1);
  // Another code allows nothing.
  CHECK(warnings_after("let a = demo_requested  # leadscore: allow W001\n" + penalty, {}) == 1);
  CHECK(warnings_after(penalty + "# leadscore: allow-file unused-let\nlet a = demo_requested\n", {}) == 0);
  CHECK(warnings_after(model, {"W011"}) == 0);
  CHECK(warnings_after(model, {"unused-let"}) == 0);
  CHECK(warnings_after(model, {"W001", "nonsense"}) == 1);
  // An error is never allowed away; the comment that tries allows nothing, and says so (W014).
  CHECK(warnings_after("when compny_size > 3 add 1  # leadscore: allow E002\n", {"E002", "unknown-field"}) == 2);
}

TEST_CASE("allow comments that allow nothing draw W014, with did-you-mean") {
  auto allowed = [](std::string text) {
    auto l = load(std::move(text));
    apply_allowances(l->session.diagnostics, l->session.sources, {});
    std::vector<std::string> out;
    for (const auto& d : l->session.diagnostics.all()) {
      auto lc = l->session.sources.file(d.span.file).line_col(d.span.begin);
      out.push_back(fmt::format("{}:{}: {}", lc.line, lc.column, d.code));
    }
    std::sort(out.begin(), out.end());
    return fmt::format("{}", fmt::join(out, ", "));
  };
  auto messages = [](std::string text) {
    auto l = load(std::move(text));
    apply_allowances(l->session.diagnostics, l->session.sources, {});
    std::string all;
    for (const auto& d : l->session.diagnostics.all()) all += d.message + "\n";
    return all;
  };
  // A code one digit off: allows nothing, so W011 stays too.
  CHECK(allowed("let a = demo_requested  # leadscore: allow W0111\n" + penalty) == "1:44: W014, 1:5: W011");
  CHECK(messages("let a = demo_requested  # leadscore: allow W0111\n" + penalty).find("did you mean 'W011'") !=
        std::string::npos);
  // A misspelt keyword on the line above.
  CHECK(allowed("# leadscore: alow W011\nlet a = demo_requested\n" + penalty) == "1:14: W014, 2:5: W011");
  CHECK(messages("# leadscore: alow W011\nlet a = demo_requested\n" + penalty).find("did you mean 'allow'") !=
        std::string::npos);
  // An unknown name, and an error code.
  CHECK(allowed("let a = demo_requested  # leadscore: allow unused-lets\n" + penalty) == "1:44: W014, 1:5: W011");
  CHECK(allowed("when compny_size > 3 add 1  # leadscore: allow E002\n") == "1:48: W014, 1:6: E002");
  // A good comment draws nothing.
  CHECK(allowed("let a = demo_requested  # leadscore: allow W011\n" + penalty).empty());
}

TEST_CASE("the examples and the benchmark model: only the warnings they are known to draw") {
  auto check_file = [](const std::string& path) {
    Session s;
    load_model(s, path, ModuleMode::Reject, LintMode::Run);
    std::vector<std::string> out;
    for (const auto& d : s.diagnostics.all()) out.push_back(std::string(code_info(d.code).code));
    return fmt::format("{}", fmt::join(out, " "));
  };
  CHECK(check_file(LEADSCORE_SOURCE_DIR "/examples/b2b_saas.score").empty());
  // The brief's one-liner reaches 20 at most; its own comment says check --strict warns.
  CHECK(check_file(LEADSCORE_SOURCE_DIR "/examples/brief.score") == "W001");
  // The benchmark model decays since last_activity, which lead.schema does not require.
  CHECK(check_file(LEADSCORE_SOURCE_DIR "/bench/reference.score") == "W010");
}

TEST_CASE("corpus: every file in tests/lint draws exactly the diagnostics it states") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(LEADSCORE_SOURCE_DIR "/tests/lint")) {
    auto ext = entry.path().extension();
    if ((ext == ".score" || ext == ".schema") && entry.path().filename() != "lead.schema") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 50);
  std::set<std::string> codes_seen;
  for (const auto& path : files) {
    Session s;
    if (path.extension() == ".schema") load_schema(s, path.string());
    else load_model(s, path.string(), ModuleMode::Reject, LintMode::Run);
    apply_allowances(s.diagnostics, s.sources, {});
    std::multiset<std::string> got, want;
    for (const auto& d : s.diagnostics.all()) {
      std::uint32_t line = d.span.file ? s.sources.file(d.span.file).line_col(d.span.begin).line : 0;
      std::string file = d.span.file ? fs::path(s.sources.file(d.span.file).path()).filename().string() : "?";
      got.insert(fmt::format("{}:{} {}", file, line, d.code));
      codes_seen.insert(std::string(code_info(d.code).code));
    }
    for (std::uint32_t f = 1; f < s.sources.size(); ++f) {
      const SourceFile& src = s.sources.file(f);
      std::string name = fs::path(src.path()).filename().string();
      for (std::uint32_t line = 1;; ++line) {
        std::string_view text = src.line_text(line);
        auto at = text.find("# expect: ");
        if (at != std::string_view::npos) {
          std::string_view rest = text.substr(at + 10);
          while (!rest.empty()) {
            auto blank = rest.find(' ');
            std::string code(rest.substr(0, blank));
            if (!code.empty()) want.insert(fmt::format("{}:{} {}", name, line, code));
            rest = blank == std::string_view::npos ? std::string_view() : rest.substr(blank + 1);
          }
        }
        if (src.line_col(static_cast<std::uint32_t>(src.text().size())).line <= line) break;
      }
    }
    INFO(path.filename().string());
    CHECK(fmt::format("{}", fmt::join(got, ", ")) == fmt::format("{}", fmt::join(want, ", ")));
  }
  // Every warning has a case, and every error the checker can report today.
  for (const auto& info : code_table) {
    if (info.code == "E015") continue;  // nothing is unsupported any more
    INFO(info.code);
    CHECK(codes_seen.contains(std::string(info.code)));
  }
}

}  // TEST_SUITE
