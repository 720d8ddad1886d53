// Loading a compiled model from a file for a command: read it whole, verify it (read_lsc), and find
// the schema: the one embedded in the file, unless the schema the model named lies beside the .lsc
// and differs from the one it was compiled against (then the .lsc is stale: recompile it).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "leadscore/lsc.hpp"

namespace leadscore {

namespace {

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

}  // namespace

bool is_lsc_file(const std::string& path) {
  if (std::filesystem::path(path).extension() == ".lsc") return true;
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return in.gcount() == static_cast<std::streamsize>(sizeof head) && std::string_view(head, sizeof head) == lsc_magic;
}

LoadedModel load_compiled_model(Session& session, const std::string& path) {
  LoadedModel out;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    session.diagnostics.report(Code::UnreadableFile, Span{}, fmt::format("cannot read '{}': it is a directory", path));
    return out;
  }
  std::optional<std::string> bytes = read_bytes(path);
  if (!bytes) {
    session.diagnostics.report(Code::UnreadableFile, Span{}, fmt::format("cannot read '{}': no such file", path));
    return out;
  }
  std::string error;
  std::optional<LscFile> file = read_lsc(*bytes, session.sources, session.diagnostics, error);
  if (!file) {
    session.diagnostics.report(Code::UnreadableFile, Span{}, fmt::format("cannot load '{}': {}", path, error));
    return out;
  }

  // A schema beside the compiled model, under the name the model gave it, must be the one the model
  // was checked against: otherwise the leads it describes are not the ones the model was written for.
  if (!file->schema_name.empty()) {
    std::filesystem::path beside = std::filesystem::path(path).parent_path() / file->schema_name;
    if (std::filesystem::is_regular_file(beside, ec)) {
      std::optional<std::string> text = read_bytes(beside.string());
      if (text && lsc_hash(*text) != file->schema_hash) {
        session.diagnostics.report(
            Code::InvalidSchema, Span{},
            fmt::format("'{}' was compiled against another version of '{}' than the one beside it; "
                        "compile the model again",
                        path, beside.lexically_normal().string()));
        return out;
      }
    }
  }
  out.model.schema_path = file->schema_name;
  out.schema = file->program.schema;
  out.program = std::move(file->program);
  return out;
}

}  // namespace leadscore
