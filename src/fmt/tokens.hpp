// The formatter's view of a source file: a flat list of tokens, comments included, each knowing
// how many line breaks came before it. The formatter only runs on files that parsed, so the lexer
// never reports errors; it cuts text with the grammar's token rules (syntax/tokens.hpp), and the
// keywords are keywords.def's (leadscore/keywords.hpp).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace leadscore::formatter {

enum class TokKind : std::uint8_t {
  Word,     // identifier or keyword
  Number,   // as written: 12, 3.5, 1e6 (a leading '-' is its own Punct token)
  Date,     // 2026-01-31
  String,   // "..." with its quotes, escapes as written
  Regex,    // /.../flags, as written
  Punct,    // ( ) [ ] { } , : ; = != < <= > >= + - * / % (and any stray byte)
  Comment,  // '#' to the end of the line, trailing blanks removed
};

struct Token {
  TokKind kind = TokKind::Punct;
  std::string_view text;  // a view of the source
  int breaks_before = 0;  // line breaks between the previous token (or the file start) and this one

  bool is(TokKind k, std::string_view t) const { return kind == k && text == t; }
  bool punct(std::string_view t) const { return is(TokKind::Punct, t); }
  bool word(std::string_view t) const { return is(TokKind::Word, t); }
};

std::vector<Token> lex(std::string_view text);

}  // namespace leadscore::formatter
