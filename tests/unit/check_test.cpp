// The checker (SPEC 4): names, members and built-ins with suggestions, type mismatches, regexes,
// tiers, `per`, duplicates, let cycles, every error reported; and the schema rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "test_support.hpp"

using namespace lstest;

namespace {

// The diagnostics of a model that must not compile, "line:col: message".
std::vector<std::string> errors_of(const std::string& text) {
  auto l = load(text);
  CHECK_FALSE(l->ok());
  return l->errors();
}

// The single diagnostic of a model, with its code checked.
std::string only(const std::string& text, std::string_view code) {
  auto l = load(text);
  INFO(text);
  INFO(joined(l->errors()));
  CHECK_FALSE(l->ok());
  REQUIRE(l->session.diagnostics.all().size() == 1);
  CHECK(l->session.diagnostics.all()[0].code == code);
  CHECK(l->session.diagnostics.all()[0].severity == Severity::Error);
  return l->errors()[0];
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void compiles(const std::string& text) {
  auto l = load(text);
  INFO(text);
  INFO(joined(l->errors()));
  CHECK(l->ok());
  CHECK_FALSE(l->session.diagnostics.has_errors());
}

}  // namespace

TEST_SUITE("check") {

TEST_CASE("a model that follows the rules checks cleanly") {
  compiles("model \"B2B\"\n"
           "let senior  = job_title matches /\\b(chief|cmo|cto|vp|vice president|head of)\\b/i\n"
           "let big_co  = company_size >= 100\n"
           "let free_email_domains = [\"gmail.com\", \"yahoo.com\"]\n"
           "group fit max 40 {\n"
           "  when senior add 15 as \"Senior title\"\n"
           "  when big_co add 10\n"
           "  when industry in [saas, fintech] add 5\n"
           "  when email_domain(email) in free_email_domains subtract 10 as \"Free email\"\n"
           "}\n"
           "group engagement max 60 decay 25% every 30 days since last_activity {\n"
           "  when visited pricing_page add 20\n"
           "  when downloaded ebook add 10\n"
           "  when email_opens >= 3 add 5\n"
           "  when email_clicks > 0 add 2 per email_clicks up to 10\n"
           "  when demo_requested add 50\n"
           "  when unsubscribed subtract 15\n"
           "}\n"
           "reject when email ends with \"@competitor.com\" as \"Competitor\"\n"
           "score min 0 max 100\n"
           "qualify at 50\n"
           "tier hot  at 80\n"
           "tier warm at 50\n"
           "tier cold\n");
  compiles("when industry = saas add 1\nwhen saas = industry add 1\nwhen industry != other add 1\n");
  compiles("when country = \"DE\" and created_at before 2026-01-01 or last_activity within 3 days add 1\n");
  compiles("when tags \"vip\" add 1\nwhen tags any of [\"a\", \"b\"] add 1\nwhen count(tags) > 1 add 1\n");
  compiles("when visited any of [blog, docs] and not (visited all of [careers]) add 1\n");
  compiles("when company_size is missing or annual_revenue is present add 1\n");
  compiles("when len(lower(upper(email))) + (days_since(created_at) * 2) > count(visited) add 1\n");
  compiles("let words = [\"gmail\", \"yahoo\"]\nwhen email matches words add 1\n");
  compiles("when demo_requested = unsubscribed add 1\n");
  compiles("when email_opens > 0 add 1 per email_opens / 2 up to 4\n");
  compiles("let n = company_size * 2\nwhen n > 4 add 1 per n\n");
}

TEST_CASE("unknown names, each with a suggestion where one is close") {
  CHECK(only("when compny_size > 1 add 1\n", "E002") ==
        "1:6: unknown field 'compny_size'; did you mean 'company_size'?");
  // Two swapped letters are one edit: the commonest typo still gets its suggestion.
  CHECK(only("when emial matches gmail add 1\n", "E002") ==
        "1:6: unknown field 'emial'; did you mean 'email'?");
  CHECK(only("when industry in job_title add 1\n", "E006") ==
        "1:18: 'job_title' is a field; a list '[...]' or a let bound to one goes here");
  CHECK(only("let senior = job_title matches /cto/\nwhen senoir add 1\n", "E003") ==
        "2:6: unknown name 'senoir'; did you mean 'senior'?");
  CHECK(only("when industry = saass add 1\n", "E004") ==
        "1:17: unknown member 'saass' of enum 'industry'; did you mean 'saas'?");
  CHECK(only("when industry in [saas, fintec] add 1\n", "E004") ==
        "1:25: unknown member 'fintec' of enum 'industry'; did you mean 'fintech'?");
  CHECK(only("when visited pricng_page add 1\n", "E004") ==
        "1:14: unknown member 'pricng_page' of set 'visited'; did you mean 'pricing_page'?");
  CHECK(only("when visited any of [blog, dcs] add 1\n", "E004") ==
        "1:28: unknown member 'dcs' of set 'visited'; did you mean 'docs'?");
  CHECK(only("when lowr(email) = \"x\" add 1\n", "E005") ==
        "1:6: unknown function 'lowr'; did you mean 'lower'?");
  CHECK(only("when emaildomain(email) = \"x\" add 1\n", "E005") ==
        "1:6: unknown function 'emaildomain'; did you mean 'email_domain'?");
  // Other languages' names for the built-ins, and their misspellings: an exact alias wins over a
  // neighbouring one (`lcase` is one letter from `ucase`).
  CHECK(only("when lcase(email) = \"x\" add 1\n", "E005") == "1:6: unknown function 'lcase'; did you mean 'lower'?");
  CHECK(only("when ucase(email) = \"x\" add 1\n", "E005") == "1:6: unknown function 'ucase'; did you mean 'upper'?");
  CHECK(only("when length(email) > 3 add 1\n", "E005") == "1:6: unknown function 'length'; did you mean 'len'?");
  CHECK(only("when lenght(email) > 3 add 1\n", "E005") == "1:6: unknown function 'lenght'; did you mean 'len'?");
  CHECK(only("group g decay 10% every 5 days since last_activty {\n}\n", "E002") ==
        "1:38: unknown field 'last_activty'; did you mean 'last_activity'?");
  // Nothing close: no suggestion.
  CHECK(only("when industry = zzzzzz add 1\n", "E004") == "1:17: unknown member 'zzzzzz' of enum 'industry'");
  CHECK(only("when frobnicate(email) = \"x\" add 1\n", "E005") == "1:6: unknown function 'frobnicate'");
  auto far = errors_of("when qqqqqqqqqq add 1\n");
  REQUIRE(far.size() == 1);
  CHECK(far[0].find("did you mean") == std::string::npos);
  CHECK(far[0].find("'qqqqqqqqqq'") != std::string::npos);
}

TEST_CASE("names resolve: a let's list, a member in context, a let in an expression") {
  auto l = load("let free = [\"gmail.com\"]\nwhen email_domain(email) in free add 1\nwhen industry = saas add 1\n");
  REQUIRE(l->ok());
  const auto& r0 = *l->loaded.model.rules[0].condition;
  CHECK(r0.kids[1]->ref == ast::NameRef::Let);
  CHECK(r0.kids[1]->index == 0);
  CHECK(r0.type.kind == ast::TypeKind::Condition);
  const auto& r1 = *l->loaded.model.rules[1].condition;
  CHECK(r1.kids[0]->ref == ast::NameRef::Field);
  CHECK(r1.kids[0]->index == lead_schema().find("industry"));
  CHECK(r1.kids[0]->type.kind == ast::TypeKind::Enum);
  CHECK(r1.kids[1]->ref == ast::NameRef::Member);
  CHECK(r1.kids[1]->index == 0);
}

TEST_CASE("type mismatches") {
  CHECK(only("when company_size matches gmail add 1\n", "E006") ==
        "1:6: 'matches' needs a string, found a number");
  CHECK(only("when industry = lower(country) add 1\n", "E006") ==
        "1:6: cannot compare an enum value with a string; compare an enum with one of its members");
  CHECK(only("when country + 1 > 2 add 1\n", "E006") == "1:6: arithmetic needs a number, found a string");
  CHECK(only("when company_size = \"10\" add 1\n", "E006") == "1:6: cannot compare a number with a string");
  CHECK(only("when created_at > 5 add 1\n", "E006") == "1:6: cannot compare a date with a number");
  CHECK(only("when count(country) > 1 add 1\n", "E006") == "1:12: 'count' needs a set, found a string");
  CHECK(only("when days_since(email) > 1 add 1\n", "E006") == "1:17: 'days_since' needs a date, found a string");
  CHECK(only("when len(company_size) > 1 add 1\n", "E006") == "1:10: 'len' needs a string, found a number");
  CHECK(only("when lower(email, email) = \"x\" add 1\n", "E006") == "1:6: 'lower' takes 1 argument, found 2");
  // A quoted member is a member (issue 16: members that are not names); a wrong one is E004.
  compiles("when visited \"blog\" add 1\nwhen industry in [\"saas\"] add 1\nwhen industry = \"saas\" add 1\n");
  CHECK(only("when visited \"blogs\" add 1\n", "E004") ==
        "1:14: unknown member 'blogs' of set 'visited'; did you mean 'blog'?");
  CHECK(only("when industry in [1] add 1\n", "E006") == "1:19: members of 'industry' are names or quoted strings");
  CHECK(only("when visited in [blog] add 1\n", "E006") ==
        "1:6: 'in' tests one value; test a set with 'any of' or 'all of'");
  CHECK(only("when company_size in [1, \"a\"] add 1\n", "E006") ==
        "1:26: this list item is a string, but the value tested is a number");
  CHECK(only("when company_size add 1\n", "E006") == "1:6: expected a condition, found a number");
  CHECK(only("when tags blog add 1\n", "E006") == "1:11: a set of strings is tested with a quoted string");
  CHECK(only("when country pricing_page add 1\n", "E006") ==
        "1:14: 'country' is a string, so a name after it means nothing here");
  CHECK(only("when email starts with \"a\" and company_size ends with \"x\" add 1\n", "E006") ==
        "1:32: 'ends with' needs a string, found a number");
  CHECK(only("when company_size within 3 days add 1\n", "E006") == "1:6: a date test needs a date, found a number");
  CHECK(only("group h decay 10% every 5 days since email {\n}\n", "E006") ==
        "1:38: decay needs a date or timestamp field; 'email' is string");
  // An enum compared with a different enum is a mismatch too.
  CHECK_FALSE(errors_of("when industry = source add 1\n").empty());
}

TEST_CASE("invalid regular expressions") {
  CHECK(only("when job_title matches /(abc/ add 1\n", "E007") ==
        "1:24: invalid regular expression: missing ): (abc");
  CHECK(only("when job_title matches /cto/x add 1\n", "E007") ==
        "1:24: invalid regular expression: unknown flag 'x' (only 'i' is supported)");
  CHECK(only("when email matches /a**/ add 1\n", "E007").starts_with("1:20: invalid regular expression: "));
  compiles("when job_title matches /^(vp|cto)$/i add 1\n");
}

TEST_CASE("tiers must be listed highest first, with the bare tier last") {
  CHECK(only("tier warm at 50\ntier hot at 80\n", "E008") ==
        "2:1: tier 'hot' at 80 is listed below tier 'warm' at 50; list tiers highest first");
  CHECK(only("tier a at 50\ntier b at 50\n", "E008").starts_with("2:1: tier 'b' at 50"));
  CHECK(only("tier cold\ntier hot at 80\n", "E008") ==
        "2:1: tier 'hot' comes after the bare tier 'cold', which takes every score below the others; "
        "list it last");
  compiles("tier hot at 80\ntier warm at 50\ntier lukewarm at -5\ntier cold\n");
}

TEST_CASE("'per' needs a number") {
  CHECK(only("when demo_requested add 1 per country\n", "E009") == "1:31: 'per' needs a number, found a string");
  CHECK(only("when demo_requested add 1 per unsubscribed\n", "E009") ==
        "1:31: 'per' needs a number, found a condition");
  CHECK(only("when demo_requested add 1 per created_at up to 3\n", "E009") ==
        "1:31: 'per' needs a number, found a date");
}

TEST_CASE("duplicate names and one-per-model lines") {
  CHECK(only("group g {\n}\ngroup g {\n}\n", "E011") == "3:7: group 'g' declared twice");
  CHECK(only("let a = 1\nlet a = 2\n", "E011") == "2:5: let 'a' declared twice");
  CHECK(only("let email = 1\n", "E011").starts_with("1:5: "));
  CHECK(only("tier hot at 80\ntier hot at 70\n", "E011") == "2:6: tier 'hot' declared twice");
  CHECK(only("qualify at 1\nqualify at 2\n", "E011") == "2:1: 'qualify at' line declared twice");
  CHECK(only("score min 0\nscore max 3\n", "E011") == "2:1: 'score' line declared twice");
}

TEST_CASE("let cycles are errors, not hangs") {
  auto self = errors_of("let a = a or demo_requested\nwhen a add 1\n");
  REQUIRE_FALSE(self.empty());
  CHECK(self[0] == "1:9: let 'a' refers to itself");

  auto l = load("let c1 = c2\nlet c2 = c1\nwhen c1 add 1\n");
  INFO(joined(l->errors()));
  CHECK_FALSE(l->ok());
  bool cycle = false;
  for (const auto& d : l->session.diagnostics.all()) cycle = cycle || d.code == "E016";
  CHECK(cycle);
}

TEST_CASE("every error is reported, not only the first") {
  auto e = errors_of("when compny_size > 1 add 1\n"
                     "when industry = saass add 1\n"
                     "when company_size matches gmail add 1\n"
                     "when job_title matches /(abc/ add 1\n"
                     "when demo_requested add 1 per country\n"
                     "tier warm at 50\n"
                     "tier hot at 80\n"
                     "group g {\n}\ngroup g {\n}\n");
  INFO(joined(e));
  CHECK(e.size() == 7);
  CHECK(contains(e, "1:6: unknown field 'compny_size'; did you mean 'company_size'?"));
  CHECK(contains(e, "2:17: unknown member 'saass' of enum 'industry'; did you mean 'saas'?"));
  CHECK(contains(e, "3:6: 'matches' needs a string, found a number"));
  CHECK(contains(e, "4:24: invalid regular expression: missing ): (abc"));
  CHECK(contains(e, "5:31: 'per' needs a number, found a string"));
  CHECK(contains(e, "7:1: tier 'hot' at 80 is listed below tier 'warm' at 50; list tiers highest first"));
  CHECK(contains(e, "10:7: group 'g' declared twice"));

  // Two errors in one condition are both reported.
  auto two = errors_of("when compny_size > 1 and industry = saass add 1\n");
  CHECK(two.size() == 2);
}

TEST_CASE("a model with errors is not compiled") {
  auto l = load("when compny_size > 1 add 1\n");
  CHECK_FALSE(l->loaded.program.has_value());
  CHECK(l->session.diagnostics.has_errors());
}

TEST_CASE("diagnostics render like a compiler's, with the source line and a caret") {
  auto l = load("group g {\n  when visited pricng_page add 20\n}\n");
  REQUIRE(l->session.diagnostics.all().size() == 1);
  CHECK(render_text(l->session.diagnostics.all()[0], l->session.sources) ==
        "m.score:2:16: error[E004]: unknown member 'pricng_page' of set 'visited'; did you mean 'pricing_page'?\n"
        "    2 |   when visited pricng_page add 20\n"
        "      |                ^~~~~~~~~~~\n");
}

TEST_CASE("schema: a valid schema becomes a Schema") {
  auto s = schema_from(std::string(lead_schema_text));
  REQUIRE(s->errors().empty());
  const Schema& schema = s->schema;
  CHECK(schema.name == "lead");
  CHECK(schema.key_index == 0);
  REQUIRE(schema.fields.size() == 19);
  CHECK(schema.fields[1].required);
  CHECK(schema.fields[3].type == FieldType::Int);
  CHECK(schema.fields[4].type == FieldType::Number);
  CHECK(schema.fields[5].type == FieldType::Enum);
  CHECK(schema.fields[5].members.size() == 7);
  CHECK(schema.fields[8].type == FieldType::Set);
  CHECK(schema.fields[13].type == FieldType::Bool);
  CHECK(schema.fields[15].type == FieldType::Date);
  CHECK(schema.fields[17].type == FieldType::StringSet);
  CHECK(schema.find("visited") == 8);
  CHECK(schema.find("nope") == -1);
  CHECK(schema.fields[8].member_index("docs") == 5);
}

TEST_CASE("schema: key, duplicate field and duplicate member rules") {
  auto no_key = schema_from("schema s {\n  id: string\n  email: string\n}\n");
  REQUIRE(no_key->errors().size() == 1);
  CHECK(no_key->errors()[0] == "1:1: schema 's' has no key field; mark one field 'key'");
  CHECK(no_key->diags.all()[0].code == "E012");

  auto two_keys = schema_from("schema s {\n  id: string key\n  other: int key\n}\n");
  REQUIRE(two_keys->errors().size() == 1);
  CHECK(two_keys->errors()[0] == "3:3: field 'other' is a second key; a schema has exactly one");
  CHECK(two_keys->diags.all()[0].code == "E012");

  auto dup_field = schema_from("schema s {\n  id: string key\n  email: string\n  email: int\n}\n");
  REQUIRE(dup_field->errors().size() == 1);
  CHECK(dup_field->errors()[0] == "4:3: field 'email' declared twice");
  CHECK(dup_field->diags.all()[0].code == "E011");

  auto dup_member = schema_from("schema s {\n  id: string key\n  kind: enum(a, b, a)\n}\n");
  REQUIRE(dup_member->errors().size() == 1);
  CHECK(dup_member->errors()[0] == "3:20: member 'a' declared twice");

  auto dup_set_member = schema_from("schema s {\n  id: string key\n  v: set(x, y, y)\n}\n");
  REQUIRE(dup_set_member->errors().size() == 1);
  CHECK(dup_set_member->errors()[0] == "3:16: member 'y' declared twice");

  auto bad_key = schema_from("schema s {\n  id: date key\n}\n");
  CHECK(bad_key->errors().size() == 1);

  std::string big = "schema s {\n  id: string key\n  v: set(";
  for (int i = 0; i < 65; ++i) big += (i ? ", m" : "m") + std::to_string(i);
  big += ")\n}\n";
  auto too_big = schema_from(big);
  REQUIRE(too_big->errors().size() == 1);
  CHECK(too_big->diags.all()[0].code == "E012");

  // Several problems in one schema are all reported.
  auto many = schema_from("schema s {\n  id: string key\n  a: int\n  a: int\n  k: enum(x, x)\n  j: int key\n}\n");
  CHECK(many->errors().size() == 3);
}

// BUG: the "no key" error is only given when the Diagnostics list holds no error at all, so a
// schema without a key passes when another file (or another problem) reported an error first.
TEST_CASE("schema: a missing key is reported whatever was reported before") {
  auto s = schema_from("schema s {\n  id: string\n  id: string\n}\n");
  INFO(joined(s->errors()));
  CHECK(s->errors().size() == 2);

  SourceManager sources;
  Diagnostics diags;
  auto first = sources.add("a.schema", "schema a {\n  id: string key\n  id: int\n}\n");
  auto second = sources.add("b.schema", "schema b {\n  id: string\n}\n");
  check_schema(parse_schema(sources, first, diags), diags);
  std::size_t before = diags.error_count();
  CHECK(before == 1);
  Schema b = check_schema(parse_schema(sources, second, diags), diags);
  CHECK(diags.error_count() == before + 1);
  CHECK(b.key_index == -1);
}

}  // TEST_SUITE

TEST_CASE("names that cannot collide: a group or the key named like an output column (issue 9)") {
  // `score` writes the key (under its field's name), score, qualified, tier, status, reason, one
  // column per group, and fired: a group or a key with one of those names would repeat a column.
  for (std::string name : {"status", "reason", "fired", "qualified", "id"}) {
    std::string msg = only("group " + name + " {\n  when demo_requested add 5\n}\nqualify at 1\n", "E019");
    CHECK(msg == fmt::format("1:7: group '{0}' would be a second '{0}' column in the output of `score`; "
                             "rename the group", name));
  }
  // `score` and `tier` are keywords: they cannot name a group at all.
  CHECK(load("group score {\n  when demo_requested add 5\n}\n")->session.diagnostics.all()[0].code == "E001");
  // A group named like a field that is not the key is no clash: fields are not output columns.
  compiles("group email {\n  when demo_requested add 5\n}\nqualify at 1\n");

  for (std::string name : {"status", "reason", "fired", "qualified"}) {
    auto key = schema_from("schema s {\n  " + name + ": string key\n  email: string\n}\n");
    REQUIRE(key->errors().size() == 1);
    CHECK(key->diags.all()[0].code == "E019");
    CHECK(key->errors()[0] == fmt::format("2:3: key field '{0}' would be a second '{0}' column in the "
                                          "output of `score`; rename the field", name));
  }
  // The same names are fine for fields that are not the key, and `id` is the usual key.
  auto fine = schema_from("schema s {\n  id: string key\n  status: string\n  reason: string\n}\n");
  CHECK(fine->errors().empty());
}
