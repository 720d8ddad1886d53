// Reviewing a model against what sales closed (`backtest`, `diff`, `tune`): the outcome file, the
// per-lead data every review command builds on, and the backtest figures. docs/review.md has the
// definitions; this header is the contract the three commands share.
//
// The flow is
//   OutcomeReadResult o = read_outcomes(file, name, format, program.schema);   // stop on o.errors
//   LeadData data = collect_leads(program, lead_reader, &o.table, options);    // one VM pass
//   Backtest b = compute_backtest(program, data, &session.sources);            // the figures
// Nothing here prints; the renderers return text for the caller to write.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/date.hpp"
#include "leadscore/io.hpp"
#include "leadscore/leadscore.hpp"
#include "leadscore/program.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"
#include "leadscore/source.hpp"
#include "leadscore/vm.hpp"

namespace leadscore::review {

// ---------------------------------------------------------------------------------------------
// The outcome file
//
// CSV (header row) or JSON lines with these columns, read by the lead readers (same cell rules):
//   <key>        the leads' key column: same name and type as the schema's key field   (required)
//   converted    bool: true false yes no 1 0, any case                                 (required)
//   closed_at    date                                                                  (optional)
//   deal_value   number                                                                (optional)
// Other columns are ignored (one warning each).
//
// What stops the run (OutcomeReadResult::errors non-empty; the CLI exits 2): a file that cannot be
// read, a missing key or `converted` column, any bad row (a `converted` that is not a bool, a bad
// date or number, an empty key or `converted`, a broken CSV row: each names its line), and a key
// listed twice (naming both lines). Every row is read before stopping, so that all problems are
// listed at once. What is only counted: outcome rows whose key matches no lead
// (LeadData::outcomes_without_lead), leads without an outcome, lead error records.
// ---------------------------------------------------------------------------------------------

struct OutcomeRow {
  bool converted = false;
  bool has_closed_at = false;
  Day closed_at = 0;
  bool has_deal_value = false;
  double deal_value = 0;
  std::uint64_t line = 0;  // 1-based line in the outcome file
};

// Outcome rows by key. Keys are compared as text, except for an `int` key, which is compared by
// value (`007` and `7` are the same lead).
class OutcomeTable {
 public:
  // Index of the row for `key` (the lead's key as the reader gives it), or -1.
  std::int64_t find(std::string_view key) const;
  // The same, trying row `previous + 1` first: outcome files are often exported in the leads'
  // order, and a sequential hit saves a hash probe (a cache miss on large files).
  std::int64_t find_after(std::string_view key, std::int64_t previous) const {
    const auto next = static_cast<std::size_t>(previous + 1);
    if (!int_keys_ && previous >= -1 && next < rows_.size() && this->key(next) == key)
      return static_cast<std::int64_t>(next);
    return find(key);
  }
  const OutcomeRow& row(std::size_t i) const { return rows_[i]; }
  std::string_view key(std::size_t i) const {
    return std::string_view(key_text_).substr(key_begin_[i], key_begin_[i + 1] - key_begin_[i]);
  }
  std::size_t size() const { return rows_.size(); }

  // Adds a row; returns the index of the row already holding `key` (a duplicate, not added) or -1.
  std::int64_t add(std::string_view key, const OutcomeRow& row);
  void set_int_keys(bool int_keys) { int_keys_ = int_keys; }

 private:
  std::string normal_key(std::string_view key) const;
  std::uint64_t hash(std::string_view key) const;
  void grow();

  bool int_keys_ = false;
  std::vector<OutcomeRow> rows_;
  std::string key_text_;                     // every key, back to back
  std::vector<std::uint64_t> key_begin_{0};  // key i is key_text_[key_begin_[i], key_begin_[i+1])
  // Open addressing: row index + 1 (0 = empty) and 32 bits of the key's hash, so that a probe
  // compares key text only when the hashes agree.
  struct Slot {
    std::uint32_t row = 0;
    std::uint32_t hash = 0;
  };
  std::vector<Slot> slots_;
};

struct OutcomeReadResult {
  OutcomeTable table;
  std::vector<std::string> errors;    // non-empty: stop the run. Each starts with the file's name.
  std::uint64_t error_count = 0;      // every error found (`errors` keeps the first max_listed)
  std::vector<std::string> warnings;  // e.g. an extra column, named once
  static constexpr std::size_t max_listed = 20;
};

// The schema of an outcome file for leads of `leads`: its key field, then `converted`,
// `closed_at`, `deal_value`.
Schema outcome_schema(const Schema& leads);

// Reads a whole outcome file. `in` is not closed; `name` is used in messages.
OutcomeReadResult read_outcomes(std::FILE* in, std::string_view name, RecordFormat format,
                                const Schema& leads);

// ---------------------------------------------------------------------------------------------
// Per-lead data: one VM pass over the leads, joined with their outcomes
// ---------------------------------------------------------------------------------------------

// Every input record, in input order (error records included), as structure-of-arrays: lead i is
// entry i of each vector. Variable-length parts (fired rules, keys) are flat arrays with offsets,
// so collecting allocates nothing per lead.
struct LeadData {
  std::size_t size() const { return status.size(); }

  std::vector<RowStatus> status;
  std::vector<double> score;            // 0 for an error record
  std::vector<std::uint8_t> qualified;  // 0 or 1
  std::vector<std::int32_t> tier;       // index in Program::tiers, -1 for none (rejected, error)
  std::vector<std::int32_t> reject;     // the reject clause giving the reason, -1 for none
  std::vector<std::uint64_t> line;      // input line where the record starts

  // The outcome joined by key: index in the OutcomeTable, -1 when there is none (or when no
  // outcomes were given). `converted` and `deal_value` are copied for quick access: 0 without an
  // outcome, and deal_value 0 when the outcome has none.
  std::vector<std::int64_t> outcome;
  std::vector<std::uint8_t> converted;
  std::vector<double> deal_value;
  bool has_outcome(std::size_t i) const { return outcome[i] >= 0; }
  // A lead that counts in the figures: scored (ok or rejected) and with an outcome.
  bool included(std::size_t i) const { return status[i] != RowStatus::Error && outcome[i] >= 0; }

  // Keys: lead i's key is key_text[key_begin[i], key_begin[i+1]) (may be empty on an error record).
  std::string key_text;
  std::vector<std::uint64_t> key_begin{0};
  std::string_view key(std::size_t i) const {
    return std::string_view(key_text).substr(key_begin[i], key_begin[i + 1] - key_begin[i]);
  }

  // Fired rules: lead i fired rules fired_rule[fired_begin[i] .. fired_begin[i+1]) (indices in
  // Program::rules, source order) and each added fired_points[same index] points (before decay
  // and caps; for `per` rules the amount after `up to`). Empty for an error record.
  std::vector<std::uint32_t> fired_rule;
  std::vector<double> fired_points;
  std::vector<std::uint64_t> fired_begin{0};
  std::span<const std::uint32_t> fired(std::size_t i) const {
    return {fired_rule.data() + fired_begin[i], fired_begin[i + 1] - fired_begin[i]};
  }
  std::span<const double> points(std::size_t i) const {
    return {fired_points.data() + fired_begin[i], fired_begin[i + 1] - fired_begin[i]};
  }

  // Group totals, group_count per lead, in Program::groups order (the implicit group included):
  // lead i's are [i * group_count, (i + 1) * group_count). Raw = sum of fired rules, decayed =
  // after decay, final = after the group's caps. Zeros for an error record.
  std::size_t group_count = 0;
  std::vector<double> group_raw, group_decayed, group_final;
  std::span<const double> groups_raw(std::size_t i) const {
    return {group_raw.data() + i * group_count, group_count};
  }
  std::span<const double> groups_decayed(std::size_t i) const {
    return {group_decayed.data() + i * group_count, group_count};
  }
  std::span<const double> groups_final(std::size_t i) const {
    return {group_final.data() + i * group_count, group_count};
  }

  // With CollectOptions::by_field: lead i's value of that field is by_names[by_value[i]], as text
  // (an enum member, a string, `true`/`false`, a number or date as read); "(missing)" when the field
  // has no value, "(error)" for an error record. Empty vectors without by_field.
  std::vector<std::uint32_t> by_value;
  std::vector<std::string> by_names;

  // Counts (docs/review.md): records read; error records; scored leads with no outcome; outcome
  // rows whose key matches no lead record (an error record with a readable key does match).
  std::uint64_t errors = 0;
  std::uint64_t without_outcome = 0;
  std::uint64_t outcomes_without_lead = 0;
  std::int64_t first_outcome_without_lead = -1;  // its index in the OutcomeTable, for messages
};

struct CollectOptions {
  Day as_of = 0;       // the run's day, as for `score --as-of`
  int by_field = -1;   // schema field index for LeadData::by_value, or -1 (see by_field_index)
  // Called once per record, in order, after the VM ran it: for callers that need more of the
  // record than LeadData keeps (e.g. field values for tune --suggest-rules). `index` is the lead's
  // index in LeadData. Views in `record` and `outcome` are valid only during the call.
  std::function<void(std::size_t index, const Record& record, const Outcome& outcome)> visit;
  ProgressFn progress;  // called every progress_every records
  // What to keep besides the figures backtest needs (status, score, qualified, tier, reject, line,
  // outcome, fired rules, --by value). Leaving out what a command does not read saves memory and
  // time on large inputs; the vectors left out stay empty (and the accessors must not be used).
  bool keep_keys = true;     // key_text, key_begin
  bool keep_points = true;   // fired_points
  bool keep_groups = true;   // group_raw, group_decayed, group_final
  // Threads reading and scoring the leads (not with `visit`): the data is the same.
  ThreadOptions threads;
};

// Scores every record of `leads` with `program` and joins each with its outcome from `outcomes`
// (null: no outcomes, every lead is without one and `without_outcome` counts nothing). The caller
// checks leads.read_error() afterwards.
LeadData collect_leads(const Program& program, RecordReader& leads, const OutcomeTable* outcomes,
                       const CollectOptions& options);

// The schema field `name` for --by: its index, or -1 with `error` set (unknown field, with the
// fields that would do; a set field, which has no single value per lead).
int by_field_index(const Schema& schema, std::string_view name, std::string& error);

// ---------------------------------------------------------------------------------------------
// Metrics (docs/review.md "Definitions")
//
// Only included leads count (LeadData::included). The ranking is by score, highest first, with
// rejected leads below every other lead; ties keep input order where an order is needed (deciles).
// A rate whose denominator is 0 is NaN (JSON null, "-" in text).
// ---------------------------------------------------------------------------------------------

// ROC AUC: the probability that a converted lead ranks above a non-converted one, ties counting
// half. Exact, O(n log n). Leads with include[i] == 0 are left out; NaN when either class is empty.
// `rejected[i]` != 0 ranks lead i below every lead that is not rejected.
double roc_auc(std::span<const double> score, std::span<const std::uint8_t> rejected,
               std::span<const std::uint8_t> converted, std::span<const std::uint8_t> include);

// Indices of the included leads in ranking order (best first; rejected last; ties in input order).
std::vector<std::uint32_t> ranking(const LeadData& data,
                                   std::span<const std::uint8_t> include = {});

struct GroupFigures {  // a set of leads: a tier, the rejected, a --by value, a decile
  std::string name;
  std::uint64_t leads = 0, converted = 0;
  double rate = 0;     // converted / leads
  double lift = 0;     // rate / base rate
  double revenue = 0;  // sum of deal_value over converted leads
  double mean_score = 0;
  double min_score = 0, max_score = 0;  // deciles only
};

struct ThresholdFigures {  // what `qualify at `at`` would give
  double at = 0;
  std::uint64_t qualified = 0, converted = 0;  // converted among the qualified
  double precision = 0, recall = 0;
};

struct RuleFigures {
  std::string label;
  std::uint32_t line = 0;  // 1-based line of the rule in its file, 0 when unknown
  double points = 0;       // the rule's points (per unit for `per` rules)
  std::uint64_t fired = 0, converted_fired = 0;
  std::uint64_t not_fired = 0, converted_not_fired = 0;
  double rate_fired = 0, rate_not_fired = 0;
  double lift = 0;         // rate_fired / base rate
  // "" judged fine; "rare": fired fewer than rare_min_fired times or for fewer than
  // rare_min_converted converted leads, too few to judge; "sign": adds points but the leads it
  // fires for convert less than the rest (or subtracts and they convert more).
  std::string flag;
  static constexpr std::uint64_t rare_min_fired = 30;
  static constexpr std::uint64_t rare_min_converted = 5;
};

struct RocPoint {
  double fpr = 0, tpr = 0;
};

struct HistogramBin {
  double from = 0, to = 0;  // [from, to), the last bin includes `to`
  std::uint64_t converted = 0, not_converted = 0;
};

struct Backtest {
  std::string model_name;       // Program::display_name
  std::uint64_t records = 0;    // input records, error records included
  std::uint64_t leads = 0;      // included leads
  std::uint64_t converted = 0;
  double base_rate = 0;
  double auc = 0;
  std::uint64_t qualified = 0;  // with the model's `qualify at` (0 without one)
  double precision = 0, recall = 0;
  double revenue = 0;           // sum of deal_value over converted included leads
  std::uint64_t errors = 0, without_outcome = 0, outcomes_without_lead = 0;
  std::optional<double> qualify_at;

  std::vector<GroupFigures> tiers;       // Program::tiers order, then "(none)" if any lead has no
                                         // tier without being rejected, then "(rejected)" if any
  std::vector<ThresholdFigures> thresholds;  // at 10, 20, ... up to the score's max
  std::vector<GroupFigures> deciles;     // "1" = the best-ranked tenth, ... "10"
  std::vector<RuleFigures> rules;        // Program::rules order
  std::string by_field;                  // empty without --by
  std::vector<GroupFigures> by;          // per value: enum members in order, bool true/false,
                                         // else most leads first; "(missing)" last
  std::vector<RocPoint> roc;             // from (0,0) to (1,1), at most ~200 points
  std::vector<HistogramBin> histogram;   // 20 bins of score over the included, not rejected leads
};

// `sources` gives rule lines (null: lines are 0); `by_field` names LeadData::by_value's field.
Backtest compute_backtest(const Program& program, const LeadData& data,
                          const SourceManager* sources, std::string_view by_field = {},
                          std::span<const std::uint8_t> include = {});

// Renderers: the whole report as text (for a terminal), one JSON object (the names in
// docs/review.md), or one self-contained HTML page (inline SVG and CSS, no script, no URL).
std::string render_backtest_text(const Backtest& b);
std::string render_backtest_json(const Backtest& b);
std::string render_backtest_html(const Backtest& b);

}  // namespace leadscore::review
