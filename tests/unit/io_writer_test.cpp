// Writing scored rows (SPEC 5) and printing numbers (SPEC 7).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "leadscore/io.hpp"
#include "writer_support.hpp"

using namespace leadscore;
using lstest::write_all;

namespace {

const double groups_a[] = {10, 10.5};
const std::string_view fired_a[] = {"Senior title", "visited pricing_page"};

std::vector<ScoredRow> sample_rows() {
  ScoredRow ok;
  ok.key = "L1";
  ok.status = RowStatus::Ok;
  ok.score = 20.5;
  ok.qualified = false;
  ok.tier = "warm";
  ok.groups = groups_a;
  ok.fired = fired_a;

  ScoredRow rejected = ok;
  rejected.key = "L2";
  rejected.status = RowStatus::Rejected;
  rejected.tier = {};
  rejected.reason = "Competitor, \"big\" one";
  rejected.fired = {};

  ScoredRow error;
  error.key = "L3";
  error.status = RowStatus::Error;
  error.score = 99;         // ignored for errors
  error.qualified = true;   // ignored for errors
  error.tier = "hot";       // ignored for errors
  error.groups = groups_a;  // ignored for errors
  error.fired = fired_a;    // ignored for errors
  error.reason = "line 4: field 'size': 'lots' is not an int";
  return {ok, rejected, error};
}

}  // namespace

TEST_CASE("format_number: shortest round-trip form, -0 as 0") {
  CHECK(format_number(20.8125) == "20.8125");
  CHECK(format_number(1e16) == "1e+16");
  CHECK(format_number(1e15) == "1000000000000000");
  CHECK(format_number(5e-05) == "5e-05");
  CHECK(format_number(0.0001) == "0.0001");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(0) == "0");
  CHECK(format_number(100) == "100");
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(1.0 / 3) == "0.3333333333333333");
  std::string out = "x=";
  append_number(out, -0.0);
  append_number(out, 7);
  CHECK(out == "x=07");
}

TEST_CASE("format_from_path") {
  RecordFormat f = RecordFormat::Csv;
  CHECK(format_from_path("leads.jsonl", f));
  CHECK(f == RecordFormat::JsonLines);
  CHECK(format_from_path("dir.d/LEADS.CSV", f));
  CHECK(f == RecordFormat::Csv);
  CHECK(format_from_path("a.ndjson", f));
  CHECK(f == RecordFormat::JsonLines);
  CHECK(format_from_path("a.json", f));
  CHECK(f == RecordFormat::JsonLines);
  CHECK_FALSE(format_from_path("a.txt", f));
  CHECK_FALSE(format_from_path("-", f));
  CHECK_FALSE(format_from_path("csv", f));
  CHECK_FALSE(format_from_path("leads.csv.gz", f));
}

TEST_CASE("csv writer: header, ok, rejected and error rows") {
  const OutputColumns cols{"id", {"fit", "engagement"}, true};
  CHECK(write_all(RecordFormat::Csv, cols, sample_rows()) ==
        "id,score,qualified,tier,status,reason,fit,engagement,fired\n"
        "L1,20.5,false,warm,ok,,10,10.5,Senior title;visited pricing_page\n"
        "L2,20.5,false,,rejected,\"Competitor, \"\"big\"\" one\",10,10.5,\n"
        "L3,,false,,error,line 4: field 'size': 'lots' is not an int,,,\n");
}

TEST_CASE("csv writer: without explain, without groups, and with no rows") {
  CHECK(write_all(RecordFormat::Csv, {"lead_id", {}, false}, {}) ==
        "lead_id,score,qualified,tier,status,reason\n");
  ScoredRow row;
  row.key = "K";
  row.score = 80;
  row.qualified = true;
  row.tier = "hot";
  CHECK(write_all(RecordFormat::Csv, {"lead_id", {}, false}, {row}) ==
        "lead_id,score,qualified,tier,status,reason\nK,80,true,hot,ok,\n");
}

TEST_CASE("csv writer: cells are quoted only when needed") {
  ScoredRow row;
  row.status = RowStatus::Error;
  const auto reason_cell = [&](std::string_view reason) {
    row.reason = reason;
    const std::string text = write_all(RecordFormat::Csv, {"id", {}, false}, {row});
    const std::string body = text.substr(text.find('\n') + 1);
    return body.substr(std::string(",,false,,error,").size(),
                       body.size() - std::string(",,false,,error,").size() - 1);
  };
  CHECK(reason_cell("plain text; with 'quotes'") == "plain text; with 'quotes'");
  CHECK(reason_cell("a,b") == "\"a,b\"");
  CHECK(reason_cell("say \"x\"") == "\"say \"\"x\"\"\"");
  CHECK(reason_cell("two\nlines") == "\"two\nlines\"");
  CHECK(reason_cell("cr\rhere") == "\"cr\rhere\"");
  CHECK(reason_cell(" lead") == "\" lead\"");
  CHECK(reason_cell("trail ") == "\"trail \"");
  CHECK(reason_cell("") == "");
}

TEST_CASE("csv writer: a fired label with a comma quotes the whole fired cell") {
  const std::string_view fired[] = {"a, b", "c"};
  ScoredRow row;
  row.key = "K";
  row.fired = fired;
  CHECK(write_all(RecordFormat::Csv, {"id", {}, true}, {row}) ==
        "id,score,qualified,tier,status,reason,fired\nK,0,false,,ok,,\"a, b;c\"\n");
}

TEST_CASE("jsonl writer: keys in column order, nulls for empty values") {
  const OutputColumns cols{"id", {"fit", "engagement"}, true};
  CHECK(write_all(RecordFormat::JsonLines, cols, sample_rows()) ==
        R"({"id":"L1","score":20.5,"qualified":false,"tier":"warm","status":"ok","reason":null,)"
        R"("fit":10,"engagement":10.5,"fired":["Senior title","visited pricing_page"]})"
        "\n"
        R"({"id":"L2","score":20.5,"qualified":false,"tier":null,"status":"rejected",)"
        R"("reason":"Competitor, \"big\" one","fit":10,"engagement":10.5,"fired":[]})"
        "\n"
        R"({"id":"L3","score":null,"qualified":false,"tier":null,"status":"error",)"
        R"("reason":"line 4: field 'size': 'lots' is not an int","fit":null,"engagement":null,)"
        R"("fired":null})"
        "\n");
}

TEST_CASE("jsonl writer: without explain there is no fired key") {
  ScoredRow row;
  row.key = "K";
  row.score = -0.0;
  row.qualified = true;
  CHECK(write_all(RecordFormat::JsonLines, {"lead", {}, false}, {row}) ==
        R"({"lead":"K","score":0,"qualified":true,"tier":null,"status":"ok","reason":null})"
        "\n");
}

TEST_CASE("jsonl writer: string escaping and non-finite numbers") {
  ScoredRow row;
  row.key = "a\"b\\c\n\t\r\x01\x1F\xC3\xA9\x7F";
  row.score = std::numeric_limits<double>::infinity();
  const double groups[] = {std::nan("")};
  row.groups = groups;
  const std::string text = write_all(RecordFormat::JsonLines, {"id", {"g"}, false}, {row});
  CHECK(text ==
        R"({"id":"a\"b\\c\n\t\r\u0001\u001f)"
        "\xC3\xA9\x7F"
        R"(","score":null,"qualified":false,"tier":null,"status":"ok","reason":null,"g":null})"
        "\n");
  row.key = "bad\xFFutf8\xC3";
  row.score = 1;
  CHECK(write_all(RecordFormat::JsonLines, {"id", {}, false}, {row})
            .starts_with("{\"id\":\"bad\xEF\xBF\xBDutf8\xEF\xBF\xBD\","));
}

TEST_CASE("writers: many rows are flushed in chunks and all arrive") {
  std::vector<ScoredRow> rows(100000);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].key = "some-lead-key";
    rows[i].score = static_cast<double>(i);
  }
  const std::string csv = write_all(RecordFormat::Csv, {"id", {}, false}, rows);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 100001);
  CHECK(csv.ends_with("some-lead-key,99999,false,,ok,\n"));
  const std::string jsonl = write_all(RecordFormat::JsonLines, {"id", {}, false}, rows);
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == 100000);
}

TEST_CASE("writers: finish reports a failed write") {
  std::FILE* full = std::fopen("/dev/full", "w");
  if (full == nullptr) return;  // not on this system
  auto writer = make_result_writer(full, RecordFormat::Csv, {"id", {}, false});
  ScoredRow row;
  row.key = "K";
  writer->write(row);
  CHECK_FALSE(writer->finish());
  std::fclose(full);
}
