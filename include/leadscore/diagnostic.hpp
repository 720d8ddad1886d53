// User-facing problems (syntax, type and lint) are data: a Diagnostic goes into a list; exceptions
// are kept for internal failures.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "leadscore/codes.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

// What went wrong and where. The code names an entry of codes.def, which gives the stable text
// ("E004"), the name, the summary and the severity; the caller gives only the place and the words.
struct Diagnostic {
  Diagnostic(Code c, Span s, std::string m, std::vector<std::string> n = {})
      : code(c), severity(code_info(c).severity), span(s), message(std::move(m)), notes(std::move(n)) {}

  Code code;
  Severity severity;  // codes.def's for the code
  Span span;
  std::string message;
  std::vector<std::string> notes;
};

class Diagnostics {
 public:
  // Past this many errors a file is not worth reading further.
  static constexpr std::size_t max_errors = 20;

  void report(Diagnostic d);
  // An error or a warning, as codes.def says the code is.
  void report(Code code, Span span, std::string message) { report(Diagnostic(code, span, std::move(message))); }

  const std::vector<Diagnostic>& all() const { return list_; }
  // Gives diagnostics from index `from` on that have no location the span `at`.
  void locate_unlocated(std::size_t from, Span at);
  std::size_t error_count() const { return errors_; }
  bool has_errors() const { return errors_ > 0; }
  // Whether `file` has had max_errors errors listed: the parser stops reading it.
  bool full(std::uint32_t file) const {
    auto it = listed_per_file_.find(file);
    return it != listed_per_file_.end() && it->second >= max_errors;
  }
  // Drops the warnings `allowed` accepts (`# leadscore: allow`, `--allow`); errors always stay.
  template <class Pred>
  void drop_warnings_if(Pred allowed) {
    std::erase_if(list_, [&](const Diagnostic& d) { return d.severity == Severity::Warning && allowed(d); });
  }

 private:
  std::vector<Diagnostic> list_;
  std::size_t errors_ = 0;
  std::unordered_map<std::uint32_t, std::size_t> listed_per_file_;  // errors listed, per file
};

// `file:line:col: error[E004]: message`, the source line and a caret under the span (`^~~~`).
std::string render_text(const Diagnostic& d, const SourceManager& sources, bool color = false);

}  // namespace leadscore
