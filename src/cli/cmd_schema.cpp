// `leadscore schema infer FILE`: a schema written from a CRM export (docs/exports.md).
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cli/commands.hpp"
#include "leadscore/infer.hpp"

namespace leadscore::cli {
namespace {

// The schema's name: the file's stem as a field name would be written ("HubSpot Leads.csv" ->
// hubspot_leads), or `lead` for standard input or a stem that leaves nothing usable.
std::string schema_name_for(const std::string& path) {
  if (path == "-") return "lead";
  std::string name = field_name_for_column(std::filesystem::path(path).stem().string());
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return "lead";
  return name;
}

}  // namespace

int run_schema_infer(const SchemaInferOptions& options) {
  const std::optional<RecordFormat> format = input_format_option(options.input, options.input_format);
  if (!format) return exit_usage;
  File in = open_input(options.input);
  if (!in) {
    print_error(fmt::format("cannot read '{}': {}", options.input, std::strerror(errno)));
    return exit_usage;
  }
  InferOptions infer;
  infer.max_rows = options.rows;
  infer.key = options.key;
  infer.schema_name = schema_name_for(options.input);
  infer.source_name = options.input == "-" ? "standard input" : options.input;
  infer.delimiter = read_options(options.delimiter).delimiter;
  const InferResult result = infer_schema(in.get(), *format, infer);
  if (!result.schema) {
    print_error(result.error);
    return result.unreadable ? exit_usage : exit_problem;
  }
  std::string error;
  if (!write_whole(options.output, render_inferred_schema(*result.schema, infer), error)) {
    print_error(error);
    return exit_usage;
  }
  return exit_ok;
}

}  // namespace leadscore::cli
