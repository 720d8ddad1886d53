// fuzz_lsc: the .lsc loader and verifier. The input is a whole .lsc file; before loading, its header
// is made to agree with its payload (signature, version, instruction set, size, checksum, and the
// schema hash of the schema text the payload holds), so that mutations reach the sections, the
// embedded schema and the verifier instead of stopping at the checksum. Whatever loads must
// disassemble, and score a CSV and a JSON-lines record of its schema, without reading outside
// anything. Seeds: tests/fuzz/lsc/ (compiled models; bin/leadscore compile writes more).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "leadscore/explain.hpp"
#include "leadscore/lsc.hpp"

namespace {

using namespace leadscore;

void put(std::string& bytes, std::size_t at, std::uint64_t v, int width) {
  for (int k = 0; k < width; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<char>(v >> (8 * k));
}

// The third string of the payload (after the schema's name and path) is the schema's text.
std::string_view schema_text(std::string_view payload) {
  std::size_t pos = 0;
  std::string_view text;
  for (int i = 0; i < 3; ++i) {
    if (payload.size() - pos < 4) return {};
    std::uint32_t n = 0;
    for (int k = 3; k >= 0; --k) n = (n << 8) | static_cast<std::uint8_t>(payload[pos + static_cast<std::size_t>(k)]);
    pos += 4;
    if (n > payload.size() - pos) return {};
    text = payload.substr(pos, n);
    pos += n;
  }
  return text;
}

std::string agree(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() < lsc_header_size) bytes.resize(lsc_header_size, '\0');
  std::string_view payload = std::string_view(bytes).substr(lsc_header_size);
  bytes.replace(0, lsc_magic.size(), lsc_magic);
  put(bytes, 8, lsc_format_version, 4);
  put(bytes, 12, 0, 4);
  put(bytes, 16, lsc_instruction_set_hash(), 8);
  put(bytes, 24, lsc_hash(schema_text(payload)), 8);
  put(bytes, 32, payload.size(), 8);
  put(bytes, 40, lsc_hash(payload), 8);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leadscore_fuzz;
  std::string bytes = agree(data, size);
  SourceManager sources;
  Diagnostics diags;
  std::string error;
  std::optional<LscFile> file = read_lsc(bytes, sources, diags, error);
  if (!file) {
    if (error.empty()) fail("a .lsc refused without a reason");
    return 0;
  }
  if (!error.empty()) fail("a .lsc loaded with an error");
  const Program& program = file->program;
  if (!verify_program(program).empty()) fail("a loaded program does not verify");
  (void)disassemble(program, sources);
  const Schema& schema = program.schema;
  std::string header, row, json = "{";
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    bool is_key = static_cast<int>(i) == schema.key_index;
    header += (i ? "," : "") + schema.fields[i].name;
    row += std::string(i ? "," : "") + (is_key ? "k1" : "1");
    if (is_key) json += "\"" + schema.fields[i].name + "\":\"k1\"";
  }
  json += "}\n";
  std::string csv = header + "\n" + row + "\n";
  {
    MemoryInput in(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size());
    if (in.get()) score_records(in.get(), RecordFormat::Csv, schema, program);
  }
  {
    MemoryInput in(reinterpret_cast<const std::uint8_t*>(json.data()), json.size());
    if (in.get()) score_records(in.get(), RecordFormat::JsonLines, schema, program);
  }
  return 0;
}
