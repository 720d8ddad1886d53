// "Did you mean" for names: the closest candidate by edit distance, when it is close enough.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadscore {

std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate nearest to `name`, or "" when none is within a third of its length (at least 1,
// at most 3 edits).
std::string closest(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace leadscore
