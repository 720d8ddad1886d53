// common/constant_fold is the one constant evaluator: the compiler folds with it and lint's truth and
// range analyses start from it. Over a set of conditions, lint's verdict and the compiled code must
// tell the same story: a condition that compiles to no code is one lint calls never true (W004), a
// condition the compiler folds to true is one lint calls always true, and a condition without a
// field that lint calls never true compiles to no code.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/constant_fold.hpp"
#include "lint/analysis.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

// What the compiler and lint say about the condition of a model's first rule.
struct Verdicts {
  std::optional<Constant> folded;  // the shared evaluator's value
  bool emits_code = false;         // the program fires rule 0 somewhere
  bool tested = false;             // ... after a branch on its condition
  lint::Truth truth = lint::Truth::Sometimes;
  bool never_warned = false;       // W004 at rule 0
  bool always_warned = false;      // W005 at rule 0
};

Verdicts verdicts(const std::string& lets, const std::string& cond) {
  const std::string text = lets + "when " + cond + " add 5\nwhen unsubscribed subtract 5\n";
  auto l = load(text);
  INFO(text);
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  const ast::Model& model = l->loaded.model;
  REQUIRE_FALSE(model.rules.empty());
  Verdicts v;
  v.folded = fold(*model.rules[0].condition, model.lets);
  const Program& p = l->program();
  for (std::size_t i = 0; i < p.code.size(); ++i) {
    const Instr& in = p.code[i];
    if ((in.op == Op::FIRE || in.op == Op::FIRE_PER) && in.arg == 0) {
      v.emits_code = true;
      v.tested = i > 0 && p.code[i - 1].op == Op::BRANCH_FALSE;
    }
  }
  Diagnostics scratch;
  const lint::Context cx{model, *l->loaded.schema, l->session.sources, scratch};
  v.truth = lint::truth_of(*model.rules[0].condition, cx);
  const Span rule0 = model.rules[0].span;
  for (const auto& d : l->session.diagnostics.all()) {
    if (d.span.begin < rule0.begin || d.span.begin >= rule0.end) continue;
    v.never_warned = v.never_warned || d.code == "W004";
    v.always_warned = v.always_warned || d.code == "W005";
  }
  return v;
}

// What the condition folds to, written from the language's meaning (not from fold), so that a
// folder that computes a wrong value fails here even though the compiler and lint agree with it.
enum class Want { False, True, RunTime };

struct Case {
  std::string lets;
  std::string cond;
  Want want;
};

// Conditions that read no field: the compiler and lint must decide each of them alike.
const std::vector<Case> constant_cases = {
    {"", "false", Want::False}, {"", "true", Want::True}, {"", "1 > 2", Want::False},
    {"", "2 * 3 > 5", Want::True}, {"", "not true", Want::False}, {"", "\"a\" = \"b\"", Want::False},
    {"", "\"a\" != \"b\"", Want::True}, {"", "\"abc\" < \"abd\"", Want::True},
    {"", "2026-01-02 < 2026-01-01", Want::False}, {"", "2026-01-02 >= 2026-01-01", Want::True},
    {"", "(1 + 2) * 3 = 9", Want::True}, {"", "10 / 4 = 2.5", Want::True}, {"", "-(3) < 0", Want::True},
    {"", "1 - 2 - 3 = -4", Want::True}, {"", "true = false", Want::False},
    // division by zero: missing, so decided at run time
    {"", "1 / 0 > 0", Want::RunTime}, {"", "1 / (2 - 2) = 0", Want::RunTime},
    {"let none = 1 > 2\n", "none", Want::False}, {"let k = 4\n", "k * 2 = 8", Want::True},
    {"let k = 4\nlet j = k + 1\n", "j > k", Want::True}, {"let s = \"x\"\n", "s = \"x\"", Want::True},
    {"let yes = true\n", "not (yes and false)", Want::True},
};

// Conditions that read a field: a constant operand may still settle them.
const std::vector<Case> field_cases = {
    {"", "demo_requested and false", Want::False}, {"", "demo_requested or true", Want::True},
    {"", "false or demo_requested", Want::RunTime}, {"", "company_size > 10 and 1 > 2", Want::False},
    {"", "company_size > 10 and company_size < 5", Want::RunTime}, {"", "count(visited) > 7", Want::RunTime},
    {"", "email is present", Want::RunTime}, {"", "demo_requested", Want::RunTime},
    {"", "company_size + 1 + 2 > 3", Want::RunTime}, {"let off = false\n", "off and company_size > 3", Want::False},
};

// The folded value as a Want.
Want got(const std::optional<Constant>& folded) {
  if (!folded) return Want::RunTime;
  REQUIRE(folded->kind == Constant::Kind::Truth);
  return folded->number != 0 ? Want::True : Want::False;
}

}  // namespace

TEST_SUITE("constant fold") {

TEST_CASE("conditions without a field: lint's never and always are the compiler's no code and no test") {
  for (const auto& c : constant_cases) {
    INFO(c.lets << "when " << c.cond);
    Verdicts v = verdicts(c.lets, c.cond);
    CHECK(got(v.folded) == c.want);
    const bool folds_false = v.folded && v.folded->kind == Constant::Kind::Truth && v.folded->number == 0;
    const bool folds_true = v.folded && v.folded->kind == Constant::Kind::Truth && v.folded->number != 0;
    CHECK(folds_false == !v.emits_code);
    CHECK(folds_false == (v.truth == lint::Truth::Never));
    CHECK(folds_false == v.never_warned);
    CHECK(folds_true == (v.emits_code && !v.tested));
    CHECK(folds_true == (v.truth == lint::Truth::Always));
    CHECK(folds_true == v.always_warned);
  }
}

TEST_CASE("conditions on fields: what the compiler folds away, lint calls never; lint may know more") {
  int lint_knows_more = 0;
  for (const auto& c : field_cases) {
    INFO(c.lets << "when " << c.cond);
    Verdicts v = verdicts(c.lets, c.cond);
    CHECK(got(v.folded) == c.want);
    if (v.folded) {
      REQUIRE(v.folded->kind == Constant::Kind::Truth);
      CHECK(v.emits_code == (v.folded->number != 0));
      CHECK(v.truth == (v.folded->number != 0 ? lint::Truth::Always : lint::Truth::Never));
      CHECK(v.tested == false);
    } else {
      // Left to run time: the compiler tests it, and lint's ranges may still find it constant.
      CHECK(v.emits_code);
      CHECK(v.tested);
      if (v.truth != lint::Truth::Sometimes) ++lint_knows_more;
    }
    CHECK(v.never_warned == (v.truth == lint::Truth::Never));
    CHECK(v.always_warned == (v.truth == lint::Truth::Always));
  }
  CHECK(lint_knows_more == 3);  // the contradiction, the count over a 7-member set, `email is present`
}

}  // TEST_SUITE
