// opcodes.def's columns against their readers: the .lsc verifier range-checks exactly the operands
// and flags the table says an opcode has, the disassembler prints exactly those, and the
// instruction-set hash that .lsc files carry is the one they were written with.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <string>

#include "leadscore/lsc.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

// A program whose every table has one entry, so that operand 0 of each kind names something, and
// whose code is `in` then HALT.
Program one_instruction(Instr in) {
  Program p;
  p.schema = lead_schema();
  p.numbers = {1.5};
  p.strings = {"a"};
  p.masks = {1};
  p.number_lists = {{2}};
  p.string_lists = {{"b"}};
  p.regexes.push_back(std::make_unique<re2::RE2>("c"));
  p.rules.push_back(RuleInfo{"rule", 0, 1, false, 0, {}});
  p.groups.push_back(GroupInfo{});
  p.rejects.push_back(RejectInfo{"reason", {}});
  p.code = {in, Instr{Op::HALT, 0, 0}};
  p.max_stack = 2;
  p.scratch_strings = 1;
  return p;
}

bool indexes_a_table(Operand k) {
  switch (k) {
    case Operand::Field:
    case Operand::Number:
    case Operand::String:
    case Operand::Mask:
    case Operand::Numbers:
    case Operand::Strings:
    case Operand::Regex:
    case Operand::Rule:
    case Operand::Reject: return true;
    case Operand::None:
    case Operand::Integer:
    case Operand::Date:
    case Operand::Bool:
    case Operand::Target:
    case Operand::Comparison: return false;
  }
  return false;
}

std::uint8_t largest_flag(FlagUse f) {
  switch (f) {
    case FlagUse::None: return 0;
    case FlagUse::Compare: return static_cast<std::uint8_t>(CmpFlag::Ge);
    case FlagUse::Negate:
    case FlagUse::StringSet: return 1;
  }
  return 0;
}

bool mentions(const std::string& text, std::string_view what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("opcodes: the verifier checks the operand the table names, and only it") {
  for (std::size_t k = 0; k < op_count; ++k) {
    const Op op = static_cast<Op>(k);
    const OpInfo& info = op_info(op);
    CAPTURE(info.name);
    const std::string far = verify_program(one_instruction(Instr{op, 0, 1000}));
    CHECK(mentions(far, "names ") == indexes_a_table(info.operand));
    CHECK(mentions(far, "takes no operand") == (info.operand == Operand::None));
    CHECK(mentions(far, "jump target") == (info.operand == Operand::Target));
    CHECK(mentions(far, "truth is not") == (info.operand == Operand::Bool));
    if (info.operand != Operand::Target) {
      // Operand 0 names the first entry of every table: nothing to say about it.
      const std::string near = verify_program(one_instruction(Instr{op, 0, 0}));
      CHECK_FALSE(mentions(near, "names "));
      CHECK_FALSE(mentions(near, "operand"));
    }
  }
}

TEST_CASE("opcodes: the verifier takes the flags the table gives an opcode, and no more") {
  for (std::size_t k = 0; k < op_count; ++k) {
    const Op op = static_cast<Op>(k);
    const OpInfo& info = op_info(op);
    CAPTURE(info.name);
    const std::uint32_t arg = info.operand == Operand::Target ? 1 : 0;
    const std::uint8_t largest = largest_flag(info.flag);
    const std::string ok = verify_program(one_instruction(Instr{op, largest, arg}));
    CHECK_FALSE(mentions(ok, "flag"));
    CHECK_FALSE(mentions(ok, "comparison"));
    const std::string bad = verify_program(one_instruction(Instr{op, static_cast<std::uint8_t>(largest + 1), arg}));
    CHECK(mentions(bad, info.flag == FlagUse::Compare ? "comparison" : "means nothing here"));
  }
}

TEST_CASE("opcodes: the compiler and the verifier count the scratch strings the table says") {
  // Every opcode that writes a scratch string takes a string and leaves one: FIELD_STR, it, POP.
  std::size_t scratch_ops = 0;
  for (std::size_t k = 0; k < op_count; ++k) {
    const OpInfo& info = op_table[k];
    if (!info.scratch) continue;
    CAPTURE(info.name);
    ++scratch_ops;
    REQUIRE(info.pops == 1);
    REQUIRE(info.pushes == 1);
    Program p = one_instruction(Instr{Op::FIELD_STR, 0, 1});  // field 1: email, a string
    p.code.insert(p.code.end() - 1, {Instr{static_cast<Op>(k), 0, 0}, Instr{Op::POP, 0, 0}});
    p.max_stack = 1;
    CHECK(verify_program(p) == "");
    p.scratch_strings = 0;
    CHECK(mentions(verify_program(p), "scratch_strings is 0, the code needs 1"));
  }
  CHECK(scratch_ops >= 1);

  auto l = load("when email_domain(email) = \"x.com\" add 1\nwhen lower(email) = upper(job_title) add 1\n");
  const Program& p = l->program();
  std::uint32_t written = 0;
  for (const Instr& in : p.code) written += op_info(in.op).scratch ? 1 : 0;
  CHECK(written == 3);
  CHECK(p.scratch_strings == written);
  CHECK(verify_program(p) == "");
}

TEST_CASE("opcodes: the disassembler prints an operand exactly where the table has one") {
  for (std::size_t k = 0; k < op_count; ++k) {
    const OpInfo& info = op_table[k];
    CAPTURE(info.name);
    const Instr in{static_cast<Op>(k), static_cast<std::uint8_t>(info.flag == FlagUse::None ? 0 : 1),
                   info.operand == Operand::Target ? 1u : 0u};
    const std::string text = disassemble(one_instruction(in));
    const std::string line = text.substr(0, text.find('\n'));
    const std::string prefix = fmt::format("0000  {:<16} ", info.name);
    REQUIRE(line.substr(0, prefix.size()) == prefix);
    const std::string operand = line.substr(prefix.size());
    CHECK(operand.empty() == (info.operand == Operand::None));
    CHECK(operand.starts_with("not ") == (info.flag == FlagUse::Negate));
    if (info.operand == Operand::Comparison) CHECK(operand == "!=");
  }
}

TEST_CASE("opcodes: the instruction-set hash is the one .lsc files were written with") {
  // FNV-1a of `NAME:operand:pops:pushes;` for every opcode as opcodes.def first spelled it. A new
  // opcode (at the end) changes it on purpose; anything else changing it breaks every .lsc.
  CHECK(lsc_instruction_set_hash() == 0xfd8397a92c609416ULL);
}
