#include "io/writers.hpp"

namespace leadscore {

std::unique_ptr<ResultWriter> make_result_writer(std::FILE* out, RecordFormat format,
                                                 const OutputColumns& columns) {
  switch (format) {
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler) \
  case RecordFormat::id:                                                                \
    return io::writer(out, columns);
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT
  }
  return nullptr;  // not reached: the switch names every format
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
