// docs/language.md, run: every fenced code block of the language reference is checked the way its
// info string (the text after the opening ```) says, so an example that stops working fails here
// with its line number in the document. A block without an info string fails, so that no example
// slips in unchecked.
//
// Info strings: a kind, then options.
//   schema              a schema file: parse_schema + check_schema give no error.
//   schema-error CODES  a schema file whose errors have exactly the codes CODES (e.g. E012).
//   score               a model: no errors, and every `test` block in it passes. With the option
//                       `strict`, no warnings either (as `leadscore check --strict`).
//   score-condition     one condition per non-blank line, each checked on its own as the model
//                       `when LINE add 1` (no errors).
//   score-error CODES   a model whose errors have exactly the codes CODES (e.g. E006 or E006 E011).
//   score-warning CODES a model with no errors whose warnings have exactly the codes CODES.
//   text, sh, console   not checked (syntax outlines, command lines, program output).
//
// How models are checked ("the page schema" is examples/lead.schema with one more field,
// `tags: set(string)`, for the examples of open sets of strings):
// - A model block is loaded with load_model_text against the page schema (so a `schema` line in it
//   is allowed and does not matter), then linted (as `leadscore check` does, allow comments
//   applied). Its test blocks run with run_model_tests; a test without `as of` runs as of
//   2026-11-01.
// - Option `file=NAME`: the block is the file NAME of a folder that holds the page schema as
//   `lead.schema` and every block with a `file=` option (all of them written before any is checked),
//   and it is loaded from there with load_model (a module of lets, with no `schema` line, checks on
//   its own). A model block with an `import` line and no `file=` is loaded the same way, as a file
//   of its own. `std/...` modules are found in the source tree's stdlib/ (LEADSCORE_PATH).
// - Codes: a block's error codes (or warning codes) are compared as a set with the listed ones.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "leadscore/lint.hpp"
#include "leadscore/testing.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

namespace fs = std::filesystem;

const std::string doc_path = std::string(LEADSCORE_SOURCE_DIR) + "/docs/language.md";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

struct Block {
  int fence_line = 0;      // the line of the opening ``` in the document (1-based)
  std::string info;        // the whole info string
  std::string kind;        // its first word
  std::set<std::string> codes;
  std::string file;        // option file=NAME
  bool strict = false;     // option strict
  std::string text;        // the lines between the fences
};

// The fenced blocks of a Markdown text, in order. Unclosed fences are reported as failures.
std::vector<Block> fenced_blocks(const std::string& doc, std::vector<std::string>& failures) {
  std::vector<Block> out;
  std::istringstream in(doc);
  std::string line;
  int n = 0;
  Block* open = nullptr;
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (!t.starts_with("```")) {
      if (open) open->text += line + "\n";
      continue;
    }
    if (open) {
      if (t != "```") failures.push_back(fmt::format("{}: text after a closing fence: {}", n, line));
      open = nullptr;
      continue;
    }
    Block b;
    b.fence_line = n;
    b.info = trim(t.substr(3));
    auto w = words(b.info);
    if (!w.empty()) b.kind = w[0];
    for (std::size_t i = 1; i < w.size(); ++i) {
      if (w[i].starts_with("file=")) b.file = w[i].substr(5);
      else if (w[i] == "strict") b.strict = true;
      else b.codes.insert(w[i]);
    }
    out.push_back(std::move(b));
    open = &out.back();
  }
  if (open) failures.push_back(fmt::format("{}: a code block that is never closed", open->fence_line));
  return out;
}

// examples/lead.schema with `tags: set(string)` added before its closing brace.
std::string page_schema_text() {
  std::string text = read_text(std::string(LEADSCORE_SOURCE_DIR) + "/examples/lead.schema");
  auto close = text.rfind('}');
  if (close == std::string::npos) throw std::runtime_error("examples/lead.schema has no '}'");
  text.insert(close, "  tags:           set(string)\n");
  return text;
}

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Checks the blocks of one document; collects "LINE: message" failures.
class DocChecker {
 public:
  DocChecker(std::string schema_text, fs::path folder)
      : schema_text_(std::move(schema_text)), folder_(std::move(folder)) {
    auto parsed = schema_from(schema_text_);
    if (parsed->diags.has_errors()) throw std::runtime_error("the page schema does not check");
    schema_ = parsed->schema;
  }

  void prepare(const std::vector<Block>& blocks) {
    fs::create_directories(folder_);
    write_text(folder_ / "lead.schema", schema_text_);
    for (const auto& b : blocks) {
      if (b.file.empty()) continue;
      write_text(folder_ / b.file, b.text);
      file_blocks_[(folder_ / b.file).lexically_normal().string()] = b.fence_line + 1;
    }
  }

  void check(const Block& b) {
    if (b.kind.empty()) {
      fail(b.fence_line, "a code block without an info string: say how it is checked (see docs_test.cpp)");
      return;
    }
    if (b.kind == "text" || b.kind == "sh" || b.kind == "console") {
      ++counts_[b.kind];
      return;
    }
    bool takes_codes = b.kind == "schema-error" || b.kind == "score-error" || b.kind == "score-warning";
    bool takes_file = b.kind == "score" || b.kind == "score-error" || b.kind == "score-warning";
    if (b.kind != "schema" && b.kind != "score" && b.kind != "score-condition" && !takes_codes) {
      fail(b.fence_line, fmt::format("unknown info string '{}'", b.info));
      return;
    }
    if (takes_codes != !b.codes.empty()) {
      fail(b.fence_line, takes_codes ? fmt::format("'{}' needs the codes it expects", b.info)
                                     : fmt::format("unknown options in '{}'", b.info));
      return;
    }
    if (!b.file.empty() && !takes_file) {
      fail(b.fence_line, fmt::format("'{}' does not take file=", b.kind));
      return;
    }
    if (b.strict && b.kind != "score") {
      fail(b.fence_line, fmt::format("'{}' does not take strict", b.kind));
      return;
    }
    ++counts_[b.kind];
    if (b.kind == "schema" || b.kind == "schema-error") check_schema_block(b);
    else if (b.kind == "score-condition") check_conditions(b);
    else check_model(b);
  }

  const std::vector<std::string>& failures() const { return failures_; }
  const std::map<std::string, int>& counts() const { return counts_; }
  int checked() const {
    int n = 0;
    for (const auto& [kind, count] : counts_) {
      if (kind != "text" && kind != "sh" && kind != "console") n += count;
    }
    return n;
  }

 private:
  void fail(int line, const std::string& message) {
    failures_.push_back(fmt::format("docs/language.md:{}: {}", line, message));
  }

  // "docs/language.md:LINE: code message" for a diagnostic in the block (whose first line is
  // `first_line` of the document), "path:line: ..." for one in another file.
  // `column_shift` is the length of text the test put in front of the block's first line.
  std::string describe(const Diagnostic& d, const SourceManager& sources, std::uint32_t block_file,
                       int first_line, int column_shift = 0) const {
    if (d.span.file == 0) return fmt::format("{}: {}", d.code, d.message);
    auto lc = sources.file(d.span.file).line_col(d.span.begin);
    if (d.span.file == block_file) {
      int column = static_cast<int>(lc.column) - (lc.line == 1 ? column_shift : 0);
      return fmt::format("docs/language.md:{}:{}: {} {}", first_line + static_cast<int>(lc.line) - 1,
                         column, d.code, d.message);
    }
    // A diagnostic in another block's file (an imported module) points at that block.
    const std::string& path = sources.file(d.span.file).path();
    if (auto it = file_blocks_.find(path); it != file_blocks_.end()) {
      return fmt::format("docs/language.md:{}:{}: {} {} (in {})", it->second + static_cast<int>(lc.line) - 1,
                         lc.column, d.code, d.message, fs::path(path).filename().string());
    }
    return fmt::format("{}:{}:{}: {} {}", path, lc.line, lc.column, d.code, d.message);
  }

  std::string describe_all(const Diagnostics& diags, const SourceManager& sources, std::uint32_t block_file,
                           int first_line, int column_shift = 0) const {
    std::string out;
    for (const auto& d : diags.all()) out += "\n  " + describe(d, sources, block_file, first_line, column_shift);
    return out;
  }

  static std::set<std::string> codes_of(const Diagnostics& diags, Severity severity) {
    std::set<std::string> out;
    for (const auto& d : diags.all()) {
      if (d.severity == severity) out.insert(std::string(code_info(d.code).code));
    }
    return out;
  }

  // Whether the codes found are the ones the block expects (or none for `schema` and `score`).
  void compare_codes(const Block& b, const Diagnostics& diags, const SourceManager& sources,
                     std::uint32_t block_file) {
    int first = b.fence_line + 1;
    auto errors = codes_of(diags, Severity::Error);
    if (b.kind == "schema" || b.kind == "score") {
      if (!errors.empty()) {
        fail(b.fence_line, "the example has errors:" + describe_all(diags, sources, block_file, first));
      } else if (b.strict && !codes_of(diags, Severity::Warning).empty()) {
        fail(b.fence_line, "the example is marked strict but has warnings:" +
                               describe_all(diags, sources, block_file, first));
      }
      return;
    }
    auto expected_kind = b.kind == "score-warning" ? Severity::Warning : Severity::Error;
    if (b.kind == "score-warning" && !errors.empty()) {
      fail(b.fence_line, "the example has errors:" + describe_all(diags, sources, block_file, first));
      return;
    }
    auto found = codes_of(diags, expected_kind);
    if (found != b.codes) {
      fail(b.fence_line, fmt::format("expected {} {}, got {}:{}", b.kind.substr(b.kind.find('-') + 1),
                                     fmt::join(b.codes, " "), found.empty() ? "none" : fmt::format("{}", fmt::join(found, " ")),
                                     describe_all(diags, sources, block_file, first)));
    }
  }

  void check_schema_block(const Block& b) {
    auto parsed = schema_from(b.text);
    compare_codes(b, parsed->diags, parsed->sources, 1);
  }

  void check_conditions(const Block& b) {
    std::istringstream in(b.text);
    std::string line;
    int n = b.fence_line;
    int conditions = 0;
    while (std::getline(in, line)) {
      ++n;
      if (trim(line).empty()) continue;
      ++conditions;
      const std::string prefix = "when ";
      auto l = load_model_text_of(prefix + line + " add 1\n");
      if (l->session.diagnostics.has_errors()) {
        auto file = static_cast<std::uint32_t>(l->session.sources.size() - 1);
        fail(n, fmt::format("the condition `{}` has errors:{}", trim(line),
                            describe_all(l->session.diagnostics, l->session.sources, file, n,
                                         static_cast<int>(prefix.size()))));
      }
    }
    if (conditions == 0) fail(b.fence_line, "a score-condition block without conditions");
  }

  std::unique_ptr<Loaded> load_model_text_of(std::string text) const {
    auto l = std::make_unique<Loaded>();
    l->loaded = load_model_text(l->session, "block.score", std::move(text), schema_);
    return l;
  }

  static bool has_import(const std::string& text) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (trim(line).starts_with("import ")) return true;
    }
    return false;
  }

  void check_model(const Block& b) {
    Session session;
    LoadedModel loaded;
    std::uint32_t block_file = 0;
    if (!b.file.empty() || has_import(b.text)) {
      fs::path path = folder_ / (b.file.empty() ? fmt::format("block_{}.score", b.fence_line) : b.file);
      if (b.file.empty()) write_text(path, b.text);
      loaded = load_model(session, path.string(), ModuleMode::Accept, LintMode::Run);
      auto normal = path.lexically_normal().string();
      for (std::uint32_t id = 1; id < session.sources.size(); ++id) {
        if (session.sources.file(id).path() == normal) block_file = id;
      }
    } else {
      loaded = load_model_text(session, "block.score", b.text, schema_, LintMode::Run);
      block_file = static_cast<std::uint32_t>(session.sources.size() - 1);
    }
    apply_allowances(session.diagnostics, session.sources, {});
    std::size_t failures_before = failures_.size();
    compare_codes(b, session.diagnostics, session.sources, block_file);
    if (!loaded.program) {
      // A module of lets has nothing to compile on its own; errors were reported just above.
      if (b.kind != "score-error" && !loaded.is_module && failures_.size() == failures_before)
        fail(b.fence_line, "the example does not compile");
      return;
    }
    auto results = run_model_tests(loaded.model, *loaded.program, session.sources, default_as_of);
    for (const auto& t : results) {
      ++tests_run_;
      for (const auto& f : t.failures) {
        fail(b.fence_line + static_cast<int>(f.source.line),
             fmt::format("test \"{}\": expected {}, got {}", t.name, f.expected, f.actual));
      }
    }
  }

 public:
  int tests_run() const { return tests_run_; }

 private:
  std::string schema_text_;
  fs::path folder_;
  Schema schema_;
  std::vector<std::string> failures_;
  std::map<std::string, int> counts_;
  std::map<std::string, int> file_blocks_;  // path of a file= block -> its first line in the document
  int tests_run_ = 0;
};

}  // namespace

TEST_SUITE("docs") {

TEST_CASE("every code block of docs/language.md is checked and holds") {
  std::vector<std::string> failures;
  std::vector<Block> blocks = fenced_blocks(read_text(doc_path), failures);

  fs::path folder = fs::temp_directory_path() / fmt::format("leadscore_docs_{}", ::getpid());
  fs::remove_all(folder);
  ScopedEnv stdlib("LEADSCORE_PATH", std::string(LEADSCORE_SOURCE_DIR) + "/stdlib");
  DocChecker checker(page_schema_text(), folder);
  checker.prepare(blocks);
  for (const auto& b : blocks) checker.check(b);
  fs::remove_all(folder);

  for (const auto& f : failures) FAIL_CHECK(f);
  for (const auto& f : checker.failures()) FAIL_CHECK(f);
  std::string summary;
  for (const auto& [kind, count] : checker.counts()) summary += fmt::format(" {}={}", kind, count);
  INFO("docs/language.md: " << checker.checked() << " blocks checked, " << checker.tests_run()
                               << " test blocks run;" << summary);
  CHECK(checker.checked() > 40);
  CHECK(checker.tests_run() > 30);
  for (const char* kind : {"schema", "schema-error", "score", "score-condition", "score-error", "score-warning"}) {
    INFO(kind);
    CHECK(checker.counts().count(kind) == 1);
  }
}

TEST_CASE("the block reader finds info strings, options and unlabelled blocks") {
  std::vector<std::string> failures;
  auto blocks = fenced_blocks("text\n```score-error E006 E011\nwhen x add 1\n```\n\n```\nplain\n```\n"
                              "```score file=a.score strict\nlet x = 1\n```\n",
                              failures);
  CHECK(failures.empty());
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].fence_line == 2);
  CHECK(blocks[0].kind == "score-error");
  CHECK(blocks[0].codes == std::set<std::string>{"E006", "E011"});
  CHECK(blocks[0].text == "when x add 1\n");
  CHECK(blocks[1].kind.empty());
  CHECK(blocks[2].file == "a.score");
  CHECK(blocks[2].strict);
  CHECK(blocks[2].codes.empty());

  DocChecker checker(page_schema_text(), fs::temp_directory_path() / "leadscore_docs_reader_unused");
  checker.check(blocks[1]);
  REQUIRE(checker.failures().size() == 1);
  CHECK(checker.failures()[0].find("docs/language.md:6: a code block without an info string") == 0);

  auto unclosed = fenced_blocks("```score\nqualify at 1\n", failures);
  CHECK(unclosed.size() == 1);
  CHECK(failures.size() == 1);
}

}  // TEST_SUITE
