// Reading the sample for `schema infer`: every record's cells into the columns' statistics.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "infer/column_stats.hpp"

namespace leadscore::infer {

struct Sample {
  std::vector<ColumnStats> columns;  // in header (CSV) or first-seen (JSON lines) order
  std::uint64_t rows = 0;            // records read
  std::uint64_t broken_rows = 0;     // records that could not be split into cells, left out
  std::string error;                 // the input could not be read
  char delimiter = 0;                // CSV: what separated the cells (given or detected)
};

// `wants_uniqueness(header)` says which columns keep every value's hash (the key's candidates).
using UniquenessFilter = bool (*)(const std::string& header, const std::string& key_option);

// One sampler per line of record_formats.def (read_csv_sample, read_jsonl_sample). `delimiter`
// (CSV): ',', ';' or '\t'; 0 detects it from the header as the record readers do.
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  Sample sampler(std::FILE* in, std::uint64_t max_rows, UniquenessFilter filter, const std::string& key_option, \
                 char delimiter);
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT

}  // namespace leadscore::infer
