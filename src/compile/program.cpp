// The compiled program's housekeeping and its disassembler, both driven by opcodes.def.
#include <re2/re2.h>

#include <optional>

#include <fmt/format.h>

#include "leadscore/date.hpp"
#include "leadscore/program.hpp"

namespace leadscore {

Program::Program() = default;
Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

std::vector<std::string> Program::group_columns() const {
  std::vector<std::string> out;
  for (const auto& g : groups) {
    if (!g.name.empty()) out.push_back(g.name);
  }
  return out;
}

namespace {

constexpr std::string_view cmp_names[] = {"=", "!=", "<", "<=", ">", ">="};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + fmt::format("\"{}\"", s);
  return out;
}

std::string operand_text(const Program& p, const Instr& in) {
  switch (op_info(in.op).operand) {
    case Operand::None: return "";
    case Operand::Field: return p.schema.fields[in.arg].name;
    case Operand::Number: return fmt::format("{}", p.numbers[in.arg]);
    case Operand::Integer: return fmt::format("{}", in.arg);
    case Operand::String: return fmt::format("\"{}\"", p.strings[in.arg]);
    case Operand::Date: return format_date(static_cast<Day>(static_cast<std::int32_t>(in.arg)));
    case Operand::Bool: return in.arg ? "true" : "false";
    case Operand::Mask: return fmt::format("{:#x}", p.masks[in.arg]);
    case Operand::Numbers: {
      std::string out;
      for (double x : p.number_lists[in.arg]) out += (out.empty() ? "" : ", ") + fmt::format("{}", x);
      return fmt::format("[{}]", out);
    }
    case Operand::Strings: return fmt::format("[{}]", join(p.string_lists[in.arg]));
    case Operand::Regex: {
      const RE2& re = *p.regexes[in.arg];
      return fmt::format("/{}/{}", re.pattern(), re.options().case_sensitive() ? "" : "i");
    }
    case Operand::Rule: return fmt::format("{} \"{}\"", in.arg, p.rules[in.arg].label);
    case Operand::Reject: return fmt::format("{} \"{}\"", in.arg, p.rejects[in.arg].reason);
    case Operand::Target: return fmt::format("-> {:04}", in.arg);
    case Operand::Comparison: return std::string(cmp_names[in.flag % 6]);
  }
  return "";
}

}  // namespace

std::string_view op_name(Op op) { return op_info(op).name; }

namespace {

std::string instruction_text(const Program& p, std::size_t i) {
  const Instr& in = p.code[i];
  std::string text = operand_text(p, in);
  if (op_info(in.op).flag == FlagUse::Negate && in.flag) text = "not " + text;
  return fmt::format("{:04}  {:<16} {}\n", i, op_name(in.op), text);
}

// The source line an instruction came from: its file (0: none) and line number.
struct SourceLine {
  std::uint32_t file = 0, line = 0;
  bool operator==(const SourceLine&) const = default;
};

SourceLine source_line(const SourceManager& sources, const Span& span) {
  if (span.file == 0 || span.file >= sources.size()) return {};
  return {span.file, sources.file(span.file).line_col(span.begin).line};
}

// `; FILE line N: TEXT`, leading blanks left out.
std::string source_comment(const SourceManager& sources, SourceLine at) {
  if (at.file == 0) return "; (no source line)\n";
  const SourceFile& f = sources.file(at.file);
  std::string_view text = f.line_text(at.line);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return fmt::format("; {} line {}: {}\n", f.path(), at.line, text);
}

}  // namespace

std::string disassemble(const Program& p) {
  std::string out;
  for (std::size_t i = 0; i < p.code.size(); ++i) out += instruction_text(p, i);
  return out;
}

std::string disassemble(const Program& p, const SourceManager& sources) {
  std::string out;
  std::optional<SourceLine> last;
  for (std::size_t i = 0; i < p.code.size(); ++i) {
    // The comment is formatted only where the line changes, not once per instruction.
    const SourceLine at = source_line(sources, i < p.spans.size() ? p.spans[i] : Span{});
    if (at != last) out += source_comment(sources, at);
    last = at;
    out += instruction_text(p, i);
  }
  return out;
}

}  // namespace leadscore
