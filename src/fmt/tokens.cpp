// Cutting source text into tokens with the grammar's own token rules (syntax/tokens.hpp), so the
// formatter cuts text exactly as the parser does. The one context-dependent choice is '/': the
// grammar accepts a regex literal only after `matches` or after the '=' of a `let`, and never a
// division there (a sum cannot start with '/'), so the previous token decides.
#include "fmt/tokens.hpp"

#include <algorithm>

#include "syntax/tokens.hpp"

namespace leadscore::formatter {

namespace {

using syntax::TokenRule;
using syntax::token_length;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Comments may sit between `matches` and its pattern (`ws` allows them), so they are skipped.
bool starts_regex(const std::vector<Token>& out) {
  auto prev = std::find_if(out.rbegin(), out.rend(), [](const Token& t) { return t.kind != TokKind::Comment; });
  return prev != out.rend() && (prev->word("matches") || prev->punct("="));
}

// The kind and length of the token at the start of `rest` (not a blank). Text the grammar refuses
// (the formatter only sees files that parsed) becomes a one-byte Punct token.
std::pair<TokKind, std::size_t> token_at(std::string_view rest, const std::vector<Token>& before) {
  const char c = rest.front();
  if (c == '"') return {TokKind::String, token_length(TokenRule::String, rest)};
  if (c == '/' && starts_regex(before)) return {TokKind::Regex, token_length(TokenRule::Regex, rest)};
  if (is_digit(c)) {
    if (std::size_t n = token_length(TokenRule::Date, rest)) return {TokKind::Date, n};
    return {TokKind::Number, token_length(TokenRule::Number, rest)};
  }
  if (is_word_start(c)) return {TokKind::Word, token_length(TokenRule::Identifier, rest)};
  return {TokKind::Punct, token_length(TokenRule::CompareOp, rest)};
}

}  // namespace

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
    const std::string_view rest = t.substr(i);
    if (c == '#') {
      std::size_t end = token_length(TokenRule::Comment, rest);
      while (end > 1 && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) --end;  // trailing blanks go
      out.push_back({TokKind::Comment, rest.substr(0, end), breaks});
      breaks = 0;
      i += std::max<std::size_t>(end, 1);
      continue;
    }
    auto [kind, length] = token_at(rest, out);
    if (length == 0) kind = TokKind::Punct, length = 1;
    out.push_back({kind, rest.substr(0, length), breaks});
    breaks = 0;
    i += length;
  }
  return out;
}

}  // namespace leadscore::formatter
