// `leadscore tune MODEL -i LEADS --outcomes FILE [--holdout 30%] [--seed N]
// [--target precision=P|qualified=Q%] [--suggest-rules] [-o FILE | -w] [--format text|json]`:
// the library fits; this parses the options, writes the tuned model (stdout, -o, or in place) and
// prints the report (on stderr when the model goes to stdout, else on stdout).
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "leadscore/tune.hpp"

namespace leadscore::cli {

namespace {

// "30%" or "0.3" as a share in [0, 1].
std::optional<double> share_option(std::string text) {
  bool percent = !text.empty() && text.back() == '%';
  if (percent) text.pop_back();
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  if (percent) v /= 100;
  if (v < 0 || v > 1) return std::nullopt;
  return v;
}

std::optional<TuneTarget> target_option(const std::string& text) {
  TuneTarget t;
  if (text.empty()) return t;
  auto eq = text.find('=');
  if (eq == std::string::npos) return std::nullopt;
  std::string name = text.substr(0, eq);
  std::optional<double> v = share_option(text.substr(eq + 1));
  if (!v) return std::nullopt;
  if (name == "precision") {
    t.kind = TuneTarget::Kind::Precision;
  } else if (name == "qualified") {
    t.kind = TuneTarget::Kind::Qualified;
  } else {
    return std::nullopt;
  }
  t.value = *v;
  return t;
}

}  // namespace

int run_tune(const TuneCommandOptions& o) {
  std::optional<Day> as_of = as_of_option(o.as_of);
  if (!as_of) return exit_usage;
  std::optional<double> holdout = share_option(o.holdout);
  if (!holdout || *holdout >= 1) {
    print_error(fmt::format("--holdout: '{}' is not a share below 100% (e.g. 30%)", o.holdout));
    return exit_usage;
  }
  std::optional<TuneTarget> target = target_option(o.target);
  if (!target) {
    print_error(fmt::format("--target: '{}' is not precision=P (e.g. precision=0.3) or qualified=Q% (e.g. qualified=5%)",
                            o.target));
    return exit_usage;
  }
  if (o.write && !o.output.empty()) {
    print_error("-w rewrites the model in place and -o writes it elsewhere: give one of them");
    return exit_usage;
  }
  if (o.input == "-") {
    print_error("tune reads the leads more than once: give a file to -i, not '-'");
    return exit_usage;
  }
  TuneInput input;
  input.model_path = o.model;
  input.leads_path = o.input;
  input.outcomes_path = o.outcomes;
  std::optional<RecordFormat> leads_format = input_format_option(o.input, o.input_format);
  if (!leads_format) return exit_usage;
  input.leads_format = *leads_format;
  input.leads_read = read_options(o.delimiter);
  TuneOptions options;
  options.holdout = *holdout;
  options.seed = o.seed;
  options.target = *target;
  options.suggest_rules = o.suggest_rules;
  options.as_of = *as_of;

  Session session;
  TuneResult r = tune_model(session, input, options);
  print_header_warnings(r.warnings, r.ignored_columns, input.leads_path, o.quiet_columns);
  if (!r.ok) {
    // The model's warnings are check's business; they are shown only beside its errors.
    if (session.diagnostics.has_errors()) {
      print_diagnostics(session, stderr);
      return load_failure_status(session);
    }
    print_error(r.error);
    return r.error_is_usage ? exit_usage : exit_problem;
  }
  std::string report = o.format == "json" ? render_tune_json(r) + "\n" : render_tune_text(r);
  bool to_stdout = !o.write && o.output.empty();
  if (to_stdout) {
    fmt::print("{}", r.tuned_text);
    std::fflush(stdout);
    fmt::print(stderr, "{}", report);
    return exit_ok;
  }
  std::string error;
  if (!write_whole(o.write ? o.model : o.output, r.tuned_text, error)) {
    print_error(error);
    return exit_usage;
  }
  fmt::print("{}", report);
  return exit_ok;
}

}  // namespace leadscore::cli
