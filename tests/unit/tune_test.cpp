// `tune` (docs/review.md "## tune"): the numbers-only rewriter, LIBLINEAR's fit, scaling and
// rounding, caps, thresholds and the ranking AUC, on hand-made data whose answers are worked out here.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "fmt/tokens.hpp"
#include "leadscore/format.hpp"
#include "leadscore/tune.hpp"
#include "review/tune_fit.hpp"
#include "review/tune_lr.hpp"
#include "review/tune_suggest.hpp"
#include "test_support.hpp"

using namespace lstest;
using namespace leadscore::tune;

namespace {

// A model in the canonical layout with every kind of number tune changes, and a comment on each.
constexpr std::string_view model_text = R"(model "tune fixture"
schema "lead.schema"

let senior = job_title matches /\b(vp|cmo)\b/i # 1 is not a number tune touches

# Fit
group fit min -5 max 40 {
  when senior add 15 as "Senior title" # points
  when company_size >= 100 add 10
  when unsubscribed subtract 20
}

group engagement max 60 decay 25% every 30 days since last_activity {
  when visited pricing_page add 20
  when email_clicks > 0 add 2 per email_clicks up to 10
}

score min 0 max 100
qualify at 50
tier hot  at 80
tier warm at 50
tier cold
)";

// The token stream with every number (and the '-' of a negative one) replaced by '#'.
std::vector<std::string> shape(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : formatter::lex(text)) {
    if (t.kind == formatter::TokKind::Number) {
      if (!out.empty() && out.back() == "-") out.pop_back();
      out.push_back("#");
    } else {
      out.emplace_back(t.text);
    }
  }
  return out;
}

std::string slot_text(std::string_view text, const NumberSlot& s) {
  return std::string(text.substr(s.span.begin, s.span.end - s.span.begin));
}

}  // namespace

TEST_CASE("number_slots finds every number tune may change, and nothing else") {
  auto p = parse(std::string(model_text));
  REQUIRE_FALSE(p->diags.has_errors());
  std::vector<NumberSlot> slots = number_slots(p->model, model_text);
  std::vector<std::string> seen;
  for (const auto& s : slots) seen.push_back(slot_text(model_text, s));
  CHECK(seen == std::vector<std::string>{"-5", "40", "15", "10", "20", "60", "25", "30", "20", "2", "10",
                                         "0", "100", "50", "80", "50"});
  // Roles and values follow the grammar: `subtract 20` is -20 points written as 20.
  CHECK(slots[0].role == NumberRole::GroupMin);
  CHECK(slots[0].value == -5);
  CHECK(slots[4].role == NumberRole::RulePoints);
  CHECK(slots[4].value == -20);
  CHECK(slots[4].negated);
  CHECK(slots[6].role == NumberRole::DecayPercent);
  CHECK(slots[7].role == NumberRole::DecayDays);
  CHECK(slots[10].role == NumberRole::RuleUpTo);
  CHECK(slots[13].role == NumberRole::QualifyAt);
  CHECK(slots[14].role == NumberRole::TierAt);
  CHECK(slots[14].index == 0);
  CHECK(slots[15].index == 1);
}

TEST_CASE("rewriting numbers keeps every other byte, checks, and keeps the canonical layout") {
  auto p = parse(std::string(model_text));
  std::vector<NumberSlot> slots = number_slots(p->model, model_text);
  std::vector<NumberEdit> edits;
  // New values of different widths and signs; a subtract stays a subtract.
  std::vector<double> values{-12, 45, 22, 7, -9, 55, 10, 60, 18, 3, 15, -10, 120, 33, 61, 33};
  REQUIRE(values.size() == slots.size());
  for (std::size_t k = 0; k < slots.size(); ++k) edits.push_back({slots[k], values[k]});
  std::string out = rewrite_model_text(model_text, edits);

  CHECK(out.find("group fit min -12 max 45 {") != std::string::npos);
  CHECK(out.find("when unsubscribed subtract 9\n") != std::string::npos);
  CHECK(out.find("decay 10% every 60 days since") != std::string::npos);
  CHECK(out.find("add 3 per email_clicks up to 15") != std::string::npos);
  CHECK(out.find("score min -10 max 120") != std::string::npos);
  CHECK(out.find("\" # points\n") != std::string::npos);
  CHECK(out.find("# 1 is not a number tune touches") != std::string::npos);
  CHECK(shape(out) == shape(model_text));

  auto l = load(out);
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  CHECK(l->program().rules[2].points == -9);
  CHECK(*l->program().qualify_at == 33);

  // The fixture is canonical, and so is its rewrite: `fmt --check` stays quiet on a tuned model.
  SourceManager sources;
  Diagnostics diags;
  auto before = format_source(sources, sources.add("a.score", std::string(model_text)), SourceKind::Model, diags);
  auto after = format_source(sources, sources.add("b.score", out), SourceKind::Model, diags);
  REQUIRE(before);
  REQUIRE(after);
  CHECK(*before == model_text);
  CHECK(*after == out);
}

TEST_CASE("rewriting with nothing to change gives the text back byte for byte, insertions go in place") {
  CHECK(rewrite_model_text(model_text, {}) == model_text);
  std::string out = rewrite_model_text("ab\ncd\n", {}, {{3, "X\n"}, {6, "Y\n"}});
  CHECK(out == "ab\nX\ncd\nY\n");
}

TEST_CASE("suggested rules go at the end of their group, or after the last group") {
  auto p = parse(std::string(model_text));
  InsertPoint fit = insert_point(p->model, model_text, 0);
  CHECK(model_text.substr(fit.at).starts_with("}\n\ngroup engagement"));
  CHECK(fit.indent == "  ");
  InsertPoint loose = insert_point(p->model, model_text, -1);
  INFO(loose.at);
  INFO(model_text.substr(loose.at));
  CHECK(model_text.substr(loose.at).starts_with("\nscore min 0"));
  CHECK(loose.indent.empty());
}

TEST_CASE("LIBLINEAR's fit on a separable toy set has the right signs") {
  // Column 0 marks converted leads, column 1 the others, column 2 is noise on both.
  SparseRows rows;
  std::vector<std::uint8_t> y;
  for (int i = 0; i < 200; ++i) {
    bool positive = i % 4 == 0;
    rows.add(positive ? 0 : 1, 1.0);
    if (i % 2 == 0) rows.add(2, 1.0);
    rows.end_row();
    y.push_back(positive);
  }
  LogisticFit fit = fit_logistic(rows, y, 3, {1, 1, 1});
  REQUIRE(fit.ok);
  CHECK(fit.weights[0] > 1);
  CHECK(fit.weights[1] < -1);
  CHECK(std::fabs(fit.weights[2]) < 0.5 * std::fabs(fit.weights[0]));
  // An inactive column gets no weight; the likelihood is that of a good fit.
  LogisticFit part = fit_logistic(rows, y, 3, {1, 0, 1});
  CHECK(part.weights[1] == 0);
  CHECK(mean_log_likelihood(rows, y, fit) > mean_log_likelihood(rows, y, part));
  CHECK(mean_log_likelihood(rows, y, fit) > -0.2);
}

namespace {

// Leads for two rules in one group: rule 0 (10 points) fires for converters mostly, rule 1
// (5 points) fires for a quarter of converters and half of the rest: its fitted weight turns negative.
Design toy_design() {
  Design d;
  d.columns = {Column{0, 10, std::nullopt, false, false}, Column{0, 5, std::nullopt, false, false}};
  d.groups = {GroupSpec{}};
  for (int i = 0; i < 400; ++i) {
    bool conv = i % 5 == 0;
    bool r0 = conv ? i % 3 != 0 : i % 4 == 0;
    bool r1 = conv ? i % 20 == 0 : i % 2 == 0;
    if (r0) d.units.add(0, 1.0);
    if (r1) d.units.add(1, 1.0);
    d.units.end_row();
    d.days.push_back(-1);
    d.converted.push_back(conv);
    d.rejected.push_back(0);
  }
  return d;
}

}  // namespace

TEST_CASE("a rule whose sign the outcomes contradict is set to 0, and points keep the model's scale") {
  Design d = toy_design();
  Fitted f = fit_signed(d, d.groups, {1, 1});
  REQUIRE(f.sign_dropped == std::vector<std::size_t>{1});
  CHECK(f.fit.weights[1] == 0);
  CHECK(f.fit.weights[0] > 0);
  Scaled s = scale_to_points(d, f, 1);
  // Least squares to the model's points (no scores given): only rule 0 counts, so it keeps 10.
  CHECK(s.points[0] == 10);
  CHECK(s.points[1] == 0);
  CHECK(s.scale == doctest::Approx(10 / f.fit.weights[0]));
  // With at least 25 points for the largest weight, the scale grows to that.
  CHECK(scale_to_points(d, f, 25).points[0] == 25);
}

TEST_CASE("decay factor, simulated scores and caps") {
  CHECK(decay_factor(DecayChoice{25, 30}, 29) == 1);
  CHECK(decay_factor(DecayChoice{25, 30}, 60) == doctest::Approx(0.5625));
  CHECK(decay_factor(DecayChoice{25, 30}, -1) == 1);
  CHECK(decay_factor(std::nullopt, 400) == 1);
  CHECK(decay_factor(DecayChoice{0, 30}, 400) == 1);

  Design d;
  d.columns = {Column{0, 30, std::nullopt, false, false}, Column{0, 2, 5.0, false, false}};
  d.groups = {GroupSpec{std::nullopt, 40, DecayChoice{50, 10}}};
  d.units.add(0, 1);
  d.units.add(1, 5);
  d.units.end_row();  // 30 + 2 * 5 = 40, 25 days: two halvings -> 10
  d.days.push_back(25);
  d.units.add(0, 1);
  d.units.add(1, 5);
  d.units.end_row();  // fresh: 40, capped at 40 -> then score max 35
  d.days.push_back(0);
  d.converted = {0, 1};
  d.rejected = {0, 0};
  auto s = simulate_scores(d, {30, 2}, d.groups, std::nullopt, 35.0);
  CHECK(s == std::vector<double>{10, 35});
}

TEST_CASE("ranking AUC: ties count half, rejected leads rank last") {
  std::vector<double> score{5, 5, 1, 9, 3};
  std::vector<std::uint8_t> rejected{0, 0, 0, 1, 0};
  std::vector<std::uint8_t> converted{1, 0, 0, 0, 1};
  // Converted: 5 (tied with a 5, above 1, 3 and the rejected 9) and 3 (above 1 and the rejected).
  // Pairs: (5 vs 5) 0.5, (5 vs 1) 1, (5 vs rej) 1, (3 vs 5) 0, (3 vs 1) 1, (3 vs rej) 1 -> 4.5 / 6.
  CHECK(ranking_auc(score, rejected, converted) == doctest::Approx(0.75));
  CHECK(std::isnan(ranking_auc(score, rejected, std::vector<std::uint8_t>(5, 0))));
}

TEST_CASE("thresholds: the lowest meeting a precision, the nearest to a share") {
  // Scores 10..1, converted at 10, 9, 7, 4; one rejected lead with score 100.
  std::vector<double> score{10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 100};
  std::vector<std::uint8_t> converted{1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1};
  std::vector<std::uint8_t> rejected{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  // Precision at t = 1, 2, 3, ...: 4/10, 4/9, 4/8, 4/7, 3/6, 3/5, 3/4, 2/3, 2/2, 1/1.
  CHECK(threshold_for_precision(score, rejected, converted, 0.75) == 7.0);
  CHECK(threshold_for_precision(score, rejected, converted, 0.5) == 3.0);
  CHECK(threshold_for_precision(score, rejected, converted, 1.0) == 9.0);
  CHECK_FALSE(threshold_for_precision(score, rejected, std::vector<std::uint8_t>(11, 0), 0.1));
  // Shares are of all leads (11): t = 8 qualifies 3/11, nearest to 25%; the rejected never counts.
  CHECK(threshold_for_share(score, rejected, 0.25) == 8.0);
  CHECK(share_at(score, rejected, 8) == doctest::Approx(3.0 / 11));
  CHECK(threshold_for_share(score, rejected, 0.0) == 11.0);
}

TEST_CASE("choose_bounds lifts a cap that only costs ranking") {
  // Rule 0 (40 points) fires for every lead, rule 1 (30 points) for the converters only: the cap of
  // 40 gives every lead the same score (AUC 0.5); lifted to the group's reach, 70, it ranks them apart.
  Design d;
  d.columns = {Column{0, 40, std::nullopt, false, false}, Column{0, 30, std::nullopt, false, false}};
  d.groups = {GroupSpec{std::nullopt, 40, std::nullopt}};
  for (int i = 0; i < 100; ++i) {
    bool conv = i % 2 == 0;
    d.units.add(0, 1);
    if (conv) d.units.add(1, 1);
    d.units.end_row();
    d.days.push_back(-1);
    d.converted.push_back(conv);
    d.rejected.push_back(0);
  }
  Bounds b = choose_bounds(d, {40, 30}, d.groups);
  REQUIRE(b.groups[0].max);
  CHECK(*b.groups[0].max >= 70);
}

namespace {

std::string fixture(std::string_view rel) { return std::string(LEADSCORE_SOURCE_DIR) + "/tests/tune/" + std::string(rel); }

TuneResult tune_fixture(std::string_view dir, bool suggest) {
  Session session;
  TuneInput in;
  in.model_path = fixture(std::string(dir) + "model.score");
  in.leads_path = fixture(std::string(dir) + "leads.csv");
  in.outcomes_path = fixture(std::string(dir) + "outcomes.csv");
  TuneOptions opt;
  opt.as_of = default_as_of;
  opt.suggest_rules = suggest;
  TuneResult r = tune_model(session, in, opt);
  INFO(r.error);
  REQUIRE(r.ok);
  return r;
}

std::string read_text(const std::string& path) {
  Session s;
  auto id = s.read_file(path);
  REQUIRE(id);
  return s.sources.file(*id).text();
}

// The tuned text loads (parse, check, compile) with the fixture's schema, without errors.
void checks_clean(const std::string& dir, const std::string& text) {
  Session session;
  auto schema = load_schema(session, fixture(dir + "lead.schema"));
  REQUIRE(schema);
  LoadedModel m = load_model_text(session, "tuned.score", text, *schema);
  INFO(text);
  CHECK(m.program.has_value());
  CHECK_FALSE(session.diagnostics.has_errors());
}

}  // namespace

TEST_CASE("a tuned model differs from the original only in numbers, checks, and ranks better on training") {
  TuneResult r = tune_fixture("", false);
  std::string original = read_text(fixture("model.score"));
  CHECK(r.tuned_text != original);
  CHECK(shape(r.tuned_text) == shape(original));
  checks_clean("", r.tuned_text);
  CHECK(r.records == 2000);
  CHECK(r.training + r.holdout == 2000);
  CHECK(r.after_train.auc > r.before_train.auc);
  // Every change listed is a number whose literal changed in the text; the same run gives the same text.
  CHECK_FALSE(r.changes.empty());
  CHECK(tune_fixture("", false).tuned_text == r.tuned_text);
}

TEST_CASE("--suggest-rules only adds rules, each under its evidence comment") {
  TuneResult r = tune_fixture("suggest/", true);
  std::string original = read_text(fixture("suggest/model.score"));
  REQUIRE(r.suggestions.size() >= 1);
  // Take out each "# suggested by leadscore tune" comment and the rule after it: what is left is
  // the original with only numbers changed.
  std::string kept;
  std::size_t added = 0;
  std::string_view rest = r.tuned_text;
  bool skip_next = false;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl == std::string_view::npos ? rest.size() : nl + 1);
    rest.remove_prefix(line.size());
    std::string_view trimmed = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (trimmed.starts_with("# suggested by leadscore tune: ")) {
      skip_next = true;
      continue;
    }
    if (skip_next) {
      CHECK(trimmed.starts_with("when "));
      ++added;
      skip_next = false;
      continue;
    }
    kept += line;
  }
  CHECK(added == r.suggestions.size());
  CHECK(shape(kept) == shape(original));
  checks_clean("suggest/", r.tuned_text);
  // The fixture's outcomes depend on the source being `partner`, which the model ignores.
  bool partner = false;
  for (const auto& s : r.suggestions) partner = partner || s.rule.starts_with("when source = partner add ");
  CHECK(partner);
  CHECK(r.after_holdout.auc > r.before_holdout.auc + 0.05);
}
