// The columns `score` writes besides the key and the group totals (SPEC 5), in order. A key or a
// group with one of these names would give the output two columns (two JSON keys) of that name.
#pragma once

#include <string_view>

namespace leadscore::check {

inline constexpr std::string_view fixed_output_columns[] = {"score", "qualified", "tier", "status",
                                                            "reason", "fired"};

inline bool is_fixed_output_column(std::string_view name) {
  for (auto c : fixed_output_columns) {
    if (c == name) return true;
  }
  return false;
}

}  // namespace leadscore::check
