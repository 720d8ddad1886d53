// How a header's column name becomes a field name. Shared by `schema infer`, which names fields
// so, and the lead readers, which guess the field a misspelt column was meant for.
#pragma once

#include <string>
#include <string_view>

namespace leadscore {

// Lower-cased, every run of characters other than a-z and 0-9 turned into one `_`, trimmed of `_`
// ("Lead Source" -> "lead_source", "TotalVisits" -> "totalvisits"). Empty when nothing is left.
std::string identifier_from_header(std::string_view header);

}  // namespace leadscore
