// leadscore diff: matching rules by label then condition, every kind of model change, the lead pass
// (one reader or two in step, the movers kept), and --fail-on parsing and judging.
#include <cstdio>

#include "leadscore/diff.hpp"
#include "test_support.hpp"

namespace {

using namespace lstest;

struct Pair {
  std::unique_ptr<Loaded> old_model, new_model;
  std::vector<ModelChange> changes;
};

Pair compare(const std::string& old_text, const std::string& new_text) {
  Pair p{load(old_text), load(new_text), {}};
  REQUIRE_MESSAGE(p.old_model->ok(), joined(p.old_model->errors()));
  REQUIRE_MESSAGE(p.new_model->ok(), joined(p.new_model->errors()));
  p.changes = diff_models(
      ModelSide{p.old_model->loaded.model, p.old_model->program(), p.old_model->session.sources},
      ModelSide{p.new_model->loaded.model, p.new_model->program(), p.new_model->session.sources});
  return p;
}

// "kind label: old -> new (lines a -> b)", one per change.
std::vector<std::string> described(const std::string& old_text, const std::string& new_text) {
  std::vector<std::string> out;
  for (const auto& c : compare(old_text, new_text).changes) {
    out.push_back(fmt::format("{} {}: {} -> {} ({} -> {})", change_kind_name(c.kind), c.label, c.old_text, c.new_text,
                              c.old_line, c.new_line));
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("diff_models: identical models and conditions equal in canonical form have no changes") {
  const std::string m =
      "let big = company_size >= 100\n"
      "group fit max 40 {\n  when big and industry in [saas, fintech] add 10 as \"Big SaaS\"\n}\n"
      "when company_size > 10 add 5\nqualify at 10\ntier hot at 10\ntier cold\n";
  CHECK(described(m, m).empty());
  // Operands of `and` swapped, a list reordered, `>` written as `<`, a let inlined; the unlabelled
  // rule's label (its own text) changes with it, but that is not news.
  CHECK(described(m,
                  "let big = company_size >= 100\n"
                  "group fit max 40 {\n  when industry in [fintech, saas] and company_size >= 100 add 10 as \"Big SaaS\"\n}\n"
                  "when 10 < company_size add 5\nqualify at 10\ntier hot at 10\ntier cold\n")
            .empty());
}

TEST_CASE("diff_models: rules match by label first, then by condition") {
  // Same label, another condition: one condition change, not a removal and an addition.
  CHECK(described("when visited pricing_page add 20 as \"Pricing\"\n",
                  "when visited demo_page add 20 as \"Pricing\"\n") ==
        Lines{"condition_changed Pricing: visited pricing_page -> visited demo_page (1 -> 1)"});
  // No label, so the label is the rule's text and changes with the points: matched by condition.
  CHECK(described("when visited pricing_page add 20\n", "\n\nwhen visited pricing_page add 25\n") ==
        Lines{"points_changed when visited pricing_page add 25: add 20 -> add 25 (1 -> 3)"});
  // Labels win over conditions: two labelled rules whose conditions were swapped are two condition
  // changes, not two unchanged rules.
  CHECK(described("when visited blog add 5 as \"A\"\nwhen visited docs add 5 as \"B\"\n",
                  "when visited docs add 5 as \"A\"\nwhen visited blog add 5 as \"B\"\n") ==
        Lines{"condition_changed A: visited blog -> visited docs (1 -> 1)",
              "condition_changed B: visited docs -> visited blog (2 -> 2)"});
  // A new label on the same condition.
  CHECK(described("when visited blog add 5 as \"Blog\"\n", "when visited blog add 5 as \"Read the blog\"\n") ==
        Lines{"label_changed Read the blog: Blog -> Read the blog (1 -> 1)"});
}

TEST_CASE("diff_models: rules added, removed, moved, and with other points") {
  CHECK(described("when visited blog add 5 as \"Blog\"\n",
                  "when visited blog add 5 as \"Blog\"\nwhen webinars >= 1 add 20 as \"Webinar\"\n") ==
        Lines{"rule_added Webinar:  -> when webinars >= 1 add 20 (0 -> 2)"});
  // A removed rule is listed where it was: before the rules that followed it.
  CHECK(described("when visited blog add 5 as \"Blog\"\nwhen visited docs add 5 as \"Docs\"\nwhen unsubscribed subtract 15 as \"Unsub\"\n",
                  "when visited blog add 6 as \"Blog\"\nwhen unsubscribed subtract 10 as \"Unsub\"\n") ==
        Lines{"points_changed Blog: add 5 -> add 6 (1 -> 1)", "rule_removed Docs: when visited docs add 5 ->  (2 -> 0)",
              "points_changed Unsub: subtract 15 -> subtract 10 (3 -> 2)"});
  CHECK(described("group a {\n  when visited blog add 5 as \"Blog\"\n}\ngroup b {\n  when webinars >= 1 add 1\n}\n",
                  "group a {\n  when webinars >= 1 add 1\n}\ngroup b {\n  when visited blog add 5 as \"Blog\"\n}\n") ==
        Lines{"group_changed when webinars >= 1 add 1: b -> a (5 -> 2)", "group_changed Blog: a -> b (2 -> 5)"});
  CHECK(described("when visited blog add 5 as \"Blog\"\n", "group g {\n  when visited blog add 5 as \"Blog\"\n}\n") ==
        Lines{"group_changed Blog: (no group) -> g (1 -> 2)", "group_added g:  -> no caps, no decay (0 -> 1)"});
  // `per` and `up to` are part of the points.
  CHECK(described("when email_clicks > 0 add 2 per email_clicks up to 10 as \"Clicks\"\n",
                  "when email_clicks > 0 add 2 per email_clicks up to 12 as \"Clicks\"\n") ==
        Lines{"points_changed Clicks: add 2 per email_clicks up to 10 -> add 2 per email_clicks up to 12 (1 -> 1)"});
  CHECK(described("when email_clicks > 0 add 2 as \"Clicks\"\n",
                  "when email_clicks > 0 add 2 per email_clicks as \"Clicks\"\n") ==
        Lines{"points_changed Clicks: add 2 -> add 2 per email_clicks (1 -> 1)"});
}

TEST_CASE("diff_models: a changed let changes the conditions that use it, shown in canonical form") {
  CHECK(described("let big = company_size >= 100\nwhen big add 10 as \"Big\"\n",
                  "let big = company_size >= 200\nwhen big add 10 as \"Big\"\n") ==
        Lines{"condition_changed Big: big = (100 <= company_size) -> big = (200 <= company_size) (2 -> 2)"});
}

TEST_CASE("diff_models: rejects, groups, caps, decay, score bounds, qualify and tiers") {
  CHECK(described("reject when email ends with \"@x.com\" as \"X\"\nreject when unsubscribed as \"Gone\"\n",
                  "reject when email ends with \"@y.com\" as \"X\"\nreject when webinars > 5 as \"Fan\"\n") ==
        Lines{"reject_changed X: reject when email ends with \"@x.com\" -> reject when email ends with \"@y.com\" (1 -> 1)",
              "reject_removed Gone: reject when unsubscribed ->  (2 -> 0)",
              "reject_added Fan:  -> reject when webinars > 5 (0 -> 2)"});
  CHECK(described("group fit max 40 {\n  when visited blog add 5 as \"Blog\"\n}\n"
                  "group old max 10 decay 10% every 7 days since last_activity {\n  when webinars >= 1 add 5 as \"W\"\n}\n",
                  "group fit min 0 max 50 decay 25% every 30 days since last_activity {\n  when visited blog add 5 as \"Blog\"\n}\n"
                  "when webinars >= 1 add 5 as \"W\"\n") ==
        Lines{"group_changed W: old -> (no group) (5 -> 4)",
              "cap_changed fit: max 40 -> min 0 max 50 (1 -> 1)",
              "decay_changed fit: none -> 25% every 30 days since last_activity (1 -> 1)",
              "group_removed old: max 10 decay 10% every 7 days since last_activity ->  (4 -> 0)"});
  CHECK(described("when visited blog add 5\nscore min 0 max 100\nqualify at 50\ntier hot at 80\ntier warm at 50\ntier cold\n",
                  "when visited blog add 5\nscore max 90\nqualify at 45\ntier hot at 80\ntier warm at 45\ntier nurture at 20\n") ==
        Lines{"score_bounds_changed score: min 0 max 100 -> max 90 (2 -> 2)", "qualify_changed qualify at: 50 -> 45 (3 -> 3)",
              "tier_changed warm: at 50 -> at 45 (5 -> 5)", "tier_removed cold: (the rest) ->  (6 -> 0)",
              "tier_added nurture:  -> at 20 (0 -> 6)"});
  CHECK(described("when visited blog add 5\n", "when visited blog add 5\nqualify at 5\n") ==
        Lines{"qualify_changed qualify at: none -> 5 (0 -> 2)"});
}

TEST_CASE("same_schema") {
  auto a = schema_from("schema s {\n  id: string key\n  n: int\n}\n");
  auto b = schema_from("schema t {\n  id: string key\n  n: int\n}\n");
  auto c = schema_from("schema s {\n  id: string key\n  n: number\n}\n");
  auto d = schema_from("schema s {\n  id: string key\n  n: int required\n}\n");
  CHECK(same_schema(a->schema, b->schema));  // the schema's own name does not matter
  CHECK_FALSE(same_schema(a->schema, c->schema));
  CHECK_FALSE(same_schema(a->schema, d->schema));
}

namespace {

struct MemoryFile {
  explicit MemoryFile(std::string t) : text(std::move(t)), f(fmemopen(text.data(), text.size(), "r")) {
    REQUIRE(f != nullptr);
  }
  ~MemoryFile() { std::fclose(f); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string text;
  std::FILE* f;
};

std::unique_ptr<RecordReader> reader(MemoryFile& file, const Schema& schema) {
  ReaderOpenResult opened = open_record_reader(file.f, "leads.csv", RecordFormat::Csv, schema);
  REQUIRE(opened.reader);
  return std::move(opened.reader);
}

const std::string old_model = "when email_opens >= 1 add 1 per email_opens\nreject when unsubscribed as \"Gone\"\n"
                              "qualify at 5\ntier hot at 5\ntier cold\n";
const std::string new_model = "when email_opens >= 1 add 2 per email_opens\nreject when unsubscribed as \"Gone\"\n"
                              "qualify at 5\ntier hot at 5\ntier cold\n";
// a: 1 -> 2; b: 3 -> 6 (qualifies, hot); c: 0 -> 0; d: 10 -> 20; e: rejected 4 -> 8; f: an error.
const std::string leads_csv =
    "id,email,email_opens,unsubscribed\n"
    "a,a@x.com,1,false\nb,b@x.com,3,false\nc,c@x.com,0,false\nd,d@x.com,10,false\ne,e@x.com,4,true\nf,f@x.com,many,false\n";

}  // namespace

TEST_CASE("diff_leads: counts, tier matrix, shift bars and the movers") {
  auto o = load(old_model);
  auto n = load(new_model);
  MemoryFile file(leads_csv);
  auto r = reader(file, o->program().schema);
  LeadDiffOptions options;
  options.as_of = default_as_of;
  LeadDiff d = diff_leads(o->program(), n->program(), *r, nullptr, options);
  CHECK(d.read_error.empty());
  CHECK(d.records == 6);
  CHECK(d.errors == 1);
  CHECK(d.leads == 5);
  CHECK(d.moved == 4);
  CHECK(d.up == 4);
  CHECK(d.down == 0);
  CHECK(d.newly_qualified == 1);
  CHECK(d.no_longer_qualified == 0);
  CHECK(d.tier_changed == 1);
  CHECK(d.mean_shift == doctest::Approx((1 + 3 + 0 + 10 + 4) / 5.0));
  CHECK(d.old_tiers == Lines{"hot", "cold", "(rejected)"});
  CHECK(d.matrix == std::vector<std::vector<std::uint64_t>>{{1, 0, 0}, {1, 2, 0}, {0, 0, 1}});
  // Bars: unchanged c; under +5 a (1), b (3), e (4); +10 to +20 d (10).
  CHECK(d.shift[4].leads == 1);
  CHECK(d.shift[5].leads == 3);
  CHECK(d.shift[7].leads == 1);
  REQUIRE(d.top.size() == 4);
  CHECK(d.top[0].key == "d");
  CHECK(d.top[1].key == "e");
  CHECK(d.top[2].key == "b");
  CHECK(d.top[3].key == "a");
  CHECK(d.top[2].before.tier == "cold");
  CHECK(d.top[2].after.tier == "hot");
  CHECK(d.top[2].after.fired == Lines{"when email_opens >= 1 add 2 per email_opens"});
}

TEST_CASE("diff_leads: only the top N movers are kept, and two readers in step agree with one") {
  auto o = load(old_model);
  auto n = load(new_model);
  MemoryFile one(leads_csv), first(leads_csv), second(leads_csv);
  LeadDiffOptions options;
  options.as_of = default_as_of;
  options.top = 2;
  auto r = reader(one, o->program().schema);
  LeadDiff single = diff_leads(o->program(), n->program(), *r, nullptr, options);
  auto r1 = reader(first, o->program().schema);
  auto r2 = reader(second, n->program().schema);
  LeadDiff stepped = diff_leads(o->program(), n->program(), *r1, r2.get(), options);
  for (const LeadDiff* d : {&single, &stepped}) {
    REQUIRE(d->top.size() == 2);
    CHECK(d->top[0].key == "d");
    CHECK(d->top[1].key == "e");
    CHECK(d->moved == 4);
  }
  CHECK(single.matrix == stepped.matrix);
}

TEST_CASE("parse_fail_on") {
  FailOnParse p = parse_fail_on("qualified-change>5%, tier-change > 0.1 ,auc-drop>0.01");
  REQUIRE(p.error.empty());
  REQUIRE(p.conditions.size() == 3);
  CHECK(p.conditions[0].metric == FailMetric::QualifiedChange);
  CHECK(p.conditions[0].threshold == 0.05);
  CHECK(p.conditions[0].text == "qualified-change>5%");
  CHECK(p.conditions[1].metric == FailMetric::TierChange);
  CHECK(p.conditions[1].threshold == 0.1);
  CHECK(p.conditions[2].metric == FailMetric::AucDrop);
  CHECK(p.conditions[2].threshold == 0.01);
  CHECK(parse_fail_on("tier-change>12.5%").conditions.at(0).threshold == 0.125);

  for (const char* bad : {"", "qualified-change", "qualified-change>=5%", "qualified-change<5%", "qualify-change>5%",
                          "qualified-change>five", "qualified-change>150%", "qualified-change>5", "auc-drop>1%",
                          "qualified-change>+5%", "qualified-change>5%,", "tier-change>nan"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_fail_on(bad).error.empty());
  }
}

TEST_CASE("evaluate_fail_on: `>` is strict, shares count over the compared leads") {
  DiffReport r;
  r.leads.leads = 40;
  r.leads.newly_qualified = 1;
  r.leads.no_longer_qualified = 1;  // 2 of 40 = 5%
  r.leads.tier_changed = 4;         // 10%
  auto held = [&](const char* text) {
    FailOnParse p = parse_fail_on(text);
    REQUIRE(p.error.empty());
    evaluate_fail_on(r, p.conditions);
    return any_failed(r);
  };
  CHECK_FALSE(held("qualified-change>5%"));
  CHECK_FALSE(held("qualified-change>0.05"));
  CHECK(held("qualified-change>4.99%"));
  CHECK_FALSE(held("tier-change>10%"));
  CHECK(held("tier-change>9%"));
  CHECK(held("qualified-change>50%,tier-change>9%"));
  CHECK(r.fail_on.size() == 2);
  CHECK_FALSE(r.fail_on[0].held);
  CHECK(r.fail_on[1].held);
  CHECK(fail_on_message(r.fail_on[1]) == "tier-change>9% holds: 10% of leads change tier");

  r.leads.old_backtest = DiffBacktest{};
  r.leads.new_backtest = DiffBacktest{};
  r.leads.old_backtest->auc = 0.80;
  r.leads.new_backtest->auc = 0.79;
  CHECK_FALSE(held("auc-drop>0.01"));  // 0.80 - 0.79 is a hair above 0.01 in doubles; not a drop above it
  CHECK(held("auc-drop>0.009"));
  CHECK(fail_on_message(r.fail_on[0]) == "auc-drop>0.009 holds: the AUC drops by 0.01");
  r.leads.new_backtest->auc = 0.81;
  CHECK_FALSE(held("auc-drop>0"));
  CHECK(fail_on_message(r.fail_on[0]) == "auc-drop>0 does not hold: the AUC rises by 0.01");

  // No leads: every share is 0, which is above no threshold.
  DiffReport empty;
  evaluate_fail_on(empty, parse_fail_on("qualified-change>0%").conditions);
  CHECK_FALSE(any_failed(empty));
}
