// Explanations: every rule, group stage and reject clause of one lead, and their text and JSON.
#include <doctest/doctest.h>

#include <string>

#include "leadscore/explain.hpp"
#include "test_support.hpp"

using namespace lstest;

namespace {

const char* capped_model = R"(group fit max 30 {
  when company_size >= 100 add 20 as "Big"
  when industry in [saas, fintech] add 15
}
group engagement max 25 decay 25% every 30 days since last_activity {
  when visited pricing_page add 20 as "Pricing"
  when email_clicks > 0 add 3 per email_clicks up to 9 as "Clicks"
  when demo_requested add 50 as "Demo"
}
when email matches gmail subtract 10 as "Free email"
reject when email ends with "@rival.com" as "Competitor"
reject when email contains "rival" as "Rival anywhere"
reject when company_size < 0 as "Bad size"
score min 0 max 50
qualify at 40
tier hot at 45
tier warm at 40
tier cold
)";

Explanation explain(const Loaded& l, const Lead& lead, Day as_of = default_as_of) {
  Explainer explainer(l.program(), l.session.sources);
  return explainer.explain(lead.record(), as_of);
}

}  // namespace

TEST_SUITE("explain") {

TEST_CASE("every rule, each group before and after decay and caps, every reject clause") {
  auto l = load(capped_model);
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  Lead lead;
  lead.str("id", "L9").str("email", "ann@rival.com").integer("company_size", 500).member("industry", "saas")
      .members("visited", {"pricing_page"}).integer("email_clicks", 2).flag("demo_requested", true)
      .date("last_activity", "2026-08-01");
  Explanation e = explain(*l, lead);

  CHECK(e.key == "L9");
  CHECK(e.as_of == default_as_of);
  CHECK(e.status == RowStatus::Rejected);
  REQUIRE(e.rules.size() == 6);
  CHECK(e.rules[0].label == "Big");
  CHECK(e.rules[0].group == "fit");
  CHECK(e.rules[0].source.path == "m.score");
  CHECK(e.rules[0].source.line == 2);
  CHECK(e.rules[0].fired);
  CHECK(e.rules[0].points == 20);
  CHECK(e.rules[2].label == "Pricing");
  CHECK(e.rules[3].points == 6);       // 3 per click, 2 clicks: what was actually added
  CHECK(e.rules[4].points == 50);
  CHECK_FALSE(e.rules[5].fired);       // Free email
  CHECK(e.rules[5].points == 0);
  CHECK(e.rules[5].group.empty());     // the implicit group

  REQUIRE(e.groups.size() == 3);
  const GroupExplanation& fit = e.groups[0];
  CHECK(fit.name == "fit");
  CHECK(fit.raw == 35);
  CHECK(fit.decayed == 35);
  CHECK(fit.total == 30);              // capped
  CHECK_FALSE(fit.decays);
  const GroupExplanation& eng = e.groups[1];
  // 20 + 6 + 50 = 76; 92 days since 2026-08-01 is 3 steps of 30 days: 76 * 0.75^3 = 32.0625, capped at 25.
  CHECK(eng.raw == 76);
  CHECK(eng.decays);
  CHECK(eng.decay_field == "last_activity");
  CHECK(eng.decay_date_present);
  CHECK(eng.decay_days == 92);
  CHECK(eng.decay_steps == 3);
  CHECK(eng.decay_base == 0.75);
  CHECK(eng.decay_every == 30);
  CHECK(eng.decay_factor == 0.421875);
  CHECK(eng.decayed == 32.0625);
  CHECK(eng.max == 25.0);
  CHECK(eng.total == 25);
  CHECK(e.groups[2].name.empty());
  CHECK(e.groups[2].total == 0);

  // Both matching clauses held; the first gives the reason.
  REQUIRE(e.rejects.size() == 3);
  CHECK(e.rejects[0].held);
  CHECK(e.rejects[1].held);
  CHECK_FALSE(e.rejects[2].held);
  CHECK(e.rejects[2].source.line == 13);
  CHECK(e.reject_reason == "Competitor");

  CHECK(e.sum == 55);
  CHECK(e.score == 50);                // clamped by `score max 50`
  CHECK(e.score_max == 50.0);
  CHECK_FALSE(e.qualified);            // rejected
  CHECK(e.qualify_at == 40.0);
  CHECK(e.tier.empty());
}

TEST_CASE("without the decay date nothing decays; a later clause can hold alone") {
  auto l = load(capped_model);
  REQUIRE(l->ok());
  Lead lead;
  lead.str("id", "L2").str("email", "x@rivals.io").integer("company_size", -1).members("visited", {"pricing_page"});
  Explanation e = explain(*l, lead);
  CHECK_FALSE(e.groups[1].decay_date_present);
  CHECK(e.groups[1].decay_factor == 1);
  CHECK(e.groups[1].decayed == 20);
  CHECK_FALSE(e.rejects[0].held);
  CHECK(e.rejects[1].held);
  CHECK(e.rejects[2].held);
  CHECK(e.reject_reason == "Rival anywhere");
}

TEST_CASE("an error record is explained by its message alone") {
  auto l = load(capped_model);
  REQUIRE(l->ok());
  Lead lead;
  lead.str("id", "E1").error("line 4: field 'company_size': 'lots' is not an int");
  Explanation e = explain(*l, lead);
  CHECK(e.status == RowStatus::Error);
  CHECK(e.error == "line 4: field 'company_size': 'lots' is not an int");
  CHECK(e.rules.empty());
  CHECK(render_explanation_text(e, "m.score") == "error record: line 4: field 'company_size': 'lots' is not an int\n");
  CHECK(render_explanation_json(e) ==
        R"({"key":"E1","line":0,"as_of":"2026-11-01","status":"error","error":"line 4: field 'company_size': 'lots' is not an int"})");
}

TEST_CASE("text and JSON renderings") {
  auto l = load(R"(group g max 10 decay 50% every 10 days since last_activity {
  when company_size > 0 add 4 per company_size as "Size"
}
when demo_requested add 1
reject when email ends with "@x.com" as "X"
)");
  REQUIRE(l->ok());
  Lead lead;
  lead.str("id", "A").str("email", "a@b.com").integer("company_size", 6).date("last_activity", "2026-10-20");
  // 24 raw, 12 days: one step, 12; capped at 10. No score bounds, qualify line or tiers.
  Explanation e = explain(*l, lead);
  CHECK(render_explanation_text(e, "m.score", "> ") ==
        "> rules                        group  fired  points  line\n"
        ">   Size                       g      yes       +24     2\n"
        ">   when demo_requested add 1  -      no                4\n"
        "> groups         raw  decay                                      decayed  caps    total\n"
        ">   g             24  0.5 = 0.5^1 (12 days since last_activity)       12  max 10     10  capped\n"
        ">   (ungrouped)    0  -                                                0  -           0\n"
        "> rejects  held  line\n"
        ">   X      no       5\n"
        "> score      10\n"
        "> tier       none\n"
        "> qualified  no (the model has no 'qualify at' line)\n"
        "> status     ok\n");
  CHECK(render_explanation_json(e) ==
        R"({"key":"A","line":0,"as_of":"2026-11-01","status":"ok","rules":[)"
        R"({"label":"Size","group":"g","file":"m.score","line":2,"fired":true,"points":24},)"
        R"({"label":"when demo_requested add 1","group":null,"file":"m.score","line":4,"fired":false,"points":0}],)"
        R"("groups":[{"name":"g","raw":24,"decay":{"field":"last_activity","every":10,"base":0.5,"days":12,"steps":1,"factor":0.5},)"
        R"("decayed":12,"min":null,"max":10,"total":10},)"
        R"({"name":null,"raw":0,"decay":null,"decayed":0,"min":null,"max":null,"total":0}],)"
        R"("rejects":[{"reason":"X","file":"m.score","line":5,"held":false}],"reason":null,"sum":10,)"
        R"("score_min":null,"score_max":null,"score":10,"tier":null,"qualified":false,"qualify_at":null})");
}

}  // TEST_SUITE
