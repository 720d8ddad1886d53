// Two rules with the same condition (W007): the second is reported, with a note naming the first.
// Conditions are compared in canonical form, so `a > 3` and `(3 < a)`, `x and y` and `y and x`, or a
// let and its value are the same condition.
#include <map>
#include <string>

#include <fmt/format.h>

#include "lint/analysis.hpp"

namespace leadscore::lint {

void check_duplicates(const Context& cx) {
  std::map<std::string, const ast::Rule*> first;
  for (const auto& r : cx.model.rules) {
    auto [it, fresh] = first.try_emplace(canonical(*r.condition, cx), &r);
    if (fresh) continue;
    const ast::Rule& earlier = *it->second;
    Diagnostic d{Code::DuplicateCondition, r.span,
                 fmt::format("this rule has the same condition as rule '{}' (line {})", earlier.label,
                             cx.line_of(earlier.span)),
                 {fmt::format("merge the two rules, or make the conditions differ")}};
    cx.diags.report(std::move(d));
  }
}

}  // namespace leadscore::lint
