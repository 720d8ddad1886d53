// Compares the hand-written scorer's word-boundary matcher with RE2 on two million generated
// strings (ASCII, punctuation, U+017F long s, the Kelvin sign, stray UTF-8 bytes). Exit status 1 on
// any difference. Built on request: `cmake --build build --target bench_matcher_check`.
#include <re2/re2.h>

#include <cstdio>
#include <random>
#include <string>

#include "../handwritten/word_match.hpp"

int main() {
  constexpr std::array<std::string_view, 8> senior_words = {
      "chief", "cmo", "ceo", "cto", "vp", "vice president", "head of", "founder"};
  constexpr std::array<std::string_view, 2> junior_words = {"student", "intern"};
  RE2 senior("(?i)\\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\\b");
  RE2 junior("(?i)\\b(student|intern)\\b");
  const char* atoms[] = {"chief",
                         "CMO",
                         "ceo",
                         "Cto",
                         "vp",
                         "VP",
                         "vice president",
                         "Vice  President",
                         "vice pre\xC5\xBF"
                         "ident",
                         "\xC5\xBFtudent",
                         "stu\xC5\xBF"
                         "ent",
                         "head of",
                         "Head Of",
                         "founder",
                         "student",
                         "intern",
                         "Intern",
                         "s",
                         "\xC5\xBF",
                         " ",
                         ",",
                         "_",
                         "a",
                         "1",
                         "\xC3\xA9",
                         "-",
                         "\"",
                         "&",
                         "\xC5",
                         "\xBF",
                         "vps",
                         "xvp",
                         "headof",
                         "head  of",
                         "chiefs",
                         "K",
                         "\xE2\x84\xAA",
                         "Founder & CTO"};
  std::mt19937 rng(1);
  long differ = 0, positives = 0;
  const int runs = 2000000;
  for (int it = 0; it < runs; ++it) {
    std::string s;
    const unsigned n = rng() % 5;
    for (unsigned k = 0; k < n; ++k) s += atoms[rng() % (sizeof atoms / sizeof *atoms)];
    const bool a = RE2::PartialMatch(s, senior), b = bench::match_words(s, senior_words);
    const bool c = RE2::PartialMatch(s, junior), d = bench::match_words(s, junior_words);
    positives += a + c;
    if (a != b || c != d) {
      if (++differ <= 10)
        std::printf("differs on [%s]: re2 %d,%d, hand-written %d,%d\n", s.c_str(), a, c, b, d);
    }
  }
  std::printf("%d strings, %ld matches, %ld differ\n", runs, positives, differ);
  return differ == 0 ? 0 : 1;
}
