// Cutting an input into chunks of whole records (score/backtest/explain --threads): the CSV cut is
// quote-aware and agrees with the record scanner on every random input; a reader's chunks read
// through chunk readers give the same records, lines and errors as the reader alone.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "io/csv_scan.hpp"
#include "leadscore/io.hpp"
#include "chunk_support.hpp"
#include "test_support.hpp"

using namespace leadscore;
using namespace lstest;

namespace {

std::vector<std::string> read_serial(std::string text, RecordFormat format) {
  std::FILE* in = fmemopen(text.data(), text.size(), "r");
  REQUIRE(in != nullptr);
  ReaderOpenResult opened = open_record_reader(in, "input", format, lstest::lead_schema());
  std::vector<std::string> out;
  if (opened.reader) {
    Record rec;
    while (opened.reader->next(rec)) out.push_back(describe(rec));
  }
  std::fclose(in);
  return out;
}

}  // namespace

TEST_CASE("chunks: the CSV cut agrees with the record scanner on random quotes, commas and line ends") {
  std::mt19937 rng(1234);
  const std::string alphabet = "ab,\"\"\n\r ";
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t n = rng() % 40;
    for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    INFO("input: ", text);
    CHECK(cut_last_end(text) == scanned_last_end(text));
  }
}

TEST_CASE("chunks: CSV cuts on the record end, never inside a quoted line break") {
  CHECK(cut_last_end("a,b\nc,d\n") == 8);
  CHECK(cut_last_end("a,\"x\ny\"\n") == 8);
  CHECK(cut_last_end("a,\"x\ny\n") == 0);            // still inside the quotes
  CHECK(cut_last_end("a,\"x\"\"\ny\"\nz") == 10);     // a doubled quote does not close the cell
  CHECK(cut_last_end("a,b\"c\nd\n") == 8);             // a quote inside an unquoted cell is text
  CHECK(cut_last_end("\"a\"b,\"c\nd\n") == 10);        // text after a closing quote: to the LF
  CHECK(cut_last_end("\"a\"\r\nb") == 5);
  CHECK(cut_last_end("\"a\"") == 0);                   // the next byte may be another quote
}

TEST_CASE("chunks: chunk readers read what the reader reads, at every chunk size") {
  const std::string header =
      "id,email,job_title,company_size,annual_revenue,industry,country,source,visited,downloaded,"
      "email_opens,email_clicks,webinars,demo_requested,unsubscribed,last_activity,created_at,tags,ratio\n";
  std::string csv = header;
  std::string jsonl;
  for (int i = 0; i < 60; ++i) {
    const std::string title = i % 7 == 3 ? "\"Head of\nGrowth, \"\"EMEA\"\"\"" : "VP Sales";
    csv += fmt::format("L{},a{}@x.com,{},{},{},saas,US,paid,pricing_page;blog,,3,{},0,true,false,2026-10-0{},,vip;x,0.5\n",
                       i, i, title, 10 * i, 1000 * i, i % 4, 1 + i % 9);
    jsonl += fmt::format("{{\"id\":\"L{}\",\"email\":\"a{}@x.com\",\"company_size\":{},\"tags\":[\"vip\"]}}\n", i, i, i);
    if (i % 11 == 4) {
      csv += "L_bad,b@x.com,\"VP\" of things,12\n\n  \r\n";
      jsonl += "{\"id\":\"J_bad\",\"email\": 3}\n\n{\"id\": \"broken\n";
    }
    if (i % 13 == 6) csv += "L_cr,c@x.com,Dir,5,,,,,,,,,,,,,,,\r\n";
  }
  csv += "L_end,\"unclosed\n,to the end\n";
  for (const auto& [format, text] : {std::pair{RecordFormat::Csv, csv}, std::pair{RecordFormat::JsonLines, jsonl}}) {
    const std::vector<std::string> serial = read_serial(text, format);
    REQUIRE(serial.size() > 60);
    for (std::size_t target : {1, 2, 17, 64, 100, 333, 1000, 100000}) {
      INFO("format ", format == RecordFormat::Csv ? "csv" : "jsonl", ", chunks of ", target, " bytes");
      std::size_t chunks = 0;
      CHECK(read_chunked(text, format, target, chunks) == serial);
      if (target <= 17) CHECK(chunks > 50);
    }
  }
}

TEST_CASE("chunks: CR-only JSON lines are not cut (the reader reads them on its own)") {
  const std::string text = "{\"id\":\"a\",\"email\":\"a@x\"}\r{\"id\":\"b\",\"email\":\"b@x\"}\r";
  std::size_t chunks = 0;
  CHECK(read_chunked(text, RecordFormat::JsonLines, 4, chunks) == read_serial(text, RecordFormat::JsonLines));
  CHECK(chunks == 0);
}
