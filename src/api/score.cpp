#include "leadscore/leadscore.hpp"

namespace leadscore {

ScoreStats score_stream(const Program& program, RecordReader& reader, ResultWriter& writer,
                        Day as_of, bool explain, const ProgressFn& progress) {
  ScoreStats stats;
  Vm vm(program);
  Record record;
  std::vector<std::string_view> labels;
  while (reader.next(record)) {
    const Outcome& outcome = vm.run(record, as_of);
    writer.write(make_row(program, record, outcome, labels, explain));
    ++stats.records;
    switch (outcome.status) {
      case RowStatus::Ok: ++stats.ok; break;
      case RowStatus::Rejected: ++stats.rejected; break;
      case RowStatus::Error: ++stats.errors; break;
    }
    stats.qualified += outcome.qualified ? 1 : 0;
    if (progress && stats.records % progress_every == 0) progress(stats.records);
  }
  return stats;
}

}  // namespace leadscore
