// `leadscore diff` for people at a terminal. docs/review.md shows an example; change both together.
#include <algorithm>

#include "review/diff_render.hpp"
#include "testing/table.hpp"

namespace leadscore {

namespace {

using review::percent;
using review::share;
using review::signed_number;
using testing::Table;
using Align = Table::Align;

void model_changes(std::string& out, const DiffReport& r) {
  if (r.model_changes.empty()) {
    out += "Model changes: none\n";
    return;
  }
  out += fmt::format("Model changes: {}\n", r.model_changes.size());
  Table t({Align::Left, Align::Left, Align::Left, Align::Left, Align::Left});
  t.add({"line", "change", "what", "before", "after"});
  for (const auto& c : r.model_changes) {
    t.add({review::lines_text(c), review::kind_words(c.kind), fmt::format("\"{}\"", c.label),
           c.old_text.empty() ? "-" : c.old_text, c.new_text.empty() ? "-" : c.new_text});
  }
  t.render(out, "  ");
}

void counts(std::string& out, const DiffReport& r) {
  const LeadDiff& d = r.leads;
  out += fmt::format("\nLeads: {} compared", d.leads);
  if (d.errors > 0) out += fmt::format(" ({} error record{} left out)", d.errors, d.errors == 1 ? "" : "s");
  out += '\n';
  if (d.leads == 0) return;
  Table t({Align::Left, Align::Right, Align::Left});
  auto row = [&](std::string what, std::uint64_t n, bool with_share) {
    t.add({std::move(what), fmt::format("{}", n), with_share ? "(" + percent(share(n, d.leads)) + ")" : ""});
  };
  row("moved (score, tier or status)", d.moved, true);
  row("score up", d.up, true);
  row("score down", d.down, true);
  row("newly qualified", d.newly_qualified, false);
  row("no longer qualified", d.no_longer_qualified, false);
  row("qualification changed", d.newly_qualified + d.no_longer_qualified, true);
  row("tier changed", d.tier_changed, true);
  if (d.newly_rejected + d.no_longer_rejected > 0) {
    row("newly rejected", d.newly_rejected, false);
    row("no longer rejected", d.no_longer_rejected, false);
  }
  t.render(out, "  ");
  out += fmt::format("  score shift: mean {}, smallest {}, largest {}\n", review::short_signed(d.mean_shift),
                     signed_number(d.min_shift), signed_number(d.max_shift));
}

void tier_matrix(std::string& out, const LeadDiff& d) {
  out += "\nTier moves (rows: old model, columns: new model)\n";
  std::vector<Align> align(d.new_tiers.size() + 1, Align::Right);
  align[0] = Align::Left;
  Table t(align);
  std::vector<std::string> head{"old \\ new"};
  for (const auto& n : d.new_tiers) head.push_back(n);
  t.add(std::move(head));
  for (std::size_t row = 0; row < d.old_tiers.size(); ++row) {
    std::vector<std::string> cells{d.old_tiers[row]};
    for (auto n : d.matrix[row]) cells.push_back(fmt::format("{}", n));
    t.add(std::move(cells));
  }
  t.render(out, "  ");
}

void shift_histogram(std::string& out, const LeadDiff& d) {
  out += "\nScore shift (new score - old score)\n";
  std::uint64_t most = 0;
  for (const auto& b : d.shift) most = std::max(most, b.leads);
  Table t({Align::Left, Align::Right, Align::Left});
  for (const auto& b : d.shift) {
    // Bars of at most 40 marks; a bar that is not empty shows at least one.
    std::size_t marks = most == 0 ? 0 : static_cast<std::size_t>((b.leads * 40 + most - 1) / most);
    t.add({b.label, fmt::format("{}", b.leads), std::string(marks, '#')});
  }
  t.render(out, "  ");
}

std::string fired_text(const std::vector<std::string>& fired) {
  return fired.empty() ? "(none)" : fmt::format("{}", fmt::join(fired, "; "));
}

void movers(std::string& out, const LeadDiff& d) {
  if (d.top.empty()) {
    out += "\nNo lead moved.\n";
    return;
  }
  out += fmt::format("\nLeads that moved most ({} of {})\n", d.top.size(), d.moved);
  for (const auto& m : d.top) {
    out += fmt::format("  {} (line {}): score {} -> {} ({}), tier {} -> {}, qualified {} -> {}\n", m.key, m.line,
                       format_number(m.before.score), format_number(m.after.score), signed_number(m.shift()),
                       m.before.tier, m.after.tier, review::yes_no(m.before.qualified),
                       review::yes_no(m.after.qualified));
    out += fmt::format("    fired before: {}\n", fired_text(m.before.fired));
    out += fmt::format("    fired after:  {}\n", fired_text(m.after.fired));
  }
}

void backtests(std::string& out, const DiffReport& r) {
  if (!r.leads.old_backtest || !r.leads.new_backtest) return;
  const DiffBacktest& o = *r.leads.old_backtest;
  const DiffBacktest& n = *r.leads.new_backtest;
  out += fmt::format("\nAgainst outcomes ({} leads with an outcome, {} converted; {} without one left out)\n", n.leads,
                     n.converted, r.leads.without_outcome);
  Table t({Align::Left, Align::Right, Align::Right, Align::Right});
  t.add({"", "old", "new", "change"});
  t.add({"AUC", review::ratio(o.auc), review::ratio(n.auc), review::signed_ratio(n.auc - o.auc)});
  t.add({"precision", review::ratio(o.precision), review::ratio(n.precision),
         review::signed_ratio(n.precision - o.precision)});
  t.add({"recall", review::ratio(o.recall), review::ratio(n.recall), review::signed_ratio(n.recall - o.recall)});
  t.add({"qualified", fmt::format("{}", o.qualified), fmt::format("{}", n.qualified),
         signed_number(static_cast<double>(n.qualified) - static_cast<double>(o.qualified))});
  t.render(out, "  ");
}

void fail_on(std::string& out, const DiffReport& r) {
  if (r.fail_on.empty()) return;
  out += "\n--fail-on\n";
  for (const auto& f : r.fail_on) {
    out += fmt::format("  {}\n", fail_on_message(f));
  }
}

}  // namespace

std::string render_diff_text(const DiffReport& r) {
  std::string out = fmt::format("leadscore diff {} {} as of {}\n\n", r.old_name, r.new_name, format_date(r.as_of));
  model_changes(out, r);
  counts(out, r);
  if (r.leads.leads > 0) {
    tier_matrix(out, r.leads);
    shift_histogram(out, r.leads);
  }
  movers(out, r.leads);
  backtests(out, r);
  fail_on(out, r);
  return out;
}

}  // namespace leadscore
