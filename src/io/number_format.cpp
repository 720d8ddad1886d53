// How every number is printed: fmt's shortest round-trip form for doubles (SPEC 7), with -0 as 0.
#include <fmt/format.h>

#include <iterator>

#include "leadscore/io.hpp"

namespace leadscore {

void append_number(std::string& out, double x) {
  if (x == 0) x = 0;  // -0 == 0: prints "0", not "-0"
  fmt::format_to(std::back_inserter(out), "{}", x);
}

std::string format_number(double x) {
  std::string out;
  append_number(out, x);
  return out;
}

}  // namespace leadscore
