// Writes a compiled Program as a .lsc: a fixed header (magic, version, instruction-set hash, schema
// hash, payload size and checksum) and one payload of sections in a fixed order (docs/lsc.md).
#include <fmt/format.h>
#include <re2/re2.h>

#include <map>

#include "leadscore/lsc.hpp"
#include "lsc/bytes.hpp"

namespace leadscore {

std::uint64_t lsc_hash(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

// An operand kind as opcodes.def spelled it when .lsc files were first written: the hash is of that
// text, so it must not change while the instruction set does not (CONST_INT's arg was `number`, a
// comparison's `flag`).
constexpr std::string_view hashed_operand(Operand operand) {
  switch (operand) {
    case Operand::None: return "none";
    case Operand::Field: return "field";
    case Operand::Number: return "number";
    case Operand::Integer: return "number";
    case Operand::String: return "string";
    case Operand::Date: return "date";
    case Operand::Bool: return "bool";
    case Operand::Mask: return "mask";
    case Operand::Numbers: return "numbers";
    case Operand::Strings: return "strings";
    case Operand::Regex: return "regex";
    case Operand::Rule: return "rule";
    case Operand::Reject: return "reject";
    case Operand::Target: return "target";
    case Operand::Comparison: return "flag";
  }
  return "";
}

}  // namespace

std::uint64_t lsc_instruction_set_hash() {
  // `NAME:operand:pops:pushes;` per opcode. The flag and scratch columns came later and change
  // nothing a .lsc holds, so they are not hashed.
  static const std::uint64_t hash = [] {
    std::string text;
    for (const OpInfo& op : op_table)
      text += fmt::format("{}:{}:{}:{};", op.name, hashed_operand(op.operand), op.pops, op.pushes);
    return lsc_hash(text);
  }();
  return hash;
}

namespace {

// The source files the spans name, numbered from 1 in the order first met (0: no file).
class FileTable {
 public:
  explicit FileTable(const SourceManager& sources) : sources_(sources) {}

  void note(const Span& s) {
    if (s.file == 0 || s.file >= sources_.size()) return;
    if (index_.try_emplace(s.file, static_cast<std::uint32_t>(order_.size() + 1)).second) order_.push_back(s.file);
  }
  void span(lsc::ByteWriter& w, const Span& s) const {
    auto it = index_.find(s.file);
    if (it == index_.end()) {
      w.u32(0);
      w.u32(0);
      w.u32(0);
      return;
    }
    w.u32(it->second);
    w.u32(s.begin);
    w.u32(s.end);
  }
  void files(lsc::ByteWriter& w) const {
    w.count(order_.size());
    for (auto id : order_) {
      w.str(sources_.file(id).path());
      w.str(sources_.file(id).text());
    }
  }

 private:
  const SourceManager& sources_;
  std::map<std::uint32_t, std::uint32_t> index_;
  std::vector<std::uint32_t> order_;
};

void payload(lsc::ByteWriter& w, const Program& p, const SourceManager& sources, std::string_view schema_name,
             std::string_view model_path) {
  std::uint32_t schema_file = p.schema.span.file;
  bool has_schema_file = schema_file != 0 && schema_file < sources.size();
  w.str(schema_name);
  w.str(has_schema_file ? sources.file(schema_file).path() : "");
  w.str(has_schema_file ? sources.file(schema_file).text() : "");

  FileTable files(sources);
  for (const auto& s : p.spans) files.note(s);
  for (const auto& r : p.rules) files.note(r.span);
  for (const auto& g : p.groups) files.note(g.span);
  for (const auto& r : p.rejects) files.note(r.span);
  files.files(w);

  w.str(p.display_name);
  w.str(model_path);
  w.count(p.code.size());
  for (std::size_t i = 0; i < p.code.size(); ++i) {
    w.u8(static_cast<std::uint8_t>(p.code[i].op));
    w.u8(p.code[i].flag);
    w.u32(p.code[i].arg);
    files.span(w, i < p.spans.size() ? p.spans[i] : Span{});
  }
  w.count(p.numbers.size());
  for (double x : p.numbers) w.f64(x);
  w.count(p.strings.size());
  for (const auto& s : p.strings) w.str(s);
  w.count(p.masks.size());
  for (auto m : p.masks) w.u64(m);
  w.count(p.number_lists.size());
  for (const auto& list : p.number_lists) {
    w.count(list.size());
    for (double x : list) w.f64(x);
  }
  w.count(p.string_lists.size());
  for (const auto& list : p.string_lists) {
    w.count(list.size());
    for (const auto& s : list) w.str(s);
  }
  w.count(p.regexes.size());
  for (const auto& re : p.regexes) {
    w.str(re->pattern());
    w.u8(re->options().case_sensitive() ? 0 : 1);
  }
  w.count(p.rules.size());
  for (const auto& r : p.rules) {
    w.str(r.label);
    w.u32(static_cast<std::uint32_t>(r.group));
    w.f64(r.points);
    w.u8(r.per ? 1 : 0);
    w.f64(r.up_to);
    files.span(w, r.span);
  }
  w.count(p.groups.size());
  for (const auto& g : p.groups) {
    w.str(g.name);
    w.opt(g.min);
    w.opt(g.max);
    w.u8(g.decays ? 1 : 0);
    w.f64(g.decay_base);
    w.f64(g.decay_every);
    w.u32(static_cast<std::uint32_t>(g.decay_field));
    files.span(w, g.span);
  }
  w.count(p.rejects.size());
  for (const auto& r : p.rejects) {
    w.str(r.reason);
    files.span(w, r.span);
  }
  w.opt(p.score_min);
  w.opt(p.score_max);
  w.opt(p.qualify_at);
  w.count(p.tiers.size());
  for (const auto& t : p.tiers) {
    w.str(t.name);
    w.opt(t.at);
  }
  w.u32(p.max_stack);
  w.u32(p.scratch_strings);
}

}  // namespace

std::string write_lsc(const Program& program, const SourceManager& sources, std::string_view schema_name,
                      std::string_view model_path) {
  lsc::ByteWriter body;
  payload(body, program, sources, schema_name, model_path);
  std::uint32_t schema_file = program.schema.span.file;
  std::string_view schema_text =
      schema_file != 0 && schema_file < sources.size() ? std::string_view(sources.file(schema_file).text()) : "";

  lsc::ByteWriter head;
  head.bytes().append(lsc_magic);
  head.u32(lsc_format_version);
  head.u32(0);  // reserved: no flags yet
  head.u64(lsc_instruction_set_hash());
  head.u64(lsc_hash(schema_text));
  head.u64(body.bytes().size());
  head.u64(lsc_hash(body.bytes()));
  head.bytes() += body.bytes();
  return std::move(head.bytes());
}

}  // namespace leadscore
