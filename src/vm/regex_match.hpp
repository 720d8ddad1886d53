// A model's regex test as the VM runs it (`matches /.../`).
//
// Two costs of RE2 that the VM avoids:
// - RE2 takes a reader lock on its DFA cache on every match. One RE2 shared by the threads of a
//   parallel run makes them bounce that lock's cache line between cores, so a VM that runs beside
//   others (RegexCopies::Own) matches with a private copy of each regex.
// - The commonest regex in lead scoring is a list of words, `\b(chief|vp|head of)\b` with or
//   without /i. For that shape the matcher looks for the words itself, which gives RE2's answer
//   exactly: RE2's \b is an ASCII word boundary, and its case folding only goes beyond ASCII
//   folding for text with non-ASCII letters (the Kelvin sign folds to k, the long s to s), which
//   is left to RE2.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace leadscore::vm {

// The words of a `\b(w1|w2|...)\b` pattern, or nothing when `pattern` has another shape. Each word
// begins and ends with a word character and holds only letters, digits, `_`, `-` and blanks; with
// `folded` (the regex's /i) the words come back lower case.
std::optional<std::vector<std::string>> word_list_of(std::string_view pattern, bool folded);

class RegexMatcher {
 public:
  // `own_copy`: compile a private copy of `regex` for this matcher's thread.
  RegexMatcher(const re2::RE2& regex, bool own_copy);
  RegexMatcher(RegexMatcher&&) noexcept;
  RegexMatcher& operator=(RegexMatcher&&) noexcept;
  ~RegexMatcher();

  // RE2::PartialMatch(text, regex): the regex matches somewhere in `text`.
  bool matches(std::string_view text) const;
  // Whether the word search stands in for RE2 (on ASCII text when folded).
  bool searches_words() const { return !words_.empty(); }

 private:
  bool word_search(std::string_view text) const;

  const re2::RE2* regex_;
  std::unique_ptr<re2::RE2> own_;
  std::vector<std::string> words_;
  bool folded_ = false;
};

}  // namespace leadscore::vm
