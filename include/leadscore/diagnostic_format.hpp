// Diagnostics rendered for people and for tools: compiler-style text, a documented JSON shape,
// SARIF 2.1.0 for code scanning, GitHub Actions workflow commands and JUnit XML (SPEC 4,
// `leadscore check --format`). Each function returns a string; nothing here prints.
//
// Locations in the json, sarif, github and junit formats share one convention (docs/ci.md): lines and
// columns are 1-based, columns count Unicode code points, and the end column is exclusive (one past
// the last character, as SARIF says). A diagnostic without a file (an unreadable file) still
// appears in every format, without a location.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "leadscore/diagnostic.hpp"
#include "leadscore/source.hpp"
#include "leadscore/version.hpp"

namespace leadscore {

// Where SARIF's informationUri and each rule's helpUri point. SARIF wants absolute URIs there.
inline constexpr std::string_view project_uri = "https://github.com/leadscore/leadscore";
// The bump rule for the json format's "version": a new key is not a change; a renamed or removed
// key, or a changed meaning, is.
inline constexpr int json_format_version = 1;

enum class DiagnosticFormat { Text, Json, Sarif, Github, Junit };

// "text", "json", "sarif", "github" or "junit"; nullopt for anything else.
std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view name);

struct DiagnosticCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool unreadable = false;  // some file could not be read at all
};

DiagnosticCounts count_diagnostics(std::span<const Diagnostic> diags);

// The exit status of `leadscore check` (SPEC 5): 2 when a file could not be read, 1 for any error
// (or, with `strict`, any warning), else 0.
int check_exit_status(const DiagnosticCounts& counts, bool strict);

// "3 errors, 1 warning\n"; empty when there is nothing to count.
std::string format_summary(const DiagnosticCounts& counts);

// Every diagnostic as render_text prints it, then the summary line. `color` adds ANSI colours:
// the caller decides (a terminal, NO_COLOR unset).
std::string format_text(std::span<const Diagnostic> diags, const SourceManager& sources,
                        bool color = false);
// {"version":1,"diagnostics":[...],"errors":N,"warnings":M}, one diagnostic per line.
std::string format_json(std::span<const Diagnostic> diags, const SourceManager& sources);
// One SARIF 2.1.0 log with one run; every code of code_table is a rule.
std::string format_sarif(std::span<const Diagnostic> diags, const SourceManager& sources);
// One `::error file=...,line=...::message` workflow command per diagnostic.
std::string format_github(std::span<const Diagnostic> diags, const SourceManager& sources);
// A JUnit XML report (docs/ci.md): one testsuite per file of `sources`, one testcase per diagnostic,
// a <failure> for an error and, with `strict`, for a warning; a clean file is one passing testcase.
std::string format_junit(std::span<const Diagnostic> diags, const SourceManager& sources,
                         bool strict = false);

// `strict` matters to junit only (whether a warning is a failure); `color` to text only.
std::string format_diagnostics(DiagnosticFormat format, std::span<const Diagnostic> diags,
                               const SourceManager& sources, bool color = false, bool strict = false);

}  // namespace leadscore
