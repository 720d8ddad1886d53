// JSON string literals, for every JSON the project writes (scored rows, diagnostics, test results,
// explanations): one escaping, and output that stays valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace leadscore {

// Appends `text` as a JSON string literal. Bytes that are not UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace leadscore
