#include "io/writers.hpp"

namespace leadscore {

std::unique_ptr<ResultWriter> make_result_writer(std::FILE* out, RecordFormat format,
                                                 const OutputColumns& columns) {
  return format == RecordFormat::Csv ? io::make_csv_writer(out, columns)
                                     : io::make_jsonl_writer(out, columns);
}

namespace io {

std::string_view status_name(RowStatus s) {
  switch (s) {
    case RowStatus::Ok:
      return "ok";
    case RowStatus::Rejected:
      return "rejected";
    case RowStatus::Error:
      return "error";
  }
  return "error";
}

}  // namespace io
}  // namespace leadscore
