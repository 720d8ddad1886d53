// What each fuzz target does with one input, as functions: the fuzz_<target>.cpp files call them
// from LLVMFuzzerTestOneInput, and tests/unit/fuzz_regressions_test.cpp replays every input in
// tests/fuzz/regressions/<target>/ through them. Nothing here prints or writes files; a broken
// invariant calls fail().
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_records.hpp"
#include "fuzz_support.hpp"
#include "leadscore/explain.hpp"
#include "leadscore/format.hpp"
#include "leadscore/lint.hpp"
#include "leadscore/testing.hpp"

namespace leadscore_fuzz {

// ---- schema: parse and check the input as a schema, render every diagnostic in every format; when
// it checks, compile a one-rule model against it and read a CSV and a JSON-lines record it describes.

inline void use_schema(const Schema& schema) {
  if (schema.key_index < 0 || static_cast<std::size_t>(schema.key_index) >= schema.fields.size()) {
    fail("a checked schema without a key");
  }
  const std::size_t key = static_cast<std::size_t>(schema.key_index);
  if (schema.find(schema.fields[key].name) != schema.key_index) fail("the key not found by its own name");
  std::string header, row, json = "{";
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const Field& f = schema.fields[i];
    bool is_key = static_cast<int>(i) == schema.key_index;
    header += (i ? "," : "") + f.name;
    row += std::string(i ? "," : "") + (is_key ? "k1" : "");
    if (is_key) json += "\"" + f.name + "\":\"k1\"";
  }
  json += "}\n";
  std::string csv = header + "\n" + row + "\n";

  Session session;
  LoadedModel loaded = load_model_text(session, "m.score", "when true add 1 as \"one\"\nqualify at 1\n", schema);
  render_all(session.diagnostics, session.sources);
  if (!loaded.program) return;
  {
    MemoryInput in(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
    if (in.get()) score_records(in.get(), RecordFormat::Csv, schema, *loaded.program);
  }
  {
    MemoryInput in(reinterpret_cast<const std::uint8_t*>(json.data()), json.size());
    if (in.get()) score_records(in.get(), RecordFormat::JsonLines, schema, *loaded.program);
  }
}

inline int fuzz_schema(const std::uint8_t* data, std::size_t size) {
  SourceManager sources;
  Diagnostics diags;
  std::uint32_t id = sources.add("fuzz.schema", std::string(reinterpret_cast<const char*>(data), size));
  ast::SchemaFile file = parse_schema(sources, id, diags);
  if (!diags.has_errors()) {
    Schema schema = check_schema(file, diags);
    if (!diags.has_errors()) use_schema(schema);
  }
  render_all(diags, sources);
  return 0;
}

// ---- model: load the input as a model (parse, check, lint, compile) against the fixed schema its
// `schema "..."` line picks, apply allow comments, render every diagnostic; when it compiles,
// disassemble it, score and explain that schema's sample records, and run the model's test blocks.

inline int fuzz_model(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const CheckedSchema& picked = schema_for_model(text);
  Session session;
  LoadedModel loaded = load_model_text(session, "m.score", std::move(text), picked.schema, LintMode::Run);
  apply_allowances(session.diagnostics, session.sources, {});
  render_all(session.diagnostics, session.sources);
  if (loaded.program.has_value() != !session.diagnostics.has_errors()) {
    fail("a program with errors, or no program without any");
  }
  if (!loaded.program) return 0;
  const Program& program = *loaded.program;
  std::string listing = disassemble(program);
  if (listing.empty()) fail("an empty disassembly");

  MemoryInput in(reinterpret_cast<const std::uint8_t*>(picked.rows.data()), picked.rows.size());
  if (in.get()) score_records(in.get(), RecordFormat::Csv, picked.schema, program);

  Explainer explainer(program, session.sources);
  MemoryInput again(reinterpret_cast<const std::uint8_t*>(picked.rows.data()), picked.rows.size());
  if (again.get()) {
    ReaderOpenResult opened = open_record_reader(again.get(), "rows", RecordFormat::Csv, picked.schema);
    Record rec;
    while (opened.reader && opened.reader->next(rec)) {
      Explanation e = explainer.explain(rec, as_of_day());
      render_explanation_text(e, "m.score");
      render_explanation_json(e);
    }
  }
  for (const TestResult& result : run_model_tests(loaded.model, program, session.sources, as_of_day())) {
    render_explanation_json(result.explanation);
  }
  return 0;
}

// ---- fmt: format the input as a model and as a schema; whenever it parses, the formatted text must
// parse again and format to itself (the canonical layout is a fixed point).

inline void check_fixed_point(const std::string& input, SourceKind kind) {
  SourceManager sources;
  Diagnostics diags;
  const char* name = kind == SourceKind::Schema ? "fuzz.schema" : "fuzz.score";
  std::uint32_t first = sources.add(name, input);
  std::optional<std::string> once = format_source(sources, first, kind, diags);
  render_all(diags, sources);
  if (!once) return;
  Diagnostics again_diags;
  std::uint32_t second = sources.add(name, *once);
  std::optional<std::string> twice = format_source(sources, second, kind, again_diags);
  if (!twice) fail("fmt: the formatted text does not parse");
  if (*twice != *once) fail("fmt: the formatted text does not format to itself");
}

inline int fuzz_fmt(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  check_fixed_point(input, SourceKind::Model);
  check_fixed_point(input, SourceKind::Schema);
  return 0;
}

// ---- csv, jsonl: the input is a file of records (the unit tests' lead schema); every record is
// read, scored through the VM and written in both output formats.

inline int fuzz_csv(const std::uint8_t* data, std::size_t size) {
  return fuzz_records(RecordFormat::Csv, data, size);
}

inline int fuzz_jsonl(const std::uint8_t* data, std::size_t size) {
  return fuzz_records(RecordFormat::JsonLines, data, size);
}

}  // namespace leadscore_fuzz
