// fuzz_jsonl: the JSON-lines record reader, the VM and both result writers. The work is in targets.hpp, shared with
// the regression test that replays tests/fuzz/regressions/jsonl/.
#include <cstddef>
#include <cstdint>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return leadscore_fuzz::fuzz_jsonl(data, size);
}
