#include "common/column_name.hpp"

#include "common/ascii.hpp"

namespace leadscore {

std::string identifier_from_header(std::string_view header) {
  std::string name;
  bool gap = false;
  for (const char c : header) {
    const char l = lower_ascii(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      if (gap && !name.empty()) name += '_';
      gap = false;
      name += l;
    } else {
      gap = true;
    }
  }
  return name;
}

}  // namespace leadscore
