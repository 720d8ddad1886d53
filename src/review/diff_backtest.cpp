// Backtest figures of both models in a diff: AUC by review::roc_auc, precision and recall of
// `qualified` as docs/review.md defines them (leads with an outcome, error records left out).
#include "review/diff_backtest.hpp"

#include <limits>

namespace leadscore::review {

namespace {

double rate(std::uint64_t n, std::uint64_t of) {
  return of == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(n) / static_cast<double>(of);
}

}  // namespace

void DiffBacktester::add(std::string_view key, const LeadResult& before, const LeadResult& after) {
  std::int64_t found = outcomes_.find(key);
  if (found < 0) {
    ++without_outcome_;
    return;
  }
  bool converted = outcomes_.row(static_cast<std::size_t>(found)).converted;
  converted_.push_back(converted ? 1 : 0);
  converted_count_ += converted ? 1 : 0;
  old_score_.push_back(before.score);
  new_score_.push_back(after.score);
  old_rejected_.push_back(before.status == RowStatus::Rejected ? 1 : 0);
  new_rejected_.push_back(after.status == RowStatus::Rejected ? 1 : 0);
  old_qualified_ += before.qualified ? 1 : 0;
  new_qualified_ += after.qualified ? 1 : 0;
  old_qualified_converted_ += before.qualified && converted ? 1 : 0;
  new_qualified_converted_ += after.qualified && converted ? 1 : 0;
}

DiffBacktest DiffBacktester::figures(const std::vector<double>& score, const std::vector<std::uint8_t>& rejected,
                                     std::uint64_t qualified, std::uint64_t qualified_converted) const {
  DiffBacktest b;
  b.leads = score.size();
  b.converted = converted_count_;
  b.qualified = qualified;
  std::vector<std::uint8_t> everyone(score.size(), 1);
  b.auc = roc_auc(score, rejected, converted_, everyone);
  b.precision = rate(qualified_converted, qualified);
  b.recall = rate(qualified_converted, converted_count_);
  return b;
}

void DiffBacktester::finish(LeadDiff& d) const {
  d.old_backtest = figures(old_score_, old_rejected_, old_qualified_, old_qualified_converted_);
  d.new_backtest = figures(new_score_, new_rejected_, new_qualified_, new_qualified_converted_);
  d.without_outcome = without_outcome_;
}

}  // namespace leadscore::review
