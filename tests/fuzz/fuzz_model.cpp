// fuzz_model: a model file's front end (parse, check, lint, compile), the VM, explain and test blocks. The work is in targets.hpp, shared with
// the regression test that replays tests/fuzz/regressions/model/.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leadscore_fuzz::fuzz_model(data, size);
}
