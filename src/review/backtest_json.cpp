// `backtest --format json`: one object; the names are listed in docs/review.md. Rates are fractions
// (0.0371, not 3.71); a figure with no denominator is null.
#include <cmath>

#include <fmt/format.h>

#include "common/json_string.hpp"
#include "leadscore/review.hpp"

namespace leadscore::review {
namespace {

// A flat JSON object builder: members are added in order, one object per line inside arrays.
class Obj {
 public:
  explicit Obj(std::string& out) : out_(out) { out_ += '{'; }
  Obj& num(std::string_view name, double x) {
    key(name);
    if (std::isfinite(x))
      append_number(out_, x);
    else
      out_ += "null";
    return *this;
  }
  Obj& count(std::string_view name, std::uint64_t n) {
    key(name);
    fmt::format_to(std::back_inserter(out_), "{}", n);
    return *this;
  }
  Obj& str(std::string_view name, std::string_view text) {
    key(name);
    append_json_string(out_, text);
    return *this;
  }
  Obj& null(std::string_view name) {
    key(name);
    out_ += "null";
    return *this;
  }
  // Starts a member whose value the caller writes.
  Obj& raw(std::string_view name) {
    key(name);
    return *this;
  }
  void end() { out_ += '}'; }

 private:
  void key(std::string_view name) {
    if (!first_) out_ += ", ";
    first_ = false;
    append_json_string(out_, name);
    out_ += ": ";
  }
  std::string& out_;
  bool first_ = true;
};

template <typename T, typename Each>
void array(std::string& out, const std::vector<T>& items, Each each) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    each(items[i]);
  }
  out += items.empty() ? "]" : "\n  ]";
}

void group(std::string& out, const GroupFigures& g, std::string_view name_key, bool mean_score) {
  Obj o(out);
  o.str(name_key, g.name).count("leads", g.leads).count("converted", g.converted).num("rate", g.rate)
      .num("lift", g.lift).num("revenue", g.revenue);
  if (mean_score) o.num("mean_score", g.mean_score);
  o.end();
}

}  // namespace

std::string render_backtest_json(const Backtest& b) {
  std::string out;
  out += "{\n  ";
  // The top-level members one per line: the figures first, then the tables.
  auto member = [&out, first = true](std::string_view name) mutable {
    if (!first) out += ",\n  ";
    first = false;
    append_json_string(out, name);
    out += ": ";
  };
  auto number = [&out](double x) {
    if (std::isfinite(x))
      append_number(out, x);
    else
      out += "null";
  };
  member("model");
  append_json_string(out, b.model_name);
  member("records");
  fmt::format_to(std::back_inserter(out), "{}", b.records);
  for (const auto& [name, n] : {std::pair<std::string_view, std::uint64_t>{"leads", b.leads}, {"converted", b.converted}}) {
    member(name);
    fmt::format_to(std::back_inserter(out), "{}", n);
  }
  member("base_rate");
  number(b.base_rate);
  member("auc");
  number(b.auc);
  member("qualify_at");
  if (b.qualify_at)
    number(*b.qualify_at);
  else
    out += "null";
  member("qualified");
  fmt::format_to(std::back_inserter(out), "{}", b.qualified);
  member("precision");
  number(b.precision);
  member("recall");
  number(b.recall);
  member("revenue");
  number(b.revenue);
  for (const auto& [name, n] : {std::pair<std::string_view, std::uint64_t>{"errors", b.errors},
                                {"without_outcome", b.without_outcome},
                                {"outcomes_without_lead", b.outcomes_without_lead}}) {
    member(name);
    fmt::format_to(std::back_inserter(out), "{}", n);
  }

  member("tiers");
  array(out, b.tiers, [&out](const GroupFigures& g) { group(out, g, "tier", false); });
  member("thresholds");
  array(out, b.thresholds, [&out](const ThresholdFigures& f) {
    Obj(out).num("at", f.at).count("qualified", f.qualified).count("converted", f.converted)
        .num("precision", f.precision).num("recall", f.recall).end();
  });
  member("deciles");
  array(out, b.deciles, [&out](const GroupFigures& d) {
    Obj(out).count("decile", std::stoull(d.name)).num("min_score", d.min_score).num("max_score", d.max_score)
        .num("mean_score", d.mean_score).count("leads", d.leads).count("converted", d.converted)
        .num("rate", d.rate).num("lift", d.lift).end();
  });
  member("rules");
  array(out, b.rules, [&out](const RuleFigures& r) {
    Obj o(out);
    o.str("label", r.label).count("line", r.line).num("points", r.points).count("fired", r.fired)
        .count("converted_fired", r.converted_fired).num("rate_fired", r.rate_fired)
        .num("rate_not_fired", r.rate_not_fired).num("lift", r.lift);
    if (r.flag.empty())
      o.null("flag");
    else
      o.str("flag", r.flag);
    o.end();
  });
  if (!b.by_field.empty()) {
    member("by");
    out += "{\"field\": ";
    append_json_string(out, b.by_field);
    out += ", \"values\": ";
    array(out, b.by, [&out](const GroupFigures& g) { group(out, g, "value", true); });
    out += '}';
  }
  out += "\n}\n";
  return out;
}

}  // namespace leadscore::review
