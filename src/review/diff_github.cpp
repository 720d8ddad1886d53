// `leadscore diff --format github`: Markdown for a pull-request comment. GitHub renders it; people
// read it in a review, so it stays short (about 60 lines at most): long lists are cut with a count
// of what was left out, and the full report is one `--format text` or `html` away.
#include <algorithm>

#include "review/diff_render.hpp"

namespace leadscore {

namespace {

using review::percent;
using review::share;
using review::signed_number;

constexpr std::size_t max_changes = 12;
constexpr std::size_t max_tiers = 8;
constexpr std::size_t max_movers = 5;

// A table cell: pipes would end the cell, line breaks the row.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(std::string_view text) {
  if (text.empty()) return "";
  return fmt::format("`{}`", cell(text));
}

void model_changes(std::string& out, const DiffReport& r) {
  if (r.model_changes.empty()) {
    out += "**Model changes:** none\n\n";
    return;
  }
  out += fmt::format("**Model changes** ({})\n\n", r.model_changes.size());
  out += "| line | change | what | before | after |\n| ---: | --- | --- | --- | --- |\n";
  std::size_t shown = std::min(r.model_changes.size(), max_changes);
  for (std::size_t i = 0; i < shown; ++i) {
    const ModelChange& c = r.model_changes[i];
    out += fmt::format("| {} | {} | {} | {} | {} |\n", review::lines_text(c), review::kind_words(c.kind),
                       cell(c.label), code(c.old_text), code(c.new_text));
  }
  if (shown < r.model_changes.size()) {
    out += fmt::format("\n…and {} more (see `leadscore diff` without `--format github`)\n",
                       r.model_changes.size() - shown);
  }
  out += '\n';
}

void summary(std::string& out, const DiffReport& r) {
  const LeadDiff& d = r.leads;
  out += fmt::format("**{} leads** compared", d.leads);
  if (d.errors > 0) out += fmt::format(" ({} error record{} left out)", d.errors, d.errors == 1 ? "" : "s");
  out += fmt::format(
      ": **{} newly qualified**, **{} no longer qualified** ({} of leads change qualification), "
      "{} change tier ({}), {} change score (mean shift {}).\n\n",
      d.newly_qualified, d.no_longer_qualified, percent(share(d.newly_qualified + d.no_longer_qualified, d.leads)),
      d.tier_changed, percent(share(d.tier_changed, d.leads)), d.score_changed, review::short_signed(d.mean_shift));
}

void tier_matrix(std::string& out, const LeadDiff& d) {
  std::size_t rows = std::min(d.old_tiers.size(), max_tiers);
  std::size_t cols = std::min(d.new_tiers.size(), max_tiers);
  out += "**Tier moves** (rows: old tier, columns: new tier)\n\n| old \\ new |";
  for (std::size_t c = 0; c < cols; ++c) out += fmt::format(" {} |", cell(d.new_tiers[c]));
  out += "\n| --- |";
  for (std::size_t c = 0; c < cols; ++c) out += " ---: |";
  out += '\n';
  for (std::size_t row = 0; row < rows; ++row) {
    out += fmt::format("| **{}** |", cell(d.old_tiers[row]));
    for (std::size_t c = 0; c < cols; ++c) {
      std::uint64_t n = d.matrix[row][c];
      // Moves between tiers stand out; the diagonal is the leads that stayed.
      out += row < d.old_tiers.size() && d.old_tiers[row] != d.new_tiers[c] && n > 0 ? fmt::format(" **{}** |", n)
                                                                                    : fmt::format(" {} |", n);
    }
    out += '\n';
  }
  out += '\n';
}

void shift_histogram(std::string& out, const LeadDiff& d) {
  out += "**Score shift** (new - old)\n\n|";
  for (const auto& b : d.shift) out += fmt::format(" {} |", b.label);
  out += "\n|";
  for (std::size_t i = 0; i < d.shift.size(); ++i) out += " ---: |";
  out += "\n|";
  for (const auto& b : d.shift) out += fmt::format(" {} |", b.leads);
  out += "\n\n";
}

void backtests(std::string& out, const DiffReport& r) {
  if (!r.leads.old_backtest || !r.leads.new_backtest) return;
  const DiffBacktest& o = *r.leads.old_backtest;
  const DiffBacktest& n = *r.leads.new_backtest;
  out += fmt::format("**Against outcomes** ({} leads with an outcome, {} converted; {} without one left out)\n\n",
                     n.leads, n.converted, r.leads.without_outcome);
  out += "| | old | new | change |\n| --- | ---: | ---: | ---: |\n";
  out += fmt::format("| AUC | {} | {} | {} |\n", review::ratio(o.auc), review::ratio(n.auc),
                     review::signed_ratio(n.auc - o.auc));
  out += fmt::format("| precision | {} | {} | {} |\n", review::ratio(o.precision), review::ratio(n.precision),
                     review::signed_ratio(n.precision - o.precision));
  out += fmt::format("| recall | {} | {} | {} |\n", review::ratio(o.recall), review::ratio(n.recall),
                     review::signed_ratio(n.recall - o.recall));
  out += fmt::format("| qualified | {} | {} | {} |\n\n", o.qualified, n.qualified,
                     signed_number(static_cast<double>(n.qualified) - static_cast<double>(o.qualified)));
}

// The rules that fired on one side only: what explains a lead's move. When the same rules fired,
// the changed rules among them are what moved it.
std::string fired_change(const LeadMove& m, const DiffReport& r) {
  std::vector<std::string> parts;
  for (const auto& f : m.after.fired) {
    if (std::find(m.before.fired.begin(), m.before.fired.end(), f) == m.before.fired.end()) parts.push_back("+" + f);
  }
  for (const auto& f : m.before.fired) {
    if (std::find(m.after.fired.begin(), m.after.fired.end(), f) == m.after.fired.end()) parts.push_back("−" + f);
  }
  if (parts.empty()) {
    for (const auto& f : m.after.fired) {
      bool changed = std::any_of(r.model_changes.begin(), r.model_changes.end(),
                                 [&](const ModelChange& c) { return c.label == f; });
      if (changed) parts.push_back(f + " (changed)");
    }
    if (parts.empty()) return "same rules";
    return "same rules; " + cell(fmt::format("{}", fmt::join(parts, ", ")));
  }
  return cell(fmt::format("{}", fmt::join(parts, ", ")));
}

void movers(std::string& out, const DiffReport& r) {
  const LeadDiff& d = r.leads;
  if (d.top.empty()) return;
  std::size_t shown = std::min(d.top.size(), max_movers);
  out += fmt::format("**Leads that moved most** ({} of {})\n\n", shown, d.moved);
  out += "| lead | score | tier | qualified | rules fired (+ now, − no longer) |\n| --- | --- | --- | --- | --- |\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const LeadMove& m = d.top[i];
    out += fmt::format("| {} | {} → {} ({}) | {} → {} | {} → {} | {} |\n", cell(m.key), format_number(m.before.score),
                       format_number(m.after.score), signed_number(m.shift()), cell(m.before.tier), cell(m.after.tier),
                       review::yes_no(m.before.qualified), review::yes_no(m.after.qualified), fired_change(m, r));
  }
  out += '\n';
}

void fail_on(std::string& out, const DiffReport& r) {
  for (const auto& f : r.fail_on) {
    out += fmt::format("{} --fail-on {}\n\n", f.held ? "❌" : "✅", fail_on_message(f));
  }
}

}  // namespace

std::string render_diff_github(const DiffReport& r) {
  std::string out = fmt::format("### leadscore diff: `{}` → `{}`\n\n", cell(r.old_name), cell(r.new_name));
  summary(out, r);
  model_changes(out, r);
  backtests(out, r);
  if (r.leads.leads > 0) {
    tier_matrix(out, r.leads);
    shift_histogram(out, r.leads);
  }
  movers(out, r);
  fail_on(out, r);
  out += fmt::format("<sub>as of {}</sub>\n", format_date(r.as_of));
  return out;
}

}  // namespace leadscore
