// The fixed schemas the fuzz targets check models against, and a few records of each (CSV) to score
// with what compiles. Copies of the unit tests' lead schema and of the example setups' schemas, so
// that the seed models from tests/ and examples/ get past the checker. A target reads no files.
#pragma once

#include <array>
#include <string_view>

namespace leadscore_fuzz {

struct FuzzSchema {
  std::string_view path;  // what a model's `schema "..."` line names (its tail picks the schema)
  std::string_view text;
  std::string_view rows;  // a CSV header and a few records
};

inline constexpr std::array<FuzzSchema, 5> fuzz_schemas = {{
    {"lead.schema",
     R"schema(schema lead {
  id:             string  key
  email:          string  required
  job_title:      string
  company_size:   int
  annual_revenue: number
  industry:       enum(saas, fintech, retail, healthcare, education, manufacturing, other)
  country:        string
  source:         enum(organic, paid, referral, event, outbound)
  visited:        set(pricing_page, contact_page, demo_page, blog, case_studies, docs, careers)
  downloaded:     set(ebook, whitepaper, case_study)
  email_opens:    int
  email_clicks:   int
  webinars:       int
  demo_requested: bool
  unsubscribed:   bool
  last_activity:  date
  created_at:     date
  tags:           set(string)
  ratio:          number
}
)schema",
     R"rows(id,email,job_title,company_size,annual_revenue,industry,country,source,visited,downloaded,email_opens,email_clicks,webinars,demo_requested,unsubscribed,last_activity,created_at
L00000000,omar.nguyen58@hooli190.co.uk,"Vice President, Sales",29,1888940.7,manufacturing,IN,referral,contact_page;demo_page,,1,0,0,false,false,2026-10-08,2025-12-30
L00000001,chen.silva52@gmail.com,Marketing Manager,,,fintech,NL,paid,,,0,0,0,false,false,2026-05-11,2026-02-10
L00000002,wen.tanaka28@hooli750.io,,276,2144163.21,,SG,referral,contact_page;blog;case_studies,whitepaper,0,0,0,false,false,2026-09-02,2025-11-06
L00000003,pia.rossi93@wayne643.io,Intern,121,333285141.96,healthcare,US,paid,blog,,0,0,0,false,false,2026-07-11,2026-03-29
L00000004,zoe.smith68@gmail.com,Head of Growth,1071,93741.9,education,FR,outbound,blog;docs;careers,whitepaper;case_study,0,0,0,true,false,2026-10-26,2026-08-21
)rows"},
    {"b2b_saas/lead.schema",
     R"schema(schema lead {
  id:                     string  key
  email:                  string  required
  job_title:              string
  company:                string
  company_size:           int
  industry:               enum(software, fintech, ecommerce, healthcare, education, manufacturing, media, government, other)
  country:                string
  source:                 enum(organic_search, paid_search, paid_social, referral, partner, event, outbound, product_signup)
  plan:                   enum(free, trial, starter, pro)
  trial_started:          date
  active_days_14:         int
  seats_invited:          int
  integrations_connected: int
  visited:                set(pricing, contact_sales, security, integrations, case_studies, docs, blog, careers)
  demo_requested:         bool
  email_clicks:           int
  unsubscribed:           bool
  last_activity:          date    required
  created_at:             date
}
)schema",
     R"rows(id,email,job_title,company,company_size,industry,country,source,plan,trial_started,active_days_14,seats_invited,integrations_connected,visited,demo_requested,email_clicks,unsubscribed,last_activity,created_at
SAAS-0001,tom.tanaka57@gmail.com,Head of Product,Fabrikam,506,media,GB,partner,trial,2026-10-11,3,0,0,pricing;docs;blog,true,4,false,2026-10-23,2026-02-28
SAAS-0002,gus.murphy@umbrella45.com,n/a,Umbrella,42,other,US,paid_social,free,,1,0,0,security;blog,false,0,false,2026-10-14,2026-02-21
SAAS-0003,office@wayne26.nl,Software Engineer,Wayne,13,software,PL,product_signup,pro,,0,0,0,integrations;blog,false,0,false,2026-10-27,2026-05-08
SAAS-0004,hana.silva@northwind85.de,Project Manager,Northwind,294,software,US,paid_search,free,,0,0,0,docs,false,0,false,2026-10-08,2026-02-28
SAAS-0005,gus.nguyen@tyrell97.com,Director of IT,Tyrell,347,,NL,organic_search,trial,2026-10-14,6,3,3,pricing;integrations;blog;careers,false,1,false,2026-10-28,2026-09-21
)rows"},
    {"inquiry.schema",
     R"schema(schema inquiry {
  id:                  string  key
  email:               string  required
  name:                string
  job_title:           string
  company:             string
  website:             string
  country:             string
  company_size:        int
  industry:            enum(retail, consumer_goods, saas, finance, health, hospitality, nonprofit, education, industrial)
  source:              enum(referral, organic, paid, directory, event, social, outbound)
  budget:              enum(under_5k, k5_to_15k, k15_to_50k, k50_to_150k, over_150k)
  timeline:            enum(asap, within_month, within_quarter, exploring)
  services:            set(website, branding, seo, paid_media, content, social, video, strategy)
  message:             string
  has_rfp:             bool
  case_studies_viewed: int
  meetings_booked:     int
  last_contact:        date    required
  submitted_at:        date
}
)schema",
     R"rows(id,email,name,job_title,company,website,country,company_size,industry,source,budget,timeline,services,message,has_rfp,case_studies_viewed,meetings_booked,last_contact,submitted_at
INQ-0001,ben.okafor61@hotmail.co.uk,Ben Okafor,E-commerce Manager,Hooli,https://www.hooli12.co.uk,NO,8,retail,directory,,within_month,website,,false,0,0,2026-05-28,2026-05-14
INQ-0002,ivan.silva@stark94.net,Ivan Silva,,Stark,https://www.stark94.net,US,171,consumer_goods,social,,within_quarter,website;seo;paid_media;content;social,We are relaunching our brand next spring and need a new website with a shop. Budget is approved; we would like to see your e-commerce work and talk about timelines.,false,2,1,2026-06-17,2026-06-06
INQ-0003,ana.kim@soylent25.co,Ana Kim,CEO,Soylent,https://www.soylent25.co,US,10,nonprofit,referral,k15_to_50k,asap,seo,Can you help with SEO?,false,0,0,2026-11-01,2026-10-31
INQ-0004,aoife.dubois@soylent83.net,Aoife Dubois,CMO,Soylent,https://www.soylent83.net,US,,health,paid,under_5k,exploring,website;seo;social,Just exploring options for next year.,false,3,0,2026-08-22,2026-08-09
INQ-0005,raj.singh@nimbus41.io,Raj Singh,,Nimbus,https://www.nimbus41.io,DK,,nonprofit,referral,,within_month,website;seo;video,Can you help with SEO?,false,0,0,2026-09-11,2026-09-09
)rows"},
    {"shopper.schema",
     R"schema(schema shopper {
  id:                string  key
  email:             string  required
  country:           string
  signup_source:     enum(newsletter, checkout, account, instagram, google_shopping, referral, giveaway)
  profession:        string
  orders:            int
  lifetime_value:    number
  last_order_at:     date
  returns:           int
  cart_value:        number
  cart_abandoned:    bool
  product_views:     int
  categories_viewed: set(sofas, beds, tables, chairs, lighting, rugs, decor, outdoor)
  wishlist_items:    int
  used_coupon:       bool
  email_clicks:      int
  sms_opt_in:        bool
  unsubscribed:      bool
  last_visit:        date    required
}
)schema",
     R"rows(id,email,country,signup_source,profession,orders,lifetime_value,last_order_at,returns,cart_value,cart_abandoned,product_views,categories_viewed,wishlist_items,used_coupon,email_clicks,sms_opt_in,unsubscribed,last_visit
SHOP-00001,lars.ivanova@proton.me,IT,account,,0,,,0,,false,0,,0,false,0,false,false,2026-10-26
SHOP-00002,omar.garcia@gmail.com,US,account,,0,,,0,,false,1,sofas,0,false,0,false,false,2026-10-05
SHOP-00003,lars.okafor@gmail.com,CH,newsletter,,0,,,0,,false,2,sofas;chairs,0,false,0,false,false,2026-09-07
SHOP-00004,vik.rossi@web.de,SE,instagram,,0,,,0,,false,1,decor,0,false,0,true,false,2026-06-08
SHOP-00005,aoife.murphy@proton.me,DE,checkout,Software Engineer,1,165.81,2025-07-13,0,,false,3,,0,false,0,false,false,2026-10-27
)rows"},
    {"registrant.schema",
     R"schema(schema registrant {
  id:                string  key
  email:             string  required
  job_title:         string
  company:           string
  company_size:      int
  country:           string
  topic:             enum(product_demo, month_end_close, customer_panel, audit_readiness, partner_session)
  registered_at:     date
  attendance:        enum(live, replay, no_show)
  minutes_watched:   int
  questions_asked:   int
  poll_answers:      int
  downloaded:        set(slides, checklist, template, recording)
  clicked_cta:       bool
  webinars_attended: int
  survey_interest:   enum(not_now, learn_more, talk_to_sales)
  marketing_consent: bool
  last_engaged:      date    required
}
)schema",
     R"rows(id,email,job_title,company,company_size,country,topic,registered_at,attendance,minutes_watched,questions_asked,poll_answers,downloaded,clicked_cta,webinars_attended,survey_interest,marketing_consent,last_engaged
REG-0001,chen672@trashmail.io,VP Finance,Acme,,FR,audit_readiness,2026-10-18,no_show,,0,0,,false,0,,false,2026-10-18
REG-0002,tom.tanaka@initech7.co.uk,Financial Analyst,Initech,215,US,partner_session,2026-08-31,live,33,0,1,,false,1,not_now,false,2026-09-04
REG-0003,pia.larsen@umbrella14.net,,Umbrella,67,US,partner_session,2026-09-26,no_show,,0,0,,false,0,,false,2026-09-28
REG-0004,hana.singh53@gmail.com,Accounting Manager,Zenith,259,US,audit_readiness,2026-10-26,live,35,1,3,slides,true,5,talk_to_sales,true,2026-10-26
REG-0005,lena.berg@umbrella6.se,Financial Analyst,Umbrella,,AT,customer_panel,2026-10-26,no_show,,0,0,,false,0,,true,2026-10-30
)rows"},
}};

}  // namespace leadscore_fuzz
