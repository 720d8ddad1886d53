// Both models' backtest figures for `leadscore diff --outcomes`, gathered during the diff's one pass
// over the leads and worked out with the review stage's metrics (review.hpp), so that they agree
// with `leadscore backtest` on each model.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "leadscore/diff.hpp"
#include "leadscore/review.hpp"

namespace leadscore::review {

class DiffBacktester {
 public:
  explicit DiffBacktester(const OutcomeTable& outcomes) : outcomes_(outcomes) {}
  // One scored lead (not an error record) under both models.
  void add(std::string_view key, const LeadResult& before, const LeadResult& after);
  void finish(LeadDiff& d) const;

 private:
  DiffBacktest figures(const std::vector<double>& score, const std::vector<std::uint8_t>& rejected,
                       std::uint64_t qualified, std::uint64_t qualified_converted) const;

  const OutcomeTable& outcomes_;
  std::vector<double> old_score_, new_score_;
  std::vector<std::uint8_t> old_rejected_, new_rejected_, converted_;
  std::uint64_t old_qualified_ = 0, new_qualified_ = 0;
  std::uint64_t old_qualified_converted_ = 0, new_qualified_converted_ = 0;
  std::uint64_t converted_count_ = 0, without_outcome_ = 0;
};

}  // namespace leadscore::review
