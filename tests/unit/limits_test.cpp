// The limits of docs/limits.md: every input past one is a located error (code, line, column), every
// input at one loads, lints, compiles, formats, scores, explains and runs its tests, and all of it
// runs on a thread with a 256 KB stack, however the input is shaped.
#include <doctest/doctest.h>

#include <pthread.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "leadscore/explain.hpp"
#include "leadscore/format.hpp"
#include "leadscore/limits.hpp"
#include "leadscore/lint.hpp"
#include "leadscore/testing.hpp"
#include "test_support.hpp"

namespace {

using namespace lstest;
namespace lim = leadscore::limits;

// The stack the library must be able to run on. AddressSanitizer puts redzones around every local
// and keeps a larger frame per call, so a sanitized build gets four times as much; the release
// build's run is the one that proves 256 KB.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t small_stack = 4 * 256 * 1024;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t small_stack = 4 * 256 * 1024;
#else
constexpr std::size_t small_stack = 256 * 1024;
#endif
#else
constexpr std::size_t small_stack = 256 * 1024;
#endif

// Runs `work` to completion on a new thread with a `small_stack` stack; rethrows what it threw.
void on_small_stack(const std::function<void()>& work) {
  struct Job {
    const std::function<void()>* work;
    std::exception_ptr error;
  } job{&work, nullptr};
  pthread_attr_t attr;
  REQUIRE(pthread_attr_init(&attr) == 0);
  REQUIRE(pthread_attr_setstacksize(&attr, small_stack) == 0);
  pthread_t thread;
  auto body = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    try {
      (*j->work)();
    } catch (...) {
      j->error = std::current_exception();
    }
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attr, body, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  if (job.error) std::rethrow_exception(job.error);
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// `company_size + 1 + 1 ...` with `operands` operands in all.
std::string long_sum(std::size_t operands) { return "company_size" + repeat(" + 1", operands - 1); }

// What one diagnostic says, for comparing: "E018 1:4017".
struct Found {
  std::string code;
  std::uint32_t line = 0, column = 0;
  std::string message;
};

std::vector<Found> found(const SourceManager& sources, const Diagnostics& diags) {
  std::vector<Found> out;
  for (const auto& d : diags.all()) {
    Found f{std::string(code_info(d.code).code), 0, 0, d.message};
    if (d.span.file != 0) {
      auto lc = sources.file(d.span.file).line_col(d.span.begin);
      f.line = lc.line;
      f.column = lc.column;
    }
    out.push_back(f);
  }
  return out;
}

// Everything a model goes through, on the small stack: load (parse, check, lint, compile), fmt,
// scoring and an explanation of one lead. Returns the diagnostics of loading and of formatting.
struct Pipeline {
  std::vector<Found> diagnostics;
  bool compiled = false;
  bool formatted = false;
  double score = 0;
  std::size_t explained_rules = 0;
};

Pipeline run_pipeline(const std::string& text) {
  Pipeline out;
  on_small_stack([&] {
    auto l = load(text);
    out.diagnostics = found(l->session.sources, l->session.diagnostics);
    Diagnostics fmt_diags;
    out.formatted = format_source(l->session.sources, 1, SourceKind::Model, fmt_diags).has_value();
    if (!l->ok()) return;
    out.compiled = true;
    Lead lead;
    lead.str("id", "L1").str("email", "a@b.com").integer("company_size", 10);
    Vm vm(l->program());
    out.score = vm.run(lead.record(), default_as_of).score;
    Explainer explainer(l->program(), l->session.sources);
    out.explained_rules = explainer.explain(lead.record(), default_as_of).rules.size();
  });
  return out;
}

void check_single(const Pipeline& p, std::string_view code, std::uint32_t line, std::uint32_t column) {
  REQUIRE(p.diagnostics.size() >= 1);
  INFO(p.diagnostics.front().message);
  CHECK(p.diagnostics.front().code == code);
  CHECK(p.diagnostics.front().line == line);
  CHECK(p.diagnostics.front().column == column);
  CHECK_FALSE(p.compiled);
}

// The shared start of every model here.
const std::string head = "qualify at 1\n";

}  // namespace

TEST_CASE("the small-stack runner really runs on a small stack") {
  // A recursion that needs far more than the stack would crash; the runner must not hide that,
  // so this only checks that the thread runs and that an exception comes back.
  bool ran = false;
  on_small_stack([&] { ran = true; });
  CHECK(ran);
  CHECK_THROWS_AS(on_small_stack([] { throw std::runtime_error("x"); }), std::runtime_error);
}

TEST_CASE("a chain of operators: at most max_chain_operands operands, flat however long") {
  SUBCASE("at the limit it runs everywhere") {
    auto p = run_pipeline(head + "when " + long_sum(lim::max_chain_operands) + " > 0 add 5\n");
    INFO(p.diagnostics.size());
    CHECK(p.compiled);
    CHECK(p.formatted);
    CHECK(p.score == 5);
    CHECK(p.explained_rules == 1);
  }
  SUBCASE("one more is an error at the first operand past the limit") {
    auto p = run_pipeline(head + "when " + long_sum(lim::max_chain_operands + 1) + " > 0 add 5\n");
    // "when company_size" then " + 1" per operand: operand k >= 2 starts at column 21 + 4 (k - 2).
    check_single(p, "E018", 2, static_cast<std::uint32_t>(21 + 4 * (lim::max_chain_operands - 1)));
    CHECK_FALSE(p.formatted);
  }
  SUBCASE("the 31,000-term sum of the bug report") {
    auto p = run_pipeline(head + "when " + long_sum(31000) + " > 0 add 5\n");
    check_single(p, "E018", 2, static_cast<std::uint32_t>(21 + 4 * (lim::max_chain_operands - 1)));
  }
  SUBCASE("products, 'and' and 'or' chains too") {
    auto product = run_pipeline(head + "when company_size" + repeat(" * 1", 1500) + " > 0 add 5\n");
    check_single(product, "E018", 2, static_cast<std::uint32_t>(21 + 4 * (lim::max_chain_operands - 1)));
    auto ands = run_pipeline(head + "when demo_requested" + repeat(" and demo_requested", 1500) + " add 5\n");
    // "when demo_requested" is 19 columns; each " and demo_requested" is 19 more.
    check_single(ands, "E018", 2, static_cast<std::uint32_t>(6 + 19 * lim::max_chain_operands));
    auto ors = run_pipeline(head + "when " + repeat("unsubscribed or ", 1500) + "unsubscribed add 5\n");
    check_single(ors, "E018", 2, static_cast<std::uint32_t>(6 + 16 * lim::max_chain_operands));
  }
}

TEST_CASE("nesting: at most max_parse_nesting levels of brackets, 'not', '-' and calls") {
  std::size_t n = lim::max_parse_nesting;
  SUBCASE("at the limit each kind runs everywhere") {
    std::vector<std::string> values = {repeat("(", n) + "company_size" + repeat(")", n),
                                       repeat("- ", n) + "company_size",
                                       "len(" + repeat("lower(", n - 1) + "email" + repeat(")", n)};
    for (const auto& value : values) {
      auto p = run_pipeline(head + "when " + value + " > 0 add 5\n");
      INFO(value);
      CHECK(p.compiled);
      CHECK(p.formatted);
    }
    auto nots = run_pipeline(head + "when " + repeat("not ", n) + "demo_requested add 5\n");
    CHECK(nots.compiled);
  }
  SUBCASE("one more level is an error at the level past the limit") {
    auto parens = run_pipeline(head + "when " + repeat("(", n + 1) + "company_size" + repeat(")", n + 1) + " > 0 add 5\n");
    check_single(parens, "E018", 2, static_cast<std::uint32_t>(6 + n));
    CHECK_FALSE(parens.formatted);
    auto nots = run_pipeline(head + "when " + repeat("not ", n + 1) + "demo_requested add 5\n");
    check_single(nots, "E018", 2, static_cast<std::uint32_t>(6 + 4 * n));
    auto negs = run_pipeline(head + "when " + repeat("-", n + 1) + "company_size > 0 add 5\n");
    check_single(negs, "E018", 2, static_cast<std::uint32_t>(6 + n));
  }
  SUBCASE("far past the limit is the same error, not a crash") {
    auto p = run_pipeline(head + "when " + repeat("(", 100000) + "company_size > 0 add 5\n");
    check_single(p, "E018", 2, static_cast<std::uint32_t>(6 + n));
  }
}

TEST_CASE("the worst case at every limit at once: the deepest nesting, each level a longest chain") {
  // Level k: ( 1 + 1 + ... + <level k+1> ), max_parse_nesting levels, each with
  // max_chain_operands operands: the tree is deep and wide and still within the limits.
  std::size_t n = lim::max_parse_nesting;
  std::string ones = repeat("1 + ", lim::max_chain_operands - 1);
  std::string value = repeat("(" + ones, n) + "company_size" + repeat(")", n);
  auto p = run_pipeline(head + "when " + value + " > 0 add 5\n");
  CHECK(p.compiled);
  CHECK(p.formatted);
  CHECK(p.score == 5);
}

TEST_CASE("lets put in place count: at most max_expression_depth levels and max_expression_nodes nodes") {
  // l0 = company_size; lk = (l(k-1)): each let is two levels (a bracket and a name) above the one
  // before. `when lk + 0 > 0` is a comparison, a sum and a name above lk: 4 + 2k levels in all.
  auto lets = [](std::size_t k) {
    std::string out = "let l0 = company_size\n";
    for (std::size_t i = 1; i <= k; ++i) out += fmt::format("let l{} = (l{})\n", i, i - 1);
    return out;
  };
  std::size_t k = (lim::max_expression_depth - 4) / 2;
  REQUIRE(4 + 2 * k == lim::max_expression_depth);
  SUBCASE("at the limit") {
    auto p = run_pipeline(head + lets(k) + fmt::format("when l{} + 0 > 0 add 5\n", k));
    CHECK(p.compiled);
    CHECK(p.score == 5);
  }
  SUBCASE("past it: an error at the use of the let") {
    auto p = run_pipeline(head + lets(k + 1) + fmt::format("when l{} + 0 > 0 add 5\n", k + 1));
    check_single(p, "E018", static_cast<std::uint32_t>(k + 4), 6);
  }
  SUBCASE("a let chain far longer than the limit is an error, not a deep recursion") {
    // Each let refers to the next, so checking the first goes down the whole chain.
    std::string text = head;
    for (int i = 0; i < 20000; ++i) text += fmt::format("let m{} = (m{})\n", i, i + 1);
    text += "let m20000 = company_size\nwhen m0 > 0 add 5\n";
    auto p = run_pipeline(text);
    REQUIRE_FALSE(p.diagnostics.empty());
    CHECK(p.diagnostics.front().code == "E018");
    CHECK_FALSE(p.compiled);
  }
  SUBCASE("doubling lets: every line doubles the code the compiler would inline") {
    std::string text = head + "let d0 = company_size\n";
    for (int i = 1; i <= 40; ++i) text += fmt::format("let d{} = d{} + d{}\n", i, i - 1, i - 1);
    text += "when d40 > 0 add 5\n";
    auto p = run_pipeline(text);
    REQUIRE_FALSE(p.diagnostics.empty());
    CHECK(p.diagnostics.front().code == "E018");
    // 2^k names: the let past max_expression_nodes is the first reported.
    CHECK(p.diagnostics.front().message.find("too large") != std::string::npos);
    CHECK_FALSE(p.compiled);
  }
}

TEST_CASE("file size: a model or schema past max_file_bytes is an error at its start") {
  std::string big = head + "when company_size > 0 add 5\n" + repeat("# padding padding padding\n", lim::max_file_bytes / 26 + 1);
  REQUIRE(big.size() > lim::max_file_bytes);
  auto p = run_pipeline(big);
  check_single(p, "E018", 1, 1);
  CHECK_FALSE(p.formatted);
  auto s = schema_from(std::string(lead_schema_text) + repeat("# padding padding padding\n", lim::max_file_bytes / 26 + 1));
  auto errs = found(s->sources, s->diags);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].code == "E018");
  CHECK(errs[0].line == 1);
}

TEST_CASE("numbers and dates that do not fit") {
  SUBCASE("a number literal past the largest double") {
    auto p = run_pipeline(head + "when company_size > 1e400 add 5\n");
    check_single(p, "E014", 2, 21);
    auto points = run_pipeline(head + "when company_size > 0 add 1e309\n");
    check_single(points, "E014", 2, 27);
  }
  SUBCASE("the largest double is fine") {
    auto p = run_pipeline(head + "when company_size < 1.7976931348623157e308 add 5\n");
    CHECK(p.compiled);
    CHECK(p.score == 5);
  }
  SUBCASE("dates: not on the calendar, or year 0") {
    auto bad = run_pipeline(head + "when created_at before 9999-99-99 add 5\n");
    check_single(bad, "E014", 2, 24);
    auto zero = run_pipeline(head + "when created_at before 0000-01-01 add 5\n");
    check_single(zero, "E014", 2, 24);
    auto last = run_pipeline(head + "when created_at before 9999-12-31 add 5\n");
    CHECK(last.compiled);
    auto first = run_pipeline(head + "when created_at after 0001-01-01 add 5\n");
    CHECK(first.compiled);
  }
  SUBCASE("an int in a test lead past the 64-bit range") {
    auto l = load(head + "when company_size > 0 add 5\ntest \"t\" {\n  lead { company_size: 9223372036854775808 }\n  expect score 5\n}\n");
    auto errs = found(l->session.sources, l->session.diagnostics);
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].code == "E006");
    CHECK(errs[0].line == 4);
    CHECK(errs[0].column == 24);
  }
}

TEST_CASE("a regular expression past RE2's memory budget is a located error") {
  // Each \pL is hundreds of instructions (every letter of Unicode in UTF-8); a thousand of them is
  // far past the budget.
  auto p = run_pipeline(head + "when job_title matches /" + repeat("\\pL", 1000) + "/ add 5\n");
  check_single(p, "E018", 2, 24);
  auto fine = run_pipeline(head + "when job_title matches /" + repeat("\\pL", 10) + "/ add 5\n");
  CHECK(fine.compiled);
}

TEST_CASE("test blocks run on the small stack with a model at the limits") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / fmt::format("leadscore_limits_{}", ::getpid());
  fs::create_directories(dir);
  {
    std::ofstream(dir / "lead.schema") << lead_schema_text;
    std::size_t n = lim::max_parse_nesting;
    std::string value = repeat("(" + repeat("1 + ", lim::max_chain_operands - 1), n) + "company_size" + repeat(")", n);
    std::ofstream(dir / "m.score") << "schema \"lead.schema\"\nqualify at 1\nwhen " << value
                                   << " > 0 add 5 as \"deep\"\ntest \"deep\" {\n  as of 2026-11-01\n"
                                   << "  lead { id: \"L1\", email: \"a@b.com\", company_size: 10 }\n"
                                   << "  expect score 5\n  expect fired \"deep\"\n}\n";
  }
  TestRun run;
  Session session;
  on_small_stack([&] { run = run_tests(session, {(dir / "m.score").string()}, default_as_of); });
  fs::remove_all(dir);
  INFO(joined(located(session.sources, session.diagnostics)));
  CHECK_FALSE(run.load_errors);
  CHECK(run.passed == 1);
  CHECK(run.failed == 0);
}
