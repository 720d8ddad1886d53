// Timestamps and date layouts (issue 16): ISO 8601 date-times with zones as instants, the
// `timestamp` type in schemas and models, and `format "..."` layouts for dates exports write.
#include <doctest/doctest.h>

#include "common/date_layout.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

Seconds instant(std::string_view text) {
  const auto parts = parse_iso_datetime(text);
  REQUIRE(parts.has_value());
  return parts->instant();
}

std::optional<std::string> in_layout(std::string_view text, std::string_view layout) {
  const auto parts = parse_with_layout(text, layout);
  if (!parts) return std::nullopt;
  return format_timestamp(parts->instant());
}

constexpr std::string_view crm_schema_text = R"(schema crm {
  id:       string key
  created:  timestamp required
  touched:  timestamp
  signed:   date format "%d/%m/%Y"
}
)";

const Schema& crm_schema() {
  static const Schema s = checked_schema(std::string(crm_schema_text));
  return s;
}

Lead crm_lead(std::string_view created) {
  Lead l(crm_schema());
  l.str("id", "L1").time("created", created);
  return l;
}


std::vector<std::string> crm_errors(std::string model) { return load(std::move(model), crm_schema())->errors(); }

}  // namespace

TEST_SUITE("timestamps") {

TEST_CASE("an ISO date-time is an instant: its zone is taken off, a bare date is midnight UTC") {
  CHECK(instant("1970-01-01") == 0);
  CHECK(instant("1970-01-01T00:00:01Z") == 1);
  CHECK(instant("1969-12-31T23:59:59Z") == -1);
  CHECK(instant("2024-03-18T10:27:00Z") == instant("2024-03-18 11:27:00+01:00"));
  CHECK(instant("2024-03-18T10:27:00Z") == instant("2024-03-18T05:27-05:00"));
  CHECK(instant("2024-03-18T10:27:00Z") == instant("2024-03-18T15:57:00+0530"));
  CHECK(instant("2024-03-18T10:27:00.999Z") == instant("2024-03-18T10:27:00Z"));  // seconds precision
  CHECK(instant("2024-03-18T10:27:60Z") == instant("2024-03-18T10:27:59Z"));      // leap second
  CHECK(instant("2024-03-18 10:27") == instant("2024-03-18T10:27:00Z"));          // no zone: UTC
}

TEST_CASE("the UTC day of an instant, and the instant written back") {
  CHECK(day_of(0) == 0);
  CHECK(day_of(86399) == 0);
  CHECK(day_of(86400) == 1);
  CHECK(day_of(-1) == -1);
  CHECK(day_of(-86400) == -1);
  CHECK(day_of(-86401) == -2);
  CHECK(format_timestamp(instant("2024-03-18T23:30:00-05:00")) == "2024-03-19T04:30:00Z");
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59Z");
  for (Seconds t = -200000000; t < 200000000; t += 7777777)
    CHECK(instant(format_timestamp(t)) == t);
}

TEST_CASE("layouts: what a layout needs") {
  CHECK(date_layout_error("%d/%m/%Y") == "");
  CHECK(date_layout_error("%m/%d/%y %I:%M %p") == "");
  CHECK(date_layout_error("%d %b %Y %H:%M:%S.%f %z") == "");
  CHECK(date_layout_error("100%% %Y-%m-%d") == "");
  CHECK(date_layout_error("%d/%m") == "the layout has no year (%Y or %y)");
  CHECK(date_layout_error("%d/%Y") == "the layout has no month (%m, %b or %B)");
  CHECK(date_layout_error("%m/%Y") == "the layout has no day (%d)");
  CHECK(date_layout_error("%d/%m/%Y %q").find("'%q' is not a directive") == 0);
  CHECK(date_layout_error("%d/%m/%Y %") == "a layout cannot end with a lone '%' (write %% for a '%')");
  CHECK(date_layout_error("%d/%d/%m/%Y") == "'%d' is written twice");
  CHECK(date_layout_error("%d/%m/%Y/%y") == "the layout has two years (%Y and %y)");
  CHECK(date_layout_error("%d/%m/%b/%Y") == "the layout has two months");
  CHECK(date_layout_error("%d/%m/%Y %I:%M") == "%I (a 12-hour clock) and %p (AM or PM) go together");
  CHECK(date_layout_error("%d/%m/%Y %H %I %p") == "the layout has two hours (%H and %I)");
  CHECK(date_layout_error("%d/%m/%Y %M") == "the layout has minutes or seconds but no hour");
}

TEST_CASE("layouts: reading dates and times as exports write them") {
  CHECK(in_layout("18/03/2024", "%d/%m/%Y") == "2024-03-18T00:00:00Z");
  CHECK(in_layout("8/3/2024", "%d/%m/%Y") == "2024-03-08T00:00:00Z");  // one digit is enough
  CHECK(in_layout("03/18/2024", "%m/%d/%Y") == "2024-03-18T00:00:00Z");
  CHECK(in_layout("18.03.24", "%d.%m.%y") == "2024-03-18T00:00:00Z");
  CHECK(in_layout("18.03.69", "%d.%m.%y") == "1969-03-18T00:00:00Z");
  CHECK(in_layout("18 mar 2024", "%d %b %Y") == "2024-03-18T00:00:00Z");
  CHECK(in_layout("18 March 2024", "%d %B %Y") == "2024-03-18T00:00:00Z");
  CHECK(in_layout("3/18/2024 2:27 PM", "%m/%d/%Y %I:%M %p") == "2024-03-18T14:27:00Z");
  CHECK(in_layout("3/18/2024 12:05 am", "%m/%d/%Y %I:%M %p") == "2024-03-18T00:05:00Z");
  CHECK(in_layout("3/18/2024 12:05 PM", "%m/%d/%Y %I:%M %p") == "2024-03-18T12:05:00Z");
  CHECK(in_layout("18/03/2024 10:27:05.123 +01:00", "%d/%m/%Y %H:%M:%S.%f %z") == "2024-03-18T09:27:05Z");
  CHECK(in_layout("18/03/2024 10:27 Z", "%d/%m/%Y %H:%M %z") == "2024-03-18T10:27:00Z");
  CHECK(in_layout("100% 2024-03-18", "100%% %Y-%m-%d") == "2024-03-18T00:00:00Z");
  for (const char* bad : {"18/13/2024", "31/02/2024", "18-03-2024", "18/03/2024 ", "18/03/24", "/03/2024",
                          "18/03/20245", "", "29/02/2023"}) {
    CAPTURE(bad);
    CHECK_FALSE(in_layout(bad, "%d/%m/%Y").has_value());
  }
  CHECK(in_layout("29/02/2024", "%d/%m/%Y") == "2024-02-29T00:00:00Z");
  CHECK_FALSE(in_layout("18/03/2024 24:00", "%d/%m/%Y %H:%M").has_value());
  CHECK_FALSE(in_layout("18/03/2024 13:00 PM", "%d/%m/%Y %I:%M %p").has_value());
  CHECK_FALSE(in_layout("18/03/2024 1:00 XM", "%d/%m/%Y %I:%M %p").has_value());
}

TEST_CASE("layouts: the example in messages is the layout's own") {
  CHECK(layout_example("%d/%m/%Y") == "18/03/2024");
  CHECK(layout_example("%m/%d/%y %I:%M %p") == "03/18/24 02:27 PM");
  CHECK(layout_example("%d %b %Y %H:%M:%S %z") == "18 Mar 2024 14:27:05 +00:00");
  // Every example reads back in its own layout.
  for (const char* layout : {"%d/%m/%Y", "%m/%d/%y %I:%M %p", "%d %B %Y %H:%M:%S.%f %z", "%Y%m%d"}) {
    CAPTURE(layout);
    CHECK(parse_with_layout(layout_example(layout), layout).has_value());
  }
}

TEST_CASE("schema: timestamp fields and layouts, per field and for the schema") {
  const Schema& s = crm_schema();
  CHECK(s.fields[1].type == FieldType::Timestamp);
  CHECK(field_type_name(FieldType::Timestamp) == "timestamp");
  CHECK(s.fields[3].format == "%d/%m/%Y");
  auto p = schema_from("schema x {\n  format \"%d.%m.%Y\"\n  id: string key\n  a: date\n  b: timestamp format \"%Y-%m-%d %H:%M\"\n  c: int\n  format: string\n  timestamp: date\n  t: timestamp\n}\n");
  REQUIRE(p->errors() == std::vector<std::string>{});
  CHECK(p->schema.format == "%d.%m.%Y");
  CHECK(p->schema.fields[1].format == "%d.%m.%Y");          // the schema's
  CHECK(p->schema.fields[2].format == "%Y-%m-%d %H:%M");    // its own
  CHECK(p->schema.fields[3].format == "");                  // not a date
  CHECK(p->schema.fields[4].name == "format");              // the words stay usable as names
  CHECK(p->schema.fields[5].name == "timestamp");
  CHECK(p->schema.fields[5].format == "%d.%m.%Y");
  CHECK(p->schema.fields[6].format == "");                  // a timestamp names its own
}

TEST_CASE("schema: layouts that cannot read dates are located errors") {
  CHECK(schema_from("schema x {\n  id: string key\n  n: int format \"%Y\"\n}\n")->errors() ==
        std::vector<std::string>{"3:17: field 'n' is int; 'format' gives the layout of a date or timestamp field"});
  CHECK(schema_from("schema x {\n  id: string key\n  d: date format \"%d/%m\"\n}\n")->errors() ==
        std::vector<std::string>{"3:18: format \"%d/%m\" cannot read dates: the layout has no year (%Y or %y)"});
  CHECK(schema_from("schema x {\n  format \"%Y\"\n  id: string key\n}\n")->errors() ==
        std::vector<std::string>{"2:10: format \"%Y\" cannot read dates: the layout has no month (%m, %b or %B)"});
  CHECK(schema_from("schema x {\n  format \"%d/%m/%Y\"\n  format \"%m/%d/%Y\"\n  id: string key\n}\n")->errors() ==
        std::vector<std::string>{"3:10: the schema has a second 'format' line; keep one"});
  CHECK(schema_from("schema x {\n  id: string key\n  d: date format \"%d/%m/%Y\" format \"%Y\"\n}\n")->errors() ==
        std::vector<std::string>{"3:36: field 'd' has a second 'format'; keep one"});
}

TEST_CASE("models: timestamps compare at second precision and subtract to seconds") {
  Lead l = crm_lead("2024-03-18T10:27:00Z");
  l.time("touched", "2024-03-18T11:27:00+01:00");  // the same instant
  CHECK(holds("created = touched", l));
  CHECK_FALSE(holds("created < touched", l));
  CHECK(holds("touched - created = 0", l));
  l.time("touched", "2024-03-18T10:27:01Z");
  CHECK(holds("created < touched", l));
  CHECK(holds("created != touched", l));
  CHECK(holds("touched - created = 1", l));
  CHECK(holds("created - touched = -1", l));
  CHECK(holds("(touched - created) / 3600 < 1", l));
  Lead none = crm_lead("2024-03-18T10:27:00Z");  // touched missing
  CHECK_FALSE(holds("created < touched", none));
  CHECK_FALSE(holds("created >= touched", none));
  CHECK(holds("touched - created is missing", none));
}

TEST_CASE("models: days since, within, before and after read a timestamp's UTC day") {
  const Day as_of = day("2024-03-20");
  Lead l = crm_lead("2024-03-18T23:30:00-05:00");  // 2024-03-19T04:30Z
  CHECK(holds("days_since(created) = 1", l, as_of));
  CHECK(holds("created within 1 days", l, as_of));
  CHECK_FALSE(holds("created older than 1 days", l, as_of));
  CHECK(holds("created after 2024-03-18", l, as_of));
  CHECK_FALSE(holds("created after 2024-03-19", l, as_of));
  CHECK(holds("created before 2024-03-20", l, as_of));
  CHECK_FALSE(holds("created before 2024-03-19", l, as_of));
  CHECK(holds("days_since(created) = 0", crm_lead("2024-03-25T00:00:00Z"), as_of));  // never below 0
}

TEST_CASE("models: a group decays by whole periods since a timestamp") {
  auto l = load("group g decay 50% every 10 days since created {\n  when created is present add 40\n}\n", crm_schema());
  REQUIRE(l->ok());
  CHECK(run(l->program(), crm_lead("2024-03-10T23:59:59Z"), day("2024-03-20")).score == 20);
  CHECK(run(l->program(), crm_lead("2024-03-11T00:00:00Z"), day("2024-03-20")).score == 40);
}

TEST_CASE("models: what a timestamp cannot do is a located type error") {
  CHECK(crm_errors("when created + 1 > 0 add 1\n") ==
        std::vector<std::string>{"1:6: a timestamp takes part in arithmetic only as 'a - b' of two timestamps "
                                 "(the seconds between them)"});
  CHECK(crm_errors("when created - touched - touched > 0 add 1\n").size() == 3);  // each operand
  CHECK(crm_errors("when created < 2024-01-01 add 1\n") ==
        std::vector<std::string>{"1:6: cannot compare a timestamp with a date; test a timestamp against a day "
                                 "with 'before' or 'after'"});
  CHECK(crm_errors("when created in [2024-01-01] add 1\n") ==
        std::vector<std::string>{"1:6: 'in' needs a number, string, date or enum value"});
  CHECK(crm_errors("group g decay 10% every 7 days since id { when created is present add 1 }\n") ==
        std::vector<std::string>{"1:38: decay needs a date or timestamp field; 'id' is string"});
}

TEST_CASE("test leads: a timestamp as a date literal (midnight UTC) or as a record would hold it") {
  auto l = load("when created after 2024-03-18 add 1\n"
                "when signed before 2024-03-10 add 2\n"
                "test \"quoted\" {\n  lead { id: \"a\", created: \"2024-03-18 23:30:00-05:00\", signed: \"09/03/2024\" }\n"
                "  expect score 3\n}\n"
                "test \"literal\" {\n  lead { id: \"b\", created: 2024-03-19 }\n  expect score 1\n}\n",
                crm_schema());
  INFO(joined(l->errors()));
  CHECK(l->ok());  // the leads fit their fields; golden test_timestamps runs these tests
  CHECK(crm_errors("test \"bad\" {\n  lead { id: \"a\", created: \"2024-03-18 25:00\", signed: \"2024-03-09\" }\n"
                   "  expect score 0\n}\n") ==
        std::vector<std::string>{"2:28: field 'created' is timestamp; this value does not fit it",
                                 "2:56: field 'signed' is date; this value does not fit it"});
}

}  // TEST_SUITE
