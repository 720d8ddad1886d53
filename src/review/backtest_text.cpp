// `backtest --format text`: the report for a person at a terminal.
#include <fmt/format.h>

#include "leadscore/review.hpp"
#include "review/text_table.hpp"

namespace leadscore::review {
namespace {

void group_table(std::string& out, const std::vector<GroupFigures>& groups, std::string_view first,
                 bool mean_score) {
  std::vector<std::string> header{std::string(first), "leads", "converted", "rate", "lift", "revenue"};
  if (mean_score) header.insert(header.begin() + 5, "mean score");
  TextTable t(std::move(header));
  for (const GroupFigures& g : groups) {
    std::vector<std::string> row{g.name, text_count(g.leads), text_count(g.converted),
                                 text_percent(g.rate), text_fixed(g.lift, 2), text_fixed(g.revenue, 2)};
    if (mean_score) row.insert(row.begin() + 5, text_fixed(g.mean_score, 2));
    t.add(std::move(row));
  }
  t.render(out);
}

}  // namespace

std::string render_backtest_text(const Backtest& b) {
  std::string out;
  auto line = [&out](std::string_view s) {
    out += s;
    out += '\n';
  };
  if (!b.model_name.empty()) line(fmt::format("model: {}", b.model_name));
  line(fmt::format("leads: {} with an outcome ({} records; left out: {} error records, {} without an "
                   "outcome; {} outcome rows without a lead)",
                   b.leads, b.records, b.errors, b.without_outcome, b.outcomes_without_lead));
  line(fmt::format("converted: {} (base rate {})", b.converted, text_percent(b.base_rate)));
  line(fmt::format("AUC: {}", text_fixed(b.auc, 4)));
  if (b.qualify_at)
    line(fmt::format("qualified (qualify at {}): {}, precision {}, recall {}", format_number(*b.qualify_at),
                     b.qualified, text_percent(b.precision), text_percent(b.recall)));
  else
    line("qualified: none (the model has no `qualify at`)");
  line(fmt::format("revenue (deal_value of converted leads): {}", text_fixed(b.revenue, 2)));

  line("");
  line("tiers:");
  group_table(out, b.tiers, "tier", false);

  line("");
  line("thresholds (what `qualify at` would give):");
  {
    TextTable t({"qualify at", "qualified", "converted", "precision", "recall"});
    for (const ThresholdFigures& f : b.thresholds)
      t.add({format_number(f.at), text_count(f.qualified), text_count(f.converted),
             text_percent(f.precision), text_percent(f.recall)});
    t.render(out);
  }

  line("");
  line("calibration by score decile (1 = the best-ranked tenth; rejected leads rank last):");
  {
    TextTable t({"decile", "min score", "max score", "mean score", "leads", "converted", "rate", "lift"});
    for (const GroupFigures& d : b.deciles)
      t.add({d.name, text_fixed(d.min_score, 2), text_fixed(d.max_score, 2), text_fixed(d.mean_score, 2),
             text_count(d.leads), text_count(d.converted), text_percent(d.rate), text_fixed(d.lift, 2)});
    t.render(out);
  }

  line("");
  line(fmt::format("rules (flag: sign = the points disagree with the outcomes; rare = fired fewer "
                   "than {} times or for fewer than {} converted leads):",
                   RuleFigures::rare_min_fired, RuleFigures::rare_min_converted));
  {
    TextTable t({"line", "rule", "points", "fired", "converted", "rate fired", "rate not fired", "lift", "flag"}, 2);
    for (const RuleFigures& r : b.rules)
      t.add({text_count(r.line), r.label, format_number(r.points), text_count(r.fired),
             text_count(r.converted_fired), text_percent(r.rate_fired), text_percent(r.rate_not_fired),
             text_fixed(r.lift, 2), r.flag});
    t.render(out);
  }

  if (!b.by_field.empty()) {
    line("");
    line(fmt::format("by {}:", b.by_field));
    group_table(out, b.by, b.by_field, true);
  }
  return out;
}

}  // namespace leadscore::review
