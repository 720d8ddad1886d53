#include "infer/column_stats.hpp"

#include <algorithm>
#include <cstdint>

namespace leadscore::infer {
namespace {

// Adds `n` to `key`'s count. False when `key` is new and the map already holds `cap` keys: the
// caller then stops counting that map.
bool count_in(CountMap& counts, std::string_view key, std::uint64_t n, std::size_t cap) {
  if (auto it = counts.find(key); it != counts.end()) {
    it->second += n;
    return true;
  }
  if (counts.size() >= cap) return false;
  counts.emplace(std::string(key), n);
  return true;
}

// Calls `each(member)` for every non-empty `;`-separated member of `text`.
template <typename Each>
void for_each_member(std::string_view text, Each each) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    if (end > start) each(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

void ColumnStats::count_value(std::string_view text) {
  if (examples_.size() < max_examples &&
      std::find(examples_.begin(), examples_.end(), text) == examples_.end())
    examples_.emplace_back(text);
  if (track_unique_) hashes_.push_back(std::hash<std::string_view>{}(text));
  if (values_capped_) return;
  if (!count_in(values_, text, 1, max_distinct)) {
    values_capped_ = true;
    values_.clear();  // an enum is out of the question; the count is now "more than the cap"
    shapes_ &= ~shape_member;  // so nothing scans the column's values for member shape again
  }
}

void ColumnStats::count_member(std::string_view member, std::uint64_t n) {
  if (members_capped_) return;
  if (!shape_of(member, shape_member)) list_members_fit_ = false;
  if (!count_in(members_, member, n, max_members)) members_capped_ = true;
}

void ColumnStats::add_text(std::string_view text, bool split_lists) {
  if (is_placeholder_word(text)) {
    count_in(placeholders_, text, 1, SIZE_MAX);
    return;
  }
  ++present_;
  // Only the shapes still possible are tested: a text column stops costing parses.
  if (shapes_ != 0) shapes_ = shape_of(text, shapes_);
  count_value(text);
  if (!split_lists) return;
  if (!has_lists_) {
    if (text.find(';') == std::string_view::npos) return;
    // The first list: from here on every value is a set's members. The values before it are
    // one-member sets, and the distinct values kept so far hold them all (this one included),
    // unless there were too many to keep, and then there are too many members for a set too.
    has_lists_ = true;
    if (values_capped_) members_capped_ = true;
    // Not a structured binding: clang 14 (CI's fuzz build) refuses to capture one in a lambda.
    for (const auto& entry : values_) {
      const auto n = entry.second;
      for_each_member(entry.first, [&](std::string_view m) { count_member(m, n); });
    }
    return;
  }
  for_each_member(text, [&](std::string_view m) { count_member(m, 1); });
}

void ColumnStats::add_json_bool(bool value) {
  ++present_;
  shapes_ &= shape_bool;
  count_value(value ? "true" : "false");
}

void ColumnStats::add_json_list(const std::vector<std::string>& members, bool all_strings) {
  ++present_;
  has_lists_ = true;
  shapes_ = 0;
  if (!all_strings) list_members_fit_ = false;
  std::string joined;
  for (const std::string& m : members) {
    if (!joined.empty()) joined += ';';
    joined += m;
    count_member(m, 1);
  }
  count_value(joined.empty() ? "[]" : joined);
}

void ColumnStats::add_unreadable() {
  ++present_;
  shapes_ = 0;
  list_members_fit_ = false;
}

bool ColumnStats::unique() const {
  if (!track_unique_) return false;
  std::sort(hashes_.begin(), hashes_.end());
  return std::adjacent_find(hashes_.begin(), hashes_.end()) == hashes_.end();
}

}  // namespace leadscore::infer
