// LIBLINEAR (Debian's liblinear-dev) fits tune's logistic regressions; this file is its only user.
#include "review/tune_lr.hpp"

#include <cmath>
#include <stdexcept>

#include <linear.h>

namespace leadscore::tune {

namespace {

void quiet(const char*) {}

}  // namespace

LogisticFit fit_logistic(const SparseRows& rows, const std::vector<std::uint8_t>& y, std::size_t columns,
                         const std::vector<std::uint8_t>& active, double C) {
  LogisticFit out;
  out.weights.assign(columns, 0.0);
  std::size_t n = rows.rows();
  if (n == 0) return out;
  // LIBLINEAR's columns are 1-based; only active ones are passed, renumbered densely, and the
  // intercept is the extra column LIBLINEAR adds for `bias` >= 0.
  std::vector<int> index_of(columns, 0);
  std::vector<std::size_t> column_of;
  for (std::size_t c = 0; c < columns; ++c) {
    if (active[c]) {
      column_of.push_back(c);
      index_of[c] = static_cast<int>(column_of.size());
    }
  }
  std::vector<feature_node> nodes;
  nodes.reserve(rows.column.size() + 2 * n);
  std::vector<std::size_t> starts(n);
  for (std::size_t i = 0; i < n; ++i) {
    starts[i] = nodes.size();
    for (std::uint32_t k = rows.row_begin[i]; k < rows.row_begin[i + 1]; ++k) {
      int idx = index_of[rows.column[k]];
      if (idx > 0 && rows.value[k] != 0) nodes.push_back({idx, rows.value[k]});
    }
    nodes.push_back({static_cast<int>(column_of.size()) + 1, 1.0});  // the bias column
    nodes.push_back({-1, 0.0});
  }
  std::vector<feature_node*> x(n);
  std::vector<double> labels(n);
  bool both = false;
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = &nodes[starts[i]];
    labels[i] = y[i] ? 1.0 : -1.0;
    if (labels[i] != labels[0]) both = true;
  }
  if (!both) return out;  // one class only: nothing to fit

  problem prob{};
  prob.l = static_cast<int>(n);
  prob.n = static_cast<int>(column_of.size()) + 1;
  prob.y = labels.data();
  prob.x = x.data();
  prob.bias = 1.0;
  parameter param{};
  param.solver_type = L2R_LR;
  param.eps = 0.0001;
  param.C = C;
  param.nr_weight = 0;
  param.weight_label = nullptr;
  param.weight = nullptr;
  param.p = 0.1;
  param.init_sol = nullptr;
  set_print_string_function(&quiet);
  if (const char* bad = check_parameter(&prob, &param)) throw std::logic_error(bad);
  model* m = train(&prob, &param);
  // The first label LIBLINEAR saw is its positive class; flip the signs when that was a -1.
  double sign = m->label[0] == 1 ? 1.0 : -1.0;
  for (std::size_t j = 0; j < column_of.size(); ++j) out.weights[column_of[j]] = sign * m->w[j];
  out.intercept = sign * m->w[column_of.size()] * prob.bias;
  out.ok = true;
  free_and_destroy_model(&m);
  return out;
}

double mean_log_likelihood(const SparseRows& rows, const std::vector<std::uint8_t>& y, const LogisticFit& fit) {
  std::size_t n = rows.rows();
  if (n == 0) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double z = fit.intercept;
    for (std::uint32_t k = rows.row_begin[i]; k < rows.row_begin[i + 1]; ++k) {
      z += fit.weights[rows.column[k]] * rows.value[k];
    }
    // log(sigmoid(z)) for a positive, log(sigmoid(-z)) for a negative, computed stably.
    double t = y[i] ? z : -z;
    sum += t >= 0 ? -std::log1p(std::exp(-t)) : t - std::log1p(std::exp(t));
  }
  return sum / static_cast<double>(n);
}

}  // namespace leadscore::tune
