// ASCII-only case folding: the language folds ASCII letters only (SPEC 7), and so do the readers'
// bool words, file extensions and `schema infer`'s placeholder words.
#pragma once

#include <cstddef>
#include <string_view>

namespace leadscore {

inline char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `a` equals `lower_b` (already lower case) once ASCII letters of `a` are folded.
inline bool equals_lower_ascii(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii(a[i]) != lower_b[i]) return false;
  return true;
}

}  // namespace leadscore
