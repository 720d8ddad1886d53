// A compiled model: bytecode, its constants, and the tables the VM's epilogue needs (groups, caps,
// decay, thresholds, tiers). Built by the compiler; read-only afterwards, shared by every VM.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"

namespace re2 {
class RE2;
}

namespace leadscore {

enum class Op : std::uint8_t {
#define OP(name, operand, flag, pops, pushes, scratch, meaning) name,
#include "leadscore/opcodes.def"
#undef OP
};

enum class CmpFlag : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// What an instruction's `arg` holds: opcodes.def's operand column (its header says what each is).
enum class Operand : std::uint8_t {
  None, Field, Number, Integer, String, Date, Bool, Mask, Numbers, Strings, Regex, Rule, Reject, Target, Comparison,
};
// What an instruction's `flag` means: opcodes.def's flag column.
enum class FlagUse : std::uint8_t {
  None,       // always 0
  Compare,    // a CmpFlag
  Negate,     // 1: "not in"
  StringSet,  // 1: the popped set is a set of strings, 0: a set of members
};

// One line of opcodes.def.
struct OpInfo {
  std::string_view name;
  Operand operand;
  FlagUse flag;
  int pops, pushes;
  bool scratch;  // writes one of the VM's scratch strings
  std::string_view meaning;
};

inline constexpr OpInfo op_table[] = {
#define OP(name, operand, flag, pops, pushes, scratch, meaning) \
  {#name, Operand::operand, FlagUse::flag, pops, pushes, scratch != 0, meaning},
#include "leadscore/opcodes.def"
#undef OP
};
inline constexpr std::size_t op_count = std::size(op_table);

// Opcode `op`'s line of opcodes.def; `op` must be below op_count.
constexpr const OpInfo& op_info(Op op) { return op_table[static_cast<std::size_t>(op)]; }

struct Instr {
  Op op = Op::HALT;
  std::uint8_t flag = 0;
  std::uint32_t arg = 0;
};

struct RuleInfo {
  std::string label;
  int group = 0;              // index in Program::groups
  double points = 0;
  bool per = false;
  double up_to = 0;           // +inf without `up to`
  Span span;
};

struct GroupInfo {
  std::string name;           // empty for the implicit group of ungrouped rules
  std::optional<double> min, max;
  bool decays = false;
  double decay_base = 1;      // 1 - percent / 100
  double decay_every = 1;     // days
  int decay_field = -1;
  Span span;
};

struct RejectInfo {
  std::string reason;
  Span span;
};

struct TierInfo {
  std::string name;
  std::optional<double> at;   // none: the tier of every score below the others
};

struct Program {
  Program();
  ~Program();
  Program(Program&&) noexcept;
  Program& operator=(Program&&) noexcept;

  Schema schema;
  std::string display_name;
  // The model's own file as it was read when the program was loaded from a compiled .lsc (explain
  // names the model by it, as it would the source); empty when compiled from the source in this run.
  std::string source_path;

  std::vector<Instr> code;
  std::vector<Span> spans;    // one per instruction: the source it came from
  std::vector<double> numbers;
  std::vector<std::string> strings;
  std::vector<std::uint64_t> masks;
  std::vector<std::vector<double>> number_lists;        // sorted
  std::vector<std::vector<std::string>> string_lists;   // sorted
  std::vector<std::unique_ptr<re2::RE2>> regexes;

  std::vector<RuleInfo> rules;      // scoring rules in source order
  std::vector<GroupInfo> groups;    // named groups in source order, then the implicit one if used
  std::vector<RejectInfo> rejects;
  std::optional<double> score_min, score_max, qualify_at;
  std::vector<TierInfo> tiers;

  std::uint32_t max_stack = 0;
  std::uint32_t scratch_strings = 0;  // string buffers the VM needs per record

  // Names of the groups that get an output column (the implicit group gets none).
  std::vector<std::string> group_columns() const;
};

// An opcode's name (op_info(op).name), for messages and tests.
std::string_view op_name(Op op);
std::string disassemble(const Program& program);
// The same with the source: before each run of instructions from one source line, a comment line
// `; FILE line N: TEXT` naming the line they came from (Program::spans resolved in `sources`).
std::string disassemble(const Program& program, const SourceManager& sources);

}  // namespace leadscore
