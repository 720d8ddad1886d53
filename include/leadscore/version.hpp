// The one place the version lives: `--version`, SARIF's driver.version and the package config.
#pragma once

#include <string_view>

namespace leadscore {

inline constexpr std::string_view tool_version = "0.1.0";

}  // namespace leadscore
