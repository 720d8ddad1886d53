// score --round N / explain --round N: round_decimals and the writers that use it (docs/records.md,
// "Rounded numbers").
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "leadscore/io.hpp"
#include "writer_support.hpp"

using namespace leadscore;
using lstest::write_all;

namespace {

std::string rounded(double x, int decimals) { return format_number(round_decimals(x, decimals)); }

}  // namespace

TEST_CASE("round_decimals rounds the decimal a person reads, not the binary value") {
  // 2.675 and 1.005 are stored a little below the tie (2.67499999999999982..., 1.00499999999999989...):
  // rounding the binary value would give 2.67 and 1; a spreadsheet's ROUND gives 2.68 and 1.01.
  CHECK(rounded(2.675, 2) == "2.68");
  CHECK(rounded(1.005, 2) == "1.01");
  CHECK(rounded(-2.675, 2) == "-2.68");
  // The numbers of the issue: what a score column showed before --round.
  CHECK(rounded(15.399999999999999, 2) == "15.4");
  CHECK(rounded(0.2965990114499988, 2) == "0.3");
  CHECK(rounded(0.2965990114499988, 3) == "0.297");
  CHECK(rounded(0.2965990114499988, 0) == "0");
  CHECK(rounded(0.1 + 0.2, 15) == "0.3");
}

TEST_CASE("round_decimals: half away from zero, as Excel's ROUND") {
  CHECK(rounded(0.5, 0) == "1");
  CHECK(rounded(1.5, 0) == "2");
  CHECK(rounded(2.5, 0) == "3");  // round-half-even would give 2
  CHECK(rounded(-0.5, 0) == "-1");
  CHECK(rounded(-2.5, 0) == "-3");
  CHECK(rounded(0.125, 2) == "0.13");   // an exact binary tie
  CHECK(rounded(-0.125, 2) == "-0.13");
  CHECK(rounded(0.49, 0) == "0");
  CHECK(rounded(0.124, 2) == "0.12");
}

TEST_CASE("round_decimals: carries, whole results and the SPEC 7 number form") {
  CHECK(rounded(49.996, 2) == "50");  // no "50.00": the printing rule is unchanged
  CHECK(rounded(99.995, 2) == "100");
  CHECK(rounded(9.95, 1) == "10");
  CHECK(rounded(999.9996, 3) == "1000");
  CHECK(rounded(-999.9996, 3) == "-1000");
  CHECK(rounded(3, 2) == "3");
  CHECK(rounded(20.8125, 2) == "20.81");
  CHECK(rounded(20.8125, 3) == "20.813");
  CHECK(rounded(20.8125, 4) == "20.8125");
  CHECK(rounded(20.8125, 15) == "20.8125");
  CHECK(rounded(123456789012.34567, 2) == "123456789012.35");
  // Large and small numbers keep the exponent form after rounding.
  CHECK(rounded(1e16, 0) == "1e+16");
  CHECK(rounded(1.5e17, 2) == "1.5e+17");
  CHECK(rounded(5e-05, 4) == "0.0001");
  CHECK(rounded(4.9e-05, 4) == "0");
  CHECK(rounded(1.23456789012345e-10, 15) == "1.23457e-10");
  CHECK(rounded(5e-324, 15) == "0");
}

TEST_CASE("round_decimals: what rounds to zero is 0, never -0") {
  const double r = round_decimals(-0.001, 2);
  CHECK(r == 0);
  CHECK_FALSE(std::signbit(r));
  CHECK(rounded(-0.001, 2) == "0");
  CHECK(rounded(-0.4, 0) == "0");
  CHECK(rounded(-0.0004, 2) == "0");
  CHECK(rounded(-0.0, 2) == "0");
}

TEST_CASE("round_decimals leaves whole numbers, infinities and NaN alone") {
  CHECK(round_decimals(42, 0) == 42);
  CHECK(round_decimals(-7, 3) == -7);
  CHECK(round_decimals(std::numeric_limits<double>::max(), 2) == std::numeric_limits<double>::max());
  CHECK(round_decimals(std::numeric_limits<double>::infinity(), 2) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(round_decimals(std::numeric_limits<double>::quiet_NaN(), 2)));
}

TEST_CASE("round_decimals, on random doubles: at most N decimals, within half a unit, idempotent, symmetric") {
  std::mt19937_64 random(20261205);
  std::uniform_real_distribution<double> mantissa(-1000, 1000);
  std::uniform_int_distribution<int> scale(-8, 8), decimals_of(0, 15);
  for (int i = 0; i < 20000; ++i) {
    const double x = mantissa(random) * std::pow(10.0, scale(random));
    const int n = decimals_of(random);
    const double r = round_decimals(x, n);
    CAPTURE(fmt::format("{} to {} decimals: {}", x, n, r));
    // The nearest double to a decimal of at most n decimals: printing it with n decimals reads back
    // to it.
    CHECK(std::strtod(fmt::format("{:.{}f}", r, n).c_str(), nullptr) == r);
    // Within half a unit of the last decimal (and a rounding error of the doubles).
    const double unit = std::pow(10.0, -n);
    CHECK(std::fabs(r - x) <= unit / 2 + std::fabs(x) * 4e-16);
    CHECK(round_decimals(r, n) == r);
    CHECK(round_decimals(-x, n) == -r);
  }
}

TEST_CASE("the writers round the score and group cells only with round_decimals set") {
  const double groups[] = {15.399999999999999, 0.2965990114499988};
  ScoredRow row;
  row.key = "L1";
  row.score = 15.696599011449997;
  row.tier = "warm";
  row.groups = groups;
  ScoredRow error = row;
  error.key = "L2";
  error.status = RowStatus::Error;
  error.reason = "line 3: bad";
  OutputColumns columns;
  columns.key_name = "id";
  columns.group_names = {"fit", "engagement"};

  CHECK(write_all(RecordFormat::Csv, columns, {row}) ==
        "id,score,qualified,tier,status,reason,fit,engagement\n"
        "L1,15.696599011449997,false,warm,ok,,15.399999999999999,0.2965990114499988\n");
  columns.round_decimals = 2;
  CHECK(write_all(RecordFormat::Csv, columns, {row, error}) ==
        "id,score,qualified,tier,status,reason,fit,engagement\n"
        "L1,15.7,false,warm,ok,,15.4,0.3\n"
        "L2,,false,,error,line 3: bad,,\n");
  CHECK(write_all(RecordFormat::JsonLines, columns, {row, error}) ==
        "{\"id\":\"L1\",\"score\":15.7,\"qualified\":false,\"tier\":\"warm\",\"status\":\"ok\",\"reason\":null,"
        "\"fit\":15.4,\"engagement\":0.3}\n"
        "{\"id\":\"L2\",\"score\":null,\"qualified\":false,\"tier\":null,\"status\":\"error\","
        "\"reason\":\"line 3: bad\",\"fit\":null,\"engagement\":null}\n");
  columns.round_decimals = 0;
  CHECK(write_all(RecordFormat::Csv, columns, {row}) ==
        "id,score,qualified,tier,status,reason,fit,engagement\n"
        "L1,16,false,warm,ok,,15,0\n");
}
