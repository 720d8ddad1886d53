// find_record: the first record with a key, searched serially or chunk by chunk on threads.
#include "io/parallel.hpp"
#include "leadscore/leadscore.hpp"

namespace leadscore {
namespace {

// Copies `from` into `to` with every view moved into `text`, so that it outlives its reader.
void keep_record(const Record& from, Record& to, std::string& text) {
  std::size_t bytes = from.key.size();
  for (const FieldValue& v : from.values) bytes += v.str.size();
  for (std::string_view item : from.items) bytes += item.size();
  text.clear();
  text.reserve(bytes);  // no reallocation below: the views stay valid
  auto keep = [&text](std::string_view s) {
    const std::size_t at = text.size();
    text += s;
    return std::string_view(text).substr(at, s.size());
  };
  to = from;
  to.key = keep(from.key);
  for (FieldValue& v : to.values) v.str = keep(v.str);
  for (std::string_view& item : to.items) item = keep(item);
}

struct Found {
  bool found = false;
  Record record;
  std::string text;
};

class ChunkSearch {
 public:
  explicit ChunkSearch(std::string_view key) : key_(key) {}
  void work(RecordReader& chunk, Found& result) {
    result.found = false;
    while (chunk.next(record_)) {
      if (record_.key == key_) {
        keep_record(record_, result.record, result.text);
        result.found = true;
        return;
      }
    }
  }

 private:
  std::string_view key_;
  Record record_;
};

}  // namespace

bool find_record(RecordReader& reader, std::string_view key, Record& out, std::string& text,
                 const ThreadOptions& threads) {
  if (threads.threads > 1) {
    bool found = false;
    const io::PipelineEnd end = io::run_chunk_pipeline<Found>(
        reader, io::ParallelRun{threads.threads, threads.chunk_bytes},
        [&] { return std::make_unique<ChunkSearch>(key); },
        [&](Found& result) {
          if (!result.found) return true;
          keep_record(result.record, out, text);
          found = true;
          return false;
        });
    if (found) return true;
    if (end != io::PipelineEnd::Serial) return false;
  }
  Record record;
  while (reader.next(record)) {
    if (record.key == key) {
      keep_record(record, out, text);
      return true;
    }
  }
  return false;
}

}  // namespace leadscore
