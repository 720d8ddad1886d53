// The formatter behind `leadscore fmt`: one canonical layout for model and schema files, comments
// kept, meaning unchanged (docs/fmt.md has the layout rules). A file that does not parse is not
// formatted; its syntax errors go into the diagnostics instead. Nothing here prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/diagnostic.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

enum class SourceKind : std::uint8_t { Model, Schema };

// `.schema` files are schemas; everything else is read as a model (as `leadscore check` does).
SourceKind source_kind_of(std::string_view path);

// The canonical text of file `file`, or nullopt when it does not parse (errors are in `diags`).
std::optional<std::string> format_source(const SourceManager& sources, std::uint32_t file,
                                         SourceKind kind, Diagnostics& diags);

// Every .score and .schema file under folder `dir`, recursively, sorted by path.
std::vector<std::string> source_files_under(const std::string& dir);

// A unified diff (`--- a/NAME`, `+++ b/NAME`, @@ hunks with 3 lines of context) from `before` to
// `after`; empty when they are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace leadscore
