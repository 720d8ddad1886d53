// `leadscore diff --format json`: one object for tools and CI scripts. The keys are documented in
// docs/review.md; adding one is fine, renaming or removing one breaks its readers.
#include <cmath>

#include "common/json_string.hpp"
#include "review/diff_render.hpp"

namespace leadscore {

namespace {

// A writer of one JSON object built in order. Layout: one member of the top object per line, and
// one element per line in the arrays it holds directly; everything deeper stays on its line, so
// that one model change or one lead reads as one line.
class Json {
 public:
  Json& open(char bracket) {
    value_start();
    out_ += bracket;
    levels_.push_back(Level{bracket, true});
    return *this;
  }
  Json& close(char bracket) {
    Level level = levels_.back();
    levels_.pop_back();
    if (!level.first && breaks(level, levels_.size() + 1)) out_ += "\n" + std::string(2 * levels_.size(), ' ');
    out_ += bracket;
    return *this;
  }
  Json& key(std::string_view k) {
    separator();
    append_json_string(out_, k);
    out_ += ": ";
    after_key_ = true;
    return *this;
  }
  Json& str(std::string_view s) {
    value_start();
    append_json_string(out_, s);
    return *this;
  }
  Json& num(double x) {
    value_start();
    if (std::isfinite(x)) {
      append_number(out_, x);
    } else {
      out_ += "null";
    }
    return *this;
  }
  Json& count(std::uint64_t n) {
    value_start();
    out_ += fmt::format("{}", n);
    return *this;
  }
  Json& boolean(bool b) {
    value_start();
    out_ += b ? "true" : "false";
    return *this;
  }
  Json& null() {
    value_start();
    out_ += "null";
    return *this;
  }
  std::string text() const { return out_ + "\n"; }

 private:
  struct Level {
    char bracket;
    bool first;
  };
  // Whether the members of a container at `depth` (1 = the top object) go on lines of their own.
  static bool breaks(const Level& level, std::size_t depth) {
    return depth == 1 || (depth == 2 && level.bracket == '[');
  }
  void separator() {
    Level& level = levels_.back();
    if (!level.first) out_ += ",";
    if (breaks(level, levels_.size())) {
      out_ += "\n" + std::string(2 * levels_.size(), ' ');
    } else if (!level.first) {
      out_ += ' ';
    }
    level.first = false;
  }
  void value_start() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!levels_.empty()) separator();
  }

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

void line(Json& j, std::string_view name, std::uint32_t line) {
  j.key(name);
  if (line == 0) {
    j.null();
  } else {
    j.count(line);
  }
}

void lead_result(Json& j, const LeadResult& r) {
  j.open('{');
  j.key("score").num(r.score);
  j.key("tier").str(r.tier);
  j.key("qualified").boolean(r.qualified);
  j.key("status").str(r.status == RowStatus::Rejected ? "rejected" : "ok");
  j.key("fired").open('[');
  for (const auto& f : r.fired) j.str(f);
  j.close(']');
  j.close('}');
}

void backtest(Json& j, std::string_view name, const DiffBacktest& b) {
  j.key(name).open('{');
  j.key("leads").count(b.leads);
  j.key("converted").count(b.converted);
  j.key("qualified").count(b.qualified);
  j.key("auc").num(b.auc);
  j.key("precision").num(b.precision);
  j.key("recall").num(b.recall);
  j.close('}');
}

}  // namespace

std::string render_diff_json(const DiffReport& r) {
  const LeadDiff& d = r.leads;
  Json j;
  j.open('{');
  j.key("old_model").str(r.old_name);
  j.key("new_model").str(r.new_name);
  j.key("as_of").str(format_date(r.as_of));
  j.key("model_changes").open('[');
  for (const auto& c : r.model_changes) {
    j.open('{');
    j.key("kind").str(change_kind_name(c.kind));
    j.key("label").str(c.label);
    line(j, "old_line", c.old_line);
    line(j, "new_line", c.new_line);
    j.key("old").str(c.old_text);
    j.key("new").str(c.new_text);
    j.close('}');
  }
  j.close(']');
  j.key("records").count(d.records);
  j.key("errors").count(d.errors);
  j.key("leads").count(d.leads);
  j.key("moved").count(d.moved);
  j.key("score_changed").count(d.score_changed);
  j.key("score_up").count(d.up);
  j.key("score_down").count(d.down);
  j.key("newly_qualified").count(d.newly_qualified);
  j.key("no_longer_qualified").count(d.no_longer_qualified);
  j.key("qualified_change").num(review::share(d.newly_qualified + d.no_longer_qualified, d.leads));
  j.key("tier_changed").count(d.tier_changed);
  j.key("tier_change").num(review::share(d.tier_changed, d.leads));
  j.key("newly_rejected").count(d.newly_rejected);
  j.key("no_longer_rejected").count(d.no_longer_rejected);
  j.key("tier_moves").open('[');
  for (const auto& m : d.tier_moves) {
    j.open('{');
    j.key("from").str(m.from);
    j.key("to").str(m.to);
    j.key("leads").count(m.leads);
    j.close('}');
  }
  j.close(']');
  j.key("shift").open('{');
  j.key("mean").num(d.mean_shift);
  j.key("min").num(d.min_shift);
  j.key("max").num(d.max_shift);
  j.key("bars").open('[');
  for (const auto& b : d.shift) {
    j.open('{');
    j.key("label").str(b.label);
    j.key("leads").count(b.leads);
    j.close('}');
  }
  j.close(']');
  j.close('}');
  j.key("top").open('[');
  for (const auto& m : d.top) {
    j.open('{');
    j.key("key").str(m.key);
    j.key("line").count(m.line);
    j.key("shift").num(m.shift());
    j.key("old");
    lead_result(j, m.before);
    j.key("new");
    lead_result(j, m.after);
    j.close('}');
  }
  j.close(']');
  if (r.leads.old_backtest && r.leads.new_backtest) {
    backtest(j, "old", *r.leads.old_backtest);
    backtest(j, "new", *r.leads.new_backtest);
    j.key("without_outcome").count(r.leads.without_outcome);
    j.key("change").open('{');
    j.key("auc").num(r.leads.new_backtest->auc - r.leads.old_backtest->auc);
    j.key("precision").num(r.leads.new_backtest->precision - r.leads.old_backtest->precision);
    j.key("recall").num(r.leads.new_backtest->recall - r.leads.old_backtest->recall);
    j.close('}');
  }
  j.key("fail_on").open('[');
  for (const auto& f : r.fail_on) {
    j.open('{');
    j.key("condition").str(f.condition.text);
    j.key("value").num(f.value);
    j.key("threshold").num(f.condition.threshold);
    j.key("held").boolean(f.held);
    j.close('}');
  }
  j.close(']');
  j.close('}');
  return j.text();
}

}  // namespace leadscore
