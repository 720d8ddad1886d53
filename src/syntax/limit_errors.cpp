#include "syntax/limit_errors.hpp"

#include <fmt/format.h>

#include "leadscore/limits.hpp"

namespace leadscore::syntax {

void too_many_operands(Diagnostics& diags, Span at, char op) {
  std::string_view what = op == '+' || op == '-' ? "'+' and '-'"
                          : op == '*' || op == '/' ? "'*' and '/'"
                          : op == 'a' ? "'and'" : "'or'";
  diags.report(Code::LimitExceeded, at,
              fmt::format("more than {} operands joined by {} in one expression; split it into lets",
                          limits::max_chain_operands, what));
}

std::string nested_too_deeply_message() {
  return fmt::format("expression nested too deeply for the parser; at most {} levels of "
                     "parentheses, 'not', '-' and calls are allowed",
                     limits::max_parse_nesting);
}

void file_too_large(Diagnostics& diags, Span at, std::string_view what, std::size_t bytes) {
  diags.report(Code::LimitExceeded, at,
              fmt::format("this {} file is {} bytes; the limit is {} bytes ({} MB)", what, bytes,
                          limits::max_file_bytes, limits::max_file_bytes >> 20));
}

void date_out_of_range(Diagnostics& diags, Span at, std::string_view text) {
  diags.report(Code::InvalidLiteral, at,
              fmt::format("'{}' is out of range: dates run from 0001-01-01 to 9999-12-31", text));
}

void number_out_of_range(Diagnostics& diags, Span at, std::string_view text) {
  diags.report(Code::InvalidLiteral, at,
              fmt::format("the number {} is too large: numbers are doubles, at most about 1.8e308",
                          text));
}

}  // namespace leadscore::syntax
