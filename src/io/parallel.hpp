// Reading and processing records on several threads, results in input order (score, backtest and
// explain --threads). The calling thread cuts the input into chunks of whole records
// (RecordReader::next_chunk) and hands each result to `consume` in input order; worker threads
// each read chunks with their own chunk reader and run `work` on them. At most `slots` chunks are
// in flight, so memory is bounded by the chunk size, not by the input.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "leadscore/io.hpp"

namespace leadscore::io {

struct ParallelRun {
  unsigned threads = 2;
  std::size_t chunk_bytes = std::size_t{1} << 20;
};

enum class PipelineEnd {
  Done,     // every record was processed
  Serial,   // the rest of the input must be read serially with the reader's next()
  Stopped,  // `consume` asked to stop
};

// `make_worker()` is called once per thread, on the calling thread, and returns a Worker with
// `void work(RecordReader& chunk_reader, Result& result)`. `consume(Result&)` returns false to
// stop early. Results are reused from chunk to chunk.
template <typename Result, typename MakeWorker, typename Consume>
PipelineEnd run_chunk_pipeline(RecordReader& reader, const ParallelRun& run, MakeWorker make_worker,
                               Consume consume) {
  using Worker = typename decltype(make_worker())::element_type;
  const unsigned threads = run.threads < 1 ? 1 : run.threads;
  struct Slot {
    InputChunk chunk;
    Result result;
    bool done = false;
  };
  const std::size_t slot_count = std::size_t{threads} * 2 + 2;
  std::vector<Slot> slots(slot_count);
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<std::unique_ptr<RecordReader>> readers;
  for (unsigned t = 0; t < threads; ++t) {
    readers.push_back(reader.chunk_reader());
    if (!readers.back()) return PipelineEnd::Serial;
    workers.push_back(make_worker());
  }

  std::mutex mutex;
  std::condition_variable work_ready, chunk_done;
  std::deque<std::uint64_t> queue;  // chunk numbers waiting for a worker
  bool stop = false;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (;;) {
        std::uint64_t id = 0;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return stop || !queue.empty(); });
          if (stop) return;
          id = queue.front();
          queue.pop_front();
        }
        Slot& slot = slots[id % slot_count];
        readers[t]->start_chunk(slot.chunk);
        workers[t]->work(*readers[t], slot.result);
        {
          std::lock_guard lock(mutex);
          slot.done = true;
        }
        chunk_done.notify_all();
      }
    });
  }

  PipelineEnd end = PipelineEnd::Done;
  std::uint64_t submitted = 0, consumed = 0;
  bool input_done = false;
  for (;;) {
    while (!input_done && submitted - consumed < slot_count) {
      Slot& slot = slots[submitted % slot_count];
      const ChunkStatus status = reader.next_chunk(slot.chunk, run.chunk_bytes);
      if (status != ChunkStatus::Chunk) {
        input_done = true;
        if (status == ChunkStatus::Serial) end = PipelineEnd::Serial;
        break;
      }
      {
        std::lock_guard lock(mutex);
        slot.done = false;
        queue.push_back(submitted);
      }
      work_ready.notify_one();
      ++submitted;
    }
    if (consumed == submitted) break;
    Slot& slot = slots[consumed % slot_count];
    {
      std::unique_lock lock(mutex);
      chunk_done.wait(lock, [&] { return slot.done; });
    }
    ++consumed;
    if (!consume(slot.result)) {
      end = PipelineEnd::Stopped;
      break;
    }
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  work_ready.notify_all();
  for (std::thread& t : pool) t.join();
  return end;
}

}  // namespace leadscore::io
