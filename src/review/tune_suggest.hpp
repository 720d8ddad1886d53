// `tune --suggest-rules`: candidate conditions on what the model does not test yet (enum and set
// members, bool fields, numeric and date thresholds at quantiles, missing values), the group each
// would go into, and where in the text it is inserted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leadscore/ast.hpp"
#include "leadscore/record.hpp"
#include "leadscore/schema.hpp"

namespace leadscore::tune {

// What the training leads hold in each field, for choosing thresholds.
struct FieldStats {
  std::vector<std::vector<double>> values;  // per field: numbers (int, number) or days since (date)
  std::vector<std::uint64_t> missing;       // per field
  std::uint64_t leads = 0;

  explicit FieldStats(std::size_t fields) : values(fields), missing(fields, 0) {}
  void add(const Schema& schema, const Record& record, Day as_of);
};

struct Candidate {
  std::string condition;   // e.g. `source = event`, `webinars >= 2`
  int field = -1;          // schema field it tests
  int group = -1;          // index in ast::Model::groups it goes into; -1: ungrouped
};

// The conditions to try, each placed in the first group whose rules (or decay) use its field.
std::vector<Candidate> candidate_conditions(const Schema& schema, const ast::Model& model, const FieldStats& stats);

// Where a rule added to group `group` (or ungrouped, -1) is inserted in `text`, and the
// indentation its lines take: after the group's last rule, or after the last group's closing brace.
struct InsertPoint {
  std::uint32_t at = 0;
  std::string indent;
};
InsertPoint insert_point(const ast::Model& model, std::string_view text, int group);

}  // namespace leadscore::tune
