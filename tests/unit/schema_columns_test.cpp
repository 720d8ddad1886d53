// The schema constructs `schema infer` writes for CRM exports (issue 16, docs/language.md):
// `from "Column"`, `missing [...]` for the schema and per field, and members that are not names
// (`enum("Lead Add Form", API)`), in schemas and in the models that use them.
#include <doctest/doctest.h>

#include <string>

#include "leadscore/lsc.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

constexpr std::string_view export_schema_text = R"schema(schema course_leads {
  missing ["Select", "N/A"]
  prospect_id: string key from "Prospect ID"
  lead_origin: enum(API, "Landing Page Submission", "Lead Add Form") required from "Lead Origin"
  pages:       set(blog, "pricing page", "say \"hi\"") from "Pages Visited" missing ["-"]
  city:        string missing ["(blank)"]
  from:        int
}
)schema";

const Schema& export_schema() {
  static const Schema schema = checked_schema(std::string(export_schema_text));
  return schema;
}

// The errors of a schema, "line:col: message".
std::vector<std::string> schema_errors(std::string text) { return schema_from(std::move(text))->errors(); }

std::unique_ptr<Loaded> load_export(std::string model) { return load(std::move(model), export_schema()); }

}  // namespace

TEST_SUITE("schema columns") {

TEST_CASE("from, missing and quoted members are read into the Schema") {
  const Schema& s = export_schema();
  REQUIRE(s.fields.size() == 5);
  CHECK(s.missing == std::vector<std::string>{"Select", "N/A"});

  const Field& id = s.fields[0];
  CHECK(id.name == "prospect_id");
  CHECK(id.column == "Prospect ID");
  CHECK(id.column_name() == "Prospect ID");
  CHECK(id.key);
  CHECK(id.missing == std::vector<std::string>{"Select", "N/A"});

  const Field& origin = s.fields[1];
  CHECK(origin.type == FieldType::Enum);
  CHECK(origin.required);
  CHECK(origin.members == std::vector<std::string>{"API", "Landing Page Submission", "Lead Add Form"});
  CHECK(origin.member_index("Lead Add Form") == 2);
  CHECK(origin.column_name() == "Lead Origin");

  const Field& pages = s.fields[2];
  CHECK(pages.type == FieldType::Set);
  // Escapes in a quoted member are read as in any string.
  CHECK(pages.members == std::vector<std::string>{"blog", "pricing page", "say \"hi\""});
  // The field's own placeholders first, then the schema's.
  CHECK(pages.missing == std::vector<std::string>{"-", "Select", "N/A"});

  // Without `from`, the column is the field's name; `from` is a name like any other outside its place.
  CHECK(s.fields[3].column.empty());
  CHECK(s.fields[3].column_name() == "city");
  CHECK(s.fields[3].missing == std::vector<std::string>{"(blank)", "Select", "N/A"});
  CHECK(s.fields[4].name == "from");
  CHECK(s.fields[4].column_name() == "from");
}

TEST_CASE("the options after a type may come in any order, and a list may span lines") {
  auto p = schema_from("schema s {\n  id: string from \"ID\" key\n"
                       "  a: int missing [\"-\",\n      \"n/a\",] required from \"A b\"\n"
                       "  missing []\n}\n");
  INFO(joined(p->errors()));
  REQUIRE_FALSE(p->diags.has_errors());
  CHECK(p->schema.fields[0].key);
  CHECK(p->schema.fields[0].column == "ID");
  CHECK(p->schema.fields[1].required);
  CHECK(p->schema.fields[1].column == "A b");
  CHECK(p->schema.fields[1].missing == std::vector<std::string>{"-", "n/a"});
}

TEST_CASE("a from that names the field's own name, or has blanks around it, reads that column") {
  auto p = schema_from("schema s {\n  id: string key from \"id\"\n  a: int from \" Lead Source\t\"\n}\n");
  REQUIRE_FALSE(p->diags.has_errors());
  CHECK(p->schema.fields[0].column.empty());
  CHECK(p->schema.fields[0].column_name() == "id");
  CHECK(p->schema.fields[1].column == "Lead Source");
}

TEST_CASE("two fields reading one column is a located error") {
  CHECK(schema_errors("schema s {\n  id: string key\n  a: string from \"Lead Source\"\n"
                      "  b: string from \"Lead Source\"\n}\n") ==
        std::vector<std::string>{
            "4:18: column \"Lead Source\" is already read by field 'a'; two fields cannot read one column"});
  // A field's own name is its column too.
  CHECK(schema_errors("schema s {\n  id: string key\n  email: string\n  mail: string from \"email\"\n}\n") ==
        std::vector<std::string>{
            "4:21: column \"email\" is already read by field 'email'; two fields cannot read one column"});
  CHECK(schema_errors("schema s {\n  id: string key from \"email\"\n  email: string\n}\n") ==
        std::vector<std::string>{
            "3:3: column \"email\" is already read by field 'id'; two fields cannot read one column"});
  // Two columns that differ only in case or blanks inside are two columns (header names match exactly).
  CHECK(schema_errors("schema s {\n  id: string key\n  a: int from \"Lead Source\"\n  b: int from \"lead source\"\n}\n")
            .empty());
}

TEST_CASE("a from with no name, or two of them, is an error") {
  CHECK(schema_errors("schema s {\n  id: string key\n  a: int from \"  \"\n}\n") ==
        std::vector<std::string>{"3:15: field 'a' reads a column with no name; write its header between the quotes"});
  CHECK(schema_errors("schema s {\n  id: string key\n  a: int from \"A\" from \"B\"\n}\n") ==
        std::vector<std::string>{"3:24: field 'a' names its column twice; keep one 'from'"});
}

TEST_CASE("members no record could hold are errors; duplicates count quoted and bare alike") {
  CHECK(schema_errors("schema s {\n  id: string key\n  a: enum(x, \"\")\n}\n") ==
        std::vector<std::string>{"3:14: a member cannot be empty (an empty value is a missing one)"});
  CHECK(schema_errors("schema s {\n  id: string key\n  a: set(x, \"b;c\", \" d\")\n}\n") ==
        std::vector<std::string>{
            "3:13: set member \"b;c\" cannot hold ';' (it separates the members of a set)",
            "3:20: set member \" d\" cannot start or end with a blank (blanks around set members are "
            "dropped when a record is read)"});
  // An enum cell is not trimmed, so an enum member may have blanks and ';'.
  CHECK(schema_errors("schema s {\n  id: string key\n  a: enum(\"b;c\", \" d\")\n}\n").empty());
  CHECK(schema_errors("schema s {\n  id: string key\n  a: enum(API, \"API\")\n}\n") ==
        std::vector<std::string>{"3:16: member 'API' declared twice"});
}

TEST_CASE("syntax errors in the new constructs are located and say what was expected") {
  auto missing_number = schema_from("schema s {\n  id: string key\n  missing [1]\n}\n");
  REQUIRE(missing_number->diags.all().size() == 1);
  CHECK(missing_number->diags.all()[0].code == "E001");
  CHECK(missing_number->errors()[0].starts_with("3:12: "));
  auto bare = schema_from("schema s {\n  id: string key\n  a: int missing Select\n}\n");
  REQUIRE(bare->diags.all().size() == 1);
  CHECK(bare->errors()[0] == "3:18: expected a list of quoted strings, as in [\"N/A\", \"-\"] after 'missing'");
  auto from_bare = schema_from("schema s {\n  id: string key from ID\n  a: int\n}\n");
  REQUIRE(from_bare->diags.all().size() == 1);
  CHECK(from_bare->errors()[0] == "2:23: expected a quoted string after 'from'; quote the text: \"ID\"");
  // Reading goes on after a broken line: the next field and a `missing` line still count.
  auto go_on = schema_from("schema s {\n  id: string key from\n  missing [\"x\"]\n  b: int from \"B\" from \"C\"\n}\n");
  CHECK(go_on->diags.all().size() == 1);
}

TEST_CASE("a quoted string beside an enum names a member, checked like a bare one") {
  CHECK(load_export("when lead_origin = \"Lead Add Form\" add 1\n")->ok());
  CHECK(load_export("when \"Lead Add Form\" != lead_origin add 1\n")->ok());
  CHECK(load_export("when lead_origin = API add 1\n")->ok());
  CHECK(load_export("when lead_origin in [\"API\", \"Lead Add Form\"] add 1\n")->ok());
  CHECK(load_export("when lead_origin not in [API, \"Lead Add Form\"] add 1\n")->ok());
  CHECK(load_export("let web = [\"Landing Page Submission\", API]\nwhen lead_origin in web add 1\n")->ok());
  CHECK(load_export("when pages \"pricing page\" add 1\n")->ok());
  CHECK(load_export("when pages any of [\"pricing page\", blog] add 1\n")->ok());
  CHECK(load_export("when pages all of [\"say \\\"hi\\\"\"] add 1\n")->ok());
}

TEST_CASE("an unknown quoted member is E004 with a did-you-mean") {
  auto check_one = [](std::string model, std::string message) {
    auto l = load_export(model);
    INFO(model);
    REQUIRE(l->session.diagnostics.all().size() == 1);
    CHECK(l->session.diagnostics.all()[0].code == "E004");
    CHECK(l->errors()[0] == message);
  };
  check_one("when lead_origin = \"Lead Add From\" add 1\n",
            "1:20: unknown member 'Lead Add From' of enum 'lead_origin'; did you mean 'Lead Add Form'?");
  check_one("when lead_origin in [API, \"Landing Page\"] add 1\n",
            "1:27: unknown member 'Landing Page' of enum 'lead_origin'");
  check_one("when pages \"pricing pages\" add 1\n",
            "1:12: unknown member 'pricing pages' of set 'pages'; did you mean 'pricing page'?");
  check_one("when pages any of [\"Blog\"] add 1\n",
            "1:20: unknown member 'Blog' of set 'pages'; did you mean 'blog'?");
  // Members are case-sensitive, quoted or not (SPEC 7).
  check_one("when lead_origin = \"api\" add 1\n", "1:20: unknown member 'api' of enum 'lead_origin'; did you mean 'API'?");
}

TEST_CASE("a quoted member scores as the bare one does") {
  auto bare = load_export("when lead_origin = API add 1\nwhen pages blog add 10\n"
                          "when lead_origin in [API] add 100\nwhen pages any of [blog] add 1000\n");
  auto quoted = load_export("when lead_origin = \"API\" add 1\nwhen pages \"blog\" add 10\n"
                            "when lead_origin in [\"API\"] add 100\nwhen pages any of [\"blog\"] add 1000\n");
  REQUIRE(bare->ok());
  REQUIRE(quoted->ok());
  CHECK(bare->program().code.size() == quoted->program().code.size());
  auto spaced = load_export("when lead_origin = \"Lead Add Form\" add 1\nwhen pages \"pricing page\" add 10\n"
                            "when lead_origin in [\"Lead Add Form\", API] add 100\n"
                            "when pages all of [\"pricing page\", blog] add 1000\n");
  REQUIRE(spaced->ok());
  Lead a(export_schema());
  a.str("prospect_id", "P1").member("lead_origin", "API").members("pages", {"blog"});
  CHECK(run(bare->program(), a).score == 1111);
  CHECK(run(quoted->program(), a).score == 1111);
  CHECK(run(spaced->program(), a).score == 100);
  Lead b(export_schema());
  b.str("prospect_id", "P2").member("lead_origin", "Lead Add Form").members("pages", {"pricing page", "blog"});
  CHECK(run(bare->program(), b).score == 1010);
  CHECK(run(spaced->program(), b).score == 1111);
}

TEST_CASE("test blocks take quoted members in their leads") {
  auto l = load_export("when lead_origin = \"Lead Add Form\" add 5\n"
                       "test \"form\" {\n  lead { prospect_id: \"P\", lead_origin: \"Lead Add Form\", "
                       "pages: [\"pricing page\", blog] }\n  expect score 5\n}\n");
  INFO(joined(l->errors()));
  CHECK(l->ok());
  auto bad = load_export("test \"form\" {\n  lead { prospect_id: \"P\", lead_origin: \"Lead Ad Form\" }\n"
                         "  expect score 0\n}\n");
  REQUIRE(bad->session.diagnostics.all().size() == 1);
  CHECK(bad->errors()[0] == "2:41: unknown member 'Lead Ad Form' of enum 'lead_origin'; did you mean 'Lead Add Form'?");
}

TEST_CASE("strings are still not members where no enum gives the context") {
  // A string field compared with a string is a string comparison, whatever the text.
  CHECK(load_export("when city = \"API\" add 1\n")->ok());
  // An enum against a computed string is still a mismatch.
  auto l = load_export("when lead_origin = lower(city) add 1\n");
  REQUIRE(l->session.diagnostics.all().size() == 1);
  CHECK(l->errors()[0] == "1:6: cannot compare an enum value with a string; compare an enum with one of its members");
}

TEST_CASE("a .lsc carries the columns, placeholders and quoted members of its schema") {
  // The .lsc embeds the schema's text, which its loader parses and checks again: `from`, `missing`
  // and quoted members come back as they were, with no change to the file layout.
  const std::string model = std::string(LEADSCORE_SOURCE_DIR) + "/tests/golden/check_export_constructs/model.score";
  Session session;
  LoadedModel loaded = load_model(session, model);
  INFO(joined(located(session.sources, session.diagnostics)));
  REQUIRE(loaded.program);
  const std::string bytes = write_lsc(*loaded.program, session.sources, "export.schema", model);
  SourceManager sources;
  Diagnostics diags;
  std::string error;
  auto file = read_lsc(bytes, sources, diags, error);
  INFO(error);
  REQUIRE(file);
  const Schema& a = loaded.program->schema;
  const Schema& b = file->program.schema;
  REQUIRE(a.fields.size() == b.fields.size());
  CHECK(b.missing == std::vector<std::string>{"Select", "N/A"});
  for (std::size_t f = 0; f < a.fields.size(); ++f) {
    CAPTURE(a.fields[f].name);
    CHECK(b.fields[f].column_name() == a.fields[f].column_name());
    CHECK(b.fields[f].missing == a.fields[f].missing);
    CHECK(b.fields[f].members == a.fields[f].members);
  }
  CHECK(b.fields[1].column_name() == "Lead Origin");
  CHECK(b.fields[1].member_index("Lead Add Form") == 2);
  CHECK(b.fields[2].missing == std::vector<std::string>{"-", "Select", "N/A"});
  CHECK(file->program.code.size() == loaded.program->code.size());
}

}  // TEST_SUITE
