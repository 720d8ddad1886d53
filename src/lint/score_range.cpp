// The lowest and highest total each group and the score can reach, and the warnings that follow
// from them: a qualify threshold or a tier no lead can reach (W001, W002), a group cap below one
// of its rules' points (W003).
//
// Rules are taken as independent: each may fire or not unless its condition always or never holds.
// That over-estimates what is reachable, so a warning here is never a false alarm about the rules.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/analysis.hpp"

namespace leadscore::lint {

namespace {

struct Bounds {
  double lo = 0, hi = 0;
};

std::string number(double x) {
  if (std::isinf(x)) return x > 0 ? "unbounded" : "-unbounded";
  return fmt::format("{}", x == 0 ? 0.0 : x);
}

// What one rule can add when it fires: `add N` adds N; `add N per X up to M` adds 0 to
// min(N * max(X), M), and a `subtract ... per` likewise below 0 (SPEC 7, `up to` limits the size).
Bounds when_fired(const ast::Rule& r, const Context& cx) {
  if (!r.per) return {r.points, r.points};
  double most_units = std::max(0.0, range_of(*r.per, cx).hi);
  double size = std::min(std::abs(r.points) * most_units, r.up_to.value_or(infinity));
  if (r.points == 0) size = 0;
  return r.points < 0 ? Bounds{-size, 0} : Bounds{0, size};
}

Bounds rule_bounds(const ast::Rule& r, const Context& cx) {
  Truth t = truth_of(*r.condition, cx);
  if (t == Truth::Never) return {0, 0};
  Bounds b = when_fired(r, cx);
  if (t == Truth::Always) return b;
  return {std::min(0.0, b.lo), std::max(0.0, b.hi)};
}

Bounds clamp(Bounds b, std::optional<double> lo, std::optional<double> hi) {
  auto one = [&](double x) {
    if (lo) x = std::max(x, *lo);
    if (hi) x = std::min(x, *hi);
    return x;
  };
  return {one(b.lo), one(b.hi)};
}

struct GroupReach {
  std::string name;
  Bounds total;
};

class ScoreRange {
 public:
  explicit ScoreRange(const Context& cx) : cx_(cx) {}

  void run() {
    std::vector<Bounds> raw(cx_.model.groups.size());
    Bounds loose;  // rules outside every group
    bool any_loose = false;
    for (const auto& r : cx_.model.rules) {
      Bounds b = rule_bounds(r, cx_);
      Bounds& into = r.group >= 0 ? raw[static_cast<std::size_t>(r.group)] : loose;
      into.lo += b.lo;
      into.hi += b.hi;
      any_loose = any_loose || r.group < 0;
    }
    for (std::size_t g = 0; g < raw.size(); ++g) {
      const ast::Group& group = cx_.model.groups[g];
      Bounds b = raw[g];
      // Decay multiplies by a factor in (0, 1]: it brings a total toward 0 and no further; at 0
      // idle days the total is whole, so both ends stay where they were, or move to 0.
      if (group.decay && group.decay->percent > 0) b = {std::min(b.lo, 0.0), std::max(b.hi, 0.0)};
      reach_.push_back({group.name, clamp(b, group.min, group.max)});
    }
    if (any_loose) reach_.push_back({"", loose});
    for (const auto& g : reach_) {
      score_.lo += g.total.lo;
      score_.hi += g.total.hi;
    }
    for (const auto& s : cx_.model.score_bounds) score_ = clamp(score_, s.min, s.max);
    check_qualify();
    check_tiers();
    check_caps();
  }

 private:
  std::vector<std::string> reach_notes() const {
    std::vector<std::string> parts;
    for (const auto& g : reach_) {
      std::string who = g.name.empty() ? "rules outside groups" : fmt::format("group '{}'", g.name);
      parts.push_back(fmt::format("{} {}", who, number(g.total.hi)));
    }
    std::string clamp_note;
    for (const auto& s : cx_.model.score_bounds) {
      if (s.max) clamp_note = fmt::format(", capped by 'score max {}'", number(*s.max));
    }
    if (parts.empty()) return {"the model has no rules: every score is 0"};
    return {fmt::format("highest totals: {}{}", fmt::join(parts, ", "), clamp_note)};
  }

  void check_qualify() {
    for (const auto& q : cx_.model.qualifies) {
      if (q.at <= score_.hi) continue;
      Diagnostic d{Code::UnreachableQualify, q.span,
                   fmt::format("'qualify at {}' can never be reached: the highest reachable score is {}",
                               number(q.at), number(score_.hi)),
                   reach_notes()};
      cx_.diags.report(std::move(d));
    }
  }

  // A tier is chosen for scores from its threshold up to (not including) the threshold above it.
  void check_tiers() {
    double above = infinity;  // the threshold of the tier before, which takes every score from it up
    std::string above_name;
    for (const auto& t : cx_.model.tiers) {
      double from = t.at ? std::max(*t.at, score_.lo) : score_.lo;
      std::string why;
      if (t.at && *t.at > score_.hi) {
        why = fmt::format("the highest reachable score is {}", number(score_.hi));
      } else if (from >= above) {
        why = fmt::format("every score from {} up is tier '{}', and the lowest reachable score is {}",
                          number(above), above_name, number(score_.lo));
      }
      if (!why.empty()) {
        std::string what = t.at ? fmt::format("'tier {} at {}'", t.name, number(*t.at))
                                : fmt::format("'tier {}'", t.name);
        Diagnostic d{Code::UnreachableTier, t.span,
                     fmt::format("{} can never be reached: {}", what, why),
                     t.at && *t.at > score_.hi ? reach_notes() : std::vector<std::string>{}};
        cx_.diags.report(std::move(d));
      }
      if (t.at && *t.at < above) {
        above = *t.at;
        above_name = t.name;
      }
    }
  }

  // One warning per group, at its cap, naming the rule that overshoots it most.
  void check_caps() {
    for (std::size_t g = 0; g < cx_.model.groups.size(); ++g) {
      const ast::Group& group = cx_.model.groups[g];
      if (!group.max) continue;
      const ast::Rule* worst = nullptr;
      std::vector<std::string> others;
      for (const auto& r : cx_.model.rules) {
        if (r.group != static_cast<int>(g) || worth(r) <= *group.max) continue;
        if (!worst || worth(r) > worth(*worst)) worst = &r;
      }
      if (!worst) continue;
      for (const auto& r : cx_.model.rules) {
        if (r.group == static_cast<int>(g) && &r != worst && worth(r) > *group.max) {
          others.push_back(fmt::format("rule '{}' at line {} adds {}", r.label,
                                       cx_.line_of(r.span), number(worth(r))));
        }
      }
      Diagnostic d{Code::CapBelowRule, group.max_span,
                   fmt::format("group '{}' is capped at {}, below the {} points of rule '{}' (line {})",
                               group.name, number(*group.max), number(worth(*worst)), worst->label,
                               cx_.line_of(worst->span)),
                   std::move(others)};
      cx_.diags.report(std::move(d));
    }
  }

  // The most one firing adds: its points, or for a `per` rule its `up to` (unbounded per rules are
  // left out: how far they go is the point of them).
  static double worth(const ast::Rule& r) {
    if (!r.per) return r.points;
    if (r.points <= 0 || !r.up_to) return 0;
    return *r.up_to;
  }

  const Context& cx_;
  std::vector<GroupReach> reach_;
  Bounds score_;
};

}  // namespace

void check_score_range(const Context& cx) { ScoreRange(cx).run(); }

}  // namespace leadscore::lint
