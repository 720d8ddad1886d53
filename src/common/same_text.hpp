// Byte equality of two short strings, as the per-record lookups use it (enum members, `in [...]`
// lists): lengths and first bytes tell most candidates apart before a memcmp call is made.
#pragma once

#include <cstring>
#include <string_view>

namespace leadscore {

inline bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

}  // namespace leadscore
