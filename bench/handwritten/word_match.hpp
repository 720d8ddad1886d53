// The hand-written matcher for `/\b(w1|w2|...)\b/i` used by reference_scorer.cpp, in a header of
// its own so that check/matcher_vs_re2.cpp can compare it with RE2 on many strings.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace bench {

constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

constexpr bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Matches `/\b(w1|w2|...)\b/i` as RE2 does on UTF-8 text. The words are lower-case ASCII letters
// and spaces, each starting and ending with a letter. RE2's \b is ASCII-only (a byte >= 0x80 is
// never a word character): there is a boundary between two characters when exactly one of them is a
// word character. Its `i` folds Unicode: of the letters used here only 's' has a non-ASCII
// case-fold partner, U+017F LATIN SMALL LETTER LONG S (bytes C5 BF), which is not a word character.
// So an 's' may be matched by it anywhere in a word, and when it starts the word ("ſtudent") the
// boundary before it needs a word character before it. No word ends in 's'.
template <std::size_t N>
bool match_words(std::string_view t, const std::array<std::string_view, N>& words) {
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool word_before = i > 0 && is_word(t[i - 1]);
    const char first = lower(t[i]);
    const bool long_s = t[i] == '\xC5' && i + 1 < n && t[i + 1] == '\xBF';
    for (std::string_view w : words) {
      std::size_t p;
      if (first == w[0] && !word_before) {
        p = i + 1;
      } else if (long_s && w[0] == 's' && word_before) {
        p = i + 2;
      } else {
        continue;
      }
      std::size_t k = 1;
      for (; k < w.size(); ++k) {
        if (p < n && lower(t[p]) == w[k]) {
          ++p;
        } else if (w[k] == 's' && p + 1 < n && t[p] == '\xC5' && t[p + 1] == '\xBF') {
          p += 2;
        } else {
          break;
        }
      }
      if (k == w.size() && (p == n || !is_word(t[p]))) return true;
    }
  }
  return false;
}

}  // namespace bench
