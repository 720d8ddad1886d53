// Reads a .lsc back into a Program. Nothing in the file is trusted: the header first (signature,
// version, instruction set, size, checksum), then every section with bounds-checked reads, then the
// embedded schema through the schema checker, then every span, and last verify_program.
#include <re2/re2.h>

#include <fmt/format.h>

#include "leadscore/check.hpp"
#include "leadscore/limits.hpp"
#include "leadscore/lsc.hpp"
#include "leadscore/parse.hpp"
#include "lsc/bytes.hpp"

namespace leadscore {

namespace {

struct RawSpan {
  std::uint32_t file = 0, begin = 0, end = 0;
};

RawSpan read_span(lsc::ByteReader& r) {
  RawSpan s;
  s.file = r.u32();
  s.begin = r.u32();
  s.end = r.u32();
  return s;
}

struct Sections {
  std::string schema_name, schema_path, schema_text;
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<RawSpan> code_spans, rule_spans, group_spans, reject_spans;
  std::vector<std::pair<std::string, bool>> regexes;  // pattern, case-insensitive
};

// Reads every section; returns the name of the first that is malformed, or empty.
std::string read_sections(lsc::ByteReader& r, Program& p, Sections& s) {
  s.schema_name = r.str();
  s.schema_path = r.str();
  s.schema_text = r.str();
  if (r.failed()) return "schema";
  for (std::size_t n = r.count(8), i = 0; i < n; ++i) {
    std::string path = r.str();
    std::string text = r.str();
    s.files.emplace_back(std::move(path), std::move(text));
  }
  if (r.failed()) return "sources";
  p.display_name = r.str();
  p.source_path = r.str();
  std::size_t n = r.count(18);
  p.code.reserve(n);
  s.code_spans.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Instr in;
    in.op = static_cast<Op>(r.u8());
    in.flag = r.u8();
    in.arg = r.u32();
    p.code.push_back(in);
    s.code_spans.push_back(read_span(r));
  }
  if (r.failed()) return "code";
  for (std::size_t m = r.count(8), i = 0; i < m; ++i) p.numbers.push_back(r.f64());
  for (std::size_t m = r.count(4), i = 0; i < m; ++i) p.strings.push_back(r.str());
  for (std::size_t m = r.count(8), i = 0; i < m; ++i) p.masks.push_back(r.u64());
  if (r.failed()) return "constants";
  for (std::size_t m = r.count(4), i = 0; i < m; ++i) {
    std::vector<double> list;
    for (std::size_t k = r.count(8), j = 0; j < k; ++j) list.push_back(r.f64());
    p.number_lists.push_back(std::move(list));
  }
  for (std::size_t m = r.count(4), i = 0; i < m; ++i) {
    std::vector<std::string> list;
    for (std::size_t k = r.count(4), j = 0; j < k; ++j) list.push_back(r.str());
    p.string_lists.push_back(std::move(list));
  }
  if (r.failed()) return "lists";
  for (std::size_t m = r.count(5), i = 0; i < m; ++i) {
    std::string pattern = r.str();
    bool folded = r.flag();
    s.regexes.emplace_back(std::move(pattern), folded);
  }
  if (r.failed()) return "regex";
  for (std::size_t m = r.count(33), i = 0; i < m; ++i) {
    RuleInfo rule;
    rule.label = r.str();
    rule.group = static_cast<int>(r.u32() & 0x7fffffffU);
    rule.points = r.f64();
    rule.per = r.flag();
    rule.up_to = r.f64();
    s.rule_spans.push_back(read_span(r));
    p.rules.push_back(std::move(rule));
  }
  if (r.failed()) return "rules";
  for (std::size_t m = r.count(51), i = 0; i < m; ++i) {
    GroupInfo g;
    g.name = r.str();
    g.min = r.opt();
    g.max = r.opt();
    g.decays = r.flag();
    g.decay_base = r.f64();
    g.decay_every = r.f64();
    g.decay_field = static_cast<int>(static_cast<std::int32_t>(r.u32()));
    s.group_spans.push_back(read_span(r));
    p.groups.push_back(std::move(g));
  }
  if (r.failed()) return "groups";
  for (std::size_t m = r.count(16), i = 0; i < m; ++i) {
    RejectInfo rej;
    rej.reason = r.str();
    s.reject_spans.push_back(read_span(r));
    p.rejects.push_back(std::move(rej));
  }
  if (r.failed()) return "rejects";
  p.score_min = r.opt();
  p.score_max = r.opt();
  p.qualify_at = r.opt();
  for (std::size_t m = r.count(13), i = 0; i < m; ++i) {
    TierInfo t;
    t.name = r.str();
    t.at = r.opt();
    p.tiers.push_back(std::move(t));
  }
  if (r.failed()) return "tiers";
  p.max_stack = r.u32();
  p.scratch_strings = r.u32();
  if (r.failed()) return "stack";
  if (!r.at_end()) return "end";
  return {};
}

std::string read_header(std::string_view bytes, std::uint64_t& schema_hash) {
  if (bytes.size() < lsc_magic.size()) {
    if (lsc_magic.substr(0, bytes.size()) == bytes && !bytes.empty()) {
      return fmt::format("the file is truncated: {} bytes, shorter than the {}-byte header", bytes.size(),
                         lsc_header_size);
    }
    return "it is not a compiled leadscore model (no .lsc signature at its start)";
  }
  if (bytes.substr(0, lsc_magic.size()) != lsc_magic) {
    return "it is not a compiled leadscore model (no .lsc signature at its start)";
  }
  if (bytes.size() < lsc_header_size) {
    return fmt::format("the file is truncated: {} bytes, shorter than the {}-byte header", bytes.size(),
                       lsc_header_size);
  }
  lsc::ByteReader h(bytes.substr(lsc_magic.size(), lsc_header_size - lsc_magic.size()));
  std::uint32_t version = h.u32();
  std::uint32_t reserved = h.u32();
  std::uint64_t isa = h.u64();
  schema_hash = h.u64();
  std::uint64_t size = h.u64();
  std::uint64_t checksum = h.u64();
  if (version != lsc_format_version) {
    return fmt::format("it is .lsc format version {}; this leadscore reads version {}: compile the model again",
                       version, lsc_format_version);
  }
  if (reserved != 0) return "the file is damaged: its header's reserved field is not 0";
  if (isa != lsc_instruction_set_hash()) {
    return "it was compiled by a leadscore with a different instruction set: compile the model again";
  }
  std::uint64_t have = bytes.size() - lsc_header_size;
  if (size > have) {
    return fmt::format("the file is truncated: {} bytes, its header says {}", bytes.size(),
                       size > UINT64_MAX - lsc_header_size ? size : size + lsc_header_size);
  }
  if (size < have) {
    return fmt::format("the file is damaged: {} bytes after the end its header gives", have - size);
  }
  if (lsc_hash(bytes.substr(lsc_header_size)) != checksum) {
    return "the file is damaged: its checksum does not match its contents";
  }
  return {};
}

}  // namespace

std::optional<LscFile> read_lsc(std::string_view bytes, SourceManager& sources, Diagnostics& diags,
                                std::string& error) {
  LscFile out;
  error = read_header(bytes, out.schema_hash);
  if (!error.empty()) return std::nullopt;

  Program& p = out.program;
  Sections s;
  lsc::ByteReader r(bytes.substr(lsc_header_size));
  std::string bad = read_sections(r, p, s);
  if (!bad.empty()) {
    error = fmt::format("the file is malformed: its {} section does not read", bad);
    return std::nullopt;
  }
  if (lsc_hash(s.schema_text) != out.schema_hash) {
    error = "the file is damaged: its schema does not match the schema hash in its header";
    return std::nullopt;
  }
  out.schema_name = s.schema_name;

  // The schema goes through the same parser and checker as a schema file: the VM and the record
  // readers get only a schema those accept.
  std::uint32_t schema_file = sources.add(s.schema_path, s.schema_text);
  std::size_t before = diags.error_count();
  ast::SchemaFile parsed = parse_schema(sources, schema_file, diags);
  if (diags.error_count() == before) p.schema = check_schema(parsed, diags);
  if (diags.error_count() > before) {
    error = "the file is damaged: its schema has errors";
    return std::nullopt;
  }

  std::vector<std::uint32_t> ids{0};
  for (auto& [path, text] : s.files) ids.push_back(sources.add(std::move(path), std::move(text)));
  bool spans_ok = true;
  auto span = [&](const RawSpan& raw) {
    if (raw.file >= ids.size() || raw.begin > raw.end ||
        (raw.file != 0 && raw.end > sources.file(ids[raw.file]).text().size())) {
      spans_ok = false;
      return Span{};
    }
    return Span{ids[raw.file], raw.begin, raw.end};
  };
  for (const auto& raw : s.code_spans) p.spans.push_back(span(raw));
  for (std::size_t i = 0; i < p.rules.size(); ++i) p.rules[i].span = span(s.rule_spans[i]);
  for (std::size_t i = 0; i < p.groups.size(); ++i) p.groups[i].span = span(s.group_spans[i]);
  for (std::size_t i = 0; i < p.rejects.size(); ++i) p.rejects[i].span = span(s.reject_spans[i]);
  if (!spans_ok) {
    error = "the file is malformed: a source span lies outside its source file";
    return std::nullopt;
  }

  for (const auto& [pattern, folded] : s.regexes) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!folded);
    options.set_max_mem(limits::max_regex_memory);  // as the compiler built it
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) {
      error = fmt::format("the file is malformed: regex {} does not compile", p.regexes.size());
      return std::nullopt;
    }
    p.regexes.push_back(std::move(re));
  }

  std::string problem = verify_program(p);
  if (!problem.empty()) {
    error = "the program does not verify: " + problem;
    return std::nullopt;
  }
  return out;
}

}  // namespace leadscore
