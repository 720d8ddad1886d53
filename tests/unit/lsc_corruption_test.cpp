// A small model's .lsc cut at every length and with every byte flipped: each one is refused with a
// message, or (a flip the checks cannot tell from a real model, e.g. in a constant, once the checksum
// is made to match) loads, verifies and scores records without reading outside anything. Run under
// the sanitizers too, in-process over the library's loader.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "leadscore/lsc.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

const std::string small_dir = std::string(LEADSCORE_SOURCE_DIR) + "/tests/lsc/small";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string small_lsc() {
  Session session;
  LoadedModel loaded = load_model(session, small_dir + "/model.score");
  REQUIRE(loaded.program);
  return write_lsc(*loaded.program, session.sources, loaded.model.schema_path.value_or(""), "model.score");
}

void fix_checksum(std::string& bytes) {
  if (bytes.size() < lsc_header_size) return;
  std::uint64_t h = lsc_hash(std::string_view(bytes).substr(lsc_header_size));
  for (int k = 0; k < 8; ++k) bytes[40 + static_cast<std::size_t>(k)] = static_cast<char>(h >> (8 * k));
}

struct Tally {
  int refused = 0, ran = 0;
};

// Loads `bytes`; when they load, scores the leads with them. Either way nothing may crash (the
// sanitizers watch), and a refusal always says why.
void load_and_run(std::string_view bytes, const std::string& leads, Tally& tally) {
  SourceManager sources;
  Diagnostics diags;
  std::string error;
  std::optional<LscFile> file = read_lsc(bytes, sources, diags, error);
  if (!file) {
    CHECK_FALSE(error.empty());
    ++tally.refused;
    return;
  }
  CHECK(error.empty());
  ++tally.ran;
  const Program& program = file->program;
  std::FILE* in = fmemopen(const_cast<char*>(leads.data()), leads.size(), "rb");
  REQUIRE(in);
  ReaderOpenResult opened = open_record_reader(in, "leads.csv", RecordFormat::Csv, program.schema);
  if (opened.reader) {
    Vm vm(program);
    Record record;
    while (opened.reader->next(record)) {
      const Outcome& o = vm.run(record, default_as_of);
      CHECK(o.fired.size() <= program.rules.size());
    }
  }
  std::fclose(in);
  (void)disassemble(program, sources);
}

}  // namespace

TEST_CASE("a .lsc cut at every length is refused") {
  const std::string good = small_lsc();
  const std::string leads = read_text(small_dir + "/leads.csv");
  Tally tally;
  for (std::size_t n = 0; n < good.size(); ++n) load_and_run(std::string_view(good).substr(0, n), leads, tally);
  CHECK(tally.refused == static_cast<int>(good.size()));
  CHECK(tally.ran == 0);
  // And whole, it runs.
  load_and_run(good, leads, tally);
  CHECK(tally.ran == 1);
}

TEST_CASE("a .lsc with any byte flipped is refused by its checksum or header") {
  const std::string good = small_lsc();
  const std::string leads = read_text(small_dir + "/leads.csv");
  Tally tally;
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0xff);
    load_and_run(bad, leads, tally);
  }
  // FNV-1a changes with any one byte, and each header field is checked: nothing damaged loads.
  CHECK(tally.refused == static_cast<int>(good.size()));
}

TEST_CASE("a .lsc with any byte changed behind a matching checksum is refused or runs cleanly") {
  const std::string good = small_lsc();
  const std::string leads = read_text(small_dir + "/leads.csv");
  Tally tally;
  for (std::size_t i = lsc_header_size; i < good.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      std::string bad = good;
      bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ mask);
      fix_checksum(bad);
      load_and_run(bad, leads, tally);
    }
  }
  MESSAGE("changed bytes refused: " << tally.refused << ", loaded and ran: " << tally.ran);
  // Both happen: the verifier refuses most, and a changed constant or label still runs.
  CHECK(tally.refused > 0);
  CHECK(tally.ran > 0);
}
