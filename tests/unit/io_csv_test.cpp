// CSV record reading: SPEC 2 and 7, and the choices written down in docs/records.md.
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

const std::string header = "id,email,size,revenue,industry,visited,tags,demo,last\n";

// One record, with each field shown as text ("-" when missing), copied out of the reader's buffer.
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

struct ReadResult {
  std::string error;
  std::vector<std::string> warnings;
  std::vector<std::string> ignored_columns;
  std::vector<Got> records;
};

ReadResult read_all(const std::string& text, const Schema& schema = lead_schema()) {
  ReadResult out;
  std::string copy = text;  // fmemopen wants a mutable buffer
  std::FILE* in = fmemopen(copy.data(), copy.size(), "r");
  REQUIRE(in != nullptr);
  ReaderOpenResult opened = open_record_reader(in, "leads.csv", RecordFormat::Csv, schema);
  out.error = opened.error;
  out.warnings = opened.warnings;
  out.ignored_columns = opened.ignored_columns;
  if (opened.reader) {
    Record rec;
    while (opened.reader->next(rec)) {
      Got g{std::string(rec.key), rec.line, rec.error, {}};
      for (std::size_t f = 0; f < schema.fields.size(); ++f)
        g.shown.push_back(show(schema.fields[f], rec.values[f], rec));
      out.records.push_back(std::move(g));
    }
    CHECK(opened.reader->read_error().empty());
  } else {
    CHECK(!out.error.empty());
  }
  std::fclose(in);
  return out;
}

Got read_one(const std::string& row) {
  ReadResult r = read_all(header + row);
  REQUIRE(r.error.empty());
  REQUIRE(r.records.size() == 1);
  return r.records[0];
}

std::string error_of(const std::string& row) { return read_one(row).error; }

}  // namespace

TEST_CASE("csv: a full record is read into typed slots") {
  const Got g = read_one("L1,a@x.com,250,1.5e3,saas,pricing_page;blog,x; y ,Yes,2026-10-30\n");
  CHECK(g.error == "");
  CHECK(g.key == "L1");
  CHECK(g.line == 2);
  CHECK(g[0] == "L1");
  CHECK(g[1] == "a@x.com");
  CHECK(g[2] == "250");
  CHECK(g[3] == "1500");
  CHECK(g[4] == "saas");
  CHECK(g[5] == "pricing_page|blog");
  CHECK(g[6] == "x|y");
  CHECK(g[7] == "true");
  CHECK(g[8] == "2026-10-30");
}

TEST_CASE("csv: empty cells are missing values") {
  const Got g = read_one("L1,a@x.com,,,,,,,\n");
  CHECK(g.error == "");
  for (std::size_t f = 2; f < 9; ++f) CHECK(g[f] == "-");
  CHECK(read_one("L1,a@x.com,\"\",,,,,,\n")[2] == "-");  // a quoted empty cell too
}

TEST_CASE("csv: int values and the 64-bit range") {
  CHECK(read_one("L,e,-0,,,,,,\n")[2] == "0");
  CHECK(read_one("L,e,007,,,,,,\n")[2] == "7");
  CHECK(read_one("L,e,9223372036854775807,,,,,,\n")[2] == "9223372036854775807");
  CHECK(read_one("L,e,-9223372036854775808,,,,,,\n")[2] == "-9223372036854775808");
  CHECK(error_of("L,e,9223372036854775808,,,,,,\n") ==
        "line 2: field 'size': '9223372036854775808' is outside the 64-bit int range");
  CHECK(error_of("L,e,-9223372036854775809,,,,,,\n") ==
        "line 2: field 'size': '-9223372036854775809' is outside the 64-bit int range");
  CHECK(error_of("L,e,lots,,,,,,\n") == "line 2: field 'size': 'lots' is not an int");
  CHECK(error_of("L,e,+5,,,,,,\n") == "line 2: field 'size': '+5' is not an int");
  CHECK(error_of("L,e,1.0,,,,,,\n") == "line 2: field 'size': '1.0' is not an int");
  CHECK(error_of("L,e, 5,,,,,,\n") == "line 2: field 'size': ' 5' is not an int");
  CHECK(error_of("L,e,-,,,,,,\n") == "line 2: field 'size': '-' is not an int");
}

TEST_CASE("csv: number values") {
  CHECK(read_one("L,e,,20.8125,,,,,\n")[3] == "20.8125");
  CHECK(read_one("L,e,,-3,,,,,\n")[3] == "-3");
  CHECK(read_one("L,e,,.5,,,,,\n")[3] == "0.5");
  CHECK(read_one("L,e,,5.,,,,,\n")[3] == "5");
  CHECK(read_one("L,e,,1E+16,,,,,\n")[3] == "1e+16");
  CHECK(read_one("L,e,,5e-05,,,,,\n")[3] == "5e-05");
  CHECK(read_one("L,e,,1e-400,,,,,\n")[3] == "0");  // underflow reads as 0
  CHECK(error_of("L,e,,1e400,,,,,\n") ==
        "line 2: field 'revenue': '1e400' is outside the number range");
  for (const char* bad :
       {"+1", "nan", "inf", "-inf", "NaN", "1e", "1,5", ".", "-", "1.2.3", "0x10", "1 "}) {
    CAPTURE(bad);
    CHECK(error_of(fmt::format("L,e,,\"{}\",,,,,\n", bad)) ==
          fmt::format("line 2: field 'revenue': '{}' is not a number", bad));
  }
}

TEST_CASE("csv: bool values in any case") {
  for (const char* t : {"true", "TRUE", "Yes", "yes", "1"})
    CHECK(read_one(fmt::format("L,e,,,,,,{},\n", t))[7] == "true");
  for (const char* f : {"false", "False", "NO", "no", "0"})
    CHECK(read_one(fmt::format("L,e,,,,,,{},\n", f))[7] == "false");
  CHECK(error_of("L,e,,,,,,maybe,\n") ==
        "line 2: field 'demo': 'maybe' is not a bool (true, false, yes, no, 1, 0)");
  CHECK(error_of("L,e,,,,,,2,\n").find("'2' is not a bool") != std::string::npos);
}

TEST_CASE("csv: dates and date-times") {
  CHECK(read_one("L,e,,,,,,,2024-02-29\n")[8] == "2024-02-29");
  CHECK(read_one("L,e,,,,,,,2026-01-05T10:00\n")[8] == "2026-01-05");
  CHECK(read_one("L,e,,,,,,,2026-01-05T23:59:59Z\n")[8] == "2026-01-05");
  CHECK(read_one("L,e,,,,,,,2026-01-05T23:59:59.123+05:30\n")[8] == "2026-01-05");
  CHECK(read_one("L,e,,,,,,,2026-01-05T00:30:00-08:00\n")[8] == "2026-01-05");  // as written
  CHECK(error_of("L,e,,,,,,,2026-02-30\n") == "line 2: field 'last': '2026-02-30' is not a date");
  CHECK(read_one("L,e,,,,,,,2026-01-05 10:00\n")[8] == "2026-01-05");  // as exports write it
  CHECK(error_of("L,e,,,,,,,2026-01-05 25:00\n") == "line 2: field 'last': '2026-01-05 25:00' is not a date");
  CHECK(error_of("L,e,,,,,,,01/05/2026\n") ==
        "line 2: field 'last': '01/05/2026' is not a date (dates are YYYY-MM-DD; give the field a "
        "layout such as format \"%d/%m/%Y\")");
}

TEST_CASE("csv: enum members match exactly") {
  CHECK(read_one("L,e,,,fintech,,,,\n")[4] == "fintech");
  CHECK(error_of("L,e,,,banking,,,,\n") ==
        "line 2: field 'industry': 'banking' is not a member of enum(saas, fintech, retail)");
  CHECK(error_of("L,e,,,SaaS,,,,\n") ==
        "line 2: field 'industry': 'SaaS' is not a member of enum(saas, fintech, retail)");
}

TEST_CASE("csv: set cells") {
  CHECK(read_one("L,e,,,,docs,,,\n")[5] == "docs");
  CHECK(read_one("L,e,,,,\" docs ; blog\",,,\n")[5] == "blog|docs");
  CHECK(read_one("L,e,,,,blog;blog,,,\n")[5] == "blog");
  CHECK(read_one("L,e,,,,,a;b;a,,\n")[6] == "a|b");  // an open set holds each member once
  CHECK(error_of("L,e,,,,blog;;docs,,,\n") ==
        "line 2: field 'visited': 'blog;;docs' has an empty member");
  CHECK(error_of("L,e,,,,blog;,,,\n") == "line 2: field 'visited': 'blog;' has an empty member");
  CHECK(error_of("L,e,,,,,a; ;b,,\n") == "line 2: field 'tags': 'a; ;b' has an empty member");
  CHECK(error_of("L,e,,,,blog;careers,,,\n") ==
        "line 2: field 'visited': 'careers' is not a member of set(pricing_page, blog, docs)");
}

TEST_CASE("csv: required and key fields") {
  CHECK(error_of("L1,,,,,,,,\n") == "line 2: field 'email' is required but missing");
  const Got g = read_one(",e,,,,,,,\n");
  CHECK(g.error == "line 2: field 'id' is required but missing");
  CHECK(g.key == "");
}

TEST_CASE("csv: the first bad field in schema order is named, and the key is kept") {
  const Got g = read_one("L9,e,lots,,banking,,,,\n");
  CHECK(g.key == "L9");
  CHECK(g.error == "line 2: field 'size': 'lots' is not an int");
}

TEST_CASE("csv: columns are matched by name, in any order") {
  Schema s = lead_schema();
  const ReadResult r = read_all("last,email,id,extra\n2026-01-01,a@x,L1,zzz\n", s);
  CHECK(r.error == "");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].error == "");
  CHECK(r.records[0][0] == "L1");
  CHECK(r.records[0][8] == "2026-01-01");
  CHECK(r.records[0][2] == "-");
  CHECK(r.ignored_columns == std::vector<std::string>{"extra"});
  CHECK(r.warnings ==
        std::vector<std::string>{
            "leads.csv: no column for field 'size'; it is missing in every record",
            "leads.csv: no column for field 'revenue'; it is missing in every record",
            "leads.csv: no column for field 'industry'; it is missing in every record",
            "leads.csv: no column for field 'visited'; it is missing in every record",
            "leads.csv: no column for field 'tags'; it is missing in every record",
            "leads.csv: no column for field 'demo'; it is missing in every record",
        });
}

TEST_CASE("csv: an extra column is warned about once, even when repeated") {
  const ReadResult r = read_all("id,email,foo,foo,,size,revenue,industry,visited,tags,demo,last\n");
  CHECK(r.error == "");
  CHECK(r.ignored_columns == std::vector<std::string>{"foo"});
  CHECK(r.warnings == std::vector<std::string>{"leads.csv: column 5 has no name; ignored"});
}

TEST_CASE("csv: a column that spells a field otherwise is named in that field's message") {
  // Case and punctuation (`E-Mail`, `Revenue`, `ID`) and a typo (`sise` for `size`).
  const ReadResult r = read_all("id,E-Mail,sise,Revenue,industry,visited,tags,demo,last,notes\n");
  CHECK(r.error == "leads.csv: missing column 'email' (required by the schema); did you mean column 'E-Mail'?");
  const ReadResult typo = read_all("id,email,sise,Revenue,industry,visited,tags,demo,last,notes\n");
  CHECK(typo.error == "");
  CHECK(typo.warnings == std::vector<std::string>{
                             "leads.csv: no column for field 'size'; it is missing in every record; did you mean column 'sise'?",
                             "leads.csv: no column for field 'revenue'; it is missing in every record; did you mean column 'Revenue'?",
                         });
  // The guessed columns are not among the ignored ones; the others are.
  CHECK(typo.ignored_columns == std::vector<std::string>{"notes"});
  CHECK(read_all("ID,email\n").error == "leads.csv: missing column 'id' (the key of the schema); did you mean column 'ID'?");
}

TEST_CASE("csv: the ignored columns make one line, naming the first 20") {
  std::vector<std::string> columns;
  CHECK(ignored_columns_note("a.csv", columns) == "");
  columns.push_back("Lead Source");
  CHECK(ignored_columns_note("a.csv", columns) == "a.csv: 1 column is not in the schema and is ignored: 'Lead Source'");
  for (int i = 1; i < 22; ++i) columns.push_back(fmt::format("c{}", i));
  const std::string note = ignored_columns_note("a.csv", columns);
  CHECK(note.rfind("a.csv: 22 columns are not in the schema and are ignored: 'Lead Source', 'c1', ", 0) == 0);
  CHECK(note.find("'c19' and 2 more") != std::string::npos);
  CHECK(note.find("'c20'") == std::string::npos);
}

TEST_CASE("csv: header problems stop the run") {
  CHECK(read_all("id,size\n").error ==
        "leads.csv: missing column 'email' (required by the schema)");
  CHECK(read_all("email,size\n").error == "leads.csv: missing column 'id' (the key of the schema)");
  CHECK(read_all("id,email,id\n").error == "leads.csv: column 'id' appears twice in the header");
  CHECK(read_all("").error ==
        "leads.csv: the input is empty (a CSV file starts with a header row)");
  CHECK(read_all("\"id,email\n").error == "leads.csv: line 1: unclosed quote in the header");
  CHECK(read_all("\"id\"x,email\n").error ==
        "leads.csv: line 1: text after a closing quote in the header");
}

TEST_CASE("csv: header names may be quoted, padded, and follow a BOM") {
  const ReadResult r = read_all("\xEF\xBB\xBF\"id\", email ,size\nL1,e,3\n");
  CHECK(r.error == "");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].error == "");
  CHECK(r.records[0].key == "L1");
  CHECK(r.records[0][2] == "3");
}

TEST_CASE("csv: a header-only file has no records") {
  const ReadResult r = read_all(header);
  CHECK(r.error == "");
  CHECK(r.records.empty());
}

TEST_CASE("csv: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF") {
  const std::string text =
      "id,email,size\r\n"
      "\"L,1\",\"say \"\"hi\"\"\",1\r\n"
      "L2,\"two\r\nlines\nhere\",2\r\n"
      "L3,\"\"\"\",3";  // no line end at the end of the input
  const ReadResult r = read_all(text);
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[0].error == "");
  CHECK(r.records[0].key == "L,1");
  CHECK(r.records[0][1] == "say \"hi\"");
  CHECK(r.records[0][2] == "1");
  CHECK(r.records[0].line == 2);
  CHECK(r.records[1][1] == "two\r\nlines\nhere");
  CHECK(r.records[1][2] == "2");
  CHECK(r.records[1].line == 3);
  CHECK(r.records[2].line == 6);
  CHECK(r.records[2][1] == "\"");
  CHECK(r.records[2][2] == "3");
}

TEST_CASE("csv: a quote inside an unquoted cell is text") {
  CHECK(read_one("L1,ab\"c,,,,,,,\n")[1] == "ab\"c");
}

TEST_CASE("csv: blank lines are not records and keep line numbers counting") {
  const ReadResult r = read_all("\n  \n" + header + "\nL1,e,,,,,,,\n \t\r\n\r\nL2,e,,,,,,,\n\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].line == 5);
  CHECK(r.records[1].line == 8);
}

TEST_CASE("csv: a row with another cell count than the header is an error record") {
  const ReadResult r = read_all("id,email,size\nL1,e\nL2,e,1,extra\nL3,e,3\nL4,,3,\n");
  REQUIRE(r.records.size() == 4);
  CHECK(r.records[0].error == "line 2: 2 cells, header has 3");
  CHECK(r.records[0].key == "L1");
  CHECK(r.records[1].error == "line 3: 4 cells, header has 3");
  CHECK(r.records[1].key == "L2");
  CHECK(r.records[2].error == "");
  CHECK(r.records[3].error == "line 5: 4 cells, header has 3");
  CHECK(read_all("id,email,size\nL1\n").records.at(0).error == "line 2: 1 cell, header has 3");
}

TEST_CASE("csv: text after a closing quote breaks that line only") {
  const ReadResult r = read_all(
      "id,email,size\n"
      "L1,\"a\"b,1\n"
      "L2,e,2\n"
      "\"L3\"x,\"multi\n"
      "L4,e,4\n");
  REQUIRE(r.records.size() == 4);
  CHECK(r.records[0].error == "line 2: text after a closing quote in column 'email'");
  CHECK(r.records[0].key == "L1");
  CHECK(r.records[0].line == 2);
  CHECK(r.records[1].error == "");
  CHECK(r.records[1].key == "L2");
  CHECK(r.records[2].error == "line 4: text after a closing quote in column 'id'");
  CHECK(r.records[2].key == "");
  CHECK(r.records[3].error == "");
  CHECK(r.records[3].key == "L4");
  CHECK(r.records[3].line == 5);
}

TEST_CASE("csv: an unclosed quote runs to the end of the input as one error record") {
  const ReadResult r = read_all(
      "id,email,size\n"
      "L1,e,1\n"
      "L2,\"oops,2\n"
      "L3,e,3\n"
      "L4,e,4\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].error == "");
  CHECK(r.records[1].error == "line 3: unclosed quote (opened in column 'email' at line 3)");
  CHECK(r.records[1].key == "L2");
  CHECK(r.records[1].line == 3);

  const ReadResult late = read_all("id,email,size\nL1,\"a\nb\",\"c\nL2,e,2\n");
  REQUIRE(late.records.size() == 1);
  CHECK(late.records[0].error == "line 2: unclosed quote (opened in column 'size' at line 3)");
  CHECK(read_all("id,email,size\nL1,e,2,\"x\n").records.at(0).error ==
        "line 2: unclosed quote (opened in cell 4 at line 2)");
}

TEST_CASE("csv: broken rows among good ones: one record per row, in order") {
  std::string text = header;
  for (int i = 0; i < 50; ++i) {
    switch (i % 5) {
      case 0:
        text += fmt::format("L{},e,{},,,,,,\n", i, i);
        break;
      case 1:
        text += fmt::format("L{},e,lots,,,,,,\n", i);
        break;
      case 2:
        text += fmt::format("L{},\"e\"x,1,,,,,,\n", i);
        break;
      case 3:
        text += fmt::format("L{},e\n", i);
        break;
      case 4:
        text += fmt::format("L{},\"multi\nline\",{},,,,,,\n", i, i);
        break;
    }
  }
  const ReadResult r = read_all(text);
  REQUIRE(r.records.size() == 50);
  std::uint64_t line = 2;
  for (int i = 0; i < 50; ++i) {
    CAPTURE(i);
    CHECK(r.records[i].key == fmt::format("L{}", i));
    CHECK(r.records[i].line == line);
    CHECK(r.records[i].error.empty() == (i % 5 == 0 || i % 5 == 4));
    line += i % 5 == 4 ? 2 : 1;
  }
}

TEST_CASE("csv: error messages quote values safely") {
  CHECK(error_of("L,e,\"a\nb\",,,,,,\n") == "line 2: field 'size': 'a\\nb' is not an int");
  CHECK(error_of("L,e,\xC3\xA9t\xE9,,,,,,\n") ==
        "line 2: field 'size': '\xC3\xA9t\\xE9' is not an int");
  const std::string long_value(100, 'x');
  CHECK(error_of("L,e," + long_value + ",,,,,,\n") ==
        "line 2: field 'size': '" + std::string(60, 'x') + "...' is not an int");
  CHECK(error_of("L,\xFF,,,,,,,\n") == "line 2: field 'email': the text is not valid UTF-8");
}

TEST_CASE("csv: records across buffer refills, and a field larger than the buffer") {
  // The reader's window is 1 MiB: these inputs make records straddle refills and grow it.
  std::string text = "id,email,size\n";
  const int rows = 60000;
  for (int i = 0; i < rows; ++i)
    text += i % 7 == 0 ? fmt::format("L{},\"quoted, \"\"with\"\"\nbreak\",{}\n", i, i)
                       : fmt::format("L{},user{}@example.com,{}\n", i, i, i);
  const std::string huge(3 << 20, 'h');
  text += "BIG,\"" + huge + "\",1\nLAST,e,2\n";
  const ReadResult r = read_all(text);
  REQUIRE(r.records.size() == rows + 2);
  std::uint64_t line = 2;
  for (int i = 0; i < rows; ++i) {
    if (r.records[i].key != fmt::format("L{}", i) || r.records[i][2] != fmt::format("{}", i) ||
        r.records[i].line != line || !r.records[i].error.empty()) {
      FAIL("record ", i, " read wrong: ", r.records[i].key, " ", r.records[i].error);
    }
    if (i % 7 == 0) CHECK(r.records[i][1] == "quoted, \"with\"\nbreak");
    line += i % 7 == 0 ? 2 : 1;
  }
  CHECK(r.records[rows][1] == huge);
  CHECK(r.records[rows + 1].key == "LAST");
  CHECK(r.records[rows + 1].line == line + 1);
}

TEST_CASE("csv: a record split at the buffer's edge anywhere is read the same") {
  // The first read fills exactly 1 MiB; put each byte of a tricky record at that edge in turn
  // (a doubled quote, a quoted CRLF, a closing quote before CRLF).
  const std::size_t edge = std::size_t{1} << 20;
  const std::string target = "T,\"a\"\"b\r\nc\",\"2\"\r\n";
  for (std::size_t j = 1; j <= target.size(); ++j) {
    CAPTURE(j);
    std::string text = "id,email,size\n";
    const std::size_t prefix = edge - j;
    int fillers = 0;
    while (text.size() + 40 < prefix) {
      text += "F,filler@example.com,1\n";
      ++fillers;
    }
    text += "F," + std::string(prefix - text.size() - 5, 'x') + ",1\n";
    ++fillers;
    REQUIRE(text.size() == prefix);
    text += target + "Z,e,3\n";
    const ReadResult r = read_all(text);
    REQUIRE(r.records.size() == static_cast<std::size_t>(fillers) + 2);
    const Got& t = r.records[fillers];
    CHECK(t.error == "");
    CHECK(t.key == "T");
    CHECK(t[1] == "a\"b\r\nc");
    CHECK(t[2] == "2");
    const Got& z = r.records[fillers + 1];
    CHECK(z.error == "");
    CHECK(z.key == "Z");
    CHECK(z.line == t.line + 2);
  }
}

TEST_CASE("csv: a record past 64 MiB is skipped as an error record, not held") {
  const std::string big(65 << 20, 'b');
  const ReadResult closed = read_all("id,email,size\nL1,\"" + big + "\n\",1\nL2,e,2\n");
  REQUIRE(closed.records.size() == 2);
  CHECK(closed.records[0].key == "L1");
  CHECK(closed.records[0].error ==
        "line 2: record is longer than 64 MiB (at column 'email'); skipped");
  CHECK(closed.records[1].key == "L2");
  CHECK(closed.records[1].error == "");
  CHECK(closed.records[1].line == 4);

  const ReadResult unclosed = read_all("id,email,size\nL1,e,1\nL2,\"" + big + "\nL3,e,3\n");
  REQUIRE(unclosed.records.size() == 2);
  CHECK(unclosed.records[1].key == "L2");
  CHECK(unclosed.records[1].error == "line 3: unclosed quote (opened in column 'email' at line 3)");
}
