// `schema infer`: names, value shapes, types, placeholders and the key, on small in-memory exports.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "infer/value_shape.hpp"
#include "leadscore/date.hpp"
#include "leadscore/infer.hpp"

namespace {

using namespace leadscore;

InferResult infer_text(std::string text, RecordFormat format = RecordFormat::Csv, std::string key = {}) {
  std::FILE* in = fmemopen(text.data(), text.size(), "r");
  REQUIRE(in != nullptr);
  InferOptions options;
  options.key = std::move(key);
  options.source_name = "sample.csv";
  InferResult result = infer_schema(in, format, options);
  std::fclose(in);
  return result;
}

const InferredField& field(const InferredSchema& s, std::string_view name) {
  for (const InferredField& f : s.fields)
    if (f.name == name) return f;
  FAIL("no field " << name);
  return s.fields.front();
}

}  // namespace

TEST_CASE("infer: a header becomes a field name as the issue spells it") {
  CHECK(field_name_for_column("Lead Source") == "lead_source");
  CHECK(field_name_for_column("TotalVisits") == "totalvisits");
  CHECK(field_name_for_column("  No. of Employees ") == "no_of_employees");
  CHECK(field_name_for_column("Country/Region") == "country_region");
  CHECK(field_name_for_column("__x__y__") == "x_y");
  CHECK(field_name_for_column("Chloé's score") == "chlo_s_score");
  CHECK(field_name_for_column("***").empty());
}

TEST_CASE("infer: value shapes follow what the readers accept") {
  using namespace leadscore::infer;
  CHECK((shape_of("Yes") & shape_bool) != 0);
  CHECK((shape_of("1") & (shape_bool | shape_int | shape_number)) == (shape_bool | shape_int | shape_number));
  CHECK((shape_of("1.5") & shape_int) == 0);
  CHECK((shape_of("1.5") & shape_number) != 0);
  CHECK((shape_of("2024-03-18") & (shape_date | shape_timestamp)) == (shape_date | shape_timestamp));
  CHECK((shape_of("2024-03-18 10:27:00") & shape_timestamp) != 0);
  CHECK((shape_of("2024-03-18T10:27Z") & shape_timestamp) != 0);
  CHECK((shape_of("2024-03-18T10:27:00.123+01:00") & shape_timestamp) != 0);
  CHECK((shape_of("2024-03-18 10:27:00") & shape_date) == 0);
  CHECK((shape_of("2024-02-30") & shape_date) == 0);
  CHECK((shape_of("18/03/2024") & (shape_day_first | shape_month_first)) == shape_day_first);
  CHECK((shape_of("03/18/2024") & (shape_day_first | shape_month_first)) == shape_month_first);
  CHECK((shape_of("03/04/2024") & (shape_day_first | shape_month_first)) == (shape_day_first | shape_month_first));
  CHECK((shape_of(" padded") & shape_member) == 0);
  CHECK((shape_of("Lead Add Form") & shape_member) != 0);
  CHECK(is_placeholder_word("Select"));
  CHECK(is_placeholder_word("N/A"));
  CHECK_FALSE(is_placeholder_word("Selected"));
}

TEST_CASE("infer: a value is a timestamp exactly when the timestamp reader reads it") {
  using namespace leadscore::infer;
  // Forms infer once called timestamps that the reader refused (a lower-case 't', ten fraction
  // digits), and forms both take.
  for (const char* text : {"2024-03-18T10:27", "2024-03-18 10:27:00", "2024-03-18T10:27:00,5Z",
                           "2024-03-18T10:27+01", "2024-03-18T10:27+0100", "2024-03-18t10:27",
                           "2024-03-18T10:27:00.1234567890", "2024-03-18T24:00", "2024-03-18T10:27 Z",
                           "2024-03-18 10:27:00-05:00", "2024-03-18T10:27:00ZZ"}) {
    CAPTURE(text);
    CHECK(((shape_of(text) & shape_timestamp) != 0) == leadscore::parse_iso_datetime(text).has_value());
  }
  CHECK((shape_of("2024-03-18t10:27") & shape_timestamp) == 0);
}

TEST_CASE("infer: types, required, placeholders and the key from a small export") {
  const InferResult r = infer_text(
      "Prospect ID,Lead Origin,Do Not Email,TotalVisits,Time Spent,Created,City,Tags,Notes,\n"
      "a1,API,No,3,1.5,2024-03-18 10:27,Select,x;y,hello,\n"
      "a2,API,Yes,,2,2024-03-19 11:00,Mumbai,y,\"two\nlines\",\n"
      "a3,Lead Add Form,No,4,0.25,2024-03-20,Select,,other,\n"
      "a4,Lead Add Form,no,7,3,2024-03-21 09:00:01,Thane,x,more,\n");
  REQUIRE(r.schema);
  const InferredSchema& s = *r.schema;
  CHECK(s.rows == 4);
  REQUIRE(s.unnamed_columns.size() == 1);
  CHECK(s.unnamed_columns[0] == 10);
  const InferredField& id = field(s, "prospect_id");
  CHECK(id.key);
  CHECK(id.column == "Prospect ID");
  CHECK(id.type == InferredType::String);
  const InferredField& origin = field(s, "lead_origin");
  CHECK(origin.type == InferredType::Enum);
  CHECK(origin.members == std::vector<std::string>{"API", "Lead Add Form"});
  CHECK(origin.required);
  CHECK(field(s, "do_not_email").type == InferredType::Bool);
  CHECK(field(s, "totalvisits").type == InferredType::Int);
  CHECK_FALSE(field(s, "totalvisits").required);
  CHECK(field(s, "time_spent").type == InferredType::Number);
  CHECK(field(s, "created").type == InferredType::Timestamp);
  const InferredField& city = field(s, "city");
  CHECK(city.placeholders == std::vector<std::string>{"Select"});
  CHECK(city.missing == 2);
  CHECK(field(s, "tags").type == InferredType::Set);
  CHECK(field(s, "tags").members == std::vector<std::string>{"x", "y"});
  CHECK(field(s, "notes").type == InferredType::String);
}

TEST_CASE("infer: a placeholder seen in two columns is missing for the whole file") {
  const InferResult r = infer_text("id,a,b\n1,Select,x\n2,Select,Select\n3,p,q\n4,p,x\n5,q,x\n6,q,q\n");
  REQUIRE(r.schema);
  CHECK(r.schema->placeholders == std::vector<std::string>{"Select"});
  CHECK(field(*r.schema, "a").placeholders.empty());
}

TEST_CASE("infer: day-first dates get their format; names never clash or use keywords") {
  const InferResult r = infer_text("ID,Score,score,Date,2nd\n1,1,2,18/03/2024,a\n2,3,4,01/02/2024,b\n");
  REQUIRE(r.schema);
  CHECK(field(*r.schema, "score_value").column == "Score");
  CHECK(field(*r.schema, "score_value_2").column == "score");
  CHECK(field(*r.schema, "date_value").format == "%d/%m/%Y");
  CHECK(field(*r.schema, "f_2nd").column == "2nd");
}

TEST_CASE("infer: the key") {
  SUBCASE("a column named like an id that repeats is not the key; an e-mail column is") {
    const InferResult r = infer_text("account_id,email\n1,a@x\n1,b@x\n");
    REQUIRE(r.schema);
    CHECK(field(*r.schema, "email").key);
  }
  SUBCASE("none: a clear error that names --key") {
    const InferResult r = infer_text("name,city\nann,x\nann,y\n");
    CHECK_FALSE(r.schema);
    CHECK(r.error.find("--key") != std::string::npos);
  }
  SUBCASE("--key by header") {
    const InferResult r = infer_text("Lead Number,x\n10,a\n11,b\n", RecordFormat::Csv, "Lead Number");
    REQUIRE(r.schema);
    CHECK(field(*r.schema, "lead_number").key);
    CHECK(field(*r.schema, "lead_number").type == InferredType::String);
  }
}

TEST_CASE("infer: JSON lines") {
  const InferResult r = infer_text(
      "{\"id\": \"a\", \"n\": 3, \"ok\": true, \"tags\": [\"x\", \"y\"], \"late\": null}\n"
      "{\"id\": \"b\", \"n\": 4.5, \"ok\": false, \"tags\": [], \"extra\": \"2024-01-02\"}\n",
      RecordFormat::JsonLines);
  REQUIRE(r.schema);
  CHECK(field(*r.schema, "id").key);
  CHECK(field(*r.schema, "n").type == InferredType::Number);
  CHECK(field(*r.schema, "ok").type == InferredType::Bool);
  CHECK(field(*r.schema, "tags").type == InferredType::Set);
  CHECK(field(*r.schema, "extra").type == InferredType::Date);
  CHECK(field(*r.schema, "extra").missing == 1);
}

TEST_CASE("infer: the rendered schema names each column it renames and quotes odd members") {
  const InferResult r = infer_text("Lead ID,Lead Origin\na,Lead Add Form\nb,API\nc,API\nd,Lead Add Form\n");
  REQUIRE(r.schema);
  InferOptions options;
  options.source_name = "x.csv";
  const std::string text = render_inferred_schema(*r.schema, options);
  CHECK(text.find("lead_id:     string key from \"Lead ID\"") != std::string::npos);
  CHECK(text.find("enum(API, \"Lead Add Form\") required from \"Lead Origin\"") != std::string::npos);
  CHECK(text.find("# 2 distinct, none missing, e.g. \"Lead Add Form\", \"API\"") != std::string::npos);
}

TEST_CASE("infer: one-member values before the first list are members of the set") {
  const InferResult r = infer_text("id,tags\n1,y\n2,w\n3,x;z\n4,y\n5,z;w\n");
  REQUIRE(r.schema);
  CHECK(field(*r.schema, "tags").type == InferredType::Set);
  CHECK(field(*r.schema, "tags").members == std::vector<std::string>{"w", "x", "y", "z"});
}

TEST_CASE("infer: more distinct values than kept read as text, and the comment says so") {
  std::string csv = "id,note\n";
  for (int i = 0; i < 1100; ++i) csv += std::to_string(i) + ",word" + std::to_string(i) + "\n";
  const InferResult r = infer_text(csv);
  REQUIRE(r.schema);
  const InferredField& note = field(*r.schema, "note");
  CHECK(note.type == InferredType::String);
  CHECK(note.distinct_capped);
  CHECK(note.required);
}

TEST_CASE("infer: an unclosed quote does not make the whole input one record in memory") {
  std::string csv = "id,note\n1,\"open\n";
  csv.append(std::size_t{65} << 20, 'x');
  const InferResult r = infer_text(std::move(csv));
  CHECK_FALSE(r.schema);
  CHECK(r.error.find("longer than 64 MiB") != std::string::npos);
}

TEST_CASE("infer: a JSON line past 64 MiB stops the reading with a message") {
  std::string jsonl = "{\"id\": \"";
  jsonl.append(std::size_t{65} << 20, 'x');
  const InferResult r = infer_text(std::move(jsonl), RecordFormat::JsonLines);
  CHECK_FALSE(r.schema);
  CHECK(r.error.find("longer than 64 MiB") != std::string::npos);
}

TEST_CASE("infer: a read error is marked unreadable, a finding is not") {
  std::string jsonl = "{\"id\": \"";
  jsonl.append(std::size_t{65} << 20, 'x');
  CHECK(infer_text(std::move(jsonl), RecordFormat::JsonLines).unreadable);
  CHECK_FALSE(infer_text("name,city\nann,x\nann,y\n").unreadable);
}
