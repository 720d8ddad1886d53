// Test blocks: records built from `lead { }` literals, every kind of expectation passing and failing,
// coverage, and finding files for `leadscore test`.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "leadscore/testing.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

// A small model every expectation test runs: fit caps at 30, engagement decays 50% every 10 days.
const std::string model_head = R"(
group fit max 30 {
  when company_size >= 100 add 20 as "Big"
  when industry in [saas, fintech] add 15
}
group engagement decay 50% every 10 days since last_activity {
  when visited pricing_page add 20 as "Pricing"
  when email_clicks > 0 add 3 per email_clicks up to 9 as "Clicks"
}
when email matches gmail subtract 10 as "Free email"
reject when email ends with "@rival.com" as "Competitor"
score min 0 max 100
qualify at 40
tier hot at 60
tier warm at 40
tier cold
)";

struct Ran {
  std::unique_ptr<Loaded> loaded;
  std::vector<TestResult> results;
};

Ran run_tests_of(const std::string& tests, Day today = default_as_of) {
  Ran r;
  r.loaded = load(model_head + tests);
  INFO(joined(r.loaded->errors()));
  REQUIRE(r.loaded->ok());
  r.results = run_model_tests(r.loaded->loaded.model, r.loaded->program(), r.loaded->session.sources, today);
  return r;
}

// "expected X, got Y" for each failure of the only test.
std::vector<std::string> failures_of(const std::string& test) {
  Ran r = run_tests_of(test);
  REQUIRE(r.results.size() == 1);
  std::vector<std::string> out;
  for (const auto& f : r.results[0].failures) out.push_back("expected " + f.expected + ", got " + f.actual);
  return out;
}

// A lead that is Big (20) + saas (15) capped at 30, Pricing (20) + Clicks (9) = 29 decayed by
// 2 steps (25 days, 50%) to 7.25: 37.25, cold, not qualified.
const std::string lead_line =
    "  lead { id: \"A1\", email: \"ann@acme.com\", company_size: 250, industry: saas,\n"
    "         visited: [pricing_page, blog], email_clicks: 5, last_activity: 2026-10-07 }\n";

}  // namespace

TEST_SUITE("testing") {

TEST_CASE("a lead literal fills each field as a reader would; fields left out are missing") {
  auto l = load(R"(when company_size > 0 add 1
test "t" {
  lead { id: "L1", email: "a@b.c", company_size: 250, annual_revenue: 2.5e6, industry: fintech,
         visited: [blog, pricing_page], downloaded: [], demo_requested: true, unsubscribed: false,
         last_activity: 2026-10-30, tags: ["x", "y z"] }
}
)");
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  const Schema& s = l->program().schema;
  TestLead lead;
  build_test_lead(l->loaded.model.tests.at(0), s, lead);
  const Record& r = lead.record;
  auto at = [&](const char* f) { return r.values[static_cast<std::size_t>(s.find(f))]; };
  CHECK(r.key == "L1");
  CHECK(at("email").str == "a@b.c");
  CHECK(at("company_size").present);
  CHECK(at("company_size").i == 250);
  CHECK(at("company_size").num == 250.0);  // ints promote to num too
  CHECK(at("annual_revenue").num == 2.5e6);
  CHECK(at("industry").member == 1);       // fintech is the second member
  CHECK(at("visited").set_bits == ((1u << 0) | (1u << 3)));  // pricing_page, blog
  CHECK(at("downloaded").present);         // an empty set is present, with no members
  CHECK(at("downloaded").set_bits == 0);
  CHECK(at("demo_requested").b);
  CHECK(at("unsubscribed").present);
  CHECK_FALSE(at("unsubscribed").b);
  CHECK(at("last_activity").date == day("2026-10-30"));
  REQUIRE(at("tags").items_count == 2);
  CHECK(r.items[at("tags").items_begin] == "x");
  CHECK(r.items[at("tags").items_begin + 1] == "y z");
  for (const char* missing : {"job_title", "country", "source", "email_opens", "created_at", "ratio"}) {
    INFO(missing);
    CHECK_FALSE(at(missing).present);
  }
  CHECK_FALSE(r.is_error());

  // Rebuilding for another test starts from nothing.
  ast::TestBlock empty;
  build_test_lead(empty, s, lead);
  CHECK(lead.record.key.empty());
  CHECK_FALSE(lead.record.values[static_cast<std::size_t>(s.find("company_size"))].present);
}

TEST_CASE("a test passes when every expectation holds") {
  Ran r = run_tests_of("test \"all hold\" {\n  as of 2026-11-01\n" + lead_line +
                       "  expect score 37.25\n  expect tier cold\n  expect not qualified\n"
                       "  expect fired \"Big\"\n  expect not fired \"Free email\"\n  expect not rejected\n}\n");
  REQUIRE(r.results.size() == 1);
  CHECK(r.results[0].name == "all hold");
  CHECK(r.results[0].source.line == 17);
  CHECK(r.results[0].as_of == day("2026-11-01"));
  CHECK(r.results[0].passed());
  CHECK(r.results[0].explanation.score == 37.25);
}

TEST_CASE("each kind of expectation fails with what was expected and what the lead got") {
  std::string head = "test \"t\" {\n  as of 2026-11-01\n" + lead_line;
  CHECK(failures_of(head + "  expect score 37.5\n}\n") ==
        std::vector<std::string>{"expected score 37.5, got 37.25"});
  CHECK(failures_of(head + "  expect tier warm\n}\n") ==
        std::vector<std::string>{"expected tier warm, got tier cold"});
  CHECK(failures_of(head + "  expect qualified\n}\n") ==
        std::vector<std::string>{"expected qualified, got not qualified"});
  CHECK(failures_of(head + "  expect rejected\n}\n") ==
        std::vector<std::string>{"expected rejected, got not rejected"});
  CHECK(failures_of(head + "  expect fired \"Free email\"\n}\n") ==
        std::vector<std::string>{"expected fired \"Free email\", got not fired"});
  CHECK(failures_of(head + "  expect not fired \"Pricing\"\n}\n") ==
        std::vector<std::string>{"expected not fired \"Pricing\", got fired"});
  // A score holds within score_tolerance (binary decay factors), and fails just past it.
  CHECK(failures_of(head + "  expect score 37.2500000000001\n}\n").empty());
  CHECK(failures_of(head + "  expect score 37.250001\n}\n") ==
        std::vector<std::string>{"expected score 37.250001, got 37.25"});
  // Every failing expectation is reported, not only the first.
  CHECK(failures_of(head + "  expect score 1\n  expect tier cold\n  expect tier hot\n}\n").size() == 2);
}

TEST_CASE("negated expectations, and a rejected lead has no tier and is never qualified") {
  std::string rival =
      "test \"r\" {\n  as of 2026-11-01\n"
      "  lead { email: \"cy@rival.com\", company_size: 500, industry: fintech }\n";
  CHECK(failures_of(rival + "  expect rejected\n  expect not qualified\n  expect score 30\n}\n").empty());
  CHECK(failures_of(rival + "  expect not rejected\n}\n") ==
        std::vector<std::string>{"expected not rejected, got rejected (\"Competitor\")"});
  CHECK(failures_of(rival + "  expect tier cold\n}\n") ==
        std::vector<std::string>{"expected tier cold, got no tier (rejected)"});

  std::string hot =
      "test \"h\" {\n  as of 2026-11-01\n"
      "  lead { email: \"a@acme.com\", company_size: 500, industry: fintech, visited: [pricing_page],\n"
      "         email_clicks: 3, last_activity: 2026-11-01 }\n";
  // fit 35 capped at 30, engagement 20 + 9 = 29, no decay: 59, warm, qualified.
  CHECK(failures_of(hot + "  expect qualified\n  expect tier warm\n  expect score 59\n}\n").empty());
  CHECK(failures_of(hot + "  expect not qualified\n}\n") ==
        std::vector<std::string>{"expected not qualified, got qualified"});
}

TEST_CASE("a label no rule carries is a check error (E020) for `fired` and `not fired` alike") {
  std::string head = "test \"t\" {\n  as of 2026-11-01\n" + lead_line;
  // "code: message" of each diagnostic; the test never gets to run.
  auto diagnosed = [](const std::string& tests) {
    auto l = load(model_head + tests);
    CHECK_FALSE(l->ok());
    std::vector<std::string> out;
    for (const auto& d : l->session.diagnostics.all()) out.push_back(fmt::format("{}: {}", d.code, d.message));
    return out;
  };
  for (std::string form : {"fired", "not fired"}) {
    INFO(form);
    auto got = diagnosed(head + "  expect " + form + " \"Bigg\"\n}\n");
    REQUIRE(got.size() == 1);
    CHECK(got[0].starts_with("E020: "));
    CHECK(got[0].find("\"Bigg\"") != std::string::npos);
    CHECK(got[0].find("did you mean \"Big\"?") != std::string::npos);
  }
  // A tier the model does not declare: did-you-mean, and tiers are matched exactly.
  auto tier = diagnosed(head + "  expect tier Hot\n}\n");
  REQUIRE(tier.size() == 1);
  CHECK(tier[0].starts_with("E020: "));
  CHECK(tier[0].find("did you mean 'hot'?") != std::string::npos);
  // A rule without `as` is labelled by its own text.
  CHECK(failures_of(head + "  expect fired \"when industry in [saas, fintech] add 15\"\n}\n").empty());
}

TEST_CASE("a test without `as of` runs as of the day given; without `lead` every field is missing") {
  // Decay depends on the day: 2 steps as of 2026-11-01, 0 steps as of 2026-10-07.
  Ran r = run_tests_of("test \"t\" {\n" + lead_line + "  expect score 59\n}\n", day("2026-10-07"));
  CHECK(r.results.at(0).as_of == day("2026-10-07"));
  CHECK(r.results.at(0).passed());
  Ran empty = run_tests_of("test \"nothing\" {\n  expect score 0\n  expect tier cold\n}\n");
  CHECK(empty.results.at(0).passed());
}

TEST_CASE("coverage counts a rule once however many programs and tests reach it") {
  Ran r = run_tests_of("test \"t\" {\n  as of 2026-11-01\n" + lead_line + "}\n");
  const Program& p = r.loaded->program();
  const SourceManager& sources = r.loaded->session.sources;
  CoverageTracker tracker;
  tracker.add_program(p, sources);
  tracker.add_program(p, sources);  // the same model reached twice (its own file and an import)
  auto before = tracker.report();
  REQUIRE(before.size() == 1);
  CHECK(before[0].path == "m.score");
  CHECK(before[0].items.size() == 6);  // 5 rules and 1 reject
  CHECK(before[0].fired == 0);
  CHECK(before[0].percent() == 0);

  // Big, the industry rule, Pricing and Clicks fire; Free email and the reject do not.
  tracker.record(p, sources, r.results[0].explanation);
  tracker.record(p, sources, r.results[0].explanation);
  auto after = tracker.report();
  REQUIRE(after.size() == 1);
  CHECK(after[0].fired == 4);
  CHECK(after[0].percent() == doctest::Approx(66.6667).epsilon(1e-4));
  std::vector<std::string> not_fired;
  for (const auto& item : after[0].items) {
    if (!item.fired) not_fired.push_back(fmt::format("{}:{}:{}", item.source.line, item.reject ? "reject" : "rule", item.label));
  }
  CHECK(not_fired == std::vector<std::string>{"10:rule:Free email", "11:reject:Competitor"});

  // A reject counts as fired when it holds.
  Ran rival = run_tests_of("test \"r\" {\n  lead { email: \"gmail@rival.com\" }\n}\n");
  tracker.record(rival.loaded->program(), rival.loaded->session.sources, rival.results[0].explanation);
  CHECK(tracker.report()[0].fired == 6);
  CHECK(tracker.report()[0].percent() == 100);

  CHECK(ModelCoverage{}.percent() == 100);  // nothing to cover
}

TEST_CASE("run_tests finds .score files in folders, runs each file's own tests once") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "leadscore_testing_unit";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
  write(dir / "lead.schema", std::string(lead_schema_text));
  write(dir / "sub" / "lead.schema", std::string(lead_schema_text));
  write(dir / "a.score", "schema \"lead.schema\"\nwhen company_size > 0 add 1 as \"Sized\"\n"
                         "when demo_requested add 5\n"
                         "test \"sized\" {\n  lead { company_size: 3 }\n  expect score 1\n}\n"
                         "test \"wrong\" {\n  lead { company_size: 3 }\n  expect score 2\n}\n");
  write(dir / "sub" / "b.score", "schema \"lead.schema\"\nwhen company_size > 0 add 1\n");  // no tests
  write(dir / "notes.txt", "not a model");

  Session session;
  TestRun run = run_tests(session, {dir.string(), (dir / "a.score").string()}, default_as_of);
  REQUIRE(run.files.size() == 2);  // a.score named twice, loaded once
  CHECK(fs::path(run.files[0].path).filename() == "a.score");
  CHECK(fs::path(run.files[1].path).filename() == "b.score");
  CHECK(run.files[0].tests.size() == 2);
  CHECK(run.files[0].failed() == 1);
  CHECK(run.files[1].tests.empty());
  CHECK(run.passed == 1);
  CHECK(run.failed == 1);
  CHECK_FALSE(run.load_errors);
  CHECK_FALSE(run.unreadable);
  REQUIRE(run.coverage.size() == 2);
  CHECK(run.coverage[0].fired == 1);       // "Sized"; the demo rule never fired
  CHECK(run.coverage[0].items.size() == 2);
  CHECK(run.coverage[1].fired == 0);       // b.score has no tests

  Session again;
  TestRun missing = run_tests(again, {(dir / "nope").string()}, default_as_of);
  CHECK(missing.unreadable);
  CHECK(missing.missing.size() == 1);

  write(dir / "broken.score", "schema \"lead.schema\"\nwhen company_sise > 0 add 1\n");
  Session third;
  TestRun broken = run_tests(third, {(dir / "broken.score").string()}, default_as_of);
  CHECK(broken.load_errors);
  CHECK_FALSE(broken.unreadable);
  CHECK_FALSE(broken.files.at(0).loaded);
  fs::remove_all(dir);
}

}  // TEST_SUITE
