// tune's searches: decay by log-likelihood, signs kept, points scaled to the model's own scale,
// caps and bounds by training AUC. See tune_fit.hpp and docs/review.md ("## tune").
#include "review/tune_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "leadscore/review.hpp"

namespace leadscore::tune {

double decay_factor(const std::optional<DecayChoice>& decay, std::int32_t days) {
  if (!decay || days < 0 || decay->percent <= 0 || decay->every_days < 1) return 1.0;
  double steps = std::floor(static_cast<double>(days) / decay->every_days);
  return std::pow(1.0 - decay->percent / 100.0, steps);
}

SparseRows decayed_rows(const Design& d, const std::vector<GroupSpec>& groups, std::vector<std::uint8_t>& y) {
  SparseRows out;
  y.clear();
  std::size_t g_count = groups.size();
  std::vector<double> factor(g_count, 1.0);
  out.column.reserve(d.units.column.size());
  out.value.reserve(d.units.value.size());
  for (std::size_t i = 0; i < d.leads(); ++i) {
    if (d.rejected[i]) continue;
    for (std::size_t g = 0; g < g_count; ++g) factor[g] = decay_factor(groups[g].decay, d.days[i * g_count + g]);
    for (std::uint32_t k = d.units.row_begin[i]; k < d.units.row_begin[i + 1]; ++k) {
      std::uint32_t c = d.units.column[k];
      int g = d.columns[c].group;
      out.add(c, d.units.value[k] * (g >= 0 ? factor[static_cast<std::size_t>(g)] : 1.0));
    }
    out.end_row();
    y.push_back(d.converted[i]);
  }
  return out;
}

std::vector<DecayChoice> decay_grid() {
  std::vector<DecayChoice> grid;
  for (double p : {5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0}) {
    for (double days : {7.0, 14.0, 30.0, 60.0, 90.0}) grid.push_back({p, days});
  }
  return grid;
}

namespace {

// Drops every rule whose weight has the opposite sign of its points, and refits, until none does.
Fitted fit_signed_rows(const Design& d, const SparseRows& rows, const std::vector<std::uint8_t>& y,
                       std::vector<std::uint8_t> active) {
  Fitted f;
  for (std::size_t round = 0; round <= d.columns.size(); ++round) {
    f.fit = fit_logistic(rows, y, d.columns.size(), active);
    bool dropped = false;
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
      const Column& col = d.columns[c];
      if (!active[c] || col.candidate || col.fixed || col.points == 0) continue;
      double w = f.fit.weights[c];
      if ((col.points > 0 && w < 0) || (col.points < 0 && w > 0)) {
        active[c] = 0;
        f.sign_dropped.push_back(c);
        dropped = true;
      }
    }
    if (!dropped) break;
  }
  for (std::size_t c = 0; c < d.columns.size(); ++c) {
    if (!active[c]) f.fit.weights[c] = 0;
  }
  std::sort(f.sign_dropped.begin(), f.sign_dropped.end());
  f.active = std::move(active);
  f.log_likelihood = mean_log_likelihood(rows, y, f.fit);
  return f;
}

}  // namespace

Fitted fit_signed(const Design& d, const std::vector<GroupSpec>& groups, std::vector<std::uint8_t> active) {
  std::vector<std::uint8_t> y;
  SparseRows rows = decayed_rows(d, groups, y);
  Fitted f = fit_signed_rows(d, rows, y, std::move(active));
  f.groups = groups;
  return f;
}

Fitted fit_with_decay(const Design& d, std::vector<std::uint8_t> active) {
  std::vector<GroupSpec> groups = d.groups;
  std::vector<std::uint8_t> y;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!groups[g].decay) continue;
    // 0% (no decay) keeps the model's period, so that only the rate changes in the text.
    std::vector<DecayChoice> choices{{0.0, groups[g].decay->every_days}};
    for (const auto& c : decay_grid()) choices.push_back(c);
    double best = -std::numeric_limits<double>::infinity();
    DecayChoice chosen = *groups[g].decay;
    for (const auto& choice : choices) {
      groups[g].decay = choice;
      SparseRows rows = decayed_rows(d, groups, y);
      LogisticFit fit = fit_logistic(rows, y, d.columns.size(), active);
      double ll = mean_log_likelihood(rows, y, fit);
      if (ll > best + 1e-9) {
        best = ll;
        chosen = choice;
      }
    }
    groups[g].decay = chosen;
  }
  return fit_signed(d, groups, std::move(active));
}

std::vector<double> score_statistics(const SparseRows& rows, const std::vector<std::uint8_t>& y,
                                     const LogisticFit& fit, std::size_t columns) {
  std::vector<double> u(columns, 0.0), v(columns, 0.0);
  for (std::size_t i = 0; i < rows.rows(); ++i) {
    double z = fit.intercept;
    for (std::uint32_t k = rows.row_begin[i]; k < rows.row_begin[i + 1]; ++k) {
      z += fit.weights[rows.column[k]] * rows.value[k];
    }
    double p = 1.0 / (1.0 + std::exp(-z));
    double resid = (y[i] ? 1.0 : 0.0) - p;
    for (std::uint32_t k = rows.row_begin[i]; k < rows.row_begin[i + 1]; ++k) {
      double x = rows.value[k];
      u[rows.column[k]] += x * resid;
      v[rows.column[k]] += x * x * p * (1 - p);
    }
  }
  std::vector<double> out(columns, 0.0);
  for (std::size_t c = 0; c < columns; ++c) out[c] = v[c] > 0 ? u[c] * u[c] / v[c] : 0.0;
  return out;
}

Scaled scale_to_points(const Design& d, const Fitted& f, double min_top) {
  double wp = 0, ww = 0, top = 0;
  for (std::size_t c = 0; c < d.columns.size(); ++c) {
    if (!f.active[c] || d.columns[c].fixed) continue;
    double w = f.fit.weights[c];
    top = std::max(top, std::fabs(w));
    if (d.columns[c].candidate || d.columns[c].points == 0) continue;
    wp += w * d.columns[c].points;
    ww += w * w;
  }
  Scaled out;
  out.scale = ww > 0 ? wp / ww : 0;
  if (d.model_score.size() == d.leads()) {
    // Standard deviations of the model's scores and of the fitted linear predictor.
    double n = 0, s1 = 0, s2 = 0, l1 = 0, l2 = 0;
    for (std::size_t i = 0; i < d.leads(); ++i) {
      if (d.rejected[i]) continue;
      double z = 0;
      for (std::uint32_t k = d.units.row_begin[i]; k < d.units.row_begin[i + 1]; ++k) {
        std::uint32_t c = d.units.column[k];
        int g = d.columns[c].group;
        double factor = g >= 0 ? decay_factor(f.groups[static_cast<std::size_t>(g)].decay,
                                              d.days[i * d.groups.size() + static_cast<std::size_t>(g)])
                               : 1.0;
        z += f.fit.weights[c] * d.units.value[k] * factor;
      }
      n += 1;
      s1 += d.model_score[i];
      s2 += d.model_score[i] * d.model_score[i];
      l1 += z;
      l2 += z * z;
    }
    double sd_model = n > 1 ? std::sqrt(std::max(0.0, s2 / n - (s1 / n) * (s1 / n))) : 0;
    double sd_fit = n > 1 ? std::sqrt(std::max(0.0, l2 / n - (l1 / n) * (l1 / n))) : 0;
    if (sd_model > 0 && sd_fit > 0) out.scale = sd_model / sd_fit;
  }
  if (top > 0) out.scale = std::max(out.scale, min_top / top);
  out.points.assign(d.columns.size(), 0.0);
  for (std::size_t c = 0; c < d.columns.size(); ++c) {
    if (d.columns[c].fixed) {
      out.points[c] = d.columns[c].points;
    } else if (f.active[c]) {
      out.points[c] = std::round(out.scale * f.fit.weights[c]) + 0.0;  // + 0.0: no -0
    }
  }
  return out;
}

std::vector<double> simulate_scores(const Design& d, const std::vector<double>& points,
                                    const std::vector<GroupSpec>& groups, std::optional<double> score_min,
                                    std::optional<double> score_max) {
  std::size_t g_count = groups.size();
  std::vector<double> out(d.leads());
  std::vector<double> raw(g_count);
  for (std::size_t i = 0; i < d.leads(); ++i) {
    std::fill(raw.begin(), raw.end(), 0.0);
    double implicit = 0;
    for (std::uint32_t k = d.units.row_begin[i]; k < d.units.row_begin[i + 1]; ++k) {
      std::uint32_t c = d.units.column[k];
      double add = points[c] * d.units.value[k];
      int g = d.columns[c].group;
      (g >= 0 ? raw[static_cast<std::size_t>(g)] : implicit) += add;
    }
    double total = implicit;
    for (std::size_t g = 0; g < g_count; ++g) {
      double t = raw[g] * decay_factor(groups[g].decay, d.days[i * g_count + g]);
      if (groups[g].min) t = std::max(t, *groups[g].min);
      if (groups[g].max) t = std::min(t, *groups[g].max);
      total += t;
    }
    if (score_min) total = std::max(total, *score_min);
    if (score_max) total = std::min(total, *score_max);
    out[i] = total;
  }
  return out;
}

double ranking_auc(std::span<const double> score, std::span<const std::uint8_t> rejected,
                   std::span<const std::uint8_t> converted) {
  std::vector<std::uint8_t> all(score.size(), 1);
  return review::roc_auc(score, rejected, converted, all);
}

namespace {

// The q-quantile of `values` (sorted ascending), rounded to a whole number.
double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  auto at = static_cast<std::size_t>(std::floor(q * static_cast<double>(sorted.size() - 1)));
  return std::round(sorted[at]);
}

// Picks from `candidates` the value whose AUC is best; within `tolerance` of the best, the one
// nearest `current`.
template <class Eval>
double best_of(std::vector<double> candidates, double current, Eval eval) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<double> auc(candidates.size());
  double best = -1;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    auc[k] = eval(candidates[k]);
    if (auc[k] > best) best = auc[k];
  }
  constexpr double tolerance = 1e-4;
  double chosen = current, distance = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (auc[k] < best - tolerance) continue;
    double dist = std::fabs(candidates[k] - current);
    if (dist < distance) {
      distance = dist;
      chosen = candidates[k];
    }
  }
  return chosen;
}

}  // namespace

Bounds choose_bounds(const Design& d, const std::vector<double>& points, const std::vector<GroupSpec>& groups) {
  Bounds b{groups, d.score_min, d.score_max};
  std::size_t g_count = groups.size();
  auto auc_of = [&](const Bounds& x) {
    std::vector<double> s = simulate_scores(d, points, x.groups, x.score_min, x.score_max);
    return ranking_auc(s, d.rejected, d.converted);
  };
  // Each group's total after decay, over the leads that are not rejected, and its reach (what all
  // its rules together can add or take away).
  for (std::size_t g = 0; g < g_count; ++g) {
    if (!groups[g].min && !groups[g].max) continue;
    double reach_up = 0, reach_down = 0;
    std::vector<double> max_units(d.columns.size(), 1.0);
    for (std::size_t k = 0; k < d.units.value.size(); ++k) {
      max_units[d.units.column[k]] = std::max(max_units[d.units.column[k]], d.units.value[k]);
    }
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
      if (d.columns[c].group != static_cast<int>(g)) continue;
      double units = d.columns[c].up_to_units ? *d.columns[c].up_to_units : max_units[c];
      double v = points[c] * units;
      (v > 0 ? reach_up : reach_down) += v;
    }
    std::vector<double> totals;
    for (std::size_t i = 0; i < d.leads(); ++i) {
      if (d.rejected[i]) continue;
      double raw = 0;
      for (std::uint32_t k = d.units.row_begin[i]; k < d.units.row_begin[i + 1]; ++k) {
        std::uint32_t c = d.units.column[k];
        if (d.columns[c].group == static_cast<int>(g)) raw += points[c] * d.units.value[k];
      }
      totals.push_back(raw * decay_factor(groups[g].decay, d.days[i * g_count + g]));
    }
    std::sort(totals.begin(), totals.end());
    if (groups[g].max) {
      std::vector<double> cands{*groups[g].max, std::ceil(reach_up)};
      for (double q : {0.9, 0.95, 0.98, 0.99, 0.995, 0.999}) cands.push_back(quantile(totals, q));
      b.groups[g].max = best_of(cands, *groups[g].max, [&](double v) {
        Bounds x = b;
        x.groups[g].max = v;
        if (x.groups[g].min && *x.groups[g].min > v) return -1.0;
        return auc_of(x);
      });
    }
    if (groups[g].min) {
      std::vector<double> cands{*groups[g].min, std::floor(reach_down)};
      for (double q : {0.001, 0.005, 0.01, 0.02, 0.05, 0.1}) cands.push_back(quantile(totals, q));
      b.groups[g].min = best_of(cands, *groups[g].min, [&](double v) {
        Bounds x = b;
        x.groups[g].min = v;
        if (x.groups[g].max && *x.groups[g].max < v) return -1.0;
        return auc_of(x);
      });
    }
  }
  if (d.score_min || d.score_max) {
    std::vector<double> raw = simulate_scores(d, points, b.groups, std::nullopt, std::nullopt);
    std::vector<double> sorted;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (!d.rejected[i]) sorted.push_back(raw[i]);
    }
    std::sort(sorted.begin(), sorted.end());
    double lowest = sorted.empty() ? 0 : std::floor(sorted.front());
    double highest = sorted.empty() ? 0 : std::ceil(sorted.back());
    if (d.score_max) {
      std::vector<double> cands{*d.score_max, highest};
      for (double q : {0.95, 0.98, 0.99, 0.995, 0.999}) cands.push_back(quantile(sorted, q));
      b.score_max = best_of(cands, *d.score_max, [&](double v) {
        Bounds x = b;
        x.score_max = v;
        if (x.score_min && *x.score_min > v) return -1.0;
        return auc_of(x);
      });
    }
    if (d.score_min) {
      std::vector<double> cands{*d.score_min, lowest};
      for (double q : {0.001, 0.01, 0.05, 0.1, 0.2, 0.3}) cands.push_back(quantile(sorted, q));
      b.score_min = best_of(cands, *d.score_min, [&](double v) {
        Bounds x = b;
        x.score_min = v;
        if (x.score_max && *x.score_max < v) return -1.0;
        return auc_of(x);
      });
    }
  }
  return b;
}

namespace {

// Leads that are not rejected, best score first, with their outcomes.
struct Ranked {
  std::vector<double> score;
  std::vector<std::uint8_t> converted;
  std::size_t all = 0;
};

Ranked ranked(std::span<const double> score, std::span<const std::uint8_t> rejected,
              std::span<const std::uint8_t> converted) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < score.size(); ++i) {
    if (!rejected[i]) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return score[a] > score[b]; });
  Ranked r;
  r.all = score.size();
  for (auto i : order) {
    r.score.push_back(score[i]);
    r.converted.push_back(converted.empty() ? 0 : converted[i]);
  }
  return r;
}

// How many of the ranked leads have a score >= t.
std::size_t count_at(const Ranked& r, double t) {
  return static_cast<std::size_t>(
      std::upper_bound(r.score.begin(), r.score.end(), t, [](double v, double s) { return v > s; }) - r.score.begin());
}

}  // namespace

std::optional<double> threshold_for_precision(std::span<const double> score, std::span<const std::uint8_t> rejected,
                                              std::span<const std::uint8_t> converted, double precision) {
  Ranked r = ranked(score, rejected, converted);
  if (r.score.empty()) return std::nullopt;
  std::vector<std::size_t> converted_prefix(r.score.size() + 1, 0);
  for (std::size_t k = 0; k < r.score.size(); ++k) converted_prefix[k + 1] = converted_prefix[k] + r.converted[k];
  double low = std::floor(r.score.back()), high = std::ceil(r.score.front());
  for (double t = low; t <= high; t += 1) {
    std::size_t n = count_at(r, t);
    if (n == 0) break;
    if (static_cast<double>(converted_prefix[n]) / static_cast<double>(n) >= precision) return t;
  }
  return std::nullopt;
}

double share_at(std::span<const double> score, std::span<const std::uint8_t> rejected, double at) {
  if (score.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < score.size(); ++i) n += !rejected[i] && score[i] >= at;
  return static_cast<double>(n) / static_cast<double>(score.size());
}

double threshold_for_share(std::span<const double> score, std::span<const std::uint8_t> rejected, double share) {
  Ranked r = ranked(score, rejected, {});
  if (r.score.empty()) return 0;
  double low = std::floor(r.score.back()), high = std::ceil(r.score.front()) + 1;
  double best = high, distance = std::numeric_limits<double>::infinity();
  for (double t = high; t >= low; t -= 1) {  // from the top: ties go to the higher threshold
    double s = static_cast<double>(count_at(r, t)) / static_cast<double>(r.all);
    double dist = std::fabs(s - share);
    if (dist < distance - 1e-12) {
      distance = dist;
      best = t;
    }
  }
  return best;
}

}  // namespace leadscore::tune
