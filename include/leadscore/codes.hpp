// Diagnostic codes, generated from codes.def so that the enum and the table cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <fmt/core.h>

namespace leadscore {

enum class Severity { Error, Warning, Note };

enum class Code {
#define DIAG(name, code, short_name, severity, summary) name,
#include "leadscore/codes.def"
#undef DIAG
};

struct CodeInfo {
  std::string_view code;
  std::string_view name;
  bool is_error;
  std::string_view summary;
  Severity severity;
};

inline constexpr std::array code_table{
#define DIAG(name, code, short_name, severity, summary) \
  CodeInfo{code, short_name, Severity::severity == Severity::Error, summary, Severity::severity},
#include "leadscore/codes.def"
#undef DIAG
};

inline constexpr const CodeInfo& code_info(Code c) { return code_table[static_cast<std::size_t>(c)]; }

// A code is its text where text is wanted: `d.code == "W004"`, `fmt::format("{}", d.code)`.
inline constexpr bool operator==(Code c, std::string_view text) { return code_info(c).code == text; }

}  // namespace leadscore

template <>
struct fmt::formatter<leadscore::Code> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(leadscore::Code c, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(leadscore::code_info(c).code, ctx);
  }
};
