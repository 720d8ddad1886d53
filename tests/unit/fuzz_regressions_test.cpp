// Every input the fuzzers found a crash, hang or sanitizer report with (tests/fuzz/regressions/
// <target>/) goes again through the same path as its fuzz target (tests/fuzz/targets.hpp), so that
// a fixed bug stays fixed in the ordinary test run as well (under LEADSCORE_SANITIZE, with the
// sanitizers that found it). The fuzz targets' own invariants throw here instead of aborting.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define LEADSCORE_FUZZ_THROW
#include "../fuzz/targets.hpp"

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

std::vector<std::filesystem::path> regression_inputs(const std::string& target) {
  std::vector<std::filesystem::path> out;
  std::filesystem::path dir = std::filesystem::path(LEADSCORE_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& target, Target run) {
  for (const auto& path : regression_inputs(target)) {
    INFO(path.string());
    std::string bytes = read_bytes(path);
    CHECK_NOTHROW(run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
}

void run_text(Target run, const std::string& text) {
  INFO(text.substr(0, 200));
  CHECK_NOTHROW(run(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace

TEST_CASE("fuzz regressions: the fixed schemas check and the records model compiles") {
  CHECK(leadscore_fuzz::checked_schemas().size() == leadscore_fuzz::fuzz_schemas.size());
  CHECK(leadscore_fuzz::records_setup().program.has_value());
  // Each seed path picks its own schema; an unknown one the unit tests' lead schema.
  CHECK(&leadscore_fuzz::schema_for_model("schema \"../inquiry.schema\"\n") == &leadscore_fuzz::checked_schemas()[2]);
  CHECK(&leadscore_fuzz::schema_for_model("schema \"other.schema\"\n") == &leadscore_fuzz::checked_schemas()[0]);
}

TEST_CASE("fuzz regressions: every target takes an empty input and a seed-like one") {
  for (Target run : {leadscore_fuzz::fuzz_schema, leadscore_fuzz::fuzz_model, leadscore_fuzz::fuzz_fmt,
                     leadscore_fuzz::fuzz_csv, leadscore_fuzz::fuzz_jsonl}) {
    run_text(run, "");
  }
  run_text(leadscore_fuzz::fuzz_schema, std::string(leadscore_fuzz::fuzz_schemas[1].text));
  run_text(leadscore_fuzz::fuzz_model, "when visited pricing_page add 20\nqualify at 10\n");
  run_text(leadscore_fuzz::fuzz_fmt, "when   visited pricing_page add 20 # c\n");
  run_text(leadscore_fuzz::fuzz_csv, std::string(leadscore_fuzz::fuzz_schemas[0].rows));
  run_text(leadscore_fuzz::fuzz_jsonl, "{\"id\":\"L1\",\"email\":\"e\",\"tags\":[\"vip\"],\"ratio\":0.9}\n");
}

TEST_CASE("fuzz regressions: schema") { replay("schema", leadscore_fuzz::fuzz_schema); }
TEST_CASE("fuzz regressions: model") { replay("model", leadscore_fuzz::fuzz_model); }
TEST_CASE("fuzz regressions: fmt") { replay("fmt", leadscore_fuzz::fuzz_fmt); }
TEST_CASE("fuzz regressions: csv") { replay("csv", leadscore_fuzz::fuzz_csv); }
TEST_CASE("fuzz regressions: jsonl") { replay("jsonl", leadscore_fuzz::fuzz_jsonl); }

// A CSV header with very many columns the schema does not name: each distinct name is warned about
// once. The check that a name was seen looked back over every column before it, so 100,000 columns
// took minutes (tests/fuzz/regressions/csv/header_30000_unknown_columns.csv).
TEST_CASE("fuzz regressions: a CSV header of 200,000 unknown columns opens in linear time") {
  std::string csv = "id,email";
  for (int i = 0; i < 100000; ++i) csv += ",x" + std::to_string(i % 1000) + ",y";
  csv += "\nL1,e\n";
  const auto start = std::chrono::steady_clock::now();
  leadscore_fuzz::MemoryInput in(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
  REQUIRE(in.get() != nullptr);
  leadscore::ReaderOpenResult opened = leadscore::open_record_reader(
      in.get(), "wide.csv", leadscore::RecordFormat::Csv, leadscore_fuzz::checked_schemas()[0].schema);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(opened.reader != nullptr);
  CHECK(opened.ignored_columns.size() == 1001);  // x0 .. x999 and y, each once
  leadscore::Record rec;
  REQUIRE(opened.reader->next(rec));
  CHECK(rec.key == "L1");  // a short row: an error record, but its key is read
  CHECK(seconds < 20);  // linear: well under a second; quadratic: many minutes
}

// A schema of very many fields and a CSV header naming them all: each column was looked up with
// Schema::find, a linear search, so the header took fields x columns comparisons (a 20,000-field
// schema took 10 s in fuzz_schema, a 100,000-field one minutes).
TEST_CASE("fuzz regressions: a CSV header for a 100,000-field schema maps its columns in linear time") {
  leadscore::Schema schema;
  schema.name = "wide";
  std::string csv;
  for (int i = 0; i < 100000; ++i) {
    leadscore::Field field;
    field.name = "f" + std::to_string(i);
    field.type = leadscore::FieldType::String;
    field.key = i == 0;
    schema.fields.push_back(field);
  }
  schema.key_index = 0;
  for (int i = 99999; i >= 0; --i) csv += "f" + std::to_string(i) + (i > 0 ? "," : "\n");
  for (int i = 99999; i >= 0; --i) csv += (i == 0 ? "K1" : "") + std::string(i > 0 ? "," : "\n");
  const auto start = std::chrono::steady_clock::now();
  leadscore_fuzz::MemoryInput in(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
  REQUIRE(in.get() != nullptr);
  leadscore::ReaderOpenResult opened =
      leadscore::open_record_reader(in.get(), "wide.csv", leadscore::RecordFormat::Csv, schema);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(opened.reader != nullptr);
  CHECK(opened.warnings.empty());
  leadscore::Record rec;
  REQUIRE(opened.reader->next(rec));
  CHECK(rec.key == "K1");  // the last column is the key field
  CHECK_FALSE(rec.is_error());
  CHECK(seconds < 20);  // linear: well under a second; quadratic: minutes
}
