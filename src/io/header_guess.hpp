// The field a header column was likely meant for, when the header spells a field otherwise
// (`Lead_ID`, `Lead ID` or `employes` for `lead_id` and `employees`): the missing-column message
// then says which column to rename.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "leadscore/schema.hpp"

namespace leadscore::io {

// A header name as it is matched: without the spaces and tabs around it.
std::string_view trim_header_name(std::string_view s);

struct HeaderGuesses {
  std::vector<std::string_view> column_for_field;  // per field: the column guessed for it, or ""
  std::unordered_set<std::string_view> taken;      // the columns guessed for some field
  // Per field: the separator the header seems to be written with, when its column is a piece of a
  // header name cut at it (`Lead ID;Company` read with ','); 0 when not.
  std::vector<char> separator_for_field;
};

// Guesses among `unknown` (header names that are no field's column, the header having been split
// at `sep`) for each field whose `field_column` is -1: first whether its column (Field::column_name)
// is a piece of one of them cut at another separator, then a column whose name becomes the same
// name as the field's column when `schema infer` names fields, then the nearest by edit distance.
// Each column is guessed for one field at most.
HeaderGuesses guess_columns(const Schema& schema, const std::vector<int>& field_column,
                            const std::vector<std::string_view>& unknown, char sep);

// `; did you mean column "Lead_ID"?`, or "" when there is no guess.
std::string did_you_mean_column(std::string_view column);
// `; the header looks ';'-separated (--delimiter ';')`, or "" for 0.
std::string other_separator_hint(char sep);

}  // namespace leadscore::io
