// --threads for score, backtest and explain: how many threads, and how large a chunk.
#include <cstdlib>
#include <thread>

#include "cli/commands.hpp"

namespace leadscore::cli {

ThreadOptions thread_options(unsigned threads) {
  ThreadOptions t;
  t.threads = threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  // Not an option a user needs: the tests cut small inputs into chunks of a few records.
  if (const char* bytes = std::getenv("LEADSCORE_CHUNK_BYTES")) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(bytes, &end, 10);
    if (end != bytes && *end == '\0' && n > 0) t.chunk_bytes = static_cast<std::size_t>(n);
  }
  return t;
}

}  // namespace leadscore::cli
