// `leadscore diff --format html`: the diff as one self-contained page for a sales manager, built from
// the review stage's HTML blocks (html.hpp): headline figures, the model's changes, the tier matrix
// as a heat map, the score shift as an SVG bar chart, the backtests and the leads that moved most.
// Nothing is fetched and there is no script.
#include <algorithm>

#include "review/diff_render.hpp"
#include "review/html.hpp"

namespace leadscore {

namespace {

using review::percent;
using review::share;
using review::signed_number;
namespace html = review::html;

std::string count(std::uint64_t n) { return fmt::format("{}", n); }

std::string figures(const LeadDiff& d) {
  std::string out = "<div class=\"figures\">\n";
  out += html::figure("leads compared", count(d.leads));
  out += html::figure("newly qualified", count(d.newly_qualified));
  out += html::figure("no longer qualified", count(d.no_longer_qualified));
  out += html::figure("qualification changed", percent(share(d.newly_qualified + d.no_longer_qualified, d.leads)));
  out += html::figure("tier changed", percent(share(d.tier_changed, d.leads)));
  out += html::figure("mean score shift", review::short_signed(d.mean_shift));
  if (d.errors > 0) out += html::figure("error records left out", count(d.errors));
  out += "</div>\n";
  return out;
}

std::string model_changes(const DiffReport& r) {
  if (r.model_changes.empty()) return "<p class=\"note\">The two models have the same rules and numbers.</p>\n";
  html::Table t;
  t.id = "model-changes";
  t.header = {"line", "change", "what", "before", "after"};
  t.numeric = {false, false, false, false, false};
  for (const auto& c : r.model_changes) {
    t.rows.push_back({review::lines_text(c), review::kind_words(c.kind), c.label, c.old_text, c.new_text});
  }
  return html::table(t);
}

// The tier matrix as a heat map: each cell shaded by its share of the leads, moves between tiers in
// the second colour so that they stand out from the leads that stayed.
std::string tier_matrix(const LeadDiff& d) {
  std::uint64_t most = 1;
  for (const auto& row : d.matrix) {
    for (auto n : row) most = std::max(most, n);
  }
  std::string out = "<table id=\"tier-matrix\" class=\"matrix\">\n<tr><th>old \\ new</th>";
  for (const auto& n : d.new_tiers) out += fmt::format("<th class=\"num\">{}</th>", html::escape(n));
  out += "</tr>\n";
  for (std::size_t row = 0; row < d.old_tiers.size(); ++row) {
    out += fmt::format("<tr><th>{}</th>", html::escape(d.old_tiers[row]));
    for (std::size_t c = 0; c < d.new_tiers.size(); ++c) {
      std::uint64_t n = d.matrix[row][c];
      bool stayed = d.old_tiers[row] == d.new_tiers[c];
      // Opacity from 0.08 (one lead) to 0.8 (the fullest cell); an empty cell stays white.
      double alpha = n == 0 ? 0 : 0.08 + 0.72 * static_cast<double>(n) / static_cast<double>(most);
      out += fmt::format("<td class=\"num\" style=\"background: rgba({}, {:.2f}); color: {}\" title=\"{} → {}: {} leads\">{}</td>",
                         stayed ? "43, 108, 176" : "221, 107, 32", alpha, alpha > 0.5 ? "#fff" : "#1a202c",
                         html::escape(d.old_tiers[row]), html::escape(d.new_tiers[c]), n, n);
    }
    out += "</tr>\n";
  }
  out += "</table>\n<p class=\"note\">Rows: the tier under the old model; columns: under the new one. "
         "Blue cells are leads that stayed, orange ones leads that moved.</p>\n";
  return out;
}

std::string shift_chart(const LeadDiff& d) {
  html::BarChart c;
  c.id = "score-shift";
  c.title = "Score shift (new score - old score)";
  c.y_label = "leads";
  html::Series s;
  s.name = "leads";
  for (const auto& b : d.shift) {
    c.categories.push_back(b.label);
    s.values.push_back(static_cast<double>(b.leads));
  }
  c.series.push_back(std::move(s));
  c.value_labels = true;
  return "<div class=\"charts\">\n" + html::bar_chart(c) + "</div>\n";
}

std::string backtests(const LeadDiff& d) {
  const DiffBacktest& o = *d.old_backtest;
  const DiffBacktest& n = *d.new_backtest;
  html::Table t;
  t.id = "backtests";
  t.header = {"", "old", "new", "change"};
  t.numeric = {false, true, true, true};
  t.rows.push_back({"AUC", review::ratio(o.auc), review::ratio(n.auc), review::signed_ratio(n.auc - o.auc)});
  t.rows.push_back({"precision", review::ratio(o.precision), review::ratio(n.precision),
                    review::signed_ratio(n.precision - o.precision)});
  t.rows.push_back({"recall", review::ratio(o.recall), review::ratio(n.recall), review::signed_ratio(n.recall - o.recall)});
  t.rows.push_back({"qualified", count(o.qualified), count(n.qualified),
                    signed_number(static_cast<double>(n.qualified) - static_cast<double>(o.qualified))});
  return fmt::format("<p class=\"note\">{} leads with an outcome, {} converted; {} leads without one left out.</p>\n",
                     n.leads, n.converted, d.without_outcome) +
         html::table(t);
}

std::string movers(const LeadDiff& d) {
  if (d.top.empty()) return "<p class=\"note\">No lead moved.</p>\n";
  html::Table t;
  t.id = "movers";
  t.header = {"lead", "line", "score", "shift", "tier", "qualified", "fired before", "fired after"};
  t.numeric = {false, true, false, true, false, false, false, false};
  for (const auto& m : d.top) {
    t.rows.push_back({m.key, count(m.line),
                      fmt::format("{} → {}", format_number(m.before.score), format_number(m.after.score)),
                      signed_number(m.shift()), fmt::format("{} → {}", m.before.tier, m.after.tier),
                      fmt::format("{} → {}", review::yes_no(m.before.qualified), review::yes_no(m.after.qualified)),
                      fmt::format("{}", fmt::join(m.before.fired, "; ")),
                      fmt::format("{}", fmt::join(m.after.fired, "; "))});
  }
  return fmt::format("<p class=\"note\">{} of the {} leads that moved.</p>\n", d.top.size(), d.moved) + html::table(t);
}

std::string fail_on(const DiffReport& r) {
  std::string out = "<ul>\n";
  for (const auto& f : r.fail_on) out += fmt::format("<li>{}</li>\n", html::escape(fail_on_message(f)));
  return out + "</ul>\n";
}

}  // namespace

std::string render_diff_html(const DiffReport& r) {
  const LeadDiff& d = r.leads;
  std::string body = figures(d);
  body += html::section("Model changes", model_changes(r));
  if (d.old_backtest && d.new_backtest) body += html::section("Against outcomes", backtests(d));
  if (d.leads > 0) {
    body += html::section("Tier moves", tier_matrix(d));
    body += html::section("Score shift", shift_chart(d));
  }
  body += html::section("Leads that moved most", movers(d));
  if (!r.fail_on.empty()) body += html::section("--fail-on", fail_on(r));
  return html::page(fmt::format("leadscore diff: {} → {}", r.old_name, r.new_name),
                    fmt::format("{} leads as of {}", d.leads, format_date(r.as_of)), body);
}

}  // namespace leadscore
