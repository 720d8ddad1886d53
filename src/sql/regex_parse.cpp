// Parses the RE2 subset the SQL dialects can be given exactly (regex.hpp).
#include <algorithm>

#include "sql/regex.hpp"

namespace leadscore::sql::regex {

namespace {

constexpr char32_t max_code_point = 0x10FFFF;

bool is_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

CharSet word_set() { return CharSet{{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}, false}; }
CharSet digit_set() { return CharSet{{{'0', '9'}}, false}; }
// RE2's \s is Perl's: tab, line feed, form feed, carriage return and space (no vertical tab).
CharSet space_set() { return CharSet{{{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}}, false}; }

// The members of `s` as plain ranges (a negated set turned into its complement), sorted, merged.
std::vector<std::pair<char32_t, char32_t>> normal(const CharSet& s) {
  auto r = s.ranges;
  std::sort(r.begin(), r.end());
  std::vector<std::pair<char32_t, char32_t>> merged;
  for (const auto& x : r) {
    if (!merged.empty() && x.first <= merged.back().second + 1) merged.back().second = std::max(merged.back().second, x.second);
    else merged.push_back(x);
  }
  if (!s.negated) return merged;
  std::vector<std::pair<char32_t, char32_t>> out;
  char32_t next = 1;  // no text holds a NUL
  for (const auto& x : merged) {
    if (x.first > next) out.emplace_back(next, x.first - 1);
    next = x.second + 1;
  }
  if (next <= max_code_point) out.emplace_back(next, max_code_point);
  return out;
}

// RE2's simple case folding orbits of the ASCII letters: c, its other case, and for k and s the
// Kelvin sign and the long s.
void add_folded(std::vector<std::pair<char32_t, char32_t>>& out, char32_t c) {
  out.emplace_back(c, c);
  char32_t lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (lower >= 'a' && lower <= 'z') {
    out.emplace_back(lower, lower);
    out.emplace_back(lower - 32, lower - 32);
    if (lower == 'k') out.emplace_back(0x212A, 0x212A);
    if (lower == 's') out.emplace_back(0x17F, 0x17F);
  }
}

class Parser {
 public:
  Parser(std::string_view p, bool ci, bool flags_ok) : p_(p), ci_(ci), flags_ok_(flags_ok) {}

  Parsed run() {
    Parsed out;
    Node n = alternation();
    if (error_.empty() && pos_ < p_.size()) fail("an unmatched ')'");
    if (!error_.empty()) {
      out.error = error_;
      return out;
    }
    out.root = std::move(n);
    return out;
  }

 private:
  void fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }
  bool at_end() const { return pos_ >= p_.size() || !error_.empty(); }
  char peek() const { return p_[pos_]; }

  char32_t next_code_point() {
    auto b = static_cast<unsigned char>(p_[pos_++]);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    char32_t c = b & (0x3F >> extra);
    for (int k = 0; k < extra && pos_ < p_.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(p_[pos_++]) & 0x3F);
    return c;
  }

  // A set for one literal code point, folded under ignore-case.
  CharSet literal(char32_t c) {
    CharSet s;
    if (ci_ && c >= 0x80) {
      fail("a non-ASCII character under the flag i (RE2 folds it by Unicode's tables)");
      return s;
    }
    if (ci_) add_folded(s.ranges, c);
    else s.ranges.emplace_back(c, c);
    s.ranges = normal(s);
    return s;
  }

  CharSet folded(CharSet s) {
    if (!ci_) return s;
    std::vector<std::pair<char32_t, char32_t>> out;
    for (const auto& [a, b] : s.ranges) {
      out.emplace_back(a, b);
      if (b >= 0x80 && !s.negated) {
        // A non-ASCII member may have an ASCII or other case partner RE2 knows and this does not.
        fail("a non-ASCII character in a class under the flag i (RE2 folds it by Unicode's tables)");
      }
      for (char32_t c = std::max<char32_t>(a, 'A'); c <= std::min<char32_t>(b, 'z'); ++c) add_folded(out, c);
    }
    if (s.negated) {
      for (const auto& [a, b] : s.ranges) {
        if (b >= 0x80) fail("a non-ASCII character in a class under the flag i (RE2 folds it by Unicode's tables)");
      }
    }
    s.ranges = normal(CharSet{std::move(out), false});
    return s;
  }

  Node char_node(CharSet s, bool any = false) {
    Node n;
    n.kind = Kind::Char;
    n.set = std::move(s);
    n.any = any;
    return n;
  }

  Node alternation() {
    std::vector<Node> alts;
    alts.push_back(concatenation());
    while (!at_end() && peek() == '|') {
      ++pos_;
      alts.push_back(concatenation());
    }
    if (alts.size() == 1) return std::move(alts[0]);
    Node n;
    n.kind = Kind::Alt;
    n.kids = std::move(alts);
    return n;
  }

  Node concatenation() {
    Node n;
    n.kind = Kind::Concat;
    while (!at_end() && peek() != '|' && peek() != ')') {
      Node atom_node = atom();
      if (!error_.empty()) break;
      if (atom_node.kind == Kind::Empty) continue;  // a flag group, or ()
      n.kids.push_back(quantified(std::move(atom_node)));
    }
    if (n.kids.empty()) return Node{};
    if (n.kids.size() == 1) return std::move(n.kids[0]);
    return n;
  }

  bool read_int(int& out) {
    std::size_t start = pos_;
    out = 0;
    while (pos_ < p_.size() && p_[pos_] >= '0' && p_[pos_] <= '9' && out < 100000) out = out * 10 + (p_[pos_++] - '0');
    return pos_ > start;
  }

  Node quantified(Node atom_node) {
    while (!at_end()) {
      int min = 0, max = 0;
      char c = peek();
      if (c == '*') min = 0, max = -1;
      else if (c == '+') min = 1, max = -1;
      else if (c == '?') min = 0, max = 1;
      else if (c == '{') {
        std::size_t save = pos_++;
        if (!read_int(min)) {
          pos_ = save;  // RE2 reads a '{' that starts no repeat as a literal
          return atom_node;
        }
        max = min;
        if (pos_ < p_.size() && p_[pos_] == ',') {
          ++pos_;
          if (!read_int(max)) max = -1;
        }
        if (pos_ >= p_.size() || p_[pos_] != '}') {
          pos_ = save;
          return atom_node;
        }
      } else {
        return atom_node;
      }
      ++pos_;
      if (!at_end() && peek() == '?') ++pos_;  // lazy: whether a match exists does not change
      if (atom_node.kind == Kind::Bol || atom_node.kind == Kind::Eol || atom_node.kind == Kind::WordBoundary ||
          atom_node.kind == Kind::NotWordBoundary) {
        fail("a repeated anchor");
      }
      Node r;
      r.kind = Kind::Repeat;
      r.min = min;
      r.max = max;
      r.kids.push_back(std::move(atom_node));
      atom_node = std::move(r);
    }
    return atom_node;
  }

  Node atom() {
    char c = peek();
    switch (c) {
      case '(': {
        ++pos_;
        bool saved = ci_;
        if (p_.substr(pos_, 2) == "?:") {
          pos_ += 2;
        } else if (p_.substr(pos_, 2) == "?P" || p_.substr(pos_, 2) == "?<") {
          std::size_t close = p_.find('>', pos_);
          if (close == std::string_view::npos) {
            fail("an unclosed group name");
            return Node{};
          }
          pos_ = close + 1;
        } else if (pos_ < p_.size() && p_[pos_] == '?') {
          // (?i) (?-i) (?i:...) (?-i:...): case folding on or off, for the rest of the enclosing
          // group or for this one. Other flags (s, m, U) are refused.
          std::size_t at = pos_ + 1;
          bool on = true;
          if (at < p_.size() && p_[at] == '-') on = false, ++at;
          if (!flags_ok_ || at + 1 >= p_.size() || p_[at] != 'i' || (p_[at + 1] != ':' && p_[at + 1] != ')')) {
            fail("a flag group other than (?i) and (?-i)");
            return Node{};
          }
          pos_ = at + 2;
          ci_ = on;
          // (?i) holds until the end of the enclosing group (restored there); (?i:...) is a group.
          if (p_[at + 1] == ')') return Node{};
        }
        Node inner = alternation();
        ci_ = saved;
        if (pos_ >= p_.size() || p_[pos_] != ')') {
          fail("an unclosed '('");
          return Node{};
        }
        ++pos_;
        return inner;
      }
      case '[': return char_node(folded(bracket()));
      case '.':
        ++pos_;
        return char_node(CharSet{{{'\n', '\n'}}, true}, true);
      case '^': ++pos_; return Node{Kind::Bol, {}, false, 0, 0, {}};
      case '$': ++pos_; return Node{Kind::Eol, {}, false, 0, 0, {}};
      case '\\': return escape();
      case '*': case '+': case '?':
        fail("a repeat with nothing before it");
        return Node{};
      default: return char_node(literal(next_code_point()));
    }
  }

  // After a backslash outside a class.
  Node escape() {
    ++pos_;
    if (pos_ >= p_.size()) {
      fail("a trailing backslash");
      return Node{};
    }
    char c = p_[pos_];
    switch (c) {
      case 'b': ++pos_; return Node{Kind::WordBoundary, {}, false, 0, 0, {}};
      case 'B': ++pos_; return Node{Kind::NotWordBoundary, {}, false, 0, 0, {}};
      case 'A': ++pos_; return Node{Kind::Bol, {}, false, 0, 0, {}};
      case 'z': ++pos_; return Node{Kind::Eol, {}, false, 0, 0, {}};
      default: break;
    }
    CharSet s;
    if (class_escape(s)) return char_node(folded(std::move(s)));
    return Node{};
  }

  // A backslash escape that stands for one character or a class (\d \w \s, \n, \., ...). pos_ is
  // on the character after the backslash.
  bool class_escape(CharSet& out) {
    char c = p_[pos_];
    auto one = [&](char32_t x) {
      ++pos_;
      out = CharSet{{{x, x}}, false};
      return true;
    };
    switch (c) {
      case 'd': ++pos_; out = digit_set(); return true;
      case 'D': ++pos_; out = digit_set(); out.negated = true; return true;
      case 'w': ++pos_; out = word_set(); return true;
      case 'W': ++pos_; out = word_set(); out.negated = true; return true;
      case 's': ++pos_; out = space_set(); return true;
      case 'S': ++pos_; out = space_set(); out.negated = true; return true;
      case 'n': return one('\n');
      case 't': return one('\t');
      case 'r': return one('\r');
      case 'f': return one('\f');
      case 'v': return one('\v');
      case 'a': return one('\a');
      default: break;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      fail(std::string("the escape \\") + c);
      return false;
    }
    char32_t x = next_code_point();
    out = CharSet{{{x, x}}, false};
    if (ci_ && x >= 0x80) fail("a non-ASCII character under the flag i (RE2 folds it by Unicode's tables)");
    return true;
  }

  CharSet bracket() {
    ++pos_;  // '['
    CharSet s;
    if (pos_ < p_.size() && p_[pos_] == '^') {
      s.negated = true;
      ++pos_;
    }
    bool first = true;
    for (;;) {
      if (pos_ >= p_.size()) {
        fail("an unclosed '['");
        return s;
      }
      char c = p_[pos_];
      if (c == ']' && !first) {
        ++pos_;
        return s;
      }
      first = false;
      if (c == '[' && pos_ + 1 < p_.size() && p_[pos_ + 1] == ':') {
        fail("a POSIX class such as [:alpha:]");
        return s;
      }
      char32_t lo = 0;
      if (c == '\\') {
        ++pos_;
        if (pos_ >= p_.size()) {
          fail("a trailing backslash");
          return s;
        }
        CharSet e;
        if (!class_escape(e)) return s;
        if (e.negated || e.ranges.size() != 1 || e.ranges[0].first != e.ranges[0].second) {
          for (const auto& r : normal(e)) s.ranges.push_back(r);
          continue;
        }
        lo = e.ranges[0].first;
      } else {
        lo = next_code_point();
      }
      char32_t hi = lo;
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (p_[pos_] == '\\') {
          ++pos_;
          CharSet e;
          if (pos_ >= p_.size() || !class_escape(e)) {
            fail("a range that ends in a class");
            return s;
          }
          if (e.negated || e.ranges.size() != 1 || e.ranges[0].first != e.ranges[0].second) {
            fail("a range that ends in a class");
            return s;
          }
          hi = e.ranges[0].first;
        } else {
          hi = next_code_point();
        }
        if (hi < lo) {
          fail("a range whose end comes before its start");
          return s;
        }
      }
      s.ranges.emplace_back(lo, hi);
    }
  }

  std::string_view p_;
  bool ci_;
  bool flags_ok_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

bool CharSet::contains(char32_t c) const {
  bool in = false;
  for (const auto& [a, b] : ranges) in = in || (c >= a && c <= b);
  return in != negated;
}

bool CharSet::all_word() const {
  auto r = normal(*this);
  if (r.empty()) return false;
  for (const auto& [a, b] : r) {
    for (char32_t c = a; c <= b; ++c) {
      if (!is_word(c)) return false;
    }
  }
  return true;
}

bool CharSet::no_word() const {
  for (const auto& [a, b] : normal(*this)) {
    for (char32_t c = a; c <= std::min<char32_t>(b, 0x7F); ++c) {
      if (is_word(c)) return false;
    }
  }
  return true;
}

Parsed parse(std::string_view pattern, bool ignore_case, bool flag_groups) {
  return Parser(pattern, ignore_case, flag_groups).run();
}

std::vector<std::pair<char32_t, char32_t>> normal_ranges(const CharSet& s) { return normal(s); }

}  // namespace leadscore::sql::regex
