#include "api/imports.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <unistd.h>

#include <fmt/format.h>

#include "leadscore/parse.hpp"

namespace leadscore::api {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::string with_extension(const std::string& name) {
  return fs::path(name).has_extension() ? name : name + ".score";
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// Appends `from`'s declarations to `to`. Rules keep pointing at their groups.
void append_declarations(ast::Model& to, ast::Model&& from) {
  int group_offset = static_cast<int>(to.groups.size());
  for (auto& x : from.lets) to.lets.push_back(std::move(x));
  for (auto& x : from.groups) to.groups.push_back(std::move(x));
  for (auto& x : from.rules) {
    if (x.group >= 0) x.group += group_offset;
    to.rules.push_back(std::move(x));
  }
  for (auto& x : from.rejects) to.rejects.push_back(std::move(x));
  for (auto& x : from.score_bounds) to.score_bounds.push_back(std::move(x));
  for (auto& x : from.qualifies) to.qualifies.push_back(std::move(x));
  for (auto& x : from.tiers) to.tiers.push_back(std::move(x));
}

void mark_imported(ast::Model& m, Span at) {
  auto mark = [&](auto& list) {
    for (auto& x : list) {
      if (x.imported_at.file == 0) x.imported_at = at;
    }
  };
  mark(m.lets);
  mark(m.groups);
  mark(m.rules);
  mark(m.rejects);
  mark(m.score_bounds);
  mark(m.qualifies);
  mark(m.tiers);
}

class Merger {
 public:
  explicit Merger(Session& session) : session_(session) {}

  // Returns the declarations of everything `model` imports, in import order.
  ast::Model imported(const ast::Model& model, const std::string& path, bool root) {
    ast::Model merged;
    stack_.push_back(canonical(path));
    for (const auto& imp : model.imports) {
      auto file = resolve_import(path, imp.path);
      if (!file) {
        std::string where = imp.path.starts_with("./") || imp.path.starts_with("../")
                                ? "relative to the importing file"
                                : "in the stdlib folder or LEADSCORE_PATH";
        session_.diagnostics.report(Code::ModuleNotFound, imp.span,
                                   fmt::format("cannot find module '{}' {}", imp.path, where));
        continue;
      }
      std::string key = canonical(*file);
      if (auto cycle = std::find(stack_.begin(), stack_.end(), key); cycle != stack_.end()) {
        std::vector<std::string> chain(cycle, stack_.end());
        chain.push_back(key);
        for (auto& c : chain) c = fs::path(c).filename().string();
        session_.diagnostics.report(Code::ImportCycle, imp.span,
                                   fmt::format("import cycle: {}", fmt::join(chain, " -> ")));
        continue;
      }
      if (!loaded_.insert(key).second) continue;  // a module is imported once per model
      auto id = session_.read_file(*file);
      if (!id) {
        session_.diagnostics.locate_unlocated(session_.diagnostics.all().size() - 1, imp.span);
        continue;
      }
      ast::Model module = parse_model(session_.sources, *id, session_.diagnostics);
      if (!schema_ && module.schema_path) {
        schema_ = (fs::path(*file).parent_path() / *module.schema_path).lexically_normal().string();
      }
      ast::Model nested = imported(module, *file, false);
      append_declarations(nested, std::move(module));
      if (root) mark_imported(nested, imp.span);
      append_declarations(merged, std::move(nested));
    }
    stack_.pop_back();
    return merged;
  }

  std::optional<std::string> schema_from_imports() const { return schema_; }

 private:
  Session& session_;
  std::vector<std::string> stack_;
  std::set<std::string> loaded_;
  std::optional<std::string> schema_;
};

}  // namespace

std::vector<std::string> stdlib_search_path() {
  std::vector<std::string> out;
  fs::path exe = executable_dir();
  if (!exe.empty()) {
    for (fs::path candidate : {exe / "../share/leadscore/stdlib", exe / "stdlib", exe / "../stdlib"}) {
      std::error_code ec;
      if (fs::is_directory(candidate, ec)) out.push_back(candidate.lexically_normal().string());
    }
  }
  if (const char* env = std::getenv("LEADSCORE_PATH")) {
    std::string_view rest(env);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) out.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  return out;
}

std::optional<std::string> resolve_import(const std::string& importer, const std::string& name) {
  std::error_code ec;
  auto exists = [&](const fs::path& p) { return fs::is_regular_file(p, ec); };
  if (name.starts_with("./") || name.starts_with("../")) {
    fs::path p = (fs::path(importer).parent_path() / with_extension(name)).lexically_normal();
    return exists(p) ? std::optional(p.string()) : std::nullopt;
  }
  // `std/NAME` is NAME.score in a stdlib folder; a LEADSCORE_PATH folder may also hold `std/NAME`
  // or any other `a/b` path.
  for (const auto& dir : stdlib_search_path()) {
    if (name.starts_with("std/")) {
      fs::path p = fs::path(dir) / with_extension(name.substr(4));
      if (exists(p)) return p.string();
    }
    fs::path p = fs::path(dir) / with_extension(name);
    if (exists(p)) return p.string();
  }
  return std::nullopt;
}

std::optional<std::string> merge_imports(Session& session, ast::Model& model, const std::string& path) {
  if (model.imports.empty()) return std::nullopt;
  Merger merger(session);
  ast::Model merged = merger.imported(model, path, true);
  append_declarations(merged, std::move(model));
  // The importing model keeps its own identity: file, name, schema line, imports and tests.
  merged.file = model.file;
  merged.display_name = model.display_name;
  merged.schema_path = model.schema_path;
  merged.schema_span = model.schema_span;
  merged.imports = std::move(model.imports);
  merged.tests = std::move(model.tests);
  model = std::move(merged);
  if (model.schema_path) return std::nullopt;
  auto from = merger.schema_from_imports();
  if (!from) return std::nullopt;
  return fs::path(*from).lexically_relative(fs::path(path).parent_path()).string();
}

}  // namespace leadscore::api
