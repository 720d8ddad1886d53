// score_stream: one VM over the records in order, or (ThreadOptions::threads > 1) one VM per
// thread over chunks of the input, each chunk's rows formatted on its thread and written in order.
#include "io/parallel.hpp"
#include "leadscore/leadscore.hpp"

namespace leadscore {
namespace {

void count(ScoreStats& stats, const Outcome& outcome) {
  ++stats.records;
  switch (outcome.status) {
    case RowStatus::Ok: ++stats.ok; break;
    case RowStatus::Rejected: ++stats.rejected; break;
    case RowStatus::Error: ++stats.errors; break;
  }
  stats.qualified += outcome.qualified ? 1 : 0;
}

void score_serial(const Program& program, RecordReader& reader, ResultWriter& writer, Day as_of,
                  bool explain, const ProgressFn& progress, ScoreStats& stats) {
  Vm vm(program);
  Record record;
  std::vector<std::string_view> labels;
  while (reader.next(record)) {
    const Outcome& outcome = vm.run(record, as_of);
    writer.write(make_row(program, record, outcome, labels, explain));
    count(stats, outcome);
    if (progress && stats.records % progress_every == 0) progress(stats.records);
  }
}

// One chunk's rows, formatted, and its counts.
struct ChunkRows {
  std::string text;
  ScoreStats stats;
};

class ChunkScorer {
 public:
  ChunkScorer(const Program& program, const ResultWriter& writer, Day as_of, bool explain)
      : program_(program), vm_(program, RegexCopies::Own), writer_(writer.chunk_writer()), as_of_(as_of), explain_(explain) {}

  void work(RecordReader& chunk, ChunkRows& rows) {
    rows.stats = {};
    while (chunk.next(record_)) {
      const Outcome& outcome = vm_.run(record_, as_of_);
      writer_->write(make_row(program_, record_, outcome, labels_, explain_));
      count(rows.stats, outcome);
    }
    writer_->take(rows.text);
  }

 private:
  const Program& program_;
  Vm vm_;
  std::unique_ptr<ResultWriter> writer_;
  Day as_of_;
  bool explain_;
  Record record_;
  std::vector<std::string_view> labels_;
};

}  // namespace

ScoreStats score_stream(const Program& program, RecordReader& reader, ResultWriter& writer,
                        Day as_of, bool explain, const ProgressFn& progress,
                        const ThreadOptions& threads) {
  ScoreStats stats;
  if (threads.threads > 1 && writer.chunk_writer() != nullptr) {
    io::ParallelRun run{threads.threads, threads.chunk_bytes};
    std::uint64_t next_progress = progress_every;
    const io::PipelineEnd end = io::run_chunk_pipeline<ChunkRows>(
        reader, run,
        [&] { return std::make_unique<ChunkScorer>(program, writer, as_of, explain); },
        [&](ChunkRows& rows) {
          writer.write_bytes(rows.text);
          stats.records += rows.stats.records;
          stats.ok += rows.stats.ok;
          stats.rejected += rows.stats.rejected;
          stats.errors += rows.stats.errors;
          stats.qualified += rows.stats.qualified;
          if (progress && stats.records >= next_progress) {
            progress(stats.records);
            next_progress = (stats.records / progress_every + 1) * progress_every;
          }
          return true;
        });
    if (end == io::PipelineEnd::Done) return stats;
    // The rest of the input could not be cut into chunks: it is read here, after the chunks.
  }
  score_serial(program, reader, writer, as_of, explain, progress, stats);
  return stats;
}

}  // namespace leadscore
