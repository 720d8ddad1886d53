// How every number is printed: fmt's shortest round-trip form for doubles (SPEC 7), with -0 as 0;
// and `score --round N`'s rounding of a number to N decimals.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <iterator>
#include <system_error>

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

// Rounds the decimal text a person reads, not the binary value: 2.675 is stored as
// 2.67499999999999982236431605997495353221893310546875, yet it prints as 2.675 and a spreadsheet's
// ROUND(2.675, 2) gives 2.68, so this does too. The shortest round-trip digits are rounded half away
// from zero, and the result is the double nearest the rounded decimal. No allocation: the digits
// live on the stack.
double round_decimals(double x, int decimals) {
  // Whole numbers (every double from 2^52 up is one), infinities and NaN have nothing to round.
  if (!std::isfinite(x) || x == std::trunc(x)) return x;
  // "-d.ddddde-XX": the shortest digits in scientific form, at most 17 of them.
  char text[40];
  const auto printed = std::to_chars(text, text + sizeof text, x, std::chars_format::scientific);
  if (printed.ec != std::errc()) return x;
  const char* p = text;
  const bool negative = *p == '-';
  if (negative) ++p;
  char digits[24];
  int count = 0;
  for (; p != printed.ptr && *p != 'e'; ++p)
    if (*p != '.') digits[count++] = *p;
  int exponent = 0;  // of the first digit
  if (p != printed.ptr) std::from_chars(p + (p[1] == '+' ? 2 : 1), printed.ptr, exponent);
  // digits[i] stands for digits[i] * 10^(exponent - i): the ones kept reach down to 10^-decimals.
  const int keep = exponent + decimals + 1;
  if (keep >= count) return x;  // no more decimals than asked for
  if (keep < 0) return 0;       // below half of 10^-decimals
  const bool up = digits[keep] >= '5';
  if (keep == 0 && !up) return 0;
  // The kept digits, as an integer count of 10^-decimals, rounded up by carrying from the right.
  char rounded[48];
  char* r = rounded;
  if (negative) *r++ = '-';
  *r++ = '0';  // room for a carry out of the first digit
  char* first = r;
  for (int i = 0; i < keep; ++i) *r++ = digits[i];
  if (up) {
    char* d = r;
    while (d != first && *(d - 1) == '9') *--d = '0';
    if (d == first) *(first - 1) = '1';  // 99.96 -> 100.0: the carry takes the spare '0'
    else ++*(d - 1);
  }
  r = fmt::format_to(r, "e-{}", decimals);
  double result = 0;
  std::from_chars(rounded, r, result);
  return result == 0 ? 0 : result;  // -0.001 rounded: 0, not -0
}

}  // namespace leadscore
