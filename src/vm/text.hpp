// ASCII case folding and the string tests the VM runs (SPEC 7: case-insensitive tests fold ASCII
// letters only). Needles given to the *_ci functions are already lower case.
#pragma once

#include <string>
#include <string_view>

namespace leadscore::text {

inline char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool contains_ci(std::string_view hay, std::string_view lower_needle);
bool contains_ci_both(std::string_view hay, std::string_view needle);
bool starts_with_ci(std::string_view s, std::string_view lower_prefix);
bool ends_with_ci(std::string_view s, std::string_view lower_suffix);
void lower_into(std::string& out, std::string_view s);
void upper_into(std::string& out, std::string_view s);
std::size_t code_points(std::string_view s);

}  // namespace leadscore::text
