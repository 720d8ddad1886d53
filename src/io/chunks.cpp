// Cutting a reader's input into chunks of whole records for a parallel run (score --threads).
// The reader's own window is cut on record ends (quote-aware for CSV, see last_csv_record_end) and
// each chunk's bytes are handed over (ByteSource::consume_into) with the input line it starts on,
// so that a chunk reader reads the same records, with the same line numbers, as this reader would.
#include <algorithm>
#include <cstring>

#include "io/readers.hpp"

namespace leadscore {

void InputChunk::assign(const char* data, std::size_t n) {
  constexpr std::size_t padding = io::ByteSource::padding;
  if (capacity < n) {
    capacity = std::max(n, capacity + capacity / 2);
    bytes.reset(new char[capacity + padding]);
  }
  std::memcpy(bytes.get(), data, n);
  std::memset(bytes.get() + n, ' ', padding);  // as ByteSource pads its window
  size = n;
}

namespace io {

ChunkStatus BufferedReader::next_chunk(InputChunk& chunk, std::size_t target_bytes) {
  target_bytes = std::max<std::size_t>(target_bytes, 1);
  for (;;) {
    if (src_.size() < target_bytes && !src_.at_eof()) src_.refill();
    if (src_.size() == 0) return ChunkStatus::End;
    const int cut = can_cut();
    if (cut < 0) return ChunkStatus::Serial;
    const char* p = src_.data();
    const std::size_t n = src_.size();
    const char* end = nullptr;
    if (cut > 0) {
      // Within the target if a record ends there, else within twice, four times... the target:
      // the first records however long they are.
      std::size_t limit = std::min(n, target_bytes);
      end = last_record_end(p, p + limit);
      while (end == nullptr && limit < n) {
        limit = std::min(n, limit * 2);
        end = last_record_end(p, p + limit);
      }
      if (end == nullptr && src_.at_eof()) end = p + n;  // the last record, without its line end
    }
    if (end == nullptr) {
      // The record goes on past the window. The serial reader skips a record this long without
      // holding it: leave it (and the rest) to that reader.
      if (n >= ByteSource::max_record || src_.at_eof()) return ChunkStatus::Serial;
      src_.refill();
      continue;
    }
    const auto length = static_cast<std::size_t>(end - p);
    chunk.first_line = next_line_;
    next_line_ += count_line_feeds(p, end);
    src_.consume_into(chunk, length);
    return ChunkStatus::Chunk;
  }
}

}  // namespace io
}  // namespace leadscore
