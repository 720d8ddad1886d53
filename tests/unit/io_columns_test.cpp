// The record readers with the schema options of exports (docs/records.md): fields read from the
// column `from` names, in CSV and JSON lines, and values that `missing [...]` declares placeholders
// read as missing.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "leadscore/io.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

constexpr std::string_view schema_text = R"(schema leads {
  missing ["Select", "N/A"]
  id:     string key from "Prospect ID"
  origin: enum(API, "Lead Add Form") required from "Lead Origin"
  visits: int from "Total Visits" missing ["-"]
  pages:  set(blog, "pricing page") from "Pages"
  city:   string
}
)";

const Schema& schema() {
  static const Schema s = checked_schema(std::string(schema_text));
  return s;
}

struct Read {
  std::string error;
  std::vector<std::string> warnings, ignored;
  // Per record: "key|error|field=value ..." with "-" for a missing value.
  std::vector<std::string> rows;
};

std::string shown(const Field& f, const FieldValue& v, const Record& rec) {
  if (!v.present) return "-";
  switch (f.type) {
    case FieldType::Int: return fmt::format("{}", v.i);
    case FieldType::Enum: return f.members.at(v.member);
    case FieldType::Set: {
      std::string out;
      for (std::size_t k = 0; k < f.members.size(); ++k)
        if (v.set_bits >> k & 1) out += (out.empty() ? "" : ";") + f.members[k];
      return out;
    }
    default: return std::string(v.str);
  }
  (void)rec;
}

Read read(const std::string& text, RecordFormat format, const Schema& s = schema()) {
  Read out;
  std::string copy = text;
  std::FILE* in = fmemopen(copy.data(), copy.size(), "r");
  REQUIRE(in != nullptr);
  ReaderOpenResult opened = open_record_reader(in, format == RecordFormat::Csv ? "leads.csv" : "leads.jsonl",
                                               format, s);
  out.error = opened.error;
  out.warnings = opened.warnings;
  out.ignored = opened.ignored_columns;
  if (opened.reader) {
    Record rec;
    while (opened.reader->next(rec)) {
      std::string row = std::string(rec.key) + "|" + rec.error;
      if (rec.error.empty()) row += "|";
      for (std::size_t f = 0; f < s.fields.size() && rec.error.empty(); ++f)
        row += fmt::format("{}{}={}", f ? " " : "", s.fields[f].name, shown(s.fields[f], rec.values[f], rec));
      out.rows.push_back(row);
    }
  }
  std::fclose(in);
  return out;
}

}  // namespace

TEST_SUITE("io columns") {

TEST_CASE("csv: fields read the columns their `from` names, in any order, headers trimmed") {
  const Read r = read(" Lead Origin ,city,Prospect ID,Pages,Total Visits,Other\n"
                      "Lead Add Form,Pune,P1,pricing page;blog,3,x\n"
                      "API,,P2,,,y\n",
                      RecordFormat::Csv);
  REQUIRE(r.error == "");
  CHECK(r.ignored == std::vector<std::string>{"Other"});
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0] == "P1||id=P1 origin=Lead Add Form visits=3 pages=blog;pricing page city=Pune");
  CHECK(r.rows[1] == "P2||id=P2 origin=API visits=- pages=- city=-");
}

TEST_CASE("csv: a field's name is not its column when `from` names another") {
  // `id` and `origin` are field names, not columns: they are ignored, and the key's column is missing.
  const Read r = read("id,origin,Lead Origin\nP1,API,API\n", RecordFormat::Csv);
  CHECK(r.error == "leads.csv: missing column 'Prospect ID' (field id, the key of the schema)");
}

TEST_CASE("csv: missing columns are named by column, and the field when it differs") {
  CHECK(read("Prospect ID,city\nP1,x\n", RecordFormat::Csv).error ==
        "leads.csv: missing column 'Lead Origin' (field origin, required by the schema)");
  const Read r = read("Prospect ID,Lead Origin\nP1,API\n", RecordFormat::Csv);
  REQUIRE(r.error == "");
  CHECK(r.warnings == std::vector<std::string>{
                          "leads.csv: no column 'Total Visits' for field 'visits'; it is missing in every record",
                          "leads.csv: no column 'Pages' for field 'pages'; it is missing in every record",
                          "leads.csv: no column for field 'city'; it is missing in every record"});
}

TEST_CASE("csv: the did-you-mean guesses against the column a field reads") {
  CHECK(read("Prospect_ID,Lead Origin\nP1,API\n", RecordFormat::Csv).error ==
        "leads.csv: missing column 'Prospect ID' (field id, the key of the schema); did you mean column "
        "'Prospect_ID'?");
  CHECK(read("Prospect ID,Lead Orign\nP1,API\n", RecordFormat::Csv).error ==
        "leads.csv: missing column 'Lead Origin' (field origin, required by the schema); did you mean "
        "column 'Lead Orign'?");
  // The field's name is no longer its column, so a header spelt like the name is only a guess.
  CHECK(read("Prospect ID,Lead Origin,Total Visits,Pages,City\nP1,API,1,,x\n", RecordFormat::Csv).warnings ==
        std::vector<std::string>{
            "leads.csv: no column for field 'city'; it is missing in every record; did you mean column 'City'?"});
}

TEST_CASE("csv: a column read twice in the header stops the run, named as written") {
  CHECK(read("Prospect ID,Lead Origin,Lead Origin\nP1,API,API\n", RecordFormat::Csv).error ==
        "leads.csv: column 'Lead Origin' appears twice in the header");
}

TEST_CASE("csv: placeholders read as missing, trimmed and ignoring ASCII case, field's and schema's") {
  const Read r = read("Prospect ID,Lead Origin,Total Visits,Pages,city\n"
                      "P1,API,-,Select,select\n"
                      "P2,API, n/a ,N/A,SELECT \n"
                      "P3,API,3,blog,Selected\n"
                      "P4,Select,1,,x\n"
                      "P5,API,--,,x\n",
                      RecordFormat::Csv);
  REQUIRE(r.error == "");
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[0] == "P1||id=P1 origin=API visits=- pages=- city=-");
  CHECK(r.rows[1] == "P2||id=P2 origin=API visits=- pages=- city=-");
  // Only whole values: `Selected` is text.
  CHECK(r.rows[2] == "P3||id=P3 origin=API visits=3 pages=blog city=Selected");
  // A placeholder in a required field is a missing required value.
  CHECK(r.rows[3] == "P4|line 5: field 'origin' is required but missing");
  // `-` is the field's own placeholder; `--` is not one.
  CHECK(r.rows[4] == "P5|line 6: field 'visits': '--' is not an int");
}

TEST_CASE("csv: without `missing`, placeholder words are values") {
  auto p = schema_from("schema s {\n  id: string key\n  origin: enum(API, Select)\n  n: int\n}\n");
  REQUIRE_FALSE(p->diags.has_errors());
  const Read r = read("id,origin,n\nP1,Select,-\n", RecordFormat::Csv, p->schema);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0] == "P1|line 2: field 'n': '-' is not an int");
}

TEST_CASE("jsonl: keys are the columns `from` names; placeholders are strings read as missing") {
  const Read r = read(
      "{\"Prospect ID\": \"P1\", \"Lead Origin\": \"Lead Add Form\", \"Total Visits\": 3, \"Pages\": [\"pricing page\"], \"city\": \"Pune\"}\n"
      "{\"Prospect ID\": \"P2\", \"Lead Origin\": \"API\", \"Total Visits\": \"-\", \"city\": \"n/a\"}\n"
      "{\"Prospect ID\": \"P3\", \"Lead Origin\": \"select\"}\n"
      "{\"Prospect ID\": \"P4\", \"Lead Origin\": \"API\", \"Total Visits\": \"--\"}\n"
      "{\"id\": \"P5\", \"origin\": \"API\"}\n"
      "{\"Prospect ID\": \"P6\", \"Lead Origin\": \"API\", \"Lead Origin\": \"API\"}\n",
      RecordFormat::JsonLines);
  REQUIRE(r.error == "");
  REQUIRE(r.rows.size() == 6);
  CHECK(r.rows[0] == "P1||id=P1 origin=Lead Add Form visits=3 pages=pricing page city=Pune");
  CHECK(r.rows[1] == "P2||id=P2 origin=API visits=- pages=- city=-");
  CHECK(r.rows[2] == "P3|line 3: field 'origin' is required but missing");
  CHECK(r.rows[3] == "P4|line 4: field 'visits': expected a number, got \"--\"");
  // The field names are not keys: the key is missing.
  CHECK(r.rows[4] == "|line 5: field 'id' is required but missing");
  CHECK(r.rows[5] == "P6|line 6: key 'Lead Origin' appears twice");
}

TEST_CASE("jsonl: the key is still found by its column after a syntax error") {
  const Read r = read("{\"Lead Origin\": \"API\", \"Prospect ID\": \"P9\", oops}\n", RecordFormat::JsonLines);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].starts_with("P9|line 1: not valid JSON"));
}

}  // TEST_SUITE
