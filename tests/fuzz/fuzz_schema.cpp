// fuzz_schema: a schema file's front end (parse, check) and a record reader built from it. The work is in targets.hpp, shared with
// the regression test that replays tests/fuzz/regressions/schema/.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leadscore_fuzz::fuzz_schema(data, size);
}
