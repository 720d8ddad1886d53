// Diagnostic codes, generated from codes.def so that the enum and the table cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace leadscore {

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
};

inline constexpr std::array code_table{
#define DIAG(name, code, short_name, severity, summary) \
  CodeInfo{code, short_name, std::string_view(#severity) == "Error", summary},
#include "leadscore/codes.def"
#undef DIAG
};

inline constexpr const CodeInfo& code_info(Code c) { return code_table[static_cast<std::size_t>(c)]; }

}  // namespace leadscore
