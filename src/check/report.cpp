#include "check/report.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "check/builtins.hpp"
#include "common/suggest.hpp"
#include "leadscore/limits.hpp"

namespace leadscore::check {

namespace {

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& known) {
  std::string best = closest(name, known);
  return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

}  // namespace

std::string_view type_name(const ast::Type& t) {
  switch (t.kind) {
    case ast::TypeKind::Condition: return "a condition";
    case ast::TypeKind::Number: return "a number";
    case ast::TypeKind::String: return "a string";
    case ast::TypeKind::Date: return "a date";
    case ast::TypeKind::Timestamp: return "a timestamp";
    case ast::TypeKind::Enum: return "an enum value";
    case ast::TypeKind::Set: return "a set";
    case ast::TypeKind::StringSet: return "a set of strings";
    case ast::TypeKind::List: return "a list";
    case ast::TypeKind::Member: return "a member name";
    case ast::TypeKind::Regex: return "a regular expression";
    case ast::TypeKind::Unknown: break;
  }
  return "a value";
}

void Reporter::unknown_name(Span at, std::string_view name,
                            const std::vector<std::string_view>& known) {
  diags_.report(Code::UnknownName, at,
               fmt::format("unknown name '{}'{}", name, did_you_mean(name, known)));
}

void Reporter::unknown_field(Span at, std::string_view name,
                             const std::vector<std::string_view>& known) {
  diags_.report(Code::UnknownField, at,
               fmt::format("unknown field '{}'{}", name, did_you_mean(name, known)));
}

void Reporter::unknown_member(Span at, std::string_view member, std::string_view kind,
                              std::string_view field, const std::vector<std::string>& members) {
  std::vector<std::string_view> known(members.begin(), members.end());
  diags_.report(Code::UnknownMember, at,
               fmt::format("unknown member '{}' of {} '{}'{}", member, kind, field,
                           did_you_mean(member, known)));
}

void Reporter::unknown_builtin(Span at, std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& b : builtins) names.push_back(b.name);
  std::string suggestion = did_you_mean(name, names);
  if (suggestion.empty()) {
    // Names other languages give these functions, and their usual misspellings (`lenght`).
    static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
        {"length", "len"},          {"strlen", "len"},          {"size", "count"},
        {"lowercase", "lower"},     {"tolower", "lower"},       {"lcase", "lower"},
        {"uppercase", "upper"},     {"toupper", "upper"},       {"ucase", "upper"},
        {"domain", "email_domain"}, {"days_ago", "days_since"}, {"datediff", "days_since"}};
    // The alias itself first: `closest` never returns the name it is given, so `lcase` would
    // otherwise land on its neighbour `ucase` and suggest 'upper'.
    std::vector<std::string_view> alias_names;
    for (const auto& a : aliases) alias_names.push_back(a.first);
    bool is_alias = std::find(alias_names.begin(), alias_names.end(), name) != alias_names.end();
    std::string alias = is_alias ? std::string(name) : closest(name, alias_names);
    for (const auto& a : aliases) {
      if (a.first == alias) suggestion = fmt::format("; did you mean '{}'?", a.second);
    }
  }
  diags_.report(Code::UnknownBuiltin, at, fmt::format("unknown function '{}'{}", name, suggestion));
}

void Reporter::unknown_name_quote(Span at, std::string_view word, std::string_view close_to) {
  std::string also = close_to.empty() ? "" : fmt::format(" (or did you mean '{}'?)", close_to);
  diags_.report(Code::UnknownName, at,
               fmt::format("unknown name '{}'; to compare with the text, quote it: \"{}\"{}", word,
                           word, also));
}

void Reporter::type_mismatch(Span at, std::string message) {
  diags_.report(Code::TypeMismatch, at, std::move(message));
}

void Reporter::expected_condition(Span at, const ast::Type& got) {
  diags_.report(Code::TypeMismatch, at,
               fmt::format("expected a condition, found {}", type_name(got)));
}

void Reporter::invalid_regex(Span at, std::string_view why) {
  diags_.report(Code::InvalidRegex, at, fmt::format("invalid regular expression: {}", why));
}

void Reporter::per_not_numeric(Span at, const ast::Type& got) {
  diags_.report(Code::PerNotNumeric, at,
               fmt::format("'per' needs a number, found {}", type_name(got)));
}

void Reporter::duplicate(Span at, std::string_view what, std::string_view name) {
  diags_.report(Code::DuplicateName, at,
               name.empty() ? fmt::format("{} declared twice", what)
                            : fmt::format("{} '{}' declared twice", what, name));
}

void Reporter::import_clash(Span import_line, std::string_view what, std::string_view name) {
  diags_.report(Code::DuplicateName, import_line,
               fmt::format("this import brings in {} '{}', which the model also declares", what, name));
}

void Reporter::unordered_tiers(Span at, std::string message) {
  diags_.report(Code::UnorderedTiers, at, std::move(message));
}

void Reporter::invalid_schema(Span at, std::string message) {
  diags_.report(Code::InvalidSchema, at, std::move(message));
}

void Reporter::invalid_literal(Span at, std::string message) {
  diags_.report(Code::InvalidLiteral, at, std::move(message));
}

void Reporter::let_cycle(Span at, std::string_view name) {
  diags_.report(Code::LetCycle, at, fmt::format("let '{}' refers to itself", name));
}

void Reporter::regex_too_large(Span at) {
  diags_.report(Code::LimitExceeded, at,
               fmt::format("regular expression too large: its compiled program needs more than {} MB "
                           "(RE2's memory budget); use fewer or smaller repetitions",
                           limits::max_regex_memory >> 20));
}

void Reporter::expression_too_big(Span at, bool too_deep, std::string_view let_name) {
  std::string through = let_name.empty() ? "" : fmt::format(" with let '{}' put in place", let_name);
  if (too_deep) {
    diags_.report(Code::LimitExceeded, at,
                 fmt::format("expression nested too deeply{}: at most {} levels are allowed; split it "
                             "into lets that are not nested in one another",
                             through, limits::max_expression_depth));
  } else {
    diags_.report(Code::LimitExceeded, at,
                 fmt::format("expression too large{}: at most {} parts are allowed in one rule, let "
                             "or reject", through, limits::max_expression_nodes));
  }
}

void Reporter::output_column_clash(Span at, std::string_view what, std::string_view name) {
  diags_.report(Code::OutputColumnClash, at,
               fmt::format("{} '{}' would be a second '{}' column in the output of `score`; rename the {}",
                           what, name, name, what == "group" ? "group" : "field"));
}

}  // namespace leadscore::check
