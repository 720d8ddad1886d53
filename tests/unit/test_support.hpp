// Helpers shared by the syntax, check, compile and VM tests: parse model text, load a model against
// a schema written as text, build records by hand and score them.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "leadscore/ast.hpp"
#include "leadscore/check.hpp"
#include "leadscore/compile.hpp"
#include "leadscore/date.hpp"
#include "leadscore/diagnostic.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/parse.hpp"
#include "leadscore/program.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/vm.hpp"

namespace lstest {

using namespace leadscore;

// The schema of SPEC 2, plus a set of strings (`tags`) and a plain number (`ratio`).
inline constexpr std::string_view lead_schema_text = R"(schema lead {
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
)";

inline Day day(std::string_view text) {
  auto d = parse_date(text);
  if (!d) throw std::invalid_argument("bad date in a test: " + std::string(text));
  return *d;
}

inline const Day default_as_of = day("2026-11-01");

// "line:col: message" for every diagnostic, in order.
inline std::vector<std::string> located(const SourceManager& sources, const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    if (d.span.file == 0) {
      out.push_back(fmt::format("?:?: {}", d.message));
      continue;
    }
    auto lc = sources.file(d.span.file).line_col(d.span.begin);
    out.push_back(fmt::format("{}:{}: {}", lc.line, lc.column, d.message));
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// A model parsed (only) from text.
struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  ast::Model model;
  std::uint32_t file = 0;

  std::vector<std::string> errors() const { return located(sources, diags); }
  std::string text(Span s) const {
    return sources.file(s.file).text().substr(s.begin, s.end - s.begin);
  }
};

inline std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = p->sources.add("m.score", std::move(text));
  p->model = parse_model(p->sources, p->file, p->diags);
  return p;
}

struct ParsedSchema {
  SourceManager sources;
  Diagnostics diags;
  ast::SchemaFile file;
  Schema schema;
  std::vector<std::string> errors() const { return located(sources, diags); }
};

// Parses and (when it parsed) checks a schema.
inline std::unique_ptr<ParsedSchema> schema_from(std::string text) {
  auto p = std::make_unique<ParsedSchema>();
  auto id = p->sources.add("lead.schema", std::move(text));
  p->file = parse_schema(p->sources, id, p->diags);
  if (!p->diags.has_errors()) p->schema = check_schema(p->file, p->diags);
  return p;
}

// A schema from text that must check (a test's fixture); throws with its errors otherwise.
inline Schema checked_schema(std::string text) {
  auto p = schema_from(std::move(text));
  if (p->diags.has_errors()) throw std::logic_error("test schema does not check:\n" + joined(p->errors()));
  return p->schema;
}

inline const Schema& lead_schema() {
  static const Schema schema = checked_schema(std::string(lead_schema_text));
  return schema;
}

// A model loaded (parsed, checked, compiled) from text against the test schema.
struct Loaded {
  Session session;
  LoadedModel loaded;
  std::vector<std::string> errors() const { return located(session.sources, session.diagnostics); }
  bool ok() const { return loaded.program.has_value(); }
  const Program& program() const {
    if (!loaded.program) throw std::logic_error("model did not compile:\n" + joined(errors()));
    return *loaded.program;
  }
};

inline std::unique_ptr<Loaded> load(std::string text, const Schema& schema = lead_schema()) {
  auto l = std::make_unique<Loaded>();
  l->loaded = load_model_text(l->session, "m.score", std::move(text), schema, LintMode::Run);
  return l;
}

// The messages of every diagnostic of a model checked against the test schema, "line:col: message".
inline std::vector<std::string> check_errors(std::string text) { return load(std::move(text))->errors(); }

// A record built by hand, field by field by name.
class Lead {
 public:
  explicit Lead(const Schema& schema = lead_schema()) : schema_(&schema) {
    record_.reset(schema.fields.size());
  }

  Lead& str(std::string_view f, std::string_view v) {
    auto& slot = at(f, FieldType::String);
    slot.present = true;
    slot.str = keep(v);
    if (index(f) == schema_->key_index) record_.key = slot.str;
    return *this;
  }
  Lead& num(std::string_view f, double v) {
    auto& slot = at(f, FieldType::Number);
    slot.present = true;
    slot.num = v;
    return *this;
  }
  Lead& integer(std::string_view f, std::int64_t v) {
    auto& slot = at(f, FieldType::Int);
    slot.present = true;
    slot.i = v;
    slot.num = static_cast<double>(v);
    return *this;
  }
  Lead& flag(std::string_view f, bool v) {
    auto& slot = at(f, FieldType::Bool);
    slot.present = true;
    slot.b = v;
    return *this;
  }
  Lead& date(std::string_view f, std::string_view v) {
    auto& slot = at(f, FieldType::Date);
    slot.present = true;
    slot.date = day(v);
    slot.str = keep(v);
    return *this;
  }
  // A timestamp field's value from ISO 8601 text, as the readers take it.
  Lead& time(std::string_view f, std::string_view v) {
    auto& slot = at(f, FieldType::Timestamp);
    const auto parts = parse_iso_datetime(v);
    if (!parts) throw std::invalid_argument("bad timestamp in a test: " + std::string(v));
    slot.present = true;
    slot.i = parts->instant();
    slot.num = static_cast<double>(slot.i);
    slot.date = day_of(slot.i);
    slot.str = keep(v);
    return *this;
  }
  Lead& member(std::string_view f, std::string_view m) {
    auto& slot = at(f, FieldType::Enum);
    int k = field(f).member_index(m);
    if (k < 0) throw std::invalid_argument("no member " + std::string(m));
    slot.present = true;
    slot.member = static_cast<std::uint32_t>(k);
    slot.str = keep(m);
    return *this;
  }
  Lead& members(std::string_view f, std::initializer_list<std::string_view> ms) {
    auto& slot = at(f, FieldType::Set);
    slot.present = true;
    slot.set_bits = 0;
    for (auto m : ms) {
      int k = field(f).member_index(m);
      if (k < 0) throw std::invalid_argument("no member " + std::string(m));
      slot.set_bits |= std::uint64_t{1} << k;
    }
    return *this;
  }
  Lead& strings(std::string_view f, std::initializer_list<std::string_view> items) {
    auto& slot = at(f, FieldType::StringSet);
    slot.present = true;
    slot.items_begin = static_cast<std::uint32_t>(record_.items.size());
    slot.items_count = static_cast<std::uint32_t>(items.size());
    for (auto s : items) record_.items.push_back(keep(s));
    return *this;
  }
  Lead& error(std::string message) {
    record_.error = std::move(message);
    return *this;
  }
  const Record& record() const { return record_; }
  const Schema& schema() const { return *schema_; }

 private:
  int index(std::string_view f) const {
    int i = schema_->find(f);
    if (i < 0) throw std::invalid_argument("no field " + std::string(f));
    return i;
  }
  const Field& field(std::string_view f) const {
    return schema_->fields[static_cast<std::size_t>(index(f))];
  }
  FieldValue& at(std::string_view f, FieldType want) {
    const Field& fl = field(f);
    bool ok = fl.type == want || (want == FieldType::Number && fl.type == FieldType::Int);
    if (!ok) throw std::invalid_argument("wrong type for field " + std::string(f));
    return record_.values[static_cast<std::size_t>(index(f))];
  }
  std::string_view keep(std::string_view s) { return store_.emplace_back(s); }

  const Schema* schema_;
  Record record_;
  std::deque<std::string> store_;
};

// What a record came to, copied out of the VM.
struct Result {
  RowStatus status = RowStatus::Ok;
  double score = 0;
  bool qualified = false;
  std::string tier;
  std::string reason;
  std::vector<std::string> fired;
  std::vector<double> points;
  std::vector<double> groups;  // final totals, one per Program::groups
  std::vector<double> groups_raw, groups_decayed;

  bool has_fired(std::string_view label) const {
    for (const auto& f : fired) {
      if (f == label) return true;
    }
    return false;
  }
};

inline Result run(const Program& program, const Lead& lead, Day as_of = default_as_of) {
  Vm vm(program);
  const Outcome& o = vm.run(lead.record(), as_of);
  Result r;
  r.status = o.status;
  r.score = o.score;
  r.qualified = o.qualified;
  if (o.tier >= 0) r.tier = program.tiers[static_cast<std::size_t>(o.tier)].name;
  if (o.reject >= 0) r.reason = program.rejects[static_cast<std::size_t>(o.reject)].reason;
  if (o.status == RowStatus::Error) r.reason = lead.record().error;
  for (auto f : o.fired) r.fired.push_back(program.rules[f].label);
  r.points.assign(o.points.begin(), o.points.end());
  r.groups.assign(o.groups.begin(), o.groups.end());
  r.groups_raw.assign(o.groups_raw.begin(), o.groups_raw.end());
  r.groups_decayed.assign(o.groups_decayed.begin(), o.groups_decayed.end());
  return r;
}

// Loads `model` (it must compile) and scores `lead` with it.
inline Result score(std::string model, const Lead& lead, Day as_of = default_as_of) {
  auto l = load(std::move(model));
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  return run(l->program(), lead, as_of);
}

// Whether condition `cond` holds for `lead`: the score of `when COND add 1`, against the lead's schema.
inline bool holds(std::string cond, const Lead& lead, Day as_of = default_as_of) {
  auto l = load("when " + cond + " add 1\n", lead.schema());
  INFO(cond);
  INFO(joined(l->errors()));
  REQUIRE(l->ok());
  Result r = run(l->program(), lead, as_of);
  return r.score == 1;
}

inline Lead lead() {
  Lead l;
  l.str("id", "L1").str("email", "jane@acme.com");
  return l;
}

}  // namespace lstest
