// CSV cells separated by ';' or a tab (issue 16): the scanner, the chunk cut, the header
// detection, the reader (from a file and a pipe, serial and chunked), set cells, the header hint
// when the separator is wrong, --delimiter's values and `schema infer`.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "io/byte_source.hpp"
#include "io/csv_scan.hpp"
#include "io/csv_separator.hpp"
#include "leadscore/infer.hpp"
#include "leadscore/io.hpp"
#include "chunk_support.hpp"
#include "test_support.hpp"

using namespace leadscore;
using namespace lstest;

namespace {

struct Scanned {
  io::CsvScan scan;
  std::vector<std::string> cells;
  std::vector<bool> quoted;
};

Scanned scan_one(std::string text, char sep) {
  Scanned out;
  std::vector<io::CsvCell> cells;
  out.scan = io::scan_csv_record(text.data(), text.data() + text.size(), true, sep, cells);
  for (io::CsvCell& c : cells) {
    io::unescape_quotes(c);
    out.cells.emplace_back(c.text());
    out.quoted.push_back(c.quoted);
  }
  return out;
}

struct Read {
  std::string error;
  std::vector<std::string> warnings;
  std::vector<std::string> records;
};

Read read_from(std::FILE* in, ReadOptions options, const Schema& schema = lstest::lead_schema()) {
  Read out;
  ReaderOpenResult opened = open_record_reader(in, "leads.csv", RecordFormat::Csv, schema, options);
  out.error = opened.error;
  out.warnings = opened.warnings;
  if (opened.reader) {
    Record rec;
    while (opened.reader->next(rec)) out.records.push_back(describe(rec));
  }
  return out;
}

Read read_text(std::string text, ReadOptions options = {}, const Schema& schema = lstest::lead_schema()) {
  std::FILE* in = fmemopen(text.data(), text.size(), "r");
  REQUIRE(in != nullptr);
  Read out = read_from(in, options, schema);
  std::fclose(in);
  return out;
}

// Through a real pipe, as `cat leads.csv | leadscore score ...` gives it: nothing can be sought
// back, so detection must work on what the reader has read.
Read read_through_pipe(const std::string& text, ReadOptions options = {}) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(text.size() < 60000);  // fits the pipe's buffer: written whole before it is read
  REQUIRE(write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  close(fds[1]);
  std::FILE* in = fdopen(fds[0], "r");
  REQUIRE(in != nullptr);
  Read out = read_from(in, options);
  std::fclose(in);
  return out;
}

// The same leads written with `sep`: good rows, quoted line breaks and separators, doubled quotes,
// set cells (quoted where `sep` is ';'), blank lines, CRLF, and broken records.
std::string leads_with(char sep) {
  const std::string s(1, sep);
  auto row = [&s](std::vector<std::string> cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i > 0 ? s : "") + cells[i];
    return line;
  };
  const std::string set = sep == ';' ? "\"pricing_page;blog\"" : "pricing_page;blog";
  std::string text = row({"id", "email", "job_title", "company_size", "visited", "tags"}) + "\n";
  for (int i = 0; i < 40; ++i) {
    const std::string title = i % 5 == 1   ? "\"Head of\nGrowth, \"\"EMEA\"\";\tx\""
                              : i % 5 == 3 ? "\"a, b; c\td\""
                                           : "VP Sales";
    text += row({fmt::format("L{}", i), fmt::format("a{}@x.com", i), title, fmt::format("{}", 10 * i), set,
                  i % 2 ? "\"vip\"" : ""}) +
            (i % 7 == 2 ? "\r\n" : "\n");
    if (i % 9 == 4) text += "\n  \n";
    if (i % 11 == 5) text += row({"L_bad", "b@x.com", "\"VP\" of things", "12", "", ""}) + "\n";
    if (i % 13 == 6) text += row({"L_short", "c@x.com"}) + "\n";
    if (i % 17 == 8) text += row({"L_num", "d@x.com", "Dir", "lots", "", ""}) + "\n";
  }
  text += row({"L_end", "e@x.com", "\"unclosed\n", "to the end\n"});
  return text;
}

}  // namespace

TEST_CASE("delimiter: ';' and tab separate cells; the other bytes are text") {
  Scanned r = scan_one("a;b,c;\"d;e\";\n", ';');
  CHECK(r.scan.complete);
  CHECK(r.scan.broken == io::CsvBreak::None);
  CHECK(r.cells == std::vector<std::string>{"a", "b,c", "d;e", ""});
  CHECK(r.quoted == std::vector<bool>{false, false, true, false});

  r = scan_one("a\tb;c,d\t\"e\tf\"\r\n", '\t');
  CHECK(r.cells == std::vector<std::string>{"a", "b;c,d", "e\tf"});
  CHECK(r.scan.length == 15);

  // With ',' (the default elsewhere) ';' and tab are text.
  r = scan_one("a;b\tc,d\n", ',');
  CHECK(r.cells == std::vector<std::string>{"a;b\tc", "d"});
}

TEST_CASE("delimiter: quoted line breaks, doubled quotes and broken records work the same with ';' and tab") {
  for (const char sep : {';', '\t'}) {
    const std::string s(1, sep);
    INFO("sep ", static_cast<int>(sep));
    Scanned r = scan_one("\"x\ny\"" + s + "\"he said \"\"hi\"\"\"" + s + "z\nnext", sep);
    CHECK(r.cells == std::vector<std::string>{"x\ny", "he said \"hi\"", "z"});
    CHECK(r.scan.line_breaks == 2);
    CHECK(r.scan.length == 25);

    r = scan_one("\"a\"b" + s + "c\nnext\n", sep);
    CHECK(r.scan.broken == io::CsvBreak::TextAfterQuote);
    CHECK(r.scan.length == 7);

    r = scan_one("a" + s + "\"open\n" + s + "to the end", sep);
    CHECK(r.scan.broken == io::CsvBreak::UnclosedQuote);
    CHECK(r.scan.broken_cell == 1);

    // A quote opens a cell only at its start, which the separator decides.
    r = scan_one("a" + s + "b\"c" + s + "\"d\"\n", sep);
    CHECK(r.cells == std::vector<std::string>{"a", "b\"c", "d"});
    CHECK(r.quoted == std::vector<bool>{false, false, true});
  }
}

TEST_CASE("delimiter: a line of blanks is no record; a line of separators is a row of empty cells") {
  std::vector<io::CsvCell> cells;
  std::string tabs = "\t \t\r\n";
  io::scan_csv_record(tabs.data(), tabs.data() + tabs.size(), true, '\t', cells);
  CHECK(cells.size() == 3);
  CHECK(io::is_blank_record(cells, '\t'));
  std::string semis = ";;\n";
  io::scan_csv_record(semis.data(), semis.data() + semis.size(), true, ';', cells);
  CHECK(!io::is_blank_record(cells, ';'));
  std::string spaces = "  \t\n";
  io::scan_csv_record(spaces.data(), spaces.data() + spaces.size(), true, ';', cells);
  CHECK(io::is_blank_record(cells, ';'));
  std::string quoted = "\"\"\t\n";
  io::scan_csv_record(quoted.data(), quoted.data() + quoted.size(), true, '\t', cells);
  CHECK(!io::is_blank_record(cells, '\t'));
}

TEST_CASE("delimiter: the chunk cut agrees with the scanner with ';' and tab on random input") {
  std::mt19937 rng(4321);
  for (const char sep : {';', '\t'}) {
    // The other separators are in the alphabet too: they must be text.
    const std::string alphabet = std::string("ab,;\t\"\"\n\r ") + sep + sep;
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      const std::size_t n = rng() % 40;
      for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
      INFO("sep ", static_cast<int>(sep), " input: ", text);
      CHECK(cut_last_end(text, sep) == scanned_last_end(text, sep));
    }
  }
  // A quote after the separator opens a cell; after another byte it is text.
  CHECK(cut_last_end("a;\"x\ny\"\nb", ';') == 8);
  CHECK(cut_last_end("a,\"x\ny\nb", ';') == 7);  // `a,"x` is one unquoted cell: the LF ends it
  CHECK(cut_last_end("a\t\"x\ny\"\nb", '\t') == 8);
}

TEST_CASE("delimiter: detection from the header row") {
  using io::guess_csv_separator;
  CHECK(guess_csv_separator("id,name;x\n").sep == ',');           // a comma wins
  CHECK(guess_csv_separator("id;name\n1,5;x\n").sep == ';');       // only the header counts
  CHECK(guess_csv_separator("id\tname\n").sep == '\t');
  CHECK(guess_csv_separator("id;name\tx\n").sep == ';');            // ';' before tab
  CHECK(guess_csv_separator("id\tname,x\n").sep == ',');
  CHECK(guess_csv_separator("\"Name, first\";Score\n").sep == ';');  // a quoted comma is a name's
  CHECK(guess_csv_separator("\"a\"\";b\"\tc\n").sep == '\t');       // "" inside quotes stays inside
  CHECK(guess_csv_separator("id\n1;2\n").sep == ',');              // one column: RFC 4180's comma
  CHECK(guess_csv_separator("").sep == ',');
  CHECK(guess_csv_separator("a;\"b\nc\";d\n").sep == ';');         // a quoted line break in a name
  CHECK(guess_csv_separator("a;\"b\nc\",d\n").sep == ',');
  CHECK(guess_csv_separator("\n  \n\t\r\nid;name\n").sep == ';');   // blank lines before the header
  CHECK(guess_csv_separator("\t\n").header_complete == false);
  CHECK(guess_csv_separator("a;b").header_complete == false);
  CHECK(guess_csv_separator("a;b\r\n").header_complete);
  CHECK(guess_csv_separator("a;\"b\n").header_complete == false);   // still inside the quotes
}

TEST_CASE("delimiter: --delimiter's values") {
  char sep = 0;
  using Named = std::pair<const char*, char>;
  for (const Named& named : {Named{",", ','}, Named{"comma", ','}, Named{";", ';'}, Named{"semicolon", ';'},
                             Named{"tab", '\t'}, Named{"\\t", '\t'}, Named{"\t", '\t'}}) {
    INFO(named.first);
    sep = 0;
    CHECK(parse_delimiter(named.first, sep));
    CHECK(sep == named.second);
  }
  for (const char* bad : {"", "|", ";;", "Tab", "TAB", "space", " ", "\\;", "semi"}) {
    INFO(bad);
    CHECK(!parse_delimiter(bad, sep));
  }
  CHECK(delimiter_name(';') == "';'");
  CHECK(delimiter_name('\t') == "tab");
  CHECK(delimiter_name(',') == "','");
}

TEST_CASE("delimiter: the same leads read the same from ',', ';' and tab files, detected or given") {
  const Read comma = read_text(leads_with(','));
  REQUIRE(comma.error.empty());
  REQUIRE(comma.records.size() > 40);
  for (const char sep : {';', '\t'}) {
    INFO("sep ", static_cast<int>(sep));
    const std::string text = leads_with(sep);
    const Read detected = read_text(text);
    CHECK(detected.error.empty());
    CHECK(detected.records == comma.records);
    ReadOptions given;
    given.delimiter = sep;
    CHECK(read_text(text, given).records == comma.records);
    CHECK(read_through_pipe(text).records == comma.records);
    // After a byte order mark and blank lines too (the header's line number moves: compare counts).
    CHECK(read_text("\xEF\xBB\xBF" + text).records == comma.records);
    const Read after_blanks = read_text("\n \t\n" + text);
    CHECK(after_blanks.error.empty());
    CHECK(after_blanks.records.size() == comma.records.size());
  }
  // The first lead, read whole: its set cell (quoted in the ';' file) holds pricing_page and blog.
  CHECK(comma.records[0].rfind("line 2 key [L0] error []", 0) == 0);
  CHECK(comma.records[0].find(" |true::0:0:9") != std::string::npos);
}

TEST_CASE("delimiter: chunked reads of a ';' or tab file give the serial reader's records") {
  for (const char sep : {';', '\t'}) {
    const std::string text = leads_with(sep);
    const std::vector<std::string> serial = read_text(text).records;
    REQUIRE(serial.size() > 40);
    for (std::size_t target : {1, 2, 17, 64, 100, 333, 1000, 100000}) {
      INFO("sep ", static_cast<int>(sep), ", chunks of ", target, " bytes");
      std::size_t chunks = 0;
      CHECK(read_chunked(text, RecordFormat::Csv, target, chunks) == serial);
      if (target <= 17) CHECK(chunks > 40);
    }
  }
}

TEST_CASE("delimiter: a set cell in a ';' file must be quoted; unquoted, the row says so") {
  const Read r = read_text("id;email;visited\nL1;a@x;\"pricing_page;blog\"\nL2;b@x;pricing_page;blog\nL3;c@x;blog\n");
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[0].find("error []") != std::string::npos);
  CHECK(r.records[1].find("line 3: 4 cells, header has 3 (in a ';'-separated file, a set cell's members must be "
                          "in quotes: \"a;b\")") != std::string::npos);
  CHECK(r.records[2].find("error []") != std::string::npos);
  // No set column read: no hint.
  const Read plain = read_text("id;email\nL1;a@x;extra\n");
  REQUIRE(plain.records.size() == 1);
  CHECK(plain.records[0].find("3 cells, header has 2]") != std::string::npos);
}

TEST_CASE("delimiter: a header read with the wrong separator says which one it looks like") {
  ReadOptions comma;
  comma.delimiter = ',';
  Read r = read_text("id;email;visited\nL1;a@x;blog\n", comma);
  CHECK(r.error == "leads.csv: missing column 'id' (the key of the schema); the header looks ';'-separated "
                   "(--delimiter ';')");
  // Detected as ',' because a name holds a comma: the hint still finds the ';'.
  r = read_text("id;Company, Inc;email\nL1;x;a@x\n");
  CHECK(r.error == "leads.csv: missing column 'id' (the key of the schema); the header looks ';'-separated "
                   "(--delimiter ';')");
  ReadOptions semicolon;
  semicolon.delimiter = ';';
  r = read_text("id\temail\nL1\ta@x\n", semicolon);
  CHECK(r.error == "leads.csv: missing column 'id' (the key of the schema); the header looks tab-separated "
                   "(--delimiter tab)");
  // An optional field's warning carries it too.
  r = read_text("id,email,job_title;country\nL1,a@x,x\n");
  CHECK(r.error.empty());
  bool hinted = false;
  for (const std::string& w : r.warnings)
    hinted |= w == "leads.csv: no column for field 'job_title'; it is missing in every record; the header looks "
                   "';'-separated (--delimiter ';')";
  CHECK(hinted);
}

TEST_CASE("delimiter: schema infer detects ';' and tab, and reads a quoted set cell as a set") {
  for (const char sep : {';', '\t'}) {
    const std::string s(1, sep);
    std::string text = "Lead Id" + s + "Source" + s + "Pages\n";
    for (int i = 0; i < 30; ++i)
      text += fmt::format("L{}{}{}{}\"pricing;blog\"\n", i, s, i % 2 ? "Web" : "Event", s);
    std::FILE* in = fmemopen(text.data(), text.size(), "r");
    REQUIRE(in != nullptr);
    InferOptions options;
    options.source_name = "sample.csv";
    const InferResult result = infer_schema(in, RecordFormat::Csv, options);
    std::fclose(in);
    REQUIRE(result.schema);
    REQUIRE(result.schema->fields.size() == 3);
    CHECK(result.schema->delimiter == sep);
    CHECK(result.schema->fields[0].key);
    CHECK(result.schema->fields[2].type == InferredType::Set);
    CHECK(render_inferred_schema(*result.schema, options)
              .find(fmt::format("# Read as a {}-separated file.\n", delimiter_name(sep))) != std::string::npos);
  }
}

// The scanner finds a cell's end eight bytes at a time (csv_scan.cpp, find_cell_end): every cell
// length around and across the eight-byte steps, every separator, with bytes that are one bit away
// from a separator or a line feed (the zero-byte test's borrow) and high bytes.
TEST_CASE("unquoted cells of every length end at the right byte") {
  const std::string fillers = std::string("ab\x0b\x2d\x2c\x3a\x09\x08") + "\xc3\xa9\xff\x80";
  for (const char sep : {',', ';', '\t'}) {
    for (std::size_t a = 0; a < 20; ++a) {
      for (std::size_t b = 0; b < 20; ++b) {
        std::string first, second;
        for (std::size_t i = 0; i < a; ++i) {
          const char c = fillers[(i + b) % fillers.size()];
          first += c == sep ? 'x' : c;
        }
        for (std::size_t i = 0; i < b; ++i) {
          const char c = fillers[(i * 3 + a) % fillers.size()];
          second += c == sep ? 'y' : c;
        }
        const std::string line = first + sep + second + "\nnext";
        const Scanned s = scan_one(line, sep);
        INFO("sep=", int(sep), " a=", a, " b=", b);
        REQUIRE(s.cells.size() == 2);
        CHECK(s.cells[0] == first);
        CHECK(s.cells[1] == second);
        CHECK(s.scan.length == first.size() + second.size() + 2);
        CHECK(s.scan.line_breaks == 1);
      }
    }
  }
}
