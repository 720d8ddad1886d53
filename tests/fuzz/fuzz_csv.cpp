// fuzz_csv: the CSV record reader, the VM and both result writers. The work is in targets.hpp, shared with
// the regression test that replays tests/fuzz/regressions/csv/.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leadscore_fuzz::fuzz_csv(data, size);
}
