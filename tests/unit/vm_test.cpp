// The VM on hand-built records: every semantic rule of SPEC 3 and 7.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "test_support.hpp"

using namespace lstest;

TEST_SUITE("vm") {

TEST_CASE("missing values make primitive tests false, and `not` negates that") {
  Lead none = lead();  // only id and email
  for (const char* c : {"company_size >= 100", "company_size < 100", "company_size = 0", "company_size != 5",
                        "country = \"DE\"", "country != \"DE\"", "country < \"ZZZ\"", "industry = saas",
                        "industry != saas", "visited blog", "visited any of [blog]", "visited all of [blog]",
                        "job_title matches cto", "job_title matches /.*/", "job_title contains \"\"",
                        "job_title starts with \"\"", "job_title ends with \"x\"", "demo_requested",
                        "last_activity within 30 days", "last_activity older than 30 days",
                        "created_at before 2030-01-01", "created_at after 2000-01-01",
                        "company_size in [1, 2]", "country in [\"DE\"]", "industry in [saas]",
                        "days_since(last_activity) >= 0", "len(job_title) >= 0", "lower(country) = \"\"",
                        "-company_size < 0", "company_size + 1 > 0", "tags \"a\"", "tags any of [\"a\"]",
                        "created_at = 2026-01-01", "created_at != 2026-01-01"}) {
    INFO(c);
    CHECK_FALSE(holds(c, none));
    CHECK(holds(std::string("not (") + c + ")", none));
  }
  CHECK(holds("company_size is missing", none));
  CHECK_FALSE(holds("company_size is present", none));
  CHECK(holds("not (company_size >= 100) and not (company_size < 100)", none));
  CHECK_FALSE(holds("company_size >= 100 or company_size < 100", none));
}

TEST_CASE("`x not in [...]` with a missing x is false") {
  Lead none = lead();
  CHECK_FALSE(holds("industry not in [saas, fintech]", none));
  CHECK_FALSE(holds("country not in [\"DE\"]", none));
  CHECK_FALSE(holds("company_size not in [1, 2]", none));
  CHECK_FALSE(holds("created_at not in [2026-01-01]", none));
  CHECK(holds("not (industry in [saas])", none));

  Lead retail = lead();
  retail.member("industry", "retail").str("country", "FR").integer("company_size", 3);
  CHECK(holds("industry not in [saas, fintech]", retail));
  CHECK_FALSE(holds("industry not in [retail]", retail));
  CHECK(holds("country not in [\"DE\"]", retail));
  CHECK(holds("company_size not in [1, 2]", retail));
  CHECK_FALSE(holds("company_size not in [3]", retail));
}

TEST_CASE("arithmetic is in doubles; division by zero gives a missing value") {
  Lead l = lead();
  l.integer("company_size", 5).num("annual_revenue", 10).integer("email_opens", 0);
  CHECK(holds("company_size / 2 = 2.5", l));
  CHECK(holds("annual_revenue / company_size = 2", l));
  CHECK(holds("company_size * 2 - 1 = 9", l));
  CHECK(holds("-company_size = -5", l));
  CHECK(holds("(annual_revenue - company_size) * (company_size - annual_revenue) = -25", l));
  CHECK_FALSE(holds("annual_revenue / email_opens > 0", l));
  CHECK_FALSE(holds("annual_revenue / email_opens <= 0", l));
  CHECK(holds("not (annual_revenue / email_opens > 0)", l));
  CHECK(holds("annual_revenue / email_opens is missing", l));
  CHECK(holds("annual_revenue / 0 is missing", l));
  CHECK_FALSE(holds("annual_revenue / email_opens * 0 = 0", l));
  CHECK(holds("annual_revenue / company_size is present", l));
  Lead big = lead();
  big.integer("company_size", 9007199254740993LL);
  CHECK(holds("company_size > 9007199254740000", big));
}

TEST_CASE("comparisons on numbers, strings (case-sensitive), dates and enum members") {
  Lead l = lead();
  l.integer("company_size", 100).str("country", "DE").date("created_at", "2026-03-15").member("industry", "fintech");
  CHECK(holds("company_size >= 100", l));
  CHECK_FALSE(holds("company_size > 100", l));
  CHECK(holds("company_size = 100.0", l));
  CHECK(holds("country = \"DE\"", l));
  CHECK_FALSE(holds("country = \"de\"", l));
  CHECK(holds("country != \"de\"", l));
  CHECK(holds("country < \"DF\"", l));
  CHECK(holds("country in [\"AT\", \"DE\"]", l));
  CHECK_FALSE(holds("country in [\"de\", \"at\"]", l));
  CHECK(holds("created_at = 2026-03-15", l));
  CHECK(holds("created_at > 2026-03-14 and created_at < 2026-03-16", l));
  CHECK(holds("created_at in [2026-03-15, 2027-01-01]", l));
  CHECK(holds("industry = fintech", l));
  CHECK(holds("fintech = industry", l));
  CHECK_FALSE(holds("industry = saas", l));
  CHECK(holds("industry != saas", l));
  CHECK(holds("industry in [saas, fintech]", l));
  CHECK_FALSE(holds("industry in [saas, retail]", l));
  CHECK(holds("company_size in [50, 100]", l));
}

TEST_CASE("add N per X up to M adds min(N * max(X, 0), M)") {
  const std::string model = "when demo_requested add 2 per email_clicks up to 10\n";
  auto with_clicks = [&](std::int64_t n) {
    Lead l = lead();
    l.flag("demo_requested", true).integer("email_clicks", n);
    return score(model, l);
  };
  CHECK(with_clicks(3).score == 6);
  CHECK(with_clicks(5).score == 10);
  CHECK(with_clicks(7).score == 10);
  CHECK(with_clicks(0).score == 0);
  Result neg = with_clicks(-3);
  CHECK(neg.score == 0);
  CHECK(neg.has_fired("when demo_requested add 2 per email_clicks up to 10"));

  // A missing per expression adds nothing, but the rule still fires.
  Lead missing = lead();
  missing.flag("demo_requested", true);
  Result r = score(model, missing);
  CHECK(r.score == 0);
  REQUIRE(r.fired.size() == 1);
  CHECK(r.fired[0] == "when demo_requested add 2 per email_clicks up to 10");
  REQUIRE(r.points.size() == 1);
  CHECK(r.points[0] == 0);

  // The condition still decides.
  Lead off = lead();
  off.flag("demo_requested", false).integer("email_clicks", 3);
  CHECK(score(model, off).fired.empty());

  // `up to` is optional; fractions and expressions work.
  Lead w = lead();
  w.integer("webinars", 4).num("ratio", 0.5);
  CHECK(score("when webinars > 0 add 1.5 per webinars\n", w).score == 6);
  CHECK(score("when webinars > 0 add 3 per webinars * ratio up to 100\n", w).score == 6);
  CHECK(score("when webinars > 0 add 3 per ratio up to 1\n", w).score == 1);
  CHECK(score("when webinars > 0 add 10 per ratio\n", w).score == 5);
  // A per that divides by zero is missing: nothing added, still fired.
  Result z = score("when webinars > 0 add 10 per webinars / 0 as \"z\"\n", w);
  CHECK(z.score == 0);
  CHECK(z.has_fired("z"));
}

TEST_CASE("subtract N per X: up to M limits the size of the penalty") {
  Lead l = lead();
  l.integer("email_clicks", 8);
  Result r = score("when email_clicks > 0 subtract 2 per email_clicks up to 5\n", l);
  CHECK(r.score == -5);
  Result u = score("when email_clicks > 0 subtract 2 per email_clicks\n", l);
  CHECK(u.score == -16);
  l.integer("email_clicks", 2);
  CHECK(score("when email_clicks > 0 subtract 2 per email_clicks up to 5\n", l).score == -4);
}

TEST_CASE("matches with a let bound to a computed string searches for its value") {
  Lead l = lead();
  l.str("email", "x@Acme.com").str("job_title", "CTO at ACME.COM");
  auto m = load("let dom = email_domain(email)\nwhen job_title matches dom add 1\n");
  INFO(joined(m->errors()));
  REQUIRE(m->ok());
  CHECK(run(m->program(), l).score == 1);
  Lead other = lead();
  other.str("email", "x@globex.com").str("job_title", "CTO at ACME.COM");
  CHECK(run(m->program(), other).score == 0);
  Lead none = lead();
  none.str("email", "no-at").str("job_title", "CTO");
  CHECK(run(m->program(), none).score == 0);  // a missing needle: false
}

TEST_CASE("decay: (1 - P/100)^floor(days/D), none when the date is missing") {
  const std::string model =
      "group eng decay 25% every 30 days since last_activity {\n  when demo_requested add 40\n}\n";
  auto at = [&](const char* last) {
    Lead l = lead();
    l.flag("demo_requested", true);
    if (last) l.date("last_activity", last);
    return score(model, l, day("2026-11-01"));
  };
  CHECK(at(nullptr).score == 40);             // missing date: no decay
  CHECK(at("2026-11-01").score == 40);        // 0 days
  CHECK(at("2026-10-03").score == 40);        // 29 days: floor(29/30) = 0
  CHECK(at("2026-10-02").score == 30);        // 30 days: one step
  CHECK(at("2026-08-28").score == 22.5);      // 65 days: two steps, 40 * 0.75^2
  CHECK(at("2026-12-25").score == 40);        // a date after as-of: days never below 0
  Result r = at("2026-08-28");
  REQUIRE(r.groups_raw.size() == 1);
  CHECK(r.groups_raw[0] == 40);
  CHECK(r.groups_decayed[0] == 22.5);
  CHECK(r.groups[0] == 22.5);

  // Many steps: 40 * 0.75^33.
  Result far = at("2024-02-08");  // 997 days: floor(997/30) = 33
  CHECK(far.score == doctest::Approx(40 * std::pow(0.75, 33)));

  // 100% decay after one period gives 0; 0% never decays.
  Lead l = lead();
  l.flag("demo_requested", true).date("last_activity", "2026-01-01");
  CHECK(score("group g decay 100% every 1 days since last_activity {\n  when demo_requested add 9\n}\n", l).score == 0);
  CHECK(score("group g decay 0% every 1 days since last_activity {\n  when demo_requested add 9\n}\n", l).score == 9);
  // Decay applies to the group only.
  Lead extra = lead();
  extra.flag("demo_requested", true).date("last_activity", "2026-10-02");
  CHECK(score(model + "when demo_requested add 5\n", extra).score == 35);
}

TEST_CASE("group min and max clamp after decay") {
  const std::string model =
      "group g max 30 decay 50% every 10 days since last_activity {\n  when demo_requested add 80\n}\n";
  Lead l = lead();
  l.flag("demo_requested", true).date("last_activity", "2026-10-22");  // 10 days: one step
  Result r = score(model, l);
  CHECK(r.score == 30);  // 80 -> 40 -> capped at 30 (capping first would give 15)
  CHECK(r.groups_raw[0] == 80);
  CHECK(r.groups_decayed[0] == 40);
  CHECK(r.groups[0] == 30);

  Lead two = lead();
  two.flag("demo_requested", true).date("last_activity", "2026-10-12");  // 20 days: 80 -> 20
  CHECK(score(model, two).score == 20);

  const std::string low =
      "group g min 5 decay 50% every 10 days since last_activity {\n  when unsubscribed subtract 20\n}\n";
  Lead u = lead();
  u.flag("unsubscribed", true).date("last_activity", "2026-10-22");
  CHECK(score(low, u).score == 5);  // -20 -> -10 -> raised to 5
  Lead u0 = lead();
  u0.flag("unsubscribed", false);
  CHECK(score(low, u0).score == 5);  // nothing fired: 0 -> 5

  // Several groups and the implicit one add up, each clamped on its own.
  Lead all = lead();
  all.flag("demo_requested", true).integer("company_size", 500);
  Result sum = score("group a max 10 {\n  when demo_requested add 25\n}\n"
                     "group b min -3 {\n  when demo_requested subtract 8\n}\n"
                     "when company_size > 100 add 4\n", all);
  CHECK(sum.score == 11);  // 10 + -3 + 4
  REQUIRE(sum.groups.size() == 3);
  CHECK(sum.groups[0] == 10);
  CHECK(sum.groups[1] == -3);
  CHECK(sum.groups[2] == 4);
}

TEST_CASE("score min and max clamp the sum") {
  Lead l = lead();
  l.flag("demo_requested", true).flag("unsubscribed", true);
  CHECK(score("when demo_requested add 150\nscore min 0 max 100\n", l).score == 100);
  CHECK(score("when unsubscribed subtract 10\nscore min 0 max 100\n", l).score == 0);
  CHECK(score("when unsubscribed subtract 10\nscore max 100\n", l).score == -10);
  CHECK(score("when demo_requested add 150\nscore min 0\n", l).score == 150);
  CHECK(score("when demo_requested add 150\n", l).score == 150);
  // Thresholds apply to the clamped score.
  Result r = score("when demo_requested add 150\nscore max 70\nqualify at 80\ntier hot at 80\ntier cold\n", l);
  CHECK(r.score == 70);
  CHECK_FALSE(r.qualified);
  CHECK(r.tier == "cold");
}

TEST_CASE("reject: keeps the score, empty tier, not qualified; the first in source order gives the reason") {
  const std::string model = "when demo_requested add 90\n"
                            "reject when email ends with \"@competitor.com\" as \"Competitor\"\n"
                            "reject when unsubscribed as \"Unsubscribed\"\n"
                            "qualify at 50\ntier hot at 80\ntier cold\n";
  Lead both = lead();
  both.str("email", "bob@Competitor.com").flag("demo_requested", true).flag("unsubscribed", true);
  Result r = score(model, both);
  CHECK(r.status == RowStatus::Rejected);
  CHECK(r.score == 90);
  CHECK_FALSE(r.qualified);
  CHECK(r.tier.empty());
  CHECK(r.reason == "Competitor");
  REQUIRE(r.fired.size() == 1);  // fired lists scoring rules, not rejects
  CHECK(r.fired[0] == "when demo_requested add 90");

  Lead second = lead();
  second.flag("demo_requested", true).flag("unsubscribed", true);
  Result s = score(model, second);
  CHECK(s.status == RowStatus::Rejected);
  CHECK(s.reason == "Unsubscribed");

  Lead ok = lead();
  ok.flag("demo_requested", true).flag("unsubscribed", false);
  Result o = score(model, ok);
  CHECK(o.status == RowStatus::Ok);
  CHECK(o.qualified);
  CHECK(o.tier == "hot");
  CHECK(o.reason.empty());

  // A reject on a missing value does not hold; `not` of it does.
  Lead none = lead();
  CHECK(score("reject when company_size < 10\n", none).status == RowStatus::Ok);
  CHECK(score("reject when not (company_size < 10)\n", none).status == RowStatus::Rejected);
}

TEST_CASE("qualify at N: score >= N; without 'qualify at' nobody qualifies") {
  auto with = [](double pts, const std::string& rest) {
    Lead l = lead();
    l.flag("demo_requested", true);
    return score(fmt::format("when demo_requested add {}\n{}", pts, rest), l);
  };
  CHECK(with(50, "qualify at 50\n").qualified);
  CHECK(with(50.5, "qualify at 50\n").qualified);
  CHECK_FALSE(with(49.99, "qualify at 50\n").qualified);
  CHECK_FALSE(with(1000, "").qualified);
  CHECK_FALSE(with(1000, "tier hot at 10\n").qualified);
  CHECK(with(0, "qualify at 0\n").qualified);
  CHECK(with(-3, "qualify at -5\n").qualified);
}

TEST_CASE("tiers: the first whose threshold the score reaches, highest first; a bare tier for the rest") {
  const std::string tiers = "tier hot at 80\ntier warm at 50\ntier cold\n";
  auto tier_of = [](double pts, const std::string& rest) {
    Lead l = lead();
    l.flag("demo_requested", true);
    return score(fmt::format("when demo_requested add {}\n{}", pts, rest), l).tier;
  };
  CHECK(tier_of(100, tiers) == "hot");
  CHECK(tier_of(80, tiers) == "hot");
  CHECK(tier_of(79.5, tiers) == "warm");
  CHECK(tier_of(50, tiers) == "warm");
  CHECK(tier_of(49, tiers) == "cold");
  CHECK(tier_of(-20, tiers) == "cold");
  CHECK(tier_of(49, "tier hot at 80\ntier warm at 50\n").empty());
  CHECK(tier_of(49, "").empty());
  CHECK(tier_of(3, "tier everyone\n") == "everyone");
}

TEST_CASE("dates against the as-of day: within, older than, before, after, days_since") {
  const Day as_of = day("2026-11-01");
  auto with = [](const char* d) {
    Lead l = lead();
    l.date("last_activity", d);
    return l;
  };
  Lead d30 = with("2026-10-02");  // 30 days before
  Lead d31 = with("2026-10-01");  // 31 days before
  CHECK(holds("last_activity within 30 days", d30, as_of));
  CHECK_FALSE(holds("last_activity older than 30 days", d30, as_of));
  CHECK_FALSE(holds("last_activity within 30 days", d31, as_of));
  CHECK(holds("last_activity older than 30 days", d31, as_of));
  CHECK(holds("days_since(last_activity) = 30", d30, as_of));
  CHECK(holds("days_since(last_activity) = 31", d31, as_of));
  // The same lead on another as-of day.
  CHECK(holds("days_since(last_activity) = 0", d30, day("2026-10-02")));
  CHECK(holds("last_activity within 0 days", d30, day("2026-10-02")));
  CHECK(holds("days_since(last_activity) = 365", with("2025-11-01"), as_of));
  // Never below 0: a date after the as-of day is 0 days old.
  Lead future = with("2027-01-01");
  CHECK(holds("days_since(last_activity) = 0", future, as_of));
  CHECK(holds("last_activity within 0 days", future, as_of));
  CHECK_FALSE(holds("last_activity older than 0 days", future, as_of));
  // before and after compare with a literal day, strictly.
  Lead d = with("2026-01-01");
  CHECK(holds("last_activity before 2026-01-02", d));
  CHECK_FALSE(holds("last_activity before 2026-01-01", d));
  CHECK(holds("last_activity after 2025-12-31", d));
  CHECK_FALSE(holds("last_activity after 2026-01-01", d));
  CHECK(holds("last_activity before 2026-01-02 and last_activity after 2025-12-31", d));
}

TEST_CASE("email_domain: lower-cased text after the last '@'; missing without '@'; empty after a final '@'") {
  auto domain_is = [](const char* email, const char* cond) {
    Lead l;
    l.str("id", "x").str("email", email);
    return holds(cond, l);
  };
  CHECK(domain_is("Jane@Sub.Example.COM", "email_domain(email) = \"sub.example.com\""));
  CHECK(domain_is("a@b@C.com", "email_domain(email) = \"c.com\""));
  CHECK(domain_is("no-at-sign", "email_domain(email) is missing"));
  CHECK_FALSE(domain_is("no-at-sign", "email_domain(email) = \"\""));
  CHECK_FALSE(domain_is("no-at-sign", "email_domain(email) != \"x\""));
  CHECK(domain_is("x@", "email_domain(email) = \"\""));
  CHECK(domain_is("x@", "email_domain(email) is present"));
  CHECK(domain_is("x@", "len(email_domain(email)) = 0"));
  CHECK(domain_is("jane@GMAIL.com", "email_domain(email) in [\"gmail.com\", \"yahoo.com\"]"));
  CHECK(domain_is("@ACME.io", "email_domain(email) = \"acme.io\""));
  CHECK(domain_is("j@\xC3\x89" "COLE.fr", "email_domain(email) = \"\xC3\x89" "cole.fr\""));
  Lead none;
  none.str("id", "x");
  CHECK(holds("email_domain(email) is missing", none));
}

TEST_CASE("len counts code points") {
  auto len_is = [](const char* title, int n) {
    Lead l = lead();
    l.str("job_title", title);
    return holds(fmt::format("len(job_title) = {}", n), l);
  };
  CHECK(len_is("", 0));
  CHECK(len_is("abc", 3));
  CHECK(len_is("h\xC3\xA9llo", 5));                     // héllo
  CHECK(len_is("\xE6\x97\xA5\xE6\x9C\xAC", 2));         // 日本
  CHECK(len_is("\xF0\x9F\x98\x80!", 2));                // 😀!
}

TEST_CASE("lower and upper change ASCII letters only") {
  Lead l = lead();
  l.str("job_title", "\xC3\x89" "COLE Vp").str("country", "stra\xC3\x9F" "e");  // ÉCOLE Vp, straße
  CHECK(holds("lower(job_title) = \"\xC3\x89" "cole vp\"", l));
  CHECK(holds("upper(job_title) = \"\xC3\x89" "COLE VP\"", l));
  CHECK(holds("upper(country) = \"STRA\xC3\x9F" "E\"", l));
  CHECK(holds("lower(country) = \"stra\xC3\x9F" "e\"", l));
  CHECK(holds("lower(upper(country)) = country", l));
}

TEST_CASE("matches, contains, starts with, ends with ignore ASCII case only") {
  Lead l = lead();
  l.str("email", "Jane.Doe@GMail.com").str("job_title", "\xC3\x89" "cole Director");  // École Director
  CHECK(holds("email matches gmail", l));
  CHECK(holds("email matches GMAIL", l));
  CHECK(holds("email matches \"doe@gm\"", l));
  CHECK_FALSE(holds("email matches yahoo", l));
  CHECK(holds("email contains \"JANE\"", l));
  CHECK(holds("email starts with \"jane.\"", l));
  CHECK_FALSE(holds("email starts with \"doe\"", l));
  CHECK(holds("email ends with \"@gmail.COM\"", l));
  CHECK_FALSE(holds("email ends with \"gmail\"", l));
  CHECK(holds("email starts with \"\"", l));
  CHECK(holds("email ends with \"\"", l));
  CHECK(holds("job_title contains \"director\"", l));
  CHECK(holds("job_title starts with \"\xC3\x89" "COLE\"", l));
  CHECK_FALSE(holds("job_title starts with \"\xC3\xA9" "cole\"", l));  // é is not folded to É
  CHECK_FALSE(holds("job_title matches \"\xC3\xA9" "cole\"", l));
  CHECK(holds("email matches \"Jane.Doe@GMail.com\"", l));
  CHECK_FALSE(holds("email matches \"Jane.Doe@GMail.com!\"", l));
  // A let of words: any of them.
  CHECK(holds("email matches free", l) == false);  // `free` is a plain word here
  auto words = load("let free = [\"yahoo\", \"GMAIL\"]\nwhen email matches free add 1\n");
  REQUIRE(words->ok());
  CHECK(run(words->program(), l).score == 1);
}

TEST_CASE("regular expressions match anywhere; flag i ignores case (Unicode too)") {
  Lead l = lead();
  l.str("job_title", "Senior VP of Sales").str("country", "\xC3\x89" "COLE");  // ÉCOLE
  CHECK(holds("job_title matches /VP/", l));
  CHECK_FALSE(holds("job_title matches /vp/", l));
  CHECK(holds("job_title matches /vp/i", l));
  CHECK_FALSE(holds("job_title matches /^VP/", l));
  CHECK(holds("job_title matches /^Senior/", l));
  CHECK(holds("job_title matches /Sales$/", l));
  CHECK_FALSE(holds("job_title matches /^VP of Sales$/", l));
  CHECK(holds("job_title matches /\\b(chief|cmo|cto|vp|vice president|head of)\\b/i", l));
  CHECK(holds("country matches /\xC3\xA9" "cole/i", l));
  CHECK_FALSE(holds("country matches /\xC3\xA9" "cole/", l));
  CHECK(holds("job_title matches /o.*S/", l));
  CHECK(holds("job_title matches /\\//", lead().str("job_title", "a/b")));
}

TEST_CASE("sets: a member, any of, all of, count") {
  Lead l = lead();
  l.members("visited", {"blog", "docs", "careers"}).members("downloaded", {});
  l.strings("tags", {"vip", "partner", "Beta"});
  CHECK(holds("visited blog", l));
  CHECK_FALSE(holds("visited pricing_page", l));
  CHECK(holds("visited any of [pricing_page, docs]", l));
  CHECK_FALSE(holds("visited any of [pricing_page, demo_page]", l));
  CHECK(holds("visited all of [blog, docs]", l));
  CHECK(holds("visited all of [blog, docs, careers]", l));
  CHECK_FALSE(holds("visited all of [blog, pricing_page]", l));
  CHECK(holds("count(visited) = 3", l));
  CHECK(holds("count(downloaded) = 0", l));
  CHECK_FALSE(holds("downloaded any of [ebook, whitepaper, case_study]", l));
  CHECK(holds("not (downloaded ebook)", l));
  CHECK(holds("tags \"vip\"", l));
  CHECK_FALSE(holds("tags \"gold\"", l));
  CHECK(holds("tags any of [\"gold\", \"partner\"]", l));
  CHECK_FALSE(holds("tags any of [\"gold\", \"silver\"]", l));
  CHECK(holds("tags all of [\"vip\", \"Beta\"]", l));
  CHECK_FALSE(holds("tags all of [\"vip\", \"gold\"]", l));
  CHECK(holds("count(tags) = 3", l));
  auto let = load("let wanted = [blog, docs]\nwhen visited all of wanted add 1\nwhen visited any of wanted add 2\n");
  REQUIRE(let->ok());
  CHECK(run(let->program(), l).score == 3);

  Lead none = lead();
  CHECK_FALSE(holds("visited any of [blog]", none));
  CHECK_FALSE(holds("visited all of [blog]", none));
  CHECK(holds("not (visited all of [blog])", none));
  CHECK(holds("visited is missing", none));
}

TEST_CASE("bool fields: the flag, `not flag`, and a missing flag") {
  Lead yes = lead();
  yes.flag("demo_requested", true);
  Lead no = lead();
  no.flag("demo_requested", false);
  Lead none = lead();
  CHECK(holds("demo_requested", yes));
  CHECK_FALSE(holds("not demo_requested", yes));
  CHECK_FALSE(holds("demo_requested", no));
  CHECK(holds("not demo_requested", no));
  CHECK_FALSE(holds("demo_requested", none));
  CHECK(holds("not demo_requested", none));
  CHECK(holds("demo_requested is missing", none));
  CHECK(holds("demo_requested is present", no));
  CHECK(holds("demo_requested = true", yes));
  CHECK(holds("demo_requested = false", no));
  CHECK_FALSE(holds("demo_requested = false", none));
  CHECK_FALSE(holds("demo_requested != true", none));
}

TEST_CASE("and, or, not with missing values and short-circuits") {
  Lead l = lead();
  l.flag("demo_requested", true).integer("company_size", 10);
  CHECK(holds("demo_requested and company_size = 10", l));
  CHECK_FALSE(holds("demo_requested and company_size = 11", l));
  CHECK(holds("company_size = 11 or demo_requested", l));
  CHECK(holds("unsubscribed or demo_requested", l));
  CHECK_FALSE(holds("unsubscribed and demo_requested", l));
  CHECK(holds("not unsubscribed and demo_requested", l));
  CHECK(holds("not (unsubscribed or company_size > 100) and (demo_requested or unsubscribed)", l));
  CHECK_FALSE(holds("not demo_requested or company_size > 10", l));
  CHECK(holds("unsubscribed or company_size > 100 or company_size < 20", l));
  CHECK(holds("demo_requested and company_size > 1 and company_size < 20 and not unsubscribed", l));
}

TEST_CASE("lets: conditions, values and lists") {
  Lead l = lead();
  l.str("job_title", "VP Marketing").integer("company_size", 250).str("email", "a@gmail.com");
  Result r = score("let senior = job_title matches /\\bvp\\b/i\nlet big_co = company_size >= 100\n"
                   "let half = company_size / 2\nlet free = [\"gmail.com\"]\n"
                   "when senior and big_co add 10\nwhen half = 125 add 1\n"
                   "when email_domain(email) in free subtract 3 as \"Free email\"\n"
                   "when not senior add 100\n", l);
  CHECK(r.score == 8);
  CHECK(r.has_fired("Free email"));
  CHECK_FALSE(r.has_fired("when not senior add 100"));
}

TEST_CASE("fired lists scoring rules in source order, across groups") {
  Lead l = lead();
  l.flag("demo_requested", true).integer("company_size", 500).members("visited", {"blog"});
  Result r = score("when demo_requested add 1 as \"first\"\n"
                   "group a {\n  when visited blog add 2 as \"second\"\n  when unsubscribed add 9 as \"never\"\n}\n"
                   "when company_size > 1 add 3 as \"third\"\n"
                   "group b {\n  when demo_requested add 4 as \"fourth\"\n}\n"
                   "reject when demo_requested as \"rej\"\n", l);
  CHECK(r.fired == std::vector<std::string>{"first", "second", "third", "fourth"});
  CHECK(r.points == std::vector<double>{1, 2, 3, 4});
  CHECK(r.score == 10);
  CHECK(r.reason == "rej");
}

TEST_CASE("an error record is not scored") {
  auto l = load("when demo_requested add 5\nqualify at 0\ntier everyone\n");
  REQUIRE(l->ok());
  Lead bad = lead();
  bad.flag("demo_requested", true).error("line 3: field 'company_size': 'lots' is not an int");
  Result r = run(l->program(), bad);
  CHECK(r.status == RowStatus::Error);
  CHECK_FALSE(r.qualified);
  CHECK(r.tier.empty());
  CHECK(r.fired.empty());
}

TEST_CASE("one VM scores many records: nothing carries over") {
  auto l = load("group g max 100 decay 50% every 1 days since last_activity {\n  when demo_requested add 10\n}\n"
                "when email matches gmail add 1\nreject when unsubscribed as \"U\"\nqualify at 5\n"
                "tier hot at 5\ntier cold\n");
  REQUIRE(l->ok());
  const Program& p = l->program();
  Vm vm(p);
  Lead a = lead();
  a.flag("demo_requested", true).flag("unsubscribed", true).str("email", "x@gmail.com");
  Lead b = lead();
  b.str("email", "x@acme.com");
  Lead c = lead();
  c.flag("demo_requested", true).date("last_activity", "2026-10-31");

  const Outcome& oa = vm.run(a.record(), default_as_of);
  CHECK(oa.score == 11);
  CHECK(oa.status == RowStatus::Rejected);
  CHECK(oa.fired.size() == 2);
  const Outcome& ob = vm.run(b.record(), default_as_of);
  CHECK(ob.score == 0);
  CHECK(ob.status == RowStatus::Ok);
  CHECK(ob.reject == -1);
  CHECK(ob.fired.empty());
  CHECK(ob.tier == 1);
  CHECK_FALSE(ob.qualified);
  const Outcome& oc = vm.run(c.record(), default_as_of);
  CHECK(oc.score == 5);
  CHECK(oc.qualified);
  CHECK(oc.tier == 0);
  REQUIRE(oc.groups.size() == 2);
  CHECK(oc.groups[0] == 5);
  CHECK(oc.groups_raw[0] == 10);
}

TEST_CASE("make_row: key, status, reason, named group columns, fired labels") {
  auto l = load("group fit {\n  when demo_requested add 5 as \"Demo\"\n}\nwhen demo_requested add 1\n"
                "reject when unsubscribed as \"Gone\"\ntier t\n");
  REQUIRE(l->ok());
  const Program& p = l->program();
  Vm vm(p);
  Lead a = lead();
  a.flag("demo_requested", true).flag("unsubscribed", true);
  std::vector<std::string_view> labels;
  const Outcome& o = vm.run(a.record(), default_as_of);
  ScoredRow row = make_row(p, a.record(), o, labels, true);
  CHECK(row.key == "L1");
  CHECK(row.status == RowStatus::Rejected);
  CHECK(row.score == 6);
  CHECK(row.reason == "Gone");
  CHECK(row.tier.empty());
  REQUIRE(row.groups.size() == 1);  // the implicit group gets no column
  CHECK(row.groups[0] == 5);
  REQUIRE(row.fired.size() == 2);
  CHECK(row.fired[0] == "Demo");
  CHECK(row.fired[1] == "when demo_requested add 1");
}

}  // TEST_SUITE

// `in [...]` of strings: a list of up to 16 is searched in order by length and first byte
// (same_text), a longer one by binary search; both must give exact membership.
TEST_CASE("string lists: short and long, same lengths and same first bytes") {
  const std::string short_list = R"(["DE", "DK", "US", "", "Deutschland"])";
  std::string long_list = R"(["DE", "DK", "US", "", "Deutschland")";
  for (int i = 0; i < 20; ++i) long_list += ", \"X" + std::to_string(i) + "\"";
  long_list += "]";
  for (const std::string& list : {short_list, long_list}) {
    INFO(list);
    for (const char* in : {"DE", "DK", "US", "Deutschland"}) {
      Lead l = lead();
      l.str("country", in);
      CHECK(holds("country in " + list, l));
      CHECK_FALSE(holds("country not in " + list, l));
    }
    for (const char* out : {"D", "DEU", "Dk", "EU", "de", "Deutschlanx"}) {
      Lead l = lead();
      l.str("country", out);
      CHECK_FALSE(holds("country in " + list, l));
      CHECK(holds("country not in " + list, l));
    }
  }
}
