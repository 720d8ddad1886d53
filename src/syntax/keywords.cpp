#include "leadscore/keywords.hpp"

#include <array>

namespace leadscore {
namespace {

struct Keyword {
  std::string_view word;
  bool reserved;
};

constexpr std::array keywords{
#define KEYWORD(word, reserved) Keyword{#word, reserved},
#include "leadscore/keywords.def"
#undef KEYWORD
};

const Keyword* find_keyword(std::string_view word) {
  for (const Keyword& k : keywords)
    if (k.word == word) return &k;
  return nullptr;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool is_reserved_word(std::string_view word) {
  const Keyword* k = find_keyword(word);
  return k != nullptr && k->reserved;
}

bool is_keyword(std::string_view word) { return find_keyword(word) != nullptr; }

bool is_valid_name(std::string_view name) {
  if (name.empty() || !is_letter(name[0])) return false;
  for (char c : name)
    if (!is_letter(c) && !is_digit(c)) return false;
  return !is_reserved_word(name);
}

}  // namespace leadscore
