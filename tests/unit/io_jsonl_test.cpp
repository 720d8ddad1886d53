// JSON lines record reading: SPEC 2 and 7, and the choices written down in docs/records.md.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <vector>

#include "leadscore/io.hpp"

using namespace leadscore;

namespace {

Field field(std::string name, FieldType type, std::vector<std::string> members = {}) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.members = std::move(members);
  return f;
}

Schema lead_schema() {
  Schema s;
  s.name = "lead";
  s.fields.push_back(field("id", FieldType::String));
  s.fields.back().key = true;
  s.fields.push_back(field("email", FieldType::String));
  s.fields.back().required = true;
  s.fields.push_back(field("size", FieldType::Int));
  s.fields.push_back(field("revenue", FieldType::Number));
  s.fields.push_back(field("industry", FieldType::Enum, {"saas", "fintech", "retail"}));
  s.fields.push_back(field("visited", FieldType::Set, {"pricing_page", "blog", "docs"}));
  s.fields.push_back(field("tags", FieldType::StringSet));
  s.fields.push_back(field("demo", FieldType::Bool));
  s.fields.push_back(field("last", FieldType::Date));
  s.key_index = 0;
  return s;
}

struct Got {
  std::string key;
  std::uint64_t line = 0;
  std::string error;
  std::vector<std::string> shown;
  const std::string& operator[](std::size_t f) const { return shown.at(f); }
};

std::string show(const Field& f, const FieldValue& v, const Record& rec) {
  if (!v.present) return "-";
  switch (f.type) {
    case FieldType::String:
      return std::string(v.str);
    case FieldType::Int:
      return fmt::format("{}", v.i);
    case FieldType::Number:
      return format_number(v.num);
    case FieldType::Bool:
      return v.b ? "true" : "false";
    case FieldType::Date:
      return format_date(v.date);
    case FieldType::Timestamp:
      return format_timestamp(v.i);
    case FieldType::Enum:
      return f.members.at(v.member);
    case FieldType::Set: {
      std::string out;
      for (std::size_t k = 0; k < f.members.size(); ++k)
        if (v.set_bits >> k & 1) {
          if (!out.empty()) out += '|';
          out += f.members[k];
        }
      return out;
    }
    case FieldType::StringSet: {
      std::string out;
      for (std::uint32_t i = 0; i < v.items_count; ++i) {
        if (i > 0) out += '|';
        out += rec.items.at(v.items_begin + i);
      }
      return out;
    }
  }
  return "?";
}

std::vector<Got> read_all(const std::string& text) {
  const Schema schema = lead_schema();
  std::vector<Got> out;
  std::string copy = text;
  std::FILE* in = fmemopen(copy.data(), copy.size(), "r");
  REQUIRE(in != nullptr);
  ReaderOpenResult opened = open_record_reader(in, "leads.jsonl", RecordFormat::JsonLines, schema);
  REQUIRE(opened.error == "");
  REQUIRE(opened.reader);
  Record rec;
  while (opened.reader->next(rec)) {
    Got g{std::string(rec.key), rec.line, rec.error, {}};
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
      g.shown.push_back(show(schema.fields[f], rec.values[f], rec));
    out.push_back(std::move(g));
  }
  std::fclose(in);
  return out;
}

Got read_one(const std::string& line) {
  const std::vector<Got> r = read_all(line + "\n");
  REQUIRE(r.size() == 1);
  return r[0];
}

// A record with id and email, plus `rest` (",\"size\":3" and so on).
std::string error_of(const std::string& rest) {
  return read_one(R"({"id":"L1","email":"e")" + rest + "}").error;
}

}  // namespace

TEST_CASE("jsonl: a full record is read into typed slots") {
  const Got g = read_one(
      R"({"id":"L1","email":"a@x.com","size":250,"revenue":1.5e3,"industry":"saas",)"
      R"("visited":["pricing_page","blog"],"tags":["x","y","x"],"demo":true,"last":"2026-10-30T10:00:00Z"})");
  CHECK(g.error == "");
  CHECK(g.key == "L1");
  CHECK(g.line == 1);
  CHECK(g[1] == "a@x.com");
  CHECK(g[2] == "250");
  CHECK(g[3] == "1500");
  CHECK(g[4] == "saas");
  CHECK(g[5] == "pricing_page|blog");
  CHECK(g[6] == "x|y");
  CHECK(g[7] == "true");
  CHECK(g[8] == "2026-10-30");
}

TEST_CASE("jsonl: null and absent keys are missing; unknown keys are ignored") {
  const Got g = read_one(R"({"id":"L1","email":"e","size":null,"other":{"a":[1]},"visited":[]})");
  CHECK(g.error == "");
  CHECK(g[2] == "-");
  CHECK(g[3] == "-");
  CHECK(g[5] == "");                                      // an empty array is an empty set, present
  CHECK(read_one(R"({"id":"L1","email":""})")[1] == "");  // "" is a present empty string
}

TEST_CASE("jsonl: strings are unescaped") {
  CHECK(read_one(R"({"id":"L1","email":"a\"b\\c\nd\u00e9"})")[1] == "a\"b\\c\nd\xC3\xA9");
}

TEST_CASE("jsonl: each field needs its JSON type") {
  CHECK(error_of(R"(,"size":"12")") == "line 1: field 'size': expected a number, got \"12\"");
  CHECK(error_of(R"(,"revenue":true)") == "line 1: field 'revenue': expected a number, got true");
  CHECK(error_of(R"(,"industry":1)") == "line 1: field 'industry': expected a string, got 1");
  CHECK(error_of(R"(,"last":20260101)") == "line 1: field 'last': expected a string, got 20260101");
  CHECK(error_of(R"(,"demo":"yes")") ==
        "line 1: field 'demo': expected true or false, got \"yes\"");
  CHECK(error_of(R"(,"demo":1)") == "line 1: field 'demo': expected true or false, got 1");
  CHECK(error_of(R"(,"visited":"blog")") ==
        "line 1: field 'visited': expected an array of strings, got \"blog\"");
  CHECK(error_of(R"(,"tags":["a",1])") ==
        "line 1: field 'tags': expected an array of strings, got [\"a\",1]");
  CHECK(read_one(R"({"id":"L1","email":5})").error ==
        "line 1: field 'email': expected a string, got 5");
}

TEST_CASE("jsonl: int fields take integral numbers in the 64-bit range") {
  const auto size_of = [](const std::string& v) {
    return read_one(R"({"id":"L1","email":"e","size":)" + v + "}")[2];
  };
  CHECK(size_of("9223372036854775807") == "9223372036854775807");
  CHECK(size_of("-9223372036854775808") == "-9223372036854775808");
  CHECK(size_of("12.0") == "12");
  CHECK(size_of("1e3") == "1000");
  CHECK(size_of("-0") == "0");
  CHECK(error_of(R"(,"size":12.5)") == "line 1: field 'size': 12.5 is not an int");
  CHECK(error_of(R"(,"size":9223372036854775808)") ==
        "line 1: field 'size': 9223372036854775808 is outside the 64-bit int range");
  CHECK(error_of(R"(,"size":1e19)").find("is outside the 64-bit int range") != std::string::npos);
  CHECK(error_of(R"(,"size":-1e19)").find("is outside the 64-bit int range") != std::string::npos);
}

TEST_CASE("jsonl: number fields") {
  const auto revenue_of = [](const std::string& v) {
    return read_one(R"({"id":"L1","email":"e","revenue":)" + v + "}")[3];
  };
  CHECK(revenue_of("20.8125") == "20.8125");
  CHECK(revenue_of("-7") == "-7");
  CHECK(revenue_of("18446744073709551615") == "1.8446744073709552e+19");
  CHECK(revenue_of("5e-05") == "5e-05");
}

TEST_CASE("jsonl: values that do not fit their field") {
  CHECK(error_of(R"(,"industry":"banking")") ==
        "line 1: field 'industry': 'banking' is not a member of enum(saas, fintech, retail)");
  CHECK(error_of(R"(,"visited":["blog","careers"])") ==
        "line 1: field 'visited': 'careers' is not a member of set(pricing_page, blog, docs)");
  CHECK(error_of(R"(,"last":"2026-13-01")") == "line 1: field 'last': '2026-13-01' is not a date");
  CHECK(error_of(R"(,"last":"2026-01-01 10:00:99")") ==
        "line 1: field 'last': '2026-01-01 10:00:99' is not a date");
  CHECK(error_of(R"(,"tags":["a",""])") ==
        "line 1: field 'tags': '[\"a\",\"\"]' has an empty member");
}

TEST_CASE("jsonl: required and key fields, and the first bad field in schema order") {
  CHECK(read_one(R"({"id":"L1"})").error == "line 1: field 'email' is required but missing");
  CHECK(read_one(R"({"id":"L1","email":null})").error ==
        "line 1: field 'email' is required but missing");
  const Got g = read_one(R"({"email":"e"})");
  CHECK(g.error == "line 1: field 'id' is required but missing");
  CHECK(g.key == "");
  const Got h = read_one(R"({"demo":"x","size":"lots","id":"L7","email":"e"})");
  CHECK(h.key == "L7");
  CHECK(h.error == "line 1: field 'size': expected a number, got \"lots\"");
}

TEST_CASE("jsonl: a number simdjson cannot hold costs only its own field") {
  // Issue 9: the key is still read, and the message names the field and the value as written.
  const Got big = read_one(R"({"id":"X2","email":"e","size":18446744073709551616})");
  CHECK(big.key == "X2");
  CHECK(big.error == "line 1: field 'size': 18446744073709551616 is outside the 64-bit int range");
  CHECK(error_of(R"(,"size":99999999999999999999)") ==
        "line 1: field 'size': 99999999999999999999 is outside the 64-bit int range");
  CHECK(error_of(R"(,"size":-99999999999999999999)") ==
        "line 1: field 'size': -99999999999999999999 is outside the 64-bit int range");
  CHECK(error_of(R"(,"size":1e400)") == "line 1: field 'size': 1e400 is outside the 64-bit int range");
  CHECK(error_of(R"(,"revenue":1e400)") ==
        "line 1: field 'revenue': 1e400 is outside the number range");
  CHECK(error_of(R"(,"revenue":-1E+400)") ==
        "line 1: field 'revenue': -1E+400 is outside the number range");
  CHECK(error_of(R"(,"industry":1e400)") == "line 1: field 'industry': expected a string, got 1e400");
  CHECK(error_of(R"(,"visited":["blog",1e400])") ==
        "line 1: field 'visited': expected an array of strings, got [\"blog\",1e400]");
  // A huge integer is an ordinary double for a number field; a tiny number reads as 0.
  CHECK(read_one(R"({"id":"L1","email":"e","revenue":99999999999999999999})")[3] == "1e+20");
  CHECK(read_one(R"({"id":"L1","email":"e","revenue":1e-400})")[3] == "0");
  // A big number as the key is shown as written.
  CHECK(read_one(R"({"id":18446744073709551616,"email":"e"})").key == "18446744073709551616");
}

TEST_CASE("jsonl: keys outside the schema do not matter, whatever they hold") {
  for (const std::string extra :
       {R"("notes":1e400)", R"("n":-99999999999999999999)", R"("deep":[[[[[[[[1e999]]]]]]]])",
        "\"bad\":\"\xFF\xFE\"", "\"\xFF\":1", R"("o":{"a":{"b":[1e400,{"c":null}]}})"}) {
    CAPTURE(extra);
    const Got g = read_one(R"({"id":"L1",)" + extra + R"(,"email":"e","size":3})");
    CHECK(g.error == "");
    CHECK(g.key == "L1");
    CHECK(g[2] == "3");
  }
  std::string deep(5000, '[');
  deep += std::string(5000, ']');
  const Got g = read_one(R"({"id":"L1","email":"e","x":)" + deep + "}");
  CHECK(g.error == "");
}

TEST_CASE("jsonl: messages show values as written") {
  CHECK(error_of(R"(,"size":12.50)") == "line 1: field 'size': 12.50 is not an int");
  CHECK(error_of(R"(,"size":1E19)") == "line 1: field 'size': 1E19 is outside the 64-bit int range");
  CHECK(error_of(R"(,"tags":[ "a" , 1 ])") ==
        "line 1: field 'tags': expected an array of strings, got [ \"a\" , 1 ]");
  CHECK(error_of(R"(,"size":{"a":1})") == "line 1: field 'size': expected a number, got {\"a\":1}");
}

TEST_CASE("jsonl: text that is not UTF-8 is an error of its field, or ignored outside the schema") {
  const Got g = read_one("{\"id\":\"L1\",\"email\":\"a\xFF\"}");
  CHECK(g.key == "L1");
  CHECK(g.error == "line 1: field 'email': the text is not valid UTF-8");
  CHECK(error_of(",\"tags\":[\"a\",\"\xC3\"]") ==
        "line 1: field 'tags': the text is not valid UTF-8");
  const Got k = read_one("{\"id\":\"K\xFF\",\"email\":\"e\"}");
  CHECK(k.key == "K\\xFF");  // the key stays valid UTF-8 for every output
  CHECK(k.error == "line 1: field 'id': the text is not valid UTF-8");
}

TEST_CASE("jsonl: a syntax error says what and where, and the key is still read") {
  const auto got = [](const std::string& line) { return read_one(line); };
  Got g = got(R"({"id":"L1","email":"e" "size":1})");
  CHECK(g.error == "line 1: not valid JSON (expected ',' or '}' at column 24)");
  CHECK(g.key == "L1");
  g = got(R"({"email":"e",,"id":"L2"})");
  CHECK(g.error == "line 1: not valid JSON (expected a key in double quotes at column 14)");
  CHECK(g.key == "L2");  // found after the error: it stands where a key stands
  g = got(R"({"email":"e",,"id":"L2","x":{"id":"L3"}})");
  CHECK(g.key == "");  // two candidates: neither is trusted
  g = got(R"({"id":"L4","email":"unclosed})");
  CHECK(g.error == "line 1: not valid JSON (a string is not closed at column 20)");
  CHECK(g.key == "L4");
  g = got(R"({"id":"L5","email":"e","size":01})");
  CHECK(g.error == "line 1: not valid JSON (a malformed number at column 31)");
  CHECK(g.key == "L5");
  g = got(R"({"id":"L6","email":"e\q"})");
  CHECK(g.error == "line 1: not valid JSON (an unknown escape in a string at column 22)");
  g = got(R"({"id":"L7","email":)");
  CHECK(g.error == "line 1: not valid JSON (expected a value at column 20 (the end of the line))");
  CHECK(g.key == "L7");
  g = got(R"({"id":"L8","email":"é","size":tru})");
  CHECK(g.error == "line 1: not valid JSON (expected a value at column 31)");  // é is one column
  g = got(R"({"id":"L9","email":"e"} {})");
  CHECK(g.error == "line 1: not valid JSON (text after the end of the JSON value at column 25)");
  CHECK(g.key == "L9");
  CHECK(got(R"(nonsense)").error == "line 1: not valid JSON (expected a value at column 1)");
  CHECK(got(R"([1e400])").error == "line 1: not a JSON object");
}

TEST_CASE("jsonl: a number key is read as its text") {
  CHECK(read_one(R"({"id":42,"email":"e"})").key == "42");
  CHECK(read_one(R"({"id":4.5,"email":"e"})").key == "4.5");
}

TEST_CASE("jsonl: a key given twice is an error") {
  const Got g = read_one(R"({"id":"L1","email":"e","email":"f"})");
  CHECK(g.error == "line 1: key 'email' appears twice");
  CHECK(g.key == "L1");
}

TEST_CASE("jsonl: lines that are not JSON objects, among good lines") {
  const std::vector<Got> r = read_all(
      "{\"id\":\"L1\",\"email\":\"e\"}\n"
      "{\"id\":\"L2\",\"email\":\n"
      "\n"
      "   \t\r\n"
      "[1,2]\n"
      "\"text\"\n"
      "{\"id\":\"L3\",\"email\":\"e\"} {}\n"
      "{\"id\":\"L4\",\"email\":\"\xFF\"}\n"
      "{\"id\":\"L5\",\"email\":\"e\"}");  // no final line end
  REQUIRE(r.size() == 7);
  CHECK(r[0].error == "");
  CHECK(r[1].error == "line 2: not valid JSON (expected a value at column 20 (the end of the line))");
  CHECK(r[1].key == "L2");
  CHECK(r[2].error == "line 5: not a JSON object");
  CHECK(r[3].error == "line 6: not a JSON object");
  CHECK(r[4].error == "line 7: not valid JSON (text after the end of the JSON value at column 25)");
  CHECK(r[5].error == "line 8: field 'email': the text is not valid UTF-8");
  CHECK(r[6].error == "");
  CHECK(r[6].key == "L5");
  CHECK(r[6].line == 9);
}

TEST_CASE("jsonl: CRLF line ends and a BOM") {
  const std::vector<Got> r = read_all(
      "\xEF\xBB\xBF{\"id\":\"L1\",\"email\":\"e\"}\r\n{\"id\":\"L2\",\"email\":\"e\"}\r\n");
  REQUIRE(r.size() == 2);
  CHECK(r[0].error == "");
  CHECK(r[1].error == "");
  CHECK(r[1].line == 2);
}

TEST_CASE("jsonl: lines across buffer refills, and a line larger than the buffer") {
  std::string text;
  const int rows = 40000;
  for (int i = 0; i < rows; ++i)
    text += fmt::format(R"({{"id":"L{}","email":"user{}@example.com","size":{},"tags":["a","b"]}})"
                        "\n",
                        i, i, i);
  const std::string huge(3 << 20, 'h');
  text += R"({"id":"BIG","email":")" + huge + "\"}\n" + R"({"id":"LAST","email":"e"})" + "\n";
  const std::vector<Got> r = read_all(text);
  REQUIRE(r.size() == rows + 2);
  for (int i = 0; i < rows; ++i)
    if (r[i].key != fmt::format("L{}", i) || r[i][2] != fmt::format("{}", i) || r[i][6] != "a|b" ||
        !r[i].error.empty() || r[i].line != static_cast<std::uint64_t>(i + 1))
      FAIL("record ", i, " read wrong: ", r[i].key, " ", r[i].error);
  CHECK(r[rows][1] == huge);
  CHECK(r[rows + 1].key == "LAST");
}

TEST_CASE("jsonl: a line split at the buffer's edge anywhere is read the same") {
  const std::size_t edge = std::size_t{1} << 20;
  const std::string target = "{\"id\":\"T\",\"email\":\"a\\\"b\"}\r\n";
  for (std::size_t j = 1; j <= target.size(); j += 3) {
    CAPTURE(j);
    std::string text;
    const std::size_t prefix = edge - j;
    while (text.size() + 80 < prefix) text += "{\"id\":\"F\",\"email\":\"filler@example.com\"}\n";
    const std::string head = "{\"id\":\"F\",\"email\":\"";
    text += head + std::string(prefix - text.size() - head.size() - 3, 'x') + "\"}\n";
    REQUIRE(text.size() == prefix);
    text += target + "{\"id\":\"Z\",\"email\":\"e\"}";
    const std::vector<Got> r = read_all(text);
    REQUIRE(r.size() >= 2);
    const Got& t = r[r.size() - 2];
    CHECK(t.error == "");
    CHECK(t.key == "T");
    CHECK(t[1] == "a\"b");
    CHECK(r.back().key == "Z");
    CHECK(r.back().line == t.line + 1);
  }
}

TEST_CASE("jsonl: a line past 64 MiB is skipped as an error record, not held") {
  const std::string big(65 << 20, 'b');
  const std::vector<Got> r =
      read_all("{\"id\":\"L1\",\"email\":\"" + big + "\"}\n{\"id\":\"L2\",\"email\":\"e\"}\n");
  REQUIRE(r.size() == 2);
  CHECK(r[0].error == "line 1: line is longer than 64 MiB; skipped");
  CHECK(r[1].key == "L2");
  CHECK(r[1].line == 2);
}
