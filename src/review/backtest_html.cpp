// `backtest --format html`: one self-contained page for a sales manager (html.hpp's blocks).
#include <fmt/format.h>

#include "leadscore/review.hpp"
#include "review/html.hpp"
#include "review/text_table.hpp"

namespace leadscore::review {
namespace {

html::Table group_table(const std::vector<GroupFigures>& groups, std::string_view first, bool mean_score) {
  html::Table t;
  t.header = {std::string(first), "leads", "converted", "rate", "lift", "revenue"};
  t.numeric = {false, true, true, true, true, true, true};
  if (mean_score) t.header.insert(t.header.begin() + 5, "mean score");
  for (const GroupFigures& g : groups) {
    std::vector<std::string> row{g.name, text_count(g.leads), text_count(g.converted),
                                 text_percent(g.rate), text_fixed(g.lift, 2), text_fixed(g.revenue, 2)};
    if (mean_score) row.insert(row.begin() + 5, text_fixed(g.mean_score, 2));
    t.rows.push_back(std::move(row));
  }
  return t;
}

html::BarChart rate_chart(std::string id, std::string title, const std::vector<GroupFigures>& groups,
                          double base_rate) {
  html::BarChart c;
  c.id = std::move(id);
  c.title = std::move(title);
  c.y_label = "conversion rate";
  c.percent = true;
  c.value_labels = groups.size() <= 12;
  html::Series rate{"conversion rate", {}, ""};
  for (const GroupFigures& g : groups) {
    c.categories.push_back(g.name);
    rate.values.push_back(g.rate);
  }
  c.series = {rate};
  c.reference_value = base_rate;
  c.reference_label = fmt::format("base rate {}", text_percent(base_rate));
  return c;
}

}  // namespace

std::string render_backtest_html(const Backtest& b) {
  std::string body;

  body += "<div class=\"figures\">\n";
  body += html::figure("leads with an outcome", text_count(b.leads));
  body += html::figure("converted", text_count(b.converted));
  body += html::figure("base rate", text_percent(b.base_rate));
  body += html::figure("ROC AUC", text_fixed(b.auc, 3));
  if (b.qualify_at) {
    body += html::figure(fmt::format("qualified (at {})", format_number(*b.qualify_at)), text_count(b.qualified));
    body += html::figure("precision", text_percent(b.precision));
    body += html::figure("recall", text_percent(b.recall));
  }
  body += html::figure("revenue", text_fixed(b.revenue, 0));
  body += "</div>\n";
  body += fmt::format(
      "<p class=\"note\">Left out of every figure: {} error records and {} leads without an outcome. "
      "{} outcome rows name no lead.</p>\n",
      b.errors, b.without_outcome, b.outcomes_without_lead);

  // Score histogram: each outcome's leads as a share of that outcome, so that the few converted
  // leads are as visible as the many others.
  std::string charts = "<div class=\"charts\">\n";
  {
    html::BarChart c;
    c.id = "score-histogram";
    c.title = "Score distribution by outcome (share of each group)";
    c.y_label = "share of leads";
    c.percent = true;
    html::Series conv{"converted", {}, std::string(html::palette[2])};
    html::Series not_conv{"not converted", {}, std::string(html::palette[0])};
    std::uint64_t total_conv = 0, total_not = 0;
    for (const HistogramBin& bin : b.histogram) {
      total_conv += bin.converted;
      total_not += bin.not_converted;
    }
    for (const HistogramBin& bin : b.histogram) {
      c.categories.push_back(fmt::format("{}", format_number(bin.from)));
      conv.values.push_back(total_conv ? static_cast<double>(bin.converted) / static_cast<double>(total_conv) : 0);
      not_conv.values.push_back(total_not ? static_cast<double>(bin.not_converted) / static_cast<double>(total_not) : 0);
    }
    c.series = {not_conv, conv};
    charts += html::bar_chart(c);
  }
  {
    html::LineChart c;
    c.id = "roc-curve";
    c.title = fmt::format("ROC curve (AUC {})", text_fixed(b.auc, 3));
    c.x_label = "false positive rate (share of non-converted leads above the cut)";
    c.y_label = "true positive rate (recall)";
    c.square = true;
    html::LineSeries model{"model", {}, "", false};
    for (const RocPoint& p : b.roc) model.points.push_back({p.fpr, p.tpr});
    html::LineSeries chance{"chance", {{0, 0}, {1, 1}}, std::string(html::palette[5]), true};
    c.series = {model, chance};
    charts += html::line_chart(c);
  }
  charts += html::bar_chart(rate_chart("tier-conversion", "Conversion by tier", b.tiers, b.base_rate));
  {
    html::BarChart c = rate_chart("decile-conversion", "Conversion by score decile (1 = best-ranked tenth)",
                                  b.deciles, b.base_rate);
    charts += html::bar_chart(c);
  }
  if (!b.by_field.empty()) {
    // A chart of more than 30 bars is unreadable; the table below lists every value.
    constexpr std::size_t max_bars = 30;
    const bool cut = b.by.size() > max_bars;
    const std::vector<GroupFigures> shown(b.by.begin(), cut ? b.by.begin() + max_bars : b.by.end());
    charts += html::bar_chart(rate_chart(
        "by-conversion",
        fmt::format("Conversion by {}{}", b.by_field, cut ? fmt::format(" (the first {} values)", max_bars) : ""),
        shown, b.base_rate));
  }
  charts += "</div>\n";
  body += html::section("Charts", charts);

  html::Table tiers = group_table(b.tiers, "tier", false);
  tiers.id = "tiers";
  body += html::section("Tiers", html::table(tiers));

  html::Table thresholds;
  thresholds.id = "thresholds";
  thresholds.header = {"qualify at", "qualified", "converted", "precision", "recall"};
  thresholds.numeric = {true, true, true, true, true};
  for (const ThresholdFigures& f : b.thresholds) {
    thresholds.rows.push_back({format_number(f.at), text_count(f.qualified), text_count(f.converted),
                               text_percent(f.precision), text_percent(f.recall)});
    thresholds.row_class.push_back(b.qualify_at && *b.qualify_at == f.at ? "current" : "");
  }
  body += html::section("What other qualify-at thresholds would give", html::table(thresholds));

  html::Table rules;
  rules.id = "rules";
  rules.header = {"line", "rule", "points", "fired", "converted", "rate fired", "rate not fired", "lift", "flag"};
  rules.numeric = {true, false, true, true, true, true, true, true, false};
  for (const RuleFigures& r : b.rules) {
    rules.rows.push_back({text_count(r.line), r.label, format_number(r.points), text_count(r.fired),
                          text_count(r.converted_fired), text_percent(r.rate_fired),
                          text_percent(r.rate_not_fired), text_fixed(r.lift, 2), r.flag});
    rules.row_class.push_back(r.flag);
  }
  body += html::section(
      "Rules",
      html::table(rules) +
          fmt::format("<p class=\"note\">sign: the rule's points disagree with the outcomes (it adds points but "
                      "the leads it fires for convert less than the rest, or the reverse). rare: fired fewer "
                      "than {} times or for fewer than {} converted leads, too few to judge.</p>\n",
                      RuleFigures::rare_min_fired, RuleFigures::rare_min_converted));

  if (!b.by_field.empty()) {
    html::Table by = group_table(b.by, b.by_field, true);
    by.id = "by";
    body += html::section(fmt::format("By {}", b.by_field), html::table(by));
  }

  return html::page(fmt::format("Backtest: {}", b.model_name.empty() ? "model" : b.model_name),
                    fmt::format("{} leads with an outcome, {} converted", b.leads, b.converted), body);
}

}  // namespace leadscore::review
