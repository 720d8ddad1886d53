// The concrete readers behind open_record_reader.
#pragma once

#include <cstdio>
#include <string_view>

#include "leadscore/io.hpp"

namespace leadscore::io {

ReaderOpenResult open_csv_reader(std::FILE* in, std::string_view name, const Schema& schema);
ReaderOpenResult open_jsonl_reader(std::FILE* in, std::string_view name, const Schema& schema);

}  // namespace leadscore::io
