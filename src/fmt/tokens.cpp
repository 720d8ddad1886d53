// Cutting source text into tokens the way src/syntax/grammar.hpp does. The one context-dependent
// choice is '/': the grammar accepts a regex literal only after `matches` or after the '=' of a
// `let`, and never a division there (a sum cannot start with '/'), so the previous token decides.
#include "fmt/tokens.hpp"

#include <algorithm>
#include <array>

namespace leadscore::formatter {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_start(char c) { return is_alpha(c) || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }

std::size_t digits_from(std::string_view t, std::size_t i) {
  while (i < t.size() && is_digit(t[i])) ++i;
  return i;
}

// The end of a date literal starting at `i` (grammar `date_lit`), or `i` when there is none.
std::size_t date_end(std::string_view t, std::size_t i) {
  static constexpr std::string_view shape = "dddd-dd-dd";
  if (t.size() - i < shape.size()) return i;
  for (std::size_t k = 0; k < shape.size(); ++k) {
    char c = t[i + k];
    if (shape[k] == 'd' ? !is_digit(c) : c != '-') return i;
  }
  std::size_t end = i + shape.size();
  return end < t.size() && is_word_char(t[end]) ? i : end;
}

// The end of a number starting at `i` (grammar `number`, without the sign).
std::size_t number_end(std::string_view t, std::size_t i) {
  std::size_t p = digits_from(t, i);
  if (p + 1 < t.size() && t[p] == '.' && is_digit(t[p + 1])) p = digits_from(t, p + 1);
  if (p < t.size() && (t[p] == 'e' || t[p] == 'E')) {
    std::size_t q = p + 1;
    if (q < t.size() && (t[q] == '+' || t[q] == '-')) ++q;
    if (q < t.size() && is_digit(t[q])) p = digits_from(t, q);
  }
  return p;
}

// The end of a quoted string or a regex body: the closing `close`, skipping backslash escapes;
// stops at a line break (the grammar has already refused such a file).
std::size_t quoted_end(std::string_view t, std::size_t i, char close) {
  std::size_t p = i + 1;
  while (p < t.size() && t[p] != close && t[p] != '\n' && t[p] != '\r') p += t[p] == '\\' && p + 1 < t.size() ? 2 : 1;
  return p < t.size() && t[p] == close ? p + 1 : p;
}

// Comments may sit between `matches` and its pattern (`ws` allows them), so they are skipped.
bool starts_regex(const std::vector<Token>& out) {
  auto prev = std::find_if(out.rbegin(), out.rend(), [](const Token& t) { return t.kind != TokKind::Comment; });
  return prev != out.rend() && (prev->word("matches") || prev->punct("="));
}

}  // namespace

bool is_reserved(std::string_view word) {
  static constexpr std::array<std::string_view, 55> reserved = {
      "model", "schema", "import", "let", "group", "when", "add", "subtract", "per", "up", "to",
      "as", "reject", "score", "min", "max", "decay", "every", "days", "since", "qualify", "at",
      "tier", "and", "or", "not", "in", "any", "all", "of", "matches", "starts", "ends", "with",
      "contains", "is", "present", "missing", "within", "older", "than", "before", "after", "true",
      "false", "test", "string", "int", "number", "bool", "date", "enum", "set", "key", "required"};
  return std::find(reserved.begin(), reserved.end(), word) != reserved.end();
}

std::vector<Token> lex(std::string_view t) {
  std::vector<Token> out;
  std::size_t i = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  int breaks = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '\n') {
      ++breaks;
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    TokKind kind = TokKind::Punct;
    if (c == '#') {
      kind = TokKind::Comment;
      end = std::min(t.find('\n', i), t.size());
      while (end > i && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\r')) --end;
      out.push_back({kind, t.substr(i, end - i), breaks});
      breaks = 0;
      i = std::max(end, i + 1);
      continue;
    }
    if (c == '"') {
      kind = TokKind::String;
      end = quoted_end(t, i, '"');
    } else if (c == '/' && starts_regex(out)) {
      kind = TokKind::Regex;
      end = quoted_end(t, i, '/');
      while (end < t.size() && is_alpha(t[end])) ++end;
    } else if (is_digit(c)) {
      end = date_end(t, i);
      kind = end > i ? TokKind::Date : TokKind::Number;
      if (end == i) end = number_end(t, i);
    } else if (is_word_start(c)) {
      kind = TokKind::Word;
      while (end < t.size() && is_word_char(t[end])) ++end;
    } else if ((c == '<' || c == '>' || c == '!') && i + 1 < t.size() && t[i + 1] == '=') {
      end = i + 2;
    }
    out.push_back({kind, t.substr(i, end - i), breaks});
    breaks = 0;
    i = end;
  }
  return out;
}

}  // namespace leadscore::formatter
