#include "infer/column_stats.hpp"

#include <algorithm>

namespace leadscore::infer {

void ColumnStats::count_value(std::string_view text) {
  if (examples_.size() < max_examples &&
      std::find(examples_.begin(), examples_.end(), text) == examples_.end())
    examples_.emplace_back(text);
  if (track_unique_) hashes_.push_back(std::hash<std::string_view>{}(text));
  if (values_capped_) return;
  if (auto it = values_.find(text); it != values_.end()) {
    ++it->second;
  } else if (values_.size() < max_distinct) {
    values_.emplace(std::string(text), 1);
  } else {
    values_capped_ = true;
    values_.clear();  // an enum is out of the question; the count is now "more than the cap"
  }
}

void ColumnStats::count_member(std::string_view member) {
  if (members_capped_) return;
  if (!shape_of(member, shape_member)) list_members_fit_ = false;
  if (auto it = members_.find(member); it != members_.end()) {
    ++it->second;
  } else if (members_.size() < max_members) {
    members_.emplace(std::string(member), 1);
  } else {
    members_capped_ = true;
  }
}

void ColumnStats::add_text(std::string_view text, bool split_lists) {
  if (is_placeholder_word(text)) {
    if (auto it = placeholders_.find(text); it != placeholders_.end())
      ++it->second;
    else
      placeholders_.emplace(std::string(text), 1);
    return;
  }
  ++present_;
  // Only the shapes still possible are tested: a text column stops costing parses.
  if (shapes_ != 0) shapes_ = shape_of(text, shapes_);
  count_value(text);
  if (!split_lists) return;
  if (text.find(';') != std::string_view::npos) has_lists_ = true;
  if (members_capped_) return;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string_view member = text.substr(start, end - start);
    if (!member.empty()) count_member(member);
    start = end + 1;
  }
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
    count_member(m);
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
