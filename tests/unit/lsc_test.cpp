// Compiled models (.lsc): the round trip keeps everything the VM, explain and disasm read; the
// header's checks (signature, version, instruction set, size, checksum, schema hash) each refuse
// their own damage with their own message; the verifier refuses programs that would read outside
// their tables or the stack.
#include <doctest/doctest.h>

#include <string>

#include "leadscore/lsc.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

struct Compiled {
  Session session;
  std::optional<Program> program;
  std::string bytes;
};

std::unique_ptr<Compiled> compile_file(const std::string& path) {
  auto c = std::make_unique<Compiled>();
  LoadedModel loaded = load_model(c->session, path);
  REQUIRE(loaded.program);
  c->bytes = write_lsc(*loaded.program, c->session.sources, loaded.model.schema_path.value_or(""), path);
  c->program = std::move(loaded.program);
  return c;
}

const std::string brief = std::string(LEADSCORE_SOURCE_DIR) + "/examples/brief.score";
const std::string b2b = std::string(LEADSCORE_SOURCE_DIR) + "/examples/b2b_saas.score";
const std::string small = std::string(LEADSCORE_SOURCE_DIR) + "/tests/lsc/small/model.score";

std::string read_error(std::string_view bytes) {
  SourceManager sources;
  Diagnostics diags;
  std::string error;
  auto file = read_lsc(bytes, sources, diags, error);
  CHECK(file.has_value() == error.empty());
  return error;
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<char>(v >> (8 * k));
}

}  // namespace

TEST_CASE("a .lsc reads back to the same program: code, spans, constants, tables, schema") {
  for (const std::string& path : {brief, b2b, small}) {
    auto c = compile_file(path);
    SourceManager sources;
    Diagnostics diags;
    std::string error;
    auto file = read_lsc(c->bytes, sources, diags, error);
    INFO(path, " ", error);
    REQUIRE(file);
    const Program& a = *c->program;
    const Program& b = file->program;
    CHECK(file->schema_name == "lead.schema");
    CHECK(disassemble(a) == disassemble(b));
    CHECK(disassemble(a, c->session.sources) == disassemble(b, sources));
    CHECK(a.numbers == b.numbers);
    CHECK(a.strings == b.strings);
    CHECK(a.masks == b.masks);
    CHECK(a.number_lists == b.number_lists);
    CHECK(a.string_lists == b.string_lists);
    CHECK(a.regexes.size() == b.regexes.size());
    CHECK(a.max_stack == b.max_stack);
    CHECK(a.scratch_strings == b.scratch_strings);
    CHECK(a.display_name == b.display_name);
    CHECK(a.score_min == b.score_min);
    CHECK(a.score_max == b.score_max);
    CHECK(a.qualify_at == b.qualify_at);
    REQUIRE(a.rules.size() == b.rules.size());
    for (std::size_t i = 0; i < a.rules.size(); ++i) {
      CHECK(a.rules[i].label == b.rules[i].label);
      CHECK(a.rules[i].points == b.rules[i].points);
      CHECK(a.rules[i].group == b.rules[i].group);
      CHECK(a.rules[i].up_to == b.rules[i].up_to);
      const SourceFile& fa = c->session.sources.file(a.rules[i].span.file);
      const SourceFile& fb = sources.file(b.rules[i].span.file);
      CHECK(fa.path() == fb.path());
      CHECK(fa.line_col(a.rules[i].span.begin).line == fb.line_col(b.rules[i].span.begin).line);
    }
    REQUIRE(a.groups.size() == b.groups.size());
    for (std::size_t g = 0; g < a.groups.size(); ++g) {
      CHECK(a.groups[g].name == b.groups[g].name);
      CHECK(a.groups[g].min == b.groups[g].min);
      CHECK(a.groups[g].max == b.groups[g].max);
      CHECK(a.groups[g].decays == b.groups[g].decays);
      CHECK(a.groups[g].decay_field == b.groups[g].decay_field);
    }
    REQUIRE(a.tiers.size() == b.tiers.size());
    REQUIRE(a.schema.fields.size() == b.schema.fields.size());
    for (std::size_t f = 0; f < a.schema.fields.size(); ++f) {
      CHECK(a.schema.fields[f].name == b.schema.fields[f].name);
      CHECK(a.schema.fields[f].type == b.schema.fields[f].type);
      CHECK(a.schema.fields[f].members == b.schema.fields[f].members);
    }
    CHECK(a.schema.key_index == b.schema.key_index);
    // Written again, the program read back gives the same bytes.
    CHECK(b.source_path == path);
    CHECK(write_lsc(b, sources, file->schema_name, b.source_path) == c->bytes);
  }
}

TEST_CASE("every compiled example program verifies") {
  for (const std::string& path : {brief, b2b, small}) {
    auto c = compile_file(path);
    CHECK(verify_program(*c->program) == "");
  }
}

TEST_CASE("the header's checks each refuse their own damage") {
  auto c = compile_file(brief);
  const std::string good = c->bytes;
  REQUIRE(read_error(good) == "");

  CHECK(read_error("") == "it is not a compiled leadscore model (no .lsc signature at its start)");
  CHECK(read_error("schema lead {}") == "it is not a compiled leadscore model (no .lsc signature at its start)");
  CHECK(read_error(good.substr(0, 5)).starts_with("the file is truncated: 5 bytes"));
  CHECK(read_error(good.substr(0, 20)).starts_with("the file is truncated: 20 bytes, shorter than"));
  CHECK(read_error(good.substr(0, good.size() - 1)) ==
        fmt::format("the file is truncated: {} bytes, its header says {}", good.size() - 1, good.size()));
  CHECK(read_error(good + "x") == "the file is damaged: 1 bytes after the end its header gives");

  std::string v = good;
  put_u32(v, 8, 2);
  CHECK(read_error(v) == "it is .lsc format version 2; this leadscore reads version 1: compile the model again");
  std::string isa = good;
  isa[16] = static_cast<char>(isa[16] ^ 1);
  CHECK(read_error(isa) == "it was compiled by a leadscore with a different instruction set: compile the model again");
  std::string body = good;
  body[body.size() - 3] = static_cast<char>(body[body.size() - 3] ^ 0x40);
  CHECK(read_error(body) == "the file is damaged: its checksum does not match its contents");
  std::string schema = good;
  schema[24] = static_cast<char>(schema[24] ^ 1);
  CHECK(read_error(schema) == "the file is damaged: its schema does not match the schema hash in its header");
}

TEST_CASE("the verifier refuses what would read outside the program's tables or stack") {
  auto c = compile_file(small);
  const Program& good = *c->program;
  REQUIRE(verify_program(good) == "");
  // A fresh compile each time: a Program owns its regexes and cannot be copied.
  auto copy = [&] { return std::move(*compile_file(small)->program); };
  auto first = [](const Program& p, Op op) {
    for (std::size_t i = 0; i < p.code.size(); ++i) {
      if (p.code[i].op == op) return i;
    }
    FAIL("no such instruction");
    return std::size_t{0};
  };
  auto verdict = [](const Program& p) { return verify_program(p); };

  Program p = copy();
  p.code[first(p, Op::FIRE)].arg = static_cast<std::uint32_t>(p.rules.size());
  CHECK(verdict(p).find("names rule") != std::string::npos);

  p = copy();
  p.code[first(p, Op::BRANCH_FALSE)].arg = static_cast<std::uint32_t>(p.code.size());
  CHECK(verdict(p).find("jump target") != std::string::npos);
  p = copy();
  p.code[first(p, Op::BRANCH_FALSE)].arg = 0;  // backwards: a loop
  CHECK(verdict(p).find("jump target") != std::string::npos);

  p = copy();
  p.code.back().op = Op::POP;
  CHECK(verdict(p) == "the program does not end with HALT");

  p = copy();
  p.code.insert(p.code.begin(), Instr{Op::POP, 0, 0});
  p.spans.insert(p.spans.begin(), Span{});
  CHECK(verdict(p).find("takes more values than the stack holds") != std::string::npos);

  p = copy();
  p.max_stack = 0;
  CHECK(verdict(p).starts_with("max_stack is 0"));

  p = copy();
  p.code[0] = Instr{static_cast<Op>(250), 0, 0};
  CHECK(verdict(p).find("does not exist") != std::string::npos);

  p = copy();
  p.rules[0].group = 99;
  CHECK(verdict(p).starts_with("rule 0 names group 99"));

  // A number read as a set of strings would index the record's items with its bits.
  p = copy();
  std::size_t at = first(p, Op::FIELD_NUM);
  p.code.insert(p.code.begin() + static_cast<std::ptrdiff_t>(at) + 1, Instr{Op::STRSET_ANY, 0, 0});
  p.spans.insert(p.spans.begin() + static_cast<std::ptrdiff_t>(at) + 1, Span{});
  for (auto& in : p.code) {
    if ((in.op == Op::BRANCH_FALSE || in.op == Op::JUMP_IF_FALSE || in.op == Op::JUMP_IF_TRUE) && in.arg > at) ++in.arg;
  }
  p.string_lists.push_back({"x"});
  p.code[at + 1].arg = static_cast<std::uint32_t>(p.string_lists.size() - 1);
  CHECK(verdict(p).find("not of the kind it takes") != std::string::npos);

  p = copy();
  p.code[first(p, Op::FIELD_NUM)].arg = static_cast<std::uint32_t>(p.schema.fields.size());
  CHECK(verdict(p).find("names field") != std::string::npos);
}

TEST_CASE("an enum of more than 64 members in `x in [...]` is tested by member index, not a mask") {
  // A mask has 64 bits: member 65 in a mask would be a shift by 65 (undefined; on x86 it lands on
  // bit 1), so the compiler tests such an enum against its members' indexes instead.
  std::string members;
  for (int k = 0; k < 70; ++k) members += fmt::format("{}m{}", k == 0 ? "" : ", ", k);
  // Schema and model in one session, so that the .lsc below embeds this schema.
  Session session;
  const std::uint32_t schema_id = session.sources.add(
      "wide.schema", fmt::format("schema lead {{\n  id: string key\n  region: enum({})\n}}\n", members));
  const Schema schema = check_schema(parse_schema(session.sources, schema_id, session.diagnostics), session.diagnostics);
  REQUIRE_FALSE(session.diagnostics.has_errors());
  LoadedModel loaded =
      load_model_text(session, "m.score", "when region in [m65, m69] add 1\nwhen region not in [m1, m66] add 10\n", schema);
  INFO(joined(located(session.sources, session.diagnostics)));
  REQUIRE(loaded.program);
  const Program& program = *loaded.program;
  for (const Instr& in : program.code) CHECK(in.op != Op::IN_MASK);
  CHECK(verify_program(program) == "");

  auto score_of = [&](const Program& p, const char* member) {
    Lead lead(schema);
    lead.str("id", "a");
    if (member != nullptr) lead.member("region", member);
    return run(p, lead).score;
  };
  auto check_scores = [&](const Program& p) {
    CHECK(score_of(p, "m65") == 11);
    CHECK(score_of(p, "m69") == 11);
    CHECK(score_of(p, "m1") == 0);   // bit 65 mod 64 would say m1 is in [m65, ...]
    CHECK(score_of(p, "m66") == 0);
    CHECK(score_of(p, "m2") == 10);  // bit 66 mod 64 would say m2 is in [m1, m66]
    CHECK(score_of(p, "m64") == 10);
    CHECK(score_of(p, nullptr) == 0);  // missing: neither in nor not in
  };
  check_scores(program);

  // Through a .lsc: written, read back, verified, and scoring the same.
  const std::string bytes = write_lsc(program, session.sources, "wide.schema", "m.score");
  SourceManager sources;
  Diagnostics diags;
  std::string error;
  auto file = read_lsc(bytes, sources, diags, error);
  INFO(error);
  REQUIRE(file);
  check_scores(file->program);
}
