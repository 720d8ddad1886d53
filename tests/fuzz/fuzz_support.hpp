// Shared by the fuzz targets: schemas from text, the schema a model's `schema "..."` line picks,
// scoring every record a reader gives, and rendering diagnostics the ways the CLI does. Nothing here
// prints or writes files; a broken invariant aborts, so that libFuzzer reports the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_schemas.hpp"
#include "leadscore/ast.hpp"
#include "leadscore/check.hpp"
#include "leadscore/date.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/diagnostic_format.hpp"
#include "leadscore/io.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/parse.hpp"
#include "leadscore/program.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"
#include "leadscore/vm.hpp"

namespace leadscore_fuzz {

using namespace leadscore;

// A broken invariant: libFuzzer reports the abort with the input that caused it. The regression
// test (which defines LEADSCORE_FUZZ_THROW) gets an exception instead, so doctest names the input.
[[noreturn]] inline void fail(const char* what) {
#ifdef LEADSCORE_FUZZ_THROW
  throw std::logic_error(what);
#else
  std::fputs(what, stderr);
  std::fputc('\n', stderr);
  std::abort();
#endif
}

// The as-of day of every scoring run: fixed, so that a run is reproducible.
inline Day as_of_day() {
  static const Day day = *parse_date("2026-11-01");
  return day;
}

// A schema parsed and checked from text; nullopt when it has errors.
inline std::optional<Schema> schema_from_text(std::string_view text) {
  SourceManager sources;
  Diagnostics diags;
  std::uint32_t id = sources.add("fuzz.schema", std::string(text));
  ast::SchemaFile file = parse_schema(sources, id, diags);
  if (diags.has_errors()) return std::nullopt;
  Schema schema = check_schema(file, diags);
  if (diags.has_errors()) return std::nullopt;
  return schema;
}

struct CheckedSchema {
  Schema schema;
  std::string_view rows;
};

// The fixed schemas, checked once; a fixed schema that does not check is a bug in the target.
inline const std::vector<CheckedSchema>& checked_schemas() {
  static const std::vector<CheckedSchema> all = [] {
    std::vector<CheckedSchema> out;
    for (const auto& s : fuzz_schemas) {
      auto schema = schema_from_text(s.text);
      if (!schema) fail("a fixed fuzz schema does not check");
      out.push_back({std::move(*schema), s.rows});
    }
    return out;
  }();
  return all;
}

// The schema a model's first `schema "PATH"` line names, by the tail of PATH; the unit tests' lead
// schema when there is none or it names no known one.
inline const CheckedSchema& schema_for_model(std::string_view text) {
  const auto& all = checked_schemas();
  std::size_t at = text.find("schema \"");
  if (at == std::string_view::npos) return all[0];
  std::string_view rest = text.substr(at + 8);
  std::string_view path = rest.substr(0, rest.find('"'));
  for (std::size_t i = 1; i < fuzz_schemas.size(); ++i) {
    std::string_view want = fuzz_schemas[i].path;
    if (path.size() >= want.size() && path.substr(path.size() - want.size()) == want) return all[i];
  }
  return all[0];
}

// Every diagnostic in every format of `leadscore check --format`; the text is thrown away, the
// point is that rendering any span of any file is safe.
inline void render_all(const Diagnostics& diags, const SourceManager& sources) {
  for (auto format : {DiagnosticFormat::Text, DiagnosticFormat::Json, DiagnosticFormat::Sarif,
                      DiagnosticFormat::Github, DiagnosticFormat::Junit}) {
    std::string out = format_diagnostics(format, diags.all(), sources);
    if (!diags.all().empty() && out.empty()) fail("diagnostics rendered as nothing");
  }
}

// A FILE* reading `bytes` (an empty input as well: fmemopen will not take a zero size).
class MemoryInput {
 public:
  MemoryInput(const std::uint8_t* data, std::size_t size) {
    static char empty = 0;
    file_ = size > 0 ? fmemopen(const_cast<std::uint8_t*>(data), size, "rb") : fmemopen(&empty, 1, "rb");
    if (file_ != nullptr && size == 0) std::fgetc(file_);  // at the end: nothing to read
  }
  ~MemoryInput() {
    if (file_ != nullptr) std::fclose(file_);
  }
  MemoryInput(const MemoryInput&) = delete;
  MemoryInput& operator=(const MemoryInput&) = delete;
  std::FILE* get() const { return file_; }

 private:
  std::FILE* file_ = nullptr;
};

// A FILE* writing into memory, for the result writers.
class MemoryOutput {
 public:
  MemoryOutput() { file_ = open_memstream(&buffer_, &size_); }
  ~MemoryOutput() {
    if (file_ != nullptr) std::fclose(file_);
    std::free(buffer_);
  }
  MemoryOutput(const MemoryOutput&) = delete;
  MemoryOutput& operator=(const MemoryOutput&) = delete;
  std::FILE* get() const { return file_; }

 private:
  std::FILE* file_ = nullptr;
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
};

// Reads every record of `in` with `schema` and scores it with `program`, writing the rows in both
// output formats as `leadscore score` does; checks one output row per record.
inline void score_records(std::FILE* in, RecordFormat format, const Schema& schema,
                          const Program& program) {
  ReaderOpenResult opened = open_record_reader(in, "fuzz-input", format, schema);
  if (!opened.reader) {
    if (opened.error.empty()) fail("a reader was refused without a reason");
    return;
  }
  OutputColumns columns;
  columns.key_name = schema.fields[static_cast<std::size_t>(schema.key_index)].name;
  columns.group_names = program.group_columns();
  columns.explain = true;
  MemoryOutput csv_out, jsonl_out;
  if (csv_out.get() == nullptr || jsonl_out.get() == nullptr) return;
  auto csv = make_result_writer(csv_out.get(), RecordFormat::Csv, columns);
  auto jsonl = make_result_writer(jsonl_out.get(), RecordFormat::JsonLines, columns);
  Vm vm(program);
  Record rec;
  std::vector<std::string_view> labels;
  std::uint64_t records = 0;
  while (opened.reader->next(rec)) {
    ++records;
    if (rec.is_error() && rec.error.empty()) fail("an error record without a message");
    const Outcome& outcome = vm.run(rec, as_of_day());
    if (rec.is_error() != (outcome.status == RowStatus::Error)) fail("an error record scored, or a good one not");
    ScoredRow row = make_row(program, rec, outcome, labels, true);
    csv->write(row);
    jsonl->write(row);
  }
  csv->finish();
  jsonl->finish();
}

}  // namespace leadscore_fuzz
