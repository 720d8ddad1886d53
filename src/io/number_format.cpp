// How every number is printed: fmt's shortest round-trip form for doubles (SPEC 7), with -0 as 0.
#include <fmt/format.h>

#include <iterator>

#include "leadscore/io.hpp"

namespace leadscore {

void append_number(std::string& out, double x) {
  if (x == 0) x = 0;  // -0 == 0: prints "0", not "-0"
  // Scores and group totals are mostly whole numbers: print those as integers, which is what the
  // shortest round-trip form of a whole double below 2^53 is, without the float formatter.
  if (x > -1e15 && x < 1e15) {
    const auto whole = static_cast<long long>(x);
    if (static_cast<double>(whole) == x) {
      char digits[24];
      char* end = digits + sizeof digits;
      char* p = end;
      unsigned long long u = whole < 0 ? 0ULL - static_cast<unsigned long long>(whole)
                                       : static_cast<unsigned long long>(whole);
      do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
      } while (u != 0);
      if (whole < 0) *--p = '-';
      out.append(p, end);
      return;
    }
  }
  fmt::format_to(std::back_inserter(out), "{}", x);
}

std::string format_number(double x) {
  std::string out;
  append_number(out, x);
  return out;
}

}  // namespace leadscore
