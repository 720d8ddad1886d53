// Imports: where modules are found (relative paths, the stdlib beside the binary, LEADSCORE_PATH),
// what they bring in, and the errors at the import line.
#include <doctest/doctest.h>

#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "leadscore/leadscore.hpp"

namespace {

namespace fs = std::filesystem;
using namespace leadscore;

// A scratch folder with the examples' schema, removed at the end of the test.
struct Folder {
  fs::path root;
  Folder() {
    root = fs::temp_directory_path() / fs::path("leadscore-imports-" + std::to_string(::getpid()));
    fs::create_directories(root);
    fs::copy_file(fs::path(LEADSCORE_SOURCE_DIR) / "examples/lead.schema", root / "lead.schema",
                  fs::copy_options::overwrite_existing);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name) << text;
    return (root / name).string();
  }
};

bool has_code(const Session& s, std::string_view code) {
  for (const auto& d : s.diagnostics.all()) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a relative import brings in the module's lets and rules, in front of the model's own") {
  Folder f;
  f.write("common.score", "let big = company_size >= 100\nwhen big add 10 as \"Big\"\n");
  std::string model = f.write("m.score", "schema \"lead.schema\"\nimport \"./common\"\nwhen big add 1 as \"Own\"\n");
  Session s;
  LoadedModel l = load_model(s, model);
  REQUIRE(l.program);
  REQUIRE(l.program->rules.size() == 2);
  CHECK(l.program->rules[0].label == "Big");
  CHECK(l.program->rules[1].label == "Own");
}

TEST_CASE("LEADSCORE_PATH folders hold modules by path") {
  Folder f;
  f.write("lib/acme/common.score", "let senior = job_title matches /vp/i\n");
  std::string model = f.write("m.score", "schema \"lead.schema\"\nimport \"acme/common\"\nwhen senior add 5\n");
  Session without;
  ::unsetenv("LEADSCORE_PATH");
  CHECK_FALSE(load_model(without, model).program);
  CHECK(has_code(without, "E017"));

  ::setenv("LEADSCORE_PATH", (f.root / "lib").c_str(), 1);
  Session with;
  CHECK(load_model(with, model).program);
  ::unsetenv("LEADSCORE_PATH");
}

TEST_CASE("the stdlib is found beside the binary") {
  Folder f;
  std::string model = f.write(
      "m.score", "schema \"lead.schema\"\nimport \"std/email\"\nimport \"std/titles\"\nimport \"std/geo\"\n"
                 "when email matches free_email subtract 10\nwhen job_title matches vp add 5\n"
                 "when country in dach add 3\n");
  Session s;
  LoadedModel l = load_model(s, model);
  CHECK(l.program);
  CHECK_FALSE(s.diagnostics.has_errors());
}

TEST_CASE("cycles, missing modules and clashes are errors at the import line") {
  Folder f;
  f.write("a.score", "import \"./b\"\n");
  f.write("b.score", "import \"./a\"\n");
  f.write("defs.score", "let x = 1\n");
  std::string model = f.write("m.score", "schema \"lead.schema\"\nimport \"./a\"\nimport \"./nope\"\n"
                                         "import \"./defs\"\nlet x = 2\n");
  Session s;
  CHECK_FALSE(load_model(s, model).program);
  CHECK(has_code(s, "E010"));
  CHECK(has_code(s, "E017"));
  CHECK(has_code(s, "E011"));
  for (const auto& d : s.diagnostics.all()) {
    INFO(d.message);
    // Every one of them points at an `import` line.
    const SourceFile& file = s.sources.file(d.span.file);
    CHECK(file.text().substr(d.span.begin, 6) == "import");
  }
}

TEST_CASE("a test file without a schema line takes the schema of the model it imports") {
  Folder f;
  f.write("m.score", "schema \"lead.schema\"\nwhen visited pricing_page add 20 as \"Pricing\"\n");
  std::string tests = f.write("m_test.score", "import \"./m\"\n");
  Session s;
  LoadedModel l = load_model(s, tests);
  CHECK(l.program);
  CHECK(l.schema);
}
