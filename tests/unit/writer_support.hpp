// Writing scored rows into memory, for the writer and rounding tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "leadscore/io.hpp"

namespace lstest {

// Writes `rows` through a writer for `format` and returns the text it produced.
inline std::string write_all(leadscore::RecordFormat format, const leadscore::OutputColumns& columns,
                             const std::vector<leadscore::ScoredRow>& rows) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  REQUIRE(out != nullptr);
  {
    auto writer = leadscore::make_result_writer(out, format, columns);
    for (const leadscore::ScoredRow& row : rows) writer->write(row);
    CHECK(writer->finish());
  }
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  return text;
}

}  // namespace lstest
