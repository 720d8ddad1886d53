// include/leadscore/builtins.def is the one list of built-in functions: the checker, the compiler,
// lint's ranges and the editor read it. These tests fail when the table and a reader disagree.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "check/builtins.hpp"
#include "lsp/builtin_docs.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

struct OpShape {
  std::string_view name;
  int pops, pushes;
};

constexpr OpShape op_shapes[] = {
#define OP(name, operand, flag, pops, pushes, scratch, meaning) {#name, pops, pushes},
#include "leadscore/opcodes.def"
#undef OP
};

struct Row {
  std::string_view name, argument, result, opcode;
  double lowest, highest;
  std::string_view signature, doc;
};

constexpr double unbounded = std::numeric_limits<double>::infinity();
constexpr Row rows[] = {
#define BUILTIN(name, argument, result, opcode, lowest, highest, signature, doc) \
  {#name, #argument, #result, #opcode, lowest, highest, signature, doc},
#include "leadscore/builtins.def"
#undef BUILTIN
};

// An argument of the type the table names, as a model would write it against the test schema.
std::string argument_of(std::string_view type) {
  if (type == "String") return "job_title";
  if (type == "Set") return "visited";
  if (type == "Date") return "last_activity";
  return "";
}

}  // namespace

TEST_SUITE("builtins") {

TEST_CASE("every built-in compiles to an opcode that takes its argument and leaves its result") {
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const OpShape* shape = nullptr;
    for (const OpShape& s : op_shapes)
      if (s.name == r.opcode) shape = &s;
    REQUIRE(shape != nullptr);
    CHECK(shape->pops == 1);
    CHECK(shape->pushes == 1);
  }
}

TEST_CASE("the checker, the editor's docs and the table list the same built-ins, in order") {
  REQUIRE(std::size(check::builtins) == std::size(rows));
  REQUIRE(std::size(lsp::builtin_docs) == std::size(rows));
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    CAPTURE(rows[i].name);
    CHECK(check::builtins[i].name == rows[i].name);
    CHECK(lsp::builtin_docs[i].name == rows[i].name);
    CHECK(lsp::builtin_docs[i].signature.starts_with(std::string(rows[i].name) + "("));
    CHECK_FALSE(lsp::builtin_docs[i].doc.empty());
  }
}

TEST_CASE("a number result has a range; a string result has none") {
  for (const Row& r : rows) {
    CAPTURE(r.name);
    if (r.result == "Number") {
      CHECK(r.lowest <= r.highest);
      CHECK(r.highest > 0);
    } else {
      CHECK(r.result == "String");
      CHECK(r.lowest == 0);
      CHECK(r.highest == 0);
    }
  }
}

TEST_CASE("each built-in compiles to its table's opcode, and lint trusts its range") {
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string call = std::string(r.name) + "(" + argument_of(r.argument) + ")";
    const std::string test = r.result == "Number" ? call + " >= 0" : call + " = \"x\"";
    auto l = load("when " + test + " add 1\n");
    INFO(joined(l->errors()));
    REQUIRE(l->ok());
    bool emitted = false;
    for (const auto& in : l->program().code) emitted = emitted || op_name(in.op) == r.opcode;
    CHECK(emitted);
    if (r.result == "Number" && r.lowest >= 0) {
      // Below the table's lowest value the rule can never fire: lint says so (W004).
      auto never = load("when " + call + " < " + fmt::format("{}", r.lowest) + " add 1\n");
      bool flagged = false;
      for (const auto& d : never->session.diagnostics.all()) flagged = flagged || d.code == "W004";
      CHECK(flagged);
    }
  }
}

}  // TEST_SUITE
