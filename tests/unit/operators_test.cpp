// include/leadscore/operators.def is the one list of arithmetic operators: the grammar's precedence,
// the compiler's opcodes, the constant folder and the VM are checked against it here.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <string_view>

#include "common/arith.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

struct Row {
  char symbol;
  ArithOp op;
  int precedence;
  std::string_view opcode;
};

constexpr Row rows[] = {
#define ARITH(symbol, name, precedence, opcode) {symbol, ArithOp::name, precedence, #opcode},
#include "leadscore/operators.def"
#undef ARITH
};

// The score of `when TEXT = EXPECTED add 1` with company_size = 8 and webinars = 2: whether the
// model computes TEXT as the table says.
bool computes(const std::string& text, double expected) {
  Lead l = lead();
  l.integer("company_size", 8).integer("webinars", 2);
  return holds(text + " = " + fmt::format("{}", expected), l);
}

}  // namespace

TEST_SUITE("operators") {

TEST_CASE("each operator is found by its symbol, and its opcode takes two numbers and leaves one") {
  for (const Row& r : rows) {
    CAPTURE(r.symbol);
    REQUIRE(arith_op(r.symbol).has_value());
    CHECK(*arith_op(r.symbol) == r.op);
    bool found = false;
#define OP(name, operand, flag, pops, pushes, scratch, meaning) \
    if (r.opcode == #name) { found = true; CHECK(pops == 2); CHECK(pushes == 1); }
#include "leadscore/opcodes.def"
#undef OP
    CHECK(found);
  }
  CHECK_FALSE(arith_op('%').has_value());
}

TEST_CASE("the folder and the VM compute each operator as apply() does") {
  for (const Row& r : rows) {
    CAPTURE(r.symbol);
    const double expected = *apply(r.op, 8, 2);
    const std::string sym(1, r.symbol);
    CHECK(computes("8 " + sym + " 2", expected));                        // folded
    CHECK(computes("company_size " + sym + " webinars", expected));      // run by the VM
    auto l = load("when company_size " + sym + " webinars > 0 add 1\n");
    bool emitted = false;
    for (const auto& in : l->program().code) emitted = emitted || op_name(in.op) == r.opcode;
    CHECK(emitted);
  }
  CHECK_FALSE(apply(ArithOp::Div, 1, 0).has_value());  // missing, in the folder and the VM alike
  Lead l = lead();
  l.integer("company_size", 8).integer("webinars", 0);
  CHECK(holds("company_size / webinars is missing", l));
  CHECK(holds("company_size / 0 is missing", l));
}

TEST_CASE("the grammar binds operators by the table's precedence, left to right") {
  for (const Row& lo : rows) {
    for (const Row& hi : rows) {
      CAPTURE(lo.symbol);
      CAPTURE(hi.symbol);
      // 8 lo 4 hi 2: the tighter operator first; equal ones left to right.
      const double expected = lo.precedence < hi.precedence ? *apply(lo.op, 8, *apply(hi.op, 4, 2))
                                                            : *apply(hi.op, *apply(lo.op, 8, 4), 2);
      CHECK(computes(fmt::format("8 {} 4 {} 2", lo.symbol, hi.symbol), expected));
      CHECK(computes(fmt::format("company_size {} 4 {} webinars", lo.symbol, hi.symbol), expected));
    }
  }
}

}  // TEST_SUITE
