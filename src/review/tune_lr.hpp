// The logistic regression behind `leadscore tune`: LIBLINEAR's L2-regularised solver over sparse
// rows. Only this header's implementation includes <linear.h> (its C names, such as `load_model`
// and `train`, would otherwise sit beside the library's own).
#pragma once

#include <cstdint>
#include <vector>

namespace leadscore::tune {

// Rows of a sparse matrix: row i holds entries [row_begin[i], row_begin[i + 1]).
struct SparseRows {
  std::vector<std::uint32_t> row_begin{0};
  std::vector<std::uint32_t> column;
  std::vector<double> value;

  std::size_t rows() const { return row_begin.size() - 1; }
  void add(std::uint32_t col, double v) {
    column.push_back(col);
    value.push_back(v);
  }
  void end_row() { row_begin.push_back(static_cast<std::uint32_t>(column.size())); }
};

struct LogisticFit {
  std::vector<double> weights;  // one per column
  double intercept = 0;
  bool ok = false;
};

// Fits P(y) = 1 / (1 + exp(-(intercept + w . x))) with an L2 penalty of strength 1/C, over the
// columns marked `active` (the others get weight 0). Quiet: LIBLINEAR's progress output is off.
LogisticFit fit_logistic(const SparseRows& rows, const std::vector<std::uint8_t>& y, std::size_t columns,
                         const std::vector<std::uint8_t>& active, double C = 1.0);

// The mean log-likelihood of `y` under a fit (higher is better), for comparing fits.
double mean_log_likelihood(const SparseRows& rows, const std::vector<std::uint8_t>& y, const LogisticFit& fit);

}  // namespace leadscore::tune
