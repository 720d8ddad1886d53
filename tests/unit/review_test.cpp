// Review data and metrics (include/leadscore/review.hpp) on tiny data worked by hand: the outcome
// file's errors, the join, AUC with ties, lift, rejected leads ranked last, and leads without an
// outcome and error records left out of every figure.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "leadscore/leadscore.hpp"
#include "leadscore/review.hpp"

using namespace leadscore;
using namespace leadscore::review;

namespace {

Field field(std::string name, FieldType type, std::vector<std::string> members = {}) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.members = std::move(members);
  return f;
}

Schema small_schema(FieldType key_type = FieldType::String) {
  Schema s;
  s.name = "lead";
  s.fields.push_back(field("id", key_type));
  s.fields.back().key = true;
  s.fields.push_back(field("size", FieldType::Int));
  s.fields.push_back(field("source", FieldType::Enum, {"web", "ads"}));
  s.fields.push_back(field("bad", FieldType::Bool));
  s.fields.push_back(field("pages", FieldType::Set, {"pricing", "blog"}));
  s.key_index = 0;
  return s;
}

// A FILE* over a string, closed by the owner.
struct MemFile {
  explicit MemFile(std::string t) : text(std::move(t)), f(fmemopen(text.data(), text.size(), "r")) {
    REQUIRE(f != nullptr);
  }
  ~MemFile() { std::fclose(f); }
  std::string text;
  std::FILE* f;
};

OutcomeReadResult outcomes_from(const std::string& text, RecordFormat format = RecordFormat::Csv,
                                const Schema& schema = small_schema()) {
  MemFile in(text);
  return read_outcomes(in.f, "out.csv", format, schema);
}

const char* const model_text =
    "when size >= 10 add 10 as \"big\"\n"
    "when source = ads subtract 5 as \"ads\"\n"
    "reject when bad as \"bad\"\n"
    "qualify at 10\n"
    "tier hot at 10\n"
    "tier cold\n";

// a: 10 hot qualified; b: 5; c: 0; d: -5; e: rejected (keeps 10); f: an error record;
// g: no outcome; h: 0.
const char* const leads_csv =
    "id,size,source,bad\n"
    "a,20,web,false\n"
    "b,20,ads,false\n"
    "c,5,web,false\n"
    "d,5,ads,false\n"
    "e,20,web,true\n"
    "f,x,web,false\n"
    "g,20,web,false\n"
    "h,5,web,false\n";

// z names no lead; f's lead is an error record (it matches, but is left out as an error).
const char* const outcomes_csv =
    "id,converted,deal_value\n"
    "a,true,100\n"
    "b,false,\n"
    "c,yes,50\n"
    "d,0,\n"
    "e,TRUE,30\n"
    "f,true,\n"
    "h,false,\n"
    "z,true,\n";

struct Fixture {
  Session session;
  Schema schema = small_schema();
  LoadedModel model;
  OutcomeReadResult outcomes;
  LeadData data;

  explicit Fixture(int by_field = -1) {
    model = load_model_text(session, "m.score", model_text, schema);
    REQUIRE(model.program);
    outcomes = outcomes_from(outcomes_csv);
    REQUIRE(outcomes.errors.empty());
    MemFile leads(leads_csv);
    ReaderOpenResult opened = open_record_reader(leads.f, "leads.csv", RecordFormat::Csv, model.program->schema);
    REQUIRE(opened.reader);
    CollectOptions options;
    options.as_of = *parse_date("2026-11-01");
    options.by_field = by_field;
    data = collect_leads(*model.program, *opened.reader, &outcomes.table, options);
  }
};

const GroupFigures* find_group(const std::vector<GroupFigures>& groups, std::string_view name) {
  for (const auto& g : groups)
    if (g.name == name) return &g;
  return nullptr;
}

}  // namespace

TEST_CASE("outcome file: rows by key, optional columns, bools as the lead readers read them") {
  OutcomeReadResult r = outcomes_from("id,converted\nx,yes\ny,0\n");
  REQUIRE(r.errors.empty());
  CHECK(r.warnings.empty());  // no closed_at / deal_value column is normal, not worth a warning
  REQUIRE(r.table.size() == 2);
  CHECK(r.table.row(static_cast<std::size_t>(r.table.find("x"))).converted);
  CHECK_FALSE(r.table.row(static_cast<std::size_t>(r.table.find("y"))).converted);
  CHECK(r.table.find("q") == -1);
  CHECK(r.table.row(0).line == 2);
  CHECK_FALSE(r.table.row(0).has_deal_value);

  OutcomeReadResult full = outcomes_from("id,converted,closed_at,deal_value,stage\nx,true,2026-10-01,12.5,won\n");
  REQUIRE(full.errors.empty());
  REQUIRE(full.warnings.size() == 1);  // the extra column
  CHECK(full.warnings[0].find("stage") != std::string::npos);
  CHECK(full.table.row(0).has_closed_at);
  CHECK(full.table.row(0).closed_at == *parse_date("2026-10-01"));
  CHECK(full.table.row(0).deal_value == 12.5);
}

TEST_CASE("outcome file: every bad row is reported with its line and stops the run") {
  OutcomeReadResult r = outcomes_from("id,converted\nx,maybe\ny,true\nz,\n,true\nw,true,extra\n");
  CHECK(r.error_count == 4);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0] == "out.csv: line 2: field 'converted': 'maybe' is not a bool (true, false, yes, no, 1, 0)");
  CHECK(r.errors[1].find("line 4") != std::string::npos);
  CHECK(r.errors[1].find("'converted' is required but missing") != std::string::npos);
  CHECK(r.errors[2].find("line 5") != std::string::npos);
  CHECK(r.errors[2].find("'id'") != std::string::npos);
  CHECK(r.errors[3].find("line 6") != std::string::npos);
}

TEST_CASE("outcome file: a key listed twice names both lines") {
  OutcomeReadResult r = outcomes_from("id,converted\nx,true\ny,false\nx,false\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] == "out.csv: line 4: key 'x' is listed twice (first at line 2); a lead has one outcome");
}

TEST_CASE("outcome file: a missing key or converted column stops before any row") {
  OutcomeReadResult no_converted = outcomes_from("id,won\nx,true\n");
  REQUIRE(no_converted.errors.size() == 1);
  CHECK(no_converted.errors[0].find("missing column 'converted'") != std::string::npos);
  CHECK(no_converted.table.size() == 0);
  OutcomeReadResult no_key = outcomes_from("lead,converted\nx,true\n");
  REQUIRE(no_key.errors.size() == 1);
  CHECK(no_key.errors[0].find("missing column 'id'") != std::string::npos);
}

TEST_CASE("outcome file: JSON lines, with JSON types") {
  OutcomeReadResult r = outcomes_from(
      "{\"id\": \"x\", \"converted\": true, \"deal_value\": 10}\n{\"id\": \"y\", \"converted\": \"true\"}\n"
      "{\"id\": \"z\"}\n",
      RecordFormat::JsonLines);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].find("line 2") != std::string::npos);
  CHECK(r.errors[0].find("converted") != std::string::npos);
  CHECK(r.errors[1].find("line 3: field 'converted' is required but missing") != std::string::npos);
  CHECK(r.table.find("x") == 0);
}

TEST_CASE("outcome file: int keys match by value") {
  Schema s = small_schema(FieldType::Int);
  OutcomeReadResult r = outcomes_from("id,converted\n007,true\n8,false\n", RecordFormat::Csv, s);
  REQUIRE(r.errors.empty());
  CHECK(r.table.find("7") == 0);
  CHECK(r.table.find("08") == 1);
  OutcomeReadResult dup = outcomes_from("id,converted\n7,true\n07,false\n", RecordFormat::Csv, s);
  CHECK(dup.errors.size() == 1);
}

TEST_CASE("outcome table: many keys (the hash table grows)") {
  OutcomeTable t;
  for (int i = 0; i < 5000; ++i) CHECK(t.add(fmt::format("k{}", i), OutcomeRow{i % 3 == 0, false, 0, false, 0, 0}) == -1);
  for (int i = 0; i < 5000; ++i) REQUIRE(t.find(fmt::format("k{}", i)) == i);
  CHECK(t.find("k5000") == -1);
  CHECK(t.add("k17", OutcomeRow{}) == 17);
}

TEST_CASE("collect_leads: one entry per record, joined by key, counts") {
  Fixture fx;
  const LeadData& d = fx.data;
  REQUIRE(d.size() == 8);
  CHECK(d.key(0) == "a");
  CHECK(d.key(7) == "h");
  CHECK(d.status[4] == RowStatus::Rejected);
  CHECK(d.score[4] == 10);
  CHECK(d.status[5] == RowStatus::Error);
  CHECK(d.errors == 1);
  CHECK(d.without_outcome == 1);        // g
  CHECK(d.outcomes_without_lead == 1);  // z (f's lead exists, as an error record)
  CHECK_FALSE(d.included(5));
  CHECK_FALSE(d.included(6));
  CHECK(d.included(4));
  CHECK(d.deal_value[0] == 100);
  // b fired "big" (+10) and "ads" (-5): flat arrays with offsets.
  REQUIRE(d.fired(1).size() == 2);
  CHECK(d.fired(1)[0] == 0);
  CHECK(d.fired(1)[1] == 1);
  CHECK(d.points(1)[1] == -5);
  CHECK(d.fired(5).empty());
  CHECK(d.group_count == 1);
  CHECK(d.groups_final(1)[0] == 5);
  CHECK(d.groups_raw(3)[0] == -5);
}

TEST_CASE("roc_auc: ties count half, rejected rank last, excluded leads are ignored") {
  const std::vector<double> score{1, 1};
  const std::vector<std::uint8_t> conv{1, 0};
  CHECK(roc_auc(score, {}, conv, {}) == 0.5);
  // 3 positives above 1 negative, one positive tied with it: (3 + 0.5) / 4.
  CHECK(roc_auc(std::vector<double>{5, 4, 3, 1, 1}, {}, std::vector<std::uint8_t>{1, 1, 1, 1, 0}, {}) == 0.875);
  // A rejected lead with a top score ranks below a zero.
  CHECK(roc_auc(std::vector<double>{9, 0}, std::vector<std::uint8_t>{1, 0}, std::vector<std::uint8_t>{1, 0}, {}) == 0);
  CHECK(roc_auc(std::vector<double>{9, 0, 5}, {}, std::vector<std::uint8_t>{0, 1, 1},
                std::vector<std::uint8_t>{0, 1, 1}) != roc_auc(std::vector<double>{9, 0, 5}, {},
                                                               std::vector<std::uint8_t>{0, 1, 1}, {}));
  CHECK(std::isnan(roc_auc(std::vector<double>{1, 2}, {}, std::vector<std::uint8_t>{1, 1}, {})));
}

TEST_CASE("compute_backtest: the hand-worked figures") {
  Fixture fx(2);  // by source
  const Backtest b = compute_backtest(*fx.model.program, fx.data, &fx.session.sources, "source");
  // Counted: a b c d e h. Converted: a c e.
  CHECK(b.records == 8);
  CHECK(b.leads == 6);
  CHECK(b.converted == 3);
  CHECK(b.base_rate == 0.5);
  CHECK(b.errors == 1);
  CHECK(b.without_outcome == 1);
  CHECK(b.outcomes_without_lead == 1);
  // Ranking a(10) b(5) c(0)=h(0) d(-5), then e (rejected, 10). Positive-negative pairs won:
  // a: b d h = 3; c: d = 1, h tied = 0.5; e: none. 4.5 of 9.
  CHECK(b.auc == 0.5);
  CHECK(b.qualified == 1);
  CHECK(b.precision == 1);
  CHECK(b.recall == doctest::Approx(1.0 / 3));
  CHECK(b.revenue == 180);

  REQUIRE(b.tiers.size() == 3);
  CHECK(b.tiers[0].name == "hot");
  CHECK(b.tiers[0].leads == 1);
  CHECK(b.tiers[0].lift == 2);
  CHECK(b.tiers[0].revenue == 100);
  CHECK(b.tiers[1].name == "cold");
  CHECK(b.tiers[1].leads == 4);
  CHECK(b.tiers[1].converted == 1);
  CHECK(b.tiers[1].rate == 0.25);
  CHECK(b.tiers[1].lift == 0.5);
  CHECK(b.tiers[2].name == "(rejected)");
  CHECK(b.tiers[2].converted == 1);
  CHECK(b.tiers[2].revenue == 30);

  // No `score max`: thresholds up to the highest score of a lead that is not rejected (10).
  REQUIRE(b.thresholds.size() == 1);
  CHECK(b.thresholds[0].at == 10);
  CHECK(b.thresholds[0].qualified == 1);
  CHECK(b.thresholds[0].precision == 1);

  // Six leads in ten deciles: decile d holds ranks [6d/10, 6(d+1)/10); e (rejected) is last.
  REQUIRE(b.deciles.size() == 6);
  CHECK(b.deciles.back().name == "10");
  CHECK(b.deciles.back().max_score == 10);
  CHECK(b.deciles.back().converted == 1);
  CHECK(b.deciles[0].name == "2");
  CHECK(b.deciles[0].max_score == 10);

  REQUIRE(b.rules.size() == 2);
  CHECK(b.rules[0].label == "big");
  CHECK(b.rules[0].line == 1);
  CHECK(b.rules[0].fired == 3);  // a b e (g has no outcome)
  CHECK(b.rules[0].converted_fired == 2);
  CHECK(b.rules[0].rate_fired == doctest::Approx(2.0 / 3));
  CHECK(b.rules[0].rate_not_fired == doctest::Approx(1.0 / 3));
  CHECK(b.rules[0].lift == doctest::Approx(4.0 / 3));
  CHECK(b.rules[0].flag == "rare");
  CHECK(b.rules[1].fired == 2);
  CHECK(b.rules[1].converted_fired == 0);
  CHECK(b.rules[1].rate_not_fired == 0.75);

  REQUIRE(b.by.size() == 2);
  CHECK(b.by[0].name == "web");
  CHECK(b.by[0].leads == 4);
  CHECK(b.by[0].converted == 3);
  CHECK(b.by[0].mean_score == 5);
  CHECK(b.by[1].name == "ads");
  CHECK(b.by[1].rate == 0);

  CHECK(b.roc.front().fpr == 0);
  CHECK(b.roc.back().tpr == 1);
}

TEST_CASE("compute_backtest: an include mask restricts every figure") {
  Fixture fx;
  std::vector<std::uint8_t> mask(fx.data.size(), 1);
  mask[4] = 0;  // leave out e
  const Backtest b = compute_backtest(*fx.model.program, fx.data, nullptr, {}, mask);
  CHECK(b.leads == 5);
  CHECK(b.converted == 2);
  // a beats b d h (3), c beats d and ties h (1.5): 4.5 of 6.
  CHECK(b.auc == 0.75);
  CHECK(find_group(b.tiers, "(rejected)") == nullptr);
  CHECK(b.rules[0].line == 0);  // no sources given
}

TEST_CASE("compute_backtest: the sign flag") {
  Session session;
  Schema schema = small_schema();
  LoadedModel model = load_model_text(session, "m.score", "when size >= 10 add 10 as \"big\"\nqualify at 10\n", schema);
  REQUIRE(model.program);
  // 40 big leads, 10 of them converted (25%); 40 small leads, 20 converted (50%): "big" adds points
  // but its leads convert less.
  std::string leads = "id,size\n", outcomes = "id,converted\n";
  for (int i = 0; i < 80; ++i) {
    leads += fmt::format("k{},{}\n", i, i < 40 ? 20 : 1);
    outcomes += fmt::format("k{},{}\n", i, (i < 40 ? i < 10 : i < 60) ? "true" : "false");
  }
  OutcomeReadResult o = outcomes_from(outcomes);
  REQUIRE(o.errors.empty());
  MemFile in(leads);
  ReaderOpenResult opened = open_record_reader(in.f, "leads.csv", RecordFormat::Csv, model.program->schema);
  REQUIRE(opened.reader);
  const LeadData data = collect_leads(*model.program, *opened.reader, &o.table, CollectOptions{});
  const Backtest b = compute_backtest(*model.program, data, nullptr);
  REQUIRE(b.rules.size() == 1);
  CHECK(b.rules[0].fired == 40);
  CHECK(b.rules[0].rate_fired == 0.25);
  CHECK(b.rules[0].rate_not_fired == 0.5);
  CHECK(b.rules[0].flag == "sign");
}

TEST_CASE("by_field_index: sets and unknown fields are refused with the usable fields listed") {
  std::string error;
  CHECK(by_field_index(small_schema(), "source", error) == 2);
  CHECK(by_field_index(small_schema(), "pages", error) == -1);
  CHECK(error.find("set") != std::string::npos);
  CHECK(by_field_index(small_schema(), "sauce", error) == -1);
  CHECK(error == "--by: the schema has no field 'sauce' (fields: size, source, bad)");
}

TEST_CASE("renderers: json names, html without any URL or script") {
  Fixture fx(2);
  const Backtest b = compute_backtest(*fx.model.program, fx.data, &fx.session.sources, "source");
  const std::string json = render_backtest_json(b);
  for (const char* name : {"\"leads\": 6", "\"converted\": 3", "\"base_rate\": 0.5", "\"auc\": 0.5",
                           "\"qualified\": 1", "\"precision\": 1", "\"errors\": 1", "\"without_outcome\": 1",
                           "\"outcomes_without_lead\": 1", "\"tier\": \"(rejected)\"", "\"thresholds\"",
                           "\"deciles\"", "\"flag\": \"rare\"", "\"by\": {\"field\": \"source\""})
    CHECK_MESSAGE(json.find(name) != std::string::npos, name);
  const std::string html = render_backtest_html(b);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<svg id=\"roc-curve\"") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  const std::string text = render_backtest_text(b);
  CHECK(text.find("AUC: 0.5000") != std::string::npos);
}

TEST_CASE("compute_backtest: the threshold table stays short for large scores") {
  Session session;
  Schema schema = small_schema();
  LoadedModel model = load_model_text(session, "m.score", "when size >= 10 add 1000000 as \"big\"\nqualify at 10\n", schema);
  REQUIRE(model.program);
  OutcomeReadResult o = outcomes_from("id,converted\na,true\nb,false\n");
  MemFile in("id,size\na,20\nb,1\n");
  ReaderOpenResult opened = open_record_reader(in.f, "leads.csv", RecordFormat::Csv, model.program->schema);
  REQUIRE(opened.reader);
  const LeadData data = collect_leads(*model.program, *opened.reader, &o.table, CollectOptions{});
  const Backtest b = compute_backtest(*model.program, data, nullptr);
  CHECK(b.auc == 1);
  // Step 10 * ceil(1e6 / 300) = 33340: 10, 20, ... would be 100,000 rows.
  REQUIRE(b.thresholds.size() == 29);
  CHECK(b.thresholds[0].at == 33340);
  for (const ThresholdFigures& t : b.thresholds) CHECK(std::fmod(t.at, 10) == 0);
  CHECK(b.thresholds.back().at <= 1000000);
  CHECK(b.thresholds.back().qualified == 1);
}
