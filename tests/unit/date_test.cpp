// Calendar days, date text, and the source line table.
#include "leadscore/date.hpp"

#include <doctest/doctest.h>

#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"

using namespace leadscore;

TEST_CASE("date: days from civil and back") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2026, 11, 1) - days_from_civil(2026, 10, 30) == 2);
  for (Day d = -800000; d <= 800000; d += 997) {
    int y = 0;
    unsigned m = 0, day = 0;
    civil_from_days(d, y, m, day);
    if (days_from_civil(y, m, day) != d) FAIL("round trip failed at ", d);
  }
}

TEST_CASE("date: YYYY-MM-DD, real days only") {
  CHECK(parse_date("2026-01-31") == days_from_civil(2026, 1, 31));
  CHECK(parse_date("2024-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK_FALSE(parse_date("2026-04-31").has_value());
  CHECK_FALSE(parse_date("2026-00-10").has_value());
  CHECK_FALSE(parse_date("2026-13-10").has_value());
  CHECK_FALSE(parse_date("2026-01-00").has_value());
  CHECK_FALSE(parse_date("2026-1-05").has_value());
  CHECK_FALSE(parse_date("26-01-05").has_value());
  CHECK_FALSE(parse_date("2026/01/05").has_value());
  CHECK_FALSE(parse_date("2026-01-05T10:00").has_value());
  CHECK_FALSE(parse_date("").has_value());
}

TEST_CASE("date: date-times keep the date part as written") {
  const Day d = days_from_civil(2026, 1, 5);
  for (const char* ok :
       {"2026-01-05", "2026-01-05T10:00", "2026-01-05T23:59:59", "2026-01-05T23:59:60",
        "2026-01-05T10:00:00.1", "2026-01-05T10:00:00.123456789", "2026-01-05T10:00Z",
        "2026-01-05T10:00:00Z", "2026-01-05T10:00:00.5+05:30", "2026-01-05T00:00-08:00",
        "2026-01-05 10:00", "2026-01-05 10:27:00", "2026-01-05T10:00+0530", "2026-01-05T10:00+05",
        "2026-01-05T10:00:00,25", "2026-01-05T10:00z"}) {
    CAPTURE(ok);
    CHECK(parse_date_or_datetime(ok) == d);
  }
  for (const char* bad :
       {"2026-01-05  10:00", "2026-01-05T", "2026-01-05T10", "2026-01-05T24:00", "2026-01-05T10:60",
        "2026-01-05T10:00:61", "2026-01-05T10:00:00.", "2026-01-05T10:00:00.1234567890",
        "2026-01-05T10:00ZZ", "2026-01-05T10:00+053", "2026-01-05T10:00+5", "2026-01-05T10:00+05:",
        "2026-01-05T10:00+24:00", "2026-01-05t10:00", "2026-01-05x", "2026-02-30T10:00",
        "2026-01-05T1:00", "2026-01-05 ", "2026-01-05T10:00 +01:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date_or_datetime(bad).has_value());
  }
}

TEST_CASE("date: format_date and today") {
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(days_from_civil(2026, 11, 1)) == "2026-11-01");
  CHECK(format_date(-1) == "1969-12-31");
  CHECK(today() > days_from_civil(2024, 1, 1));
}

TEST_CASE("schema: lookups by name") {
  Schema s;
  Field a;
  a.name = "industry";
  a.type = FieldType::Enum;
  a.members = {"saas", "fintech"};
  s.fields.push_back(a);
  CHECK(s.find("industry") == 0);
  CHECK(s.find("Industry") == -1);
  CHECK(a.member_index("fintech") == 1);
  CHECK(a.member_index("retail") == -1);
  CHECK(field_type_name(FieldType::StringSet) == "set(string)");
  CHECK(field_type_name(FieldType::Int) == "int");
}

TEST_CASE("source: line table") {
  SourceManager sm;
  CHECK(sm.size() == 1);
  const std::uint32_t id = sm.add("m.score", "ab\ncd\r\n\nlast");
  CHECK(id == 1);
  const SourceFile& f = sm.file(id);
  CHECK(f.path() == "m.score");
  CHECK(f.line_col(0).line == 1);
  CHECK(f.line_col(0).column == 1);
  CHECK(f.line_col(2).column == 3);  // the '\n' itself
  CHECK(f.line_col(3).line == 2);
  CHECK(f.line_col(4).column == 2);
  CHECK(f.line_col(8).line == 4);
  CHECK(f.line_col(100).line == 4);  // clamped to the end
  CHECK(f.line_col(100).column == 5);
  CHECK(f.line_text(1) == "ab");
  CHECK(f.line_text(2) == "cd");
  CHECK(f.line_text(3) == "");
  CHECK(f.line_text(4) == "last");
  CHECK(f.line_text(5) == "");
  CHECK(f.line_text(0) == "");
  CHECK(sm.add("b", "") == 2);
  CHECK(sm.file(2).line_col(0).line == 1);
}
