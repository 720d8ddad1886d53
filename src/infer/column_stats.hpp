// What the sample held in one column, gathered value by value in one pass. Memory stays small
// whatever the input's size: distinct values are kept only up to a cap, and every value's hash
// only for the few columns that could be the key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "infer/value_shape.hpp"

namespace leadscore::infer {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using CountMap = std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>>;

class ColumnStats {
 public:
  static constexpr std::size_t max_distinct = 1000;  // values kept for enums and the comment
  static constexpr std::size_t max_members = 64;     // members kept for sets (a set's limit)
  static constexpr std::size_t max_examples = 3;

  explicit ColumnStats(std::string header) : header_(std::move(header)) {}

  // A present value as text (not empty). `split_lists`: a ';' separates set members (CSV).
  void add_text(std::string_view text, bool split_lists);
  // A JSON true/false.
  void add_json_bool(bool value);
  // A JSON array of strings (a set's members); `all_strings` false when an element was not one.
  void add_json_list(const std::vector<std::string>& members, bool all_strings);
  // A value no field type can hold (a JSON object): the column can only be text, and even that
  // would reject it.
  void add_unreadable();
  void add_missing() { ++missing_; }
  // Start keeping a hash of every value, to tell whether the column is unique.
  void track_uniqueness() { track_unique_ = true; }

  const std::string& header() const { return header_; }
  std::uint64_t present() const { return present_; }  // placeholders excluded
  std::uint64_t missing() const { return missing_; }
  std::uint32_t shapes() const { return shapes_; }
  bool has_lists() const { return has_lists_; }
  bool lists_fit_members() const { return list_members_fit_; }
  const CountMap& values() const { return values_; }
  bool values_capped() const { return values_capped_; }
  const CountMap& members() const { return members_; }
  bool members_capped() const { return members_capped_; }
  const CountMap& placeholders() const { return placeholders_; }
  const std::vector<std::string>& examples() const { return examples_; }
  bool tracks_uniqueness() const { return track_unique_; }
  // Only for a column that tracked uniqueness from its first value: no two values alike.
  bool unique() const;

 private:
  void count_value(std::string_view text);
  void count_member(std::string_view member, std::uint64_t n);

  std::string header_;
  std::uint64_t present_ = 0, missing_ = 0;
  std::uint32_t shapes_ = shape_all;
  bool has_lists_ = false;
  bool list_members_fit_ = true;
  CountMap values_, members_, placeholders_;
  bool values_capped_ = false, members_capped_ = false;
  std::vector<std::string> examples_;
  bool track_unique_ = false;
  mutable std::vector<std::uint64_t> hashes_;
};

}  // namespace leadscore::infer
