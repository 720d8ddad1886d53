// The library's front door: load a schema or a model from files (parse, check, compile), and score
// a stream of records. The CLI is a thin shell over these calls; nothing here prints.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/io.hpp"
#include "leadscore/program.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/scored_row.hpp"
#include "leadscore/source.hpp"
#include "leadscore/vm.hpp"

namespace leadscore {

// Owns the source text of every file read and the diagnostics found in them.
struct Session {
  SourceManager sources;
  Diagnostics diagnostics;
  // Texts read instead of the files on disk, by lexically normal path: an editor's unsaved
  // documents (`leadscore lsp`), so that they are checked exactly as `check` would check them saved.
  std::map<std::string, std::string> overlay;

  // Reads a file into the session; reports it and returns nullopt when it cannot be read.
  std::optional<std::uint32_t> read_file(const std::string& path);
};

// A schema file, parsed and checked; nullopt if it has errors (they are in the session).
std::optional<Schema> load_schema(Session& session, const std::string& path);

struct LoadedModel {
  std::optional<Schema> schema;
  ast::Model model;
  std::optional<Program> program;  // set only when there were no errors
  bool is_module = false;          // a file of lets with no schema: nothing to compile on its own
};

// Whether a file of lets with no schema (a module) is fine on its own, as for `check` and `test`,
// or an error, as for commands that need a model to run.
enum class ModuleMode { Reject, Accept };

// Whether loading a model also lints it (its warnings join the session's diagnostics): for the
// commands that report warnings (`check`, `test`, the language server); the others would only
// discard them.
enum class LintMode { Skip, Run };

// A model file: parsed, its schema loaded (relative to the model), checked (linted) and compiled.
LoadedModel load_model(Session& session, const std::string& path,
                       ModuleMode modules = ModuleMode::Reject, LintMode lint = LintMode::Skip);
// The same from text already in memory, e.g. for embedding; `schema` is used as given.
LoadedModel load_model_text(Session& session, const std::string& name, std::string text,
                            const Schema& schema, LintMode lint = LintMode::Skip);

// The output row for a record and its outcome, with labels and names from the program.
// `labels` is the caller's buffer for the fired column, reused from row to row.
ScoredRow make_row(const Program& program, const Record& record, const Outcome& outcome,
                   std::vector<std::string_view>& labels, bool explain);

struct ScoreStats {
  std::uint64_t records = 0, ok = 0, rejected = 0, errors = 0, qualified = 0;
};

// Called every `progress_every` records with the count so far (for a progress display).
using ProgressFn = std::function<void(std::uint64_t records)>;
inline constexpr std::uint64_t progress_every = 1 << 18;

// Scores every record of `reader` into `writer`, one output row per input record, in order.
// With `threads` above 1, chunks of the input are read and scored on that many threads; the
// output is the same, byte for byte. `chunk_bytes` is the size chunks are cut to (about; tests
// make it small so that a small input crosses many chunk boundaries).
struct ThreadOptions {
  unsigned threads = 1;
  std::size_t chunk_bytes = std::size_t{1} << 20;
};
ScoreStats score_stream(const Program& program, RecordReader& reader, ResultWriter& writer,
                        Day as_of, bool explain, const ProgressFn& progress = {},
                        const ThreadOptions& threads = {});

// The first record of `reader` whose key is `key` (error records included), for `explain`: false
// when there is none. `out`'s views point into `text`. With threads, chunks are searched on
// several threads; the record found is the same.
bool find_record(RecordReader& reader, std::string_view key, Record& out, std::string& text,
                 const ThreadOptions& threads = {});

}  // namespace leadscore
