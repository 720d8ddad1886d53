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

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable, e.g. "E001"; empty for syntax errors' notes
  Span span;
  std::string message;
  std::vector<std::string> notes;
};

class Diagnostics {
 public:
  // Past this many errors a file is not worth reading further.
  static constexpr std::size_t max_errors = 20;

  void report(Diagnostic d);
  void error(Code code, Span span, std::string message);
  void warning(Code code, Span span, std::string message);

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
