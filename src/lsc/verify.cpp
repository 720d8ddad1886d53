// The verifier: proves, before the VM runs a program read from a file, that every instruction reads
// only what exists. Operand and flag kinds, stack effects and scratch use come from opcodes.def
// (op_table); the value kinds each opcode takes and pushes are listed here (the VM reads a set of
// strings as a range of record items and an enum member as a shift count, so a wrong kind there
// would read out of bounds). Jumps only go forward,
// so one pass in program order sees every path into an instruction before the instruction itself,
// and every instruction runs at most once per record (the scratch strings cannot run out).
#include <fmt/format.h>

#include <optional>
#include <string_view>
#include <vector>

#include "leadscore/lsc.hpp"

namespace leadscore {

namespace {

// Value kinds on the simulated stack, as bits so that an opcode can accept several.
enum Kind : unsigned {
  Num = 1,      // a double (numbers, counts, lengths, day spans)
  Str = 2,      // a string view
  Truth = 4,    // 1 or 0 in i
  Int = 8,      // a day or a constant member index in i
  Member = 16,  // an enum field's member index in i
  Bits = 32,    // a set's bitmask
  StrSet = 64,  // a range of a record's string items
  Any = 127,
};

struct Slot {
  Kind kind = Num;
  int field = -1;  // Member: the enum field it came from
  bool operator==(const Slot&) const = default;
};

using Stack = std::vector<Slot>;

// What one instruction takes from the stack (bottom first) and leaves on it.
struct Effect {
  std::vector<unsigned> takes;
  std::optional<Slot> pushes;
  bool keeps_top = false;  // JUMP_IF_*: the truth stays
};

// The stack kind of a built-in's argument or result type (builtins.def). A type with no function
// here does not build, so a built-in of a new type cannot slip past the verifier.
constexpr Kind builtin_kind_String(std::uint8_t) { return Str; }
constexpr Kind builtin_kind_Number(std::uint8_t) { return Num; }
constexpr Kind builtin_kind_Date(std::uint8_t) { return Int; }  // a day: TO_DAY turns a timestamp into one
constexpr Kind builtin_kind_Set(std::uint8_t flag) { return flag != 0 ? StrSet : Bits; }  // flag: of strings

bool field_is(const Schema& s, std::uint32_t arg, std::initializer_list<FieldType> types) {
  for (auto t : types) {
    if (s.fields[arg].type == t) return true;
  }
  return false;
}

// The effect of `in`, or nullopt with `why` set when its operand does not fit its opcode.
std::optional<Effect> effect_of(const Program& p, const Instr& in, std::string& why) {
  const Schema& s = p.schema;
  auto push = [](Kind k, int field = -1) { return std::optional<Slot>(Slot{k, field}); };
  auto field_op = [&](std::initializer_list<FieldType> types, Kind k) -> std::optional<Effect> {
    if (!field_is(s, in.arg, types)) {
      why = fmt::format("field '{}' is a {}", s.fields[in.arg].name, field_type_name(s.fields[in.arg].type));
      return std::nullopt;
    }
    return Effect{{}, push(k, k == Member ? static_cast<int>(in.arg) : -1)};
  };
  auto test = [&](std::vector<unsigned> takes) { return Effect{std::move(takes), push(Truth)}; };
  switch (in.op) {
    case Op::FIELD_NUM: return field_op({FieldType::Int, FieldType::Number}, Num);
    case Op::FIELD_STR: return field_op({FieldType::String}, Str);
    case Op::FIELD_BOOL: return field_op({FieldType::Bool}, Truth);
    case Op::FIELD_DATE: return field_op({FieldType::Date, FieldType::Timestamp}, Int);
    // Seconds in i and num: compared as integers, subtracted as numbers.
    case Op::FIELD_TIME: return field_op({FieldType::Timestamp}, static_cast<Kind>(Int | Num));
    case Op::FIELD_ENUM: return field_op({FieldType::Enum}, Member);
    case Op::FIELD_SET: return field_op({FieldType::Set}, Bits);
    case Op::FIELD_STRSET: return field_op({FieldType::StringSet}, StrSet);
    case Op::CONST_NUM: return Effect{{}, push(Num)};
    case Op::CONST_STR: return Effect{{}, push(Str)};
    case Op::CONST_DATE:
    case Op::CONST_INT: return Effect{{}, push(Int)};
    case Op::CONST_BOOL: return Effect{{}, push(Truth)};
    case Op::NEG: return Effect{{Num}, push(Num)};
#define ARITH(symbol, name, precedence, opcode) case Op::opcode:
#include "leadscore/operators.def"
#undef ARITH
      return Effect{{Num, Num}, push(Num)};  // every operator of operators.def
    case Op::CMP_NUM: return test({Num, Num});
    case Op::CMP_STR: return test({Str, Str});
    case Op::CMP_INT: return test({Int | Member | Truth, Int | Member | Truth});
    case Op::IN_NUMS: return test({Num | Int | Member});  // Member: an enum wider than a mask
    case Op::IN_STRS: return test({Str});
    case Op::IN_MASK: return test({Member});
    case Op::SET_ANY:
    case Op::SET_ALL: return test({Bits});
    case Op::STRSET_ANY:
    case Op::STRSET_ALL: return test({StrSet});
    case Op::CONTAINS_CI:
    case Op::STARTS_CI:
    case Op::ENDS_CI:
    case Op::CONTAINS_ANY_CI:
    case Op::REGEX: return test({Str});
    case Op::CONTAINS_DYN_CI: return test({Str, Str});
    case Op::PRESENT:
    case Op::ABSENT: return test({Any});
    case Op::NOT: return test({Truth});
    case Op::JUMP_IF_FALSE:
    case Op::JUMP_IF_TRUE: return Effect{{Truth}, std::nullopt, true};
    case Op::POP: return Effect{{Any}, std::nullopt};
    case Op::BRANCH_FALSE: return Effect{{Truth}, std::nullopt};
    // Every built-in's opcode, from its types in builtins.def: a new built-in needs no line here.
#define BUILTIN(name, argument, result, opcode, lowest, highest, signature, doc) \
  case Op::opcode:                                                               \
    return Effect{{builtin_kind_##argument(in.flag)}, push(builtin_kind_##result(0))};
#include "leadscore/builtins.def"
#undef BUILTIN
    case Op::TO_DAY: return Effect{{Int}, push(Int)};
    case Op::FIRE:
    case Op::REJECT:
    case Op::HALT: return Effect{{}, std::nullopt};
    case Op::FIRE_PER: return Effect{{Num}, std::nullopt};
    // No default: an opcode added to opcodes.def without a line here does not build.
  }
  why = "the verifier does not know this opcode";
  return std::nullopt;
}

// The operand's own range and the flag's, from their kinds in opcodes.def.
std::string check_operand(const Program& p, std::size_t pc, const Instr& in) {
  const OpInfo& info = op_info(in.op);
  auto index = [&](std::size_t size, std::string_view what) -> std::string {
    if (in.arg < size) return {};
    return fmt::format("it names {} {} of {}", what, in.arg, size);
  };
  std::string bad;
  switch (info.operand) {
    case Operand::None: bad = in.arg != 0 ? "it takes no operand" : ""; break;
    case Operand::Field: bad = index(p.schema.fields.size(), "field"); break;
    case Operand::Number: bad = index(p.numbers.size(), "number"); break;
    case Operand::Integer:  // any value: an enum member index, compared as it is
    case Operand::Date:     // any value: a day
    case Operand::Comparison: break;  // arg unused; the comparison is the flag's, checked below
    case Operand::String: bad = index(p.strings.size(), "string"); break;
    case Operand::Bool: bad = in.arg <= 1 ? "" : "its truth is not 0 or 1"; break;
    case Operand::Mask: bad = index(p.masks.size(), "mask"); break;
    case Operand::Numbers: bad = index(p.number_lists.size(), "number list"); break;
    case Operand::Strings: bad = index(p.string_lists.size(), "string list"); break;
    case Operand::Regex: bad = index(p.regexes.size(), "regex"); break;
    case Operand::Rule: bad = index(p.rules.size(), "rule"); break;
    case Operand::Reject: bad = index(p.rejects.size(), "reject clause"); break;
    case Operand::Target:
      if (in.arg <= pc || in.arg >= p.code.size()) bad = fmt::format("its jump target {} is not ahead inside the program", in.arg);
      break;
  }
  if (!bad.empty()) return bad;
  switch (info.flag) {
    case FlagUse::Compare:
      if (in.flag > static_cast<std::uint8_t>(CmpFlag::Ge)) bad = fmt::format("comparison {} does not exist", in.flag);
      break;
    case FlagUse::None:
    case FlagUse::Negate:
    case FlagUse::StringSet:
      if (in.flag > (info.flag == FlagUse::None ? 0 : 1)) bad = fmt::format("its flag {} means nothing here", in.flag);
      break;
  }
  return bad;
}

std::string check_tables(const Program& p) {
  const Schema& s = p.schema;
  if (s.key_index < 0 || static_cast<std::size_t>(s.key_index) >= s.fields.size()) return "the schema has no key";
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    if (p.rules[i].group < 0 || static_cast<std::size_t>(p.rules[i].group) >= p.groups.size()) {
      return fmt::format("rule {} names group {} of {}", i, p.rules[i].group, p.groups.size());
    }
  }
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    const GroupInfo& info = p.groups[g];
    if (!info.decays) continue;
    if (info.decay_field < 0 || static_cast<std::size_t>(info.decay_field) >= s.fields.size() ||
        (s.fields[static_cast<std::size_t>(info.decay_field)].type != FieldType::Date &&
         s.fields[static_cast<std::size_t>(info.decay_field)].type != FieldType::Timestamp)) {
      return fmt::format("group {} decays by field {}, which is not a date or timestamp field", g, info.decay_field);
    }
  }
  if (!p.spans.empty() && p.spans.size() != p.code.size()) return "the program has not one span per instruction";
  return {};
}

}  // namespace

std::string verify_program(const Program& p) {
  if (std::string bad = check_tables(p); !bad.empty()) return bad;
  if (p.code.empty() || p.code.back().op != Op::HALT) return "the program does not end with HALT";

  // The stack as it enters each jump target, from the jumps seen so far.
  std::vector<std::optional<Stack>> entry(p.code.size());
  std::optional<Stack> stack = Stack{};  // nullopt: no path reaches this instruction
  std::size_t max_depth = 0, scratch = 0;
  for (std::size_t pc = 0; pc < p.code.size(); ++pc) {
    const Instr& in = p.code[pc];
    auto where = [&](std::string_view what) {
      std::string_view name = static_cast<std::size_t>(in.op) < op_count ? op_name(in.op) : "?";
      return fmt::format("instruction {} ({}): {}", pc, name, what);
    };
    if (static_cast<std::size_t>(in.op) >= op_count) return where(fmt::format("opcode {} does not exist", static_cast<int>(in.op)));
    if (std::string bad = check_operand(p, pc, in); !bad.empty()) return where(bad);
    std::string why;
    std::optional<Effect> effect = effect_of(p, in, why);
    if (!effect) return where(why);
    const OpInfo& info = op_info(in.op);
    if (effect->takes.size() != static_cast<std::size_t>(info.pops) + (effect->keeps_top ? 1 : 0) ||
        (effect->pushes ? 1 : 0) != info.pushes) {
      return where("its stack effect disagrees with opcodes.def");
    }
    if (info.scratch) ++scratch;

    if (entry[pc]) {
      if (stack && *stack != *entry[pc]) return where("the paths into it leave different stacks");
      stack = std::move(entry[pc]);
      entry[pc].reset();
    }
    if (!stack) continue;  // unreachable: its operands are checked, it never runs

    Stack& st = *stack;
    if (st.size() < effect->takes.size()) return where("it takes more values than the stack holds");
    for (std::size_t k = 0; k < effect->takes.size(); ++k) {
      const Slot& v = st[st.size() - effect->takes.size() + k];
      if ((v.kind & effect->takes[k]) == 0) return where("a value on the stack is not of the kind it takes");
      if (in.op == Op::IN_MASK && p.schema.fields[static_cast<std::size_t>(v.field)].members.size() > max_set_members) {
        return where("its enum has more members than a mask holds");
      }
    }
    if (!effect->keeps_top) st.resize(st.size() - effect->takes.size());
    if (effect->pushes) st.push_back(*effect->pushes);
    max_depth = std::max(max_depth, st.size());

    if (info.operand == Operand::Target) {
      std::optional<Stack>& there = entry[in.arg];
      if (there && *there != st) return where("the paths into its target leave different stacks");
      there = st;
    }
    if (in.op == Op::HALT) stack.reset();
  }
  // At least what the code needs, and no more than the code could ever use (the VM allocates it).
  if (p.max_stack < max_depth || p.max_stack > p.code.size()) {
    return fmt::format("max_stack is {}, the code needs {}", p.max_stack, max_depth);
  }
  if (p.scratch_strings < scratch || p.scratch_strings > p.code.size()) {
    return fmt::format("scratch_strings is {}, the code needs {}", p.scratch_strings, scratch);
  }
  return {};
}

}  // namespace leadscore
