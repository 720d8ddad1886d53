// `leadscore test --run PATTERN`: which tests run, by an RE2 search in their names.
#include <memory>

#include <re2/re2.h>

#include "leadscore/limits.hpp"
#include "leadscore/testing.hpp"

namespace leadscore {

std::optional<TestSelector> test_name_selector(const std::string& pattern, std::string& error) {
  RE2::Options options;
  options.set_log_errors(false);  // the message goes back to the caller, not to stderr
  options.set_max_mem(limits::max_regex_memory);
  // Shared: a std::function must be copyable and an RE2 is not.
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) {
    error = re->error();
    return std::nullopt;
  }
  return TestSelector([re](std::string_view name) { return RE2::PartialMatch(name, *re); });
}

}  // namespace leadscore
