#include "vm/regex_match.hpp"

#include <re2/re2.h>

#include "vm/text.hpp"

namespace leadscore::vm {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_literal_char(char c) { return is_word_char(c) || c == ' ' || c == '-'; }

bool has_non_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace

std::optional<std::vector<std::string>> word_list_of(std::string_view pattern, bool folded) {
  constexpr std::string_view boundary = "\\b";
  if (!pattern.starts_with(boundary) || !pattern.ends_with(boundary) || pattern.size() < 4)
    return std::nullopt;
  std::string_view body = pattern.substr(2, pattern.size() - 4);
  // `\b(a|b)\b` or `\b(?:a|b)\b`; without the group only one word, since `\ba|b\b` is
  // `(\ba)|(b\b)`.
  const bool grouped = body.size() >= 2 && body.front() == '(' && body.back() == ')';
  if (grouped) {
    body = body.substr(1, body.size() - 2);
    if (body.starts_with("?:")) body.remove_prefix(2);
  }
  std::vector<std::string> words;
  for (;;) {
    const std::size_t bar = body.find('|');
    if (bar != std::string_view::npos && !grouped) return std::nullopt;
    const std::string_view word = body.substr(0, bar);
    if (word.empty() || !is_word_char(word.front()) || !is_word_char(word.back())) return std::nullopt;
    std::string w;
    for (char c : word) {
      if (!is_literal_char(c)) return std::nullopt;
      w += folded ? text::fold(c) : c;
    }
    words.push_back(std::move(w));
    if (bar == std::string_view::npos) break;
    body.remove_prefix(bar + 1);
  }
  return words;
}

RegexMatcher::RegexMatcher(const re2::RE2& regex, bool own_copy)
    : regex_(&regex), folded_(!regex.options().case_sensitive()) {
  const re2::RE2::Options& o = regex.options();
  const bool perl_utf8 = !o.literal() && !o.posix_syntax() && o.encoding() == re2::RE2::Options::EncodingUTF8;
  if (auto words = word_list_of(regex.pattern(), folded_); words && perl_utf8) words_ = std::move(*words);
  if (own_copy) {
    own_ = std::make_unique<re2::RE2>(regex.pattern(), regex.options());
    regex_ = own_.get();
  }
}

RegexMatcher::RegexMatcher(RegexMatcher&&) noexcept = default;
RegexMatcher& RegexMatcher::operator=(RegexMatcher&&) noexcept = default;
RegexMatcher::~RegexMatcher() = default;

bool RegexMatcher::matches(std::string_view text) const {
  if (!words_.empty() && !(folded_ && has_non_ascii(text))) return word_search(text);
  return re2::RE2::PartialMatch(text, *regex_);
}

bool RegexMatcher::word_search(std::string_view t) const {
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    // A word starts with a word character, just after a non-word character or the start.
    if (!is_word_char(t[i]) || (i > 0 && is_word_char(t[i - 1]))) continue;
    const char first = folded_ ? text::fold(t[i]) : t[i];
    for (const std::string& w : words_) {
      if (w[0] != first || n - i < w.size()) continue;
      const std::size_t end = i + w.size();
      if (end < n && is_word_char(t[end])) continue;
      bool same = true;
      for (std::size_t k = 1; k < w.size() && same; ++k)
        same = (folded_ ? text::fold(t[i + k]) : t[i + k]) == w[k];
      if (same) return true;
    }
  }
  return false;
}

}  // namespace leadscore::vm
