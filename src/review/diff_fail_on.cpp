// `--fail-on`: the conditions under which `leadscore diff` fails a pull request, parsed and judged.
#include <charconv>
#include <optional>
#include <cmath>

#include <fmt/format.h>

#include "review/diff_render.hpp"

namespace leadscore {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A plain decimal number, the whole text; no `+`, `nan` or `inf`.
std::optional<double> number(std::string_view s) {
  if (s.empty() || s.front() == '+') return std::nullopt;
  double x = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x, std::chars_format::fixed);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(x)) return std::nullopt;
  return x;
}

struct MetricName {
  std::string_view name;
  FailMetric metric;
  bool share;
};

constexpr MetricName metrics[] = {
    {"qualified-change", FailMetric::QualifiedChange, true},
    {"tier-change", FailMetric::TierChange, true},
    {"auc-drop", FailMetric::AucDrop, false},
};

std::string condition_error(std::string_view item, std::string_view why) {
  return fmt::format("--fail-on '{}': {}", item, why);
}

}  // namespace

FailOnParse parse_fail_on(std::string_view text) {
  FailOnParse out;
  if (trimmed(text).empty()) {
    out.error = "--fail-on needs a condition such as qualified-change>5%";
    return out;
  }
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view item = trimmed(text.substr(0, comma));
    std::size_t gt = item.find('>');
    if (gt == std::string_view::npos) {
      out.error = condition_error(item, "expected NAME>VALUE, e.g. qualified-change>5%");
      return out;
    }
    std::string_view name = trimmed(item.substr(0, gt));
    std::string_view value = trimmed(item.substr(gt + 1));
    const MetricName* m = nullptr;
    for (const auto& candidate : metrics) {
      if (candidate.name == name) m = &candidate;
    }
    if (!m) {
      out.error = condition_error(item, fmt::format("unknown name '{}'; the names are qualified-change, tier-change and auc-drop", name));
      return out;
    }
    if (!value.empty() && value.front() == '=') {
      out.error = condition_error(item, "only '>' is supported (the condition holds when the value is strictly above)");
      return out;
    }
    FailCondition c;
    c.metric = m->metric;
    c.text = std::string(item);
    bool percent = !value.empty() && value.back() == '%';
    std::optional<double> x = number(percent ? trimmed(value.substr(0, value.size() - 1)) : value);
    if (!x) {
      out.error = condition_error(item, fmt::format("'{}' is not a number", value));
      return out;
    }
    if (m->share) {
      if (percent) *x /= 100;
      if (*x < 0 || *x > 1) {
        out.error = condition_error(item, "a share is a percentage from 0% to 100% or a fraction from 0 to 1");
        return out;
      }
    } else if (percent) {
      out.error = condition_error(item, "auc-drop is a difference of AUCs such as 0.01, not a percentage");
      return out;
    }
    c.threshold = *x;
    out.conditions.push_back(std::move(c));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

void evaluate_fail_on(DiffReport& report, const std::vector<FailCondition>& conditions) {
  report.fail_on.clear();
  const LeadDiff& d = report.leads;
  auto share = [&](std::uint64_t n) { return d.leads == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(d.leads); };
  for (const auto& c : conditions) {
    FailResult r{c, 0, false};
    switch (c.metric) {
      case FailMetric::QualifiedChange: r.value = share(d.newly_qualified + d.no_longer_qualified); break;
      case FailMetric::TierChange: r.value = share(d.tier_changed); break;
      case FailMetric::AucDrop:
        if (!report.leads.old_backtest || !report.leads.new_backtest) {
          report.fail_on.push_back(r);
          continue;
        }
        // To 12 decimals: 0.80 - 0.79 is 0.010000000000000009 in doubles, and `auc-drop>0.01` must
        // not hold for it.
        r.value = std::round((report.leads.old_backtest->auc - report.leads.new_backtest->auc) * 1e12) / 1e12;
        break;
    }
    r.held = r.value > c.threshold;
    report.fail_on.push_back(r);
  }
}

bool any_failed(const DiffReport& report) {
  for (const auto& r : report.fail_on) {
    if (r.held) return true;
  }
  return false;
}

std::string fail_on_message(const FailResult& r) {
  std::string head = fmt::format("{} {}", r.condition.text, r.held ? "holds" : "does not hold");
  switch (r.condition.metric) {
    case FailMetric::QualifiedChange:
      return fmt::format("{}: {} of leads change qualification", head, review::fail_value(r));
    case FailMetric::TierChange: return fmt::format("{}: {} of leads change tier", head, review::fail_value(r));
    case FailMetric::AucDrop: {
      FailResult rise = r;
      rise.value = -r.value;
      return r.value >= 0 ? fmt::format("{}: the AUC drops by {}", head, review::fail_value(r))
                          : fmt::format("{}: the AUC rises by {}", head, review::fail_value(rise));
    }
  }
  return head;
}

}  // namespace leadscore
