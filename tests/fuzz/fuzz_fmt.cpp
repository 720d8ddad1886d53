// fuzz_fmt: the formatter: its output must parse and format to itself. The work is in targets.hpp, shared with
// the regression test that replays tests/fuzz/regressions/fmt/.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leadscore_fuzz::fuzz_fmt(data, size);
}
