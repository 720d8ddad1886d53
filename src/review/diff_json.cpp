// `leadscore diff --format json`: one object for tools and CI scripts. The keys are documented in
// docs/review.md; adding one is fine, renaming or removing one breaks its readers.
#include "diagfmt/json_writer.hpp"
#include "review/diff_render.hpp"

namespace leadscore {

namespace {

using diagfmt::JsonWriter;

// Layout: one member of the top object per line, and one element per line in the arrays it holds
// directly; every object below the top one stays on its line, so that one model change or one lead
// reads as one line.
constexpr bool on_one_line = true;

void line(JsonWriter& j, std::string_view name, std::uint32_t line) {
  j.key(name);
  if (line == 0) {
    j.null();
  } else {
    j.number(line);
  }
}

void lead_result(JsonWriter& j, const LeadResult& r) {
  j.begin_object(on_one_line);
  j.key("score").decimal(r.score);
  j.key("tier").string(r.tier);
  j.key("qualified").boolean(r.qualified);
  j.key("status").string(r.status == RowStatus::Rejected ? "rejected" : "ok");
  j.key("fired").begin_array();
  for (const auto& f : r.fired) j.string(f);
  j.end_array();
  j.end_object();
}

void backtest(JsonWriter& j, std::string_view name, const DiffBacktest& b) {
  j.key(name).begin_object(on_one_line);
  j.key("leads").number(b.leads);
  j.key("converted").number(b.converted);
  j.key("qualified").number(b.qualified);
  j.key("auc").decimal(b.auc);
  j.key("precision").decimal(b.precision);
  j.key("recall").decimal(b.recall);
  j.end_object();
}

}  // namespace

std::string render_diff_json(const DiffReport& r) {
  const LeadDiff& d = r.leads;
  JsonWriter j;
  j.begin_object();
  j.key("old_model").string(r.old_name);
  j.key("new_model").string(r.new_name);
  j.key("as_of").string(format_date(r.as_of));
  j.key("model_changes").begin_array();
  for (const auto& c : r.model_changes) {
    j.begin_object(on_one_line);
    j.key("kind").string(change_kind_name(c.kind));
    j.key("label").string(c.label);
    line(j, "old_line", c.old_line);
    line(j, "new_line", c.new_line);
    j.key("old").string(c.old_text);
    j.key("new").string(c.new_text);
    j.end_object();
  }
  j.end_array();
  j.key("records").number(d.records);
  j.key("errors").number(d.errors);
  j.key("leads").number(d.leads);
  j.key("moved").number(d.moved);
  j.key("score_changed").number(d.score_changed);
  j.key("score_up").number(d.up);
  j.key("score_down").number(d.down);
  j.key("newly_qualified").number(d.newly_qualified);
  j.key("no_longer_qualified").number(d.no_longer_qualified);
  j.key("qualified_change").decimal(review::share(d.newly_qualified + d.no_longer_qualified, d.leads));
  j.key("tier_changed").number(d.tier_changed);
  j.key("tier_change").decimal(review::share(d.tier_changed, d.leads));
  j.key("newly_rejected").number(d.newly_rejected);
  j.key("no_longer_rejected").number(d.no_longer_rejected);
  j.key("tier_moves").begin_array();
  for (const auto& m : d.tier_moves) {
    j.begin_object(on_one_line);
    j.key("from").string(m.from);
    j.key("to").string(m.to);
    j.key("leads").number(m.leads);
    j.end_object();
  }
  j.end_array();
  j.key("shift").begin_object(on_one_line);
  j.key("mean").decimal(d.mean_shift);
  j.key("min").decimal(d.min_shift);
  j.key("max").decimal(d.max_shift);
  j.key("bars").begin_array();
  for (const auto& b : d.shift) {
    j.begin_object(on_one_line);
    j.key("label").string(b.label);
    j.key("leads").number(b.leads);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  j.key("top").begin_array();
  for (const auto& m : d.top) {
    j.begin_object(on_one_line);
    j.key("key").string(m.key);
    j.key("line").number(m.line);
    j.key("shift").decimal(m.shift());
    j.key("old");
    lead_result(j, m.before);
    j.key("new");
    lead_result(j, m.after);
    j.end_object();
  }
  j.end_array();
  if (r.leads.old_backtest && r.leads.new_backtest) {
    backtest(j, "old", *r.leads.old_backtest);
    backtest(j, "new", *r.leads.new_backtest);
    j.key("without_outcome").number(r.leads.without_outcome);
    j.key("change").begin_object(on_one_line);
    j.key("auc").decimal(r.leads.new_backtest->auc - r.leads.old_backtest->auc);
    j.key("precision").decimal(r.leads.new_backtest->precision - r.leads.old_backtest->precision);
    j.key("recall").decimal(r.leads.new_backtest->recall - r.leads.old_backtest->recall);
    j.end_object();
  }
  j.key("fail_on").begin_array();
  for (const auto& f : r.fail_on) {
    j.begin_object(on_one_line);
    j.key("condition").string(f.condition.text);
    j.key("value").decimal(f.value);
    j.key("threshold").decimal(f.condition.threshold);
    j.key("held").boolean(f.held);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.text();
}

}  // namespace leadscore
