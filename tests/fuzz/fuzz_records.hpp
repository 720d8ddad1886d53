// The CSV and JSON-lines targets: the input is a file of records read with the unit tests' lead
// schema (every field type, a set of strings and a plain number among them) and scored with a model
// that reads every field (the b2b_saas example model and a few rules more).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fuzz_support.hpp"

namespace leadscore_fuzz {

inline constexpr std::string_view records_model = R"model(let free_email_domains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me"]
let disposable_domains = ["mailinator.com", "guerrillamail.com", "10minutemail.com"]
let target_countries = ["US", "CA", "GB", "DE", "NL", "AU"]
let economic_buyer = job_title matches /\b(chief|c[emrt]o|vp|vice president|head of|founder|owner)\b/i
let champion = job_title matches /\b(director|manager|team lead)\b/i
let not_a_buyer = job_title matches /\b(student|intern|teacher|professor|retired)\b/i
let mid_market = company_size >= 200 and company_size < 5000
let enterprise = company_size >= 5000
group fit min 0 max 45 {
  when economic_buyer add 15 as "Economic buyer"
  when champion and not economic_buyer add 8 as "Champion"
  when not_a_buyer subtract 25 as "Not a buyer"
  when mid_market add 10 as "Mid-market"
  when enterprise add 15 as "Enterprise"
  when company_size < 10 subtract 5 as "Micro company"
  when annual_revenue > 10000000 add 5 as "Revenue over 10M"
  when industry in [saas, fintech] add 10 as "Core industry"
  when industry in [healthcare, manufacturing] add 4 as "Adjacent industry"
  when country in target_countries add 5 as "Target market"
  when email_domain(email) in free_email_domains subtract 10 as "Free email"
}
group engagement max 60 decay 20% every 14 days since last_activity {
  when demo_requested add 40 as "Demo requested"
  when visited pricing_page add 20 as "Pricing page"
  when visited demo_page add 15 as "Demo page"
  when visited any of [contact_page, case_studies] add 10 as "Contact or case studies"
  when visited all of [blog, docs] add 5 as "Reads blog and docs"
  when count(visited) >= 4 add 5 as "Browsed widely"
  when downloaded any of [whitepaper, case_study] add 10 as "Bottom-of-funnel content"
  when downloaded ebook add 5 as "Ebook"
  when webinars >= 1 add 10 per webinars up to 30 as "Webinars"
  when email_opens >= 5 add 5 as "Reads our mail"
  when email_clicks > 0 add 3 per email_clicks up to 15 as "Email clicks"
}
group hygiene {
  when unsubscribed subtract 20 as "Unsubscribed"
  when last_activity is missing subtract 5 as "No activity on record"
  when last_activity older than 180 days subtract 10 as "Gone quiet"
  when visited careers and not visited pricing_page subtract 10 as "Job seeker"
  when created_at before 2024-01-01 and email_opens = 0 subtract 5 as "Old, never opened"
}
when source = referral add 10 as "Referral"
when source = event and created_at within 30 days add 5 as "Fresh event lead"
reject when email ends with "@competitor.com" as "Competitor"
reject when email_domain(email) in disposable_domains as "Disposable email"
reject when email starts with "test" or email matches "+test@" as "Test record"
score min 0 max 100
qualify at 60
tier hot     at 80
tier warm    at 60
tier nurture at 30
tier cold
when tags "vip" add 5 as "VIP tag"
when tags any of ["gold", "partner"] add 3 as "Partner tag"
when ratio > 0.5 add 2 per ratio up to 10 as "Ratio"
when job_title is present and count(tags) >= 2 add 1 as "Tagged"
when days_since(created_at) < 30 add 1 as "New"
)model";

struct RecordsSetup {
  Session session;
  std::optional<Program> program;
};

inline const RecordsSetup& records_setup() {
  static const RecordsSetup* setup = [] {
    auto* s = new RecordsSetup;
    const Schema& schema = checked_schemas()[0].schema;
    LoadedModel loaded = load_model_text(s->session, "records.score", std::string(records_model), schema);
    if (!loaded.program) fail("the records model does not compile");
    s->program = std::move(loaded.program);
    return s;
  }();
  return *setup;
}

// Reads and scores `data` as a file of records in `format`.
inline int fuzz_records(RecordFormat format, const std::uint8_t* data, std::size_t size) {
  const RecordsSetup& setup = records_setup();
  MemoryInput in(data, size);
  if (in.get() == nullptr) return 0;
  score_records(in.get(), format, setup.program->schema, *setup.program);
  return 0;
}

}  // namespace leadscore_fuzz
