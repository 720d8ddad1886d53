// The dialects' spellings of a parsed regex (regex.hpp): RE2 for DuckDB and ClickHouse, an ARE for
// PostgreSQL, GLOB patterns for SQLite.
#include <fmt/format.h>

#include "common/utf8.hpp"
#include "sql/regex.hpp"

namespace leadscore::sql::regex {

namespace {

bool is_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool single(const CharSet& s, char32_t& c) {
  if (s.negated || s.ranges.size() != 1 || s.ranges[0].first != s.ranges[0].second) return false;
  c = s.ranges[0].first;
  return true;
}

// ---- RE2 and ARE share their shape; they differ in escapes and anchors.
struct Style {
  bool postgres = false;
};

void code_point(std::string& out, char32_t c, const Style& st, bool in_class) {
  if (is_alnum(c) || (c >= 0x80 && !in_class) || (c >= 0x80 && st.postgres)) {
    append_utf8(out, c);
  } else if (c >= 0x20 && c < 0x7F) {
    std::string_view special = in_class ? "\\]^-[" : "\\.+*?()|[]{}^$";
    if (special.find(static_cast<char>(c)) != std::string_view::npos) out += '\\';
    out += static_cast<char>(c);
  } else if (st.postgres) {
    out += c > 0xFFFF ? fmt::format("\\U{:08X}", static_cast<unsigned>(c)) : fmt::format("\\u{:04X}", static_cast<unsigned>(c));
  } else {
    out += fmt::format("\\x{{{:X}}}", static_cast<unsigned>(c));
  }
}

void emit(std::string& out, const Node& n, const Style& st, std::string& error) {
  switch (n.kind) {
    case Kind::Empty: out += "(?:)"; return;
    case Kind::Char: {
      char32_t c = 0;
      if (single(n.set, c)) {
        code_point(out, c, st, false);
        return;
      }
      out += n.set.negated ? "[^" : "[";
      for (const auto& [a, b] : n.set.ranges) {
        code_point(out, a, st, true);
        if (b != a) {
          out += '-';
          code_point(out, b, st, true);
        }
      }
      out += ']';
      return;
    }
    case Kind::Bol: out += st.postgres ? "^" : "\\A"; return;
    case Kind::Eol: out += st.postgres ? "$" : "\\z"; return;
    case Kind::WordBoundary: out += st.postgres ? "\\y" : "\\b"; return;
    case Kind::NotWordBoundary: out += st.postgres ? "\\Y" : "\\B"; return;
    case Kind::Concat:
      for (const auto& k : n.kids) emit(out, k, st, error);
      return;
    case Kind::Alt:
      out += "(?:";
      for (std::size_t i = 0; i < n.kids.size(); ++i) {
        if (i > 0) out += '|';
        if (n.kids[i].kind != Kind::Empty) emit(out, n.kids[i], st, error);
      }
      out += ')';
      return;
    case Kind::Repeat:
      if (st.postgres && (n.min > 255 || n.max > 255)) error = "a repeat count above 255 (PostgreSQL's limit)";
      out += "(?:";
      emit(out, n.kids[0], st, error);
      out += ')';
      if (n.min == 0 && n.max == -1) out += '*';
      else if (n.min == 1 && n.max == -1) out += '+';
      else if (n.min == 0 && n.max == 1) out += '?';
      else if (n.max == -1) out += fmt::format("{{{},}}", n.min);
      else if (n.max == n.min) out += fmt::format("{{{}}}", n.min);
      else out += fmt::format("{{{},{}}}", n.min, n.max);
      return;
  }
}

// ---- GLOB: the pattern as a finite list of fixed-length alternatives.
enum class UnitKind { Char, Bol, Eol, Boundary, NotBoundary, AnyRun };
struct Unit {
  UnitKind kind = UnitKind::Char;
  CharSet set;
};
using Seq = std::vector<Unit>;

constexpr std::size_t max_alternatives = 256;

bool expand(const Node& n, std::vector<Seq>& out, std::string& error) {
  switch (n.kind) {
    case Kind::Empty: out = {Seq{}}; return true;
    case Kind::Char: out = {Seq{Unit{UnitKind::Char, n.set}}}; return true;
    case Kind::Bol: out = {Seq{Unit{UnitKind::Bol, {}}}}; return true;
    case Kind::Eol: out = {Seq{Unit{UnitKind::Eol, {}}}}; return true;
    case Kind::WordBoundary: out = {Seq{Unit{UnitKind::Boundary, {}}}}; return true;
    case Kind::NotWordBoundary: out = {Seq{Unit{UnitKind::NotBoundary, {}}}}; return true;
    case Kind::Alt:
      out.clear();
      for (const auto& k : n.kids) {
        std::vector<Seq> part;
        if (!expand(k, part, error)) return false;
        out.insert(out.end(), part.begin(), part.end());
        if (out.size() > max_alternatives) {
          error = "more than 256 alternatives once expanded";
          return false;
        }
      }
      return true;
    case Kind::Concat: {
      out = {Seq{}};
      for (const auto& k : n.kids) {
        std::vector<Seq> part;
        if (!expand(k, part, error)) return false;
        std::vector<Seq> next;
        for (const auto& a : out) {
          for (const auto& b : part) {
            Seq s = a;
            s.insert(s.end(), b.begin(), b.end());
            next.push_back(std::move(s));
            if (next.size() > max_alternatives) {
              error = "more than 256 alternatives once expanded";
              return false;
            }
          }
        }
        out = std::move(next);
      }
      return true;
    }
    case Kind::Repeat: {
      const Node& k = n.kids[0];
      if (n.max == -1) {
        // `.*` and `.+` only: a run of anything but line feeds, kept for the pattern's ends.
        if (k.kind != Kind::Char || !k.any) {
          error = "an unbounded repeat (*, + or {n,}) of anything but '.'";
          return false;
        }
        std::vector<Seq> base;
        Seq s;
        for (int i = 0; i < n.min; ++i) s.push_back(Unit{UnitKind::Char, k.set});
        s.push_back(Unit{UnitKind::AnyRun, {}});
        out = {s};
        return true;
      }
      std::vector<Seq> one;
      if (!expand(k, one, error)) return false;
      out.clear();
      std::vector<Seq> power = {Seq{}};
      for (int count = 0; count <= n.max; ++count) {
        if (count >= n.min) out.insert(out.end(), power.begin(), power.end());
        if (count == n.max) break;
        std::vector<Seq> next;
        for (const auto& a : power) {
          for (const auto& b : one) {
            Seq s = a;
            s.insert(s.end(), b.begin(), b.end());
            next.push_back(std::move(s));
          }
        }
        power = std::move(next);
        if (out.size() + power.size() > max_alternatives) {
          error = "more than 256 alternatives once expanded";
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

std::string glob_char(const CharSet& s) {
  char32_t c = 0;
  std::string out;
  if (single(s, c) && c != '*' && c != '?' && c != '[') {
    append_utf8(out, c);
    return out;
  }
  CharSet plain = s;
  auto all = normal_ranges(s);
  if (!s.negated && !all.empty() && all.back().second == 0x10FFFF) {
    // Most of Unicode: spelled as what it leaves out.
    plain = CharSet{all, true};
    plain = CharSet{normal_ranges(plain), false};
    if (!plain.ranges.empty() && plain.ranges.front().first == 0) plain.ranges.front().first = 1;
    if (!plain.ranges.empty() && plain.ranges.front().first > plain.ranges.front().second) plain.ranges.erase(plain.ranges.begin());
    CharSet negated = plain;
    negated.negated = true;
    return glob_char(negated);
  }
  plain.negated = false;
  auto ranges = normal_ranges(plain);
  if (ranges.empty()) return s.negated ? "?" : "";  // everything, or nothing at all
  // GLOB's class: ']' first, '-' last, '^' never first; ranges by code point.
  bool has_bracket = false, has_dash = false, has_caret = false;
  std::string body;
  auto piece = [&](char32_t a, char32_t b) {
    append_utf8(body, a);
    if (b != a) {
      body += '-';
      append_utf8(body, b);
    }
  };
  for (auto [a, b] : ranges) {
    char32_t lo = a;
    for (char32_t x : {U'-', U']', U'^'}) {
      if (x < lo || x > b) continue;
      if (x > lo) piece(lo, x - 1);
      if (x == '-') has_dash = true;
      if (x == ']') has_bracket = true;
      if (x == '^') has_caret = true;
      lo = x + 1;
    }
    if (lo <= b) piece(lo, b);
  }
  out = s.negated ? "[^" : "[";
  if (has_bracket) out += ']';
  out += body;
  if (has_caret) out += (body.empty() && !has_bracket && !s.negated) ? "" : "^";
  if (has_dash) out += '-';
  if (has_caret && body.empty() && !has_bracket && !s.negated) {
    // A class of '^' (and maybe '-') alone: '^' cannot come first.
    out = has_dash ? "[-^]" : "^";
    return out;
  }
  out += ']';
  return out;
}

}  // namespace

std::string to_re2(const Node& root) {
  std::string out, error;
  emit(out, root, Style{false}, error);
  return out;
}

std::optional<std::string> to_postgres(const Node& root, std::string& error) {
  std::string out;
  emit(out, root, Style{true}, error);
  if (!error.empty()) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> to_globs(const Node& root, std::string& error) {
  std::vector<Seq> seqs;
  if (!expand(root, seqs, error)) return std::nullopt;
  const CharSet word{{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}, false};  // sorted, as below needs
  CharSet non_word = word;
  non_word.negated = true;
  // A class beside \b or \B that holds word and non-word characters becomes two alternatives,
  // one with each part, so that every boundary is decided by its neighbours.
  for (std::size_t i = 0; i < seqs.size(); ++i) {
    for (std::size_t u = 0; u < seqs[i].size(); ++u) {
      if (seqs[i][u].kind != UnitKind::Char) continue;
      bool beside = (u > 0 && (seqs[i][u - 1].kind == UnitKind::Boundary || seqs[i][u - 1].kind == UnitKind::NotBoundary)) ||
                    (u + 1 < seqs[i].size() &&
                     (seqs[i][u + 1].kind == UnitKind::Boundary || seqs[i][u + 1].kind == UnitKind::NotBoundary));
      const CharSet& set = seqs[i][u].set;
      if (!beside || set.all_word() || set.no_word()) continue;
      auto members = normal_ranges(set);
      CharSet word_part, other_part;
      for (const auto& [a, b] : members) {
        char32_t lo = a;
        for (const auto& [wa, wb] : word.ranges) {
          if (wb < lo || wa > b) continue;
          if (wa > lo) other_part.ranges.emplace_back(lo, wa - 1);
          word_part.ranges.emplace_back(std::max(lo, wa), std::min(b, wb));
          lo = wb + 1;
        }
        if (lo <= b) other_part.ranges.emplace_back(lo, b);
      }
      Seq copy = seqs[i];
      seqs[i][u].set = word_part;
      copy[u].set = other_part;
      seqs.push_back(std::move(copy));
      if (seqs.size() > max_alternatives) {
        error = "more than 256 alternatives once expanded";
        return std::nullopt;
      }
    }
  }
  std::vector<std::string> globs;
  for (Seq seq : seqs) {
    // A run of anything at an unanchored end changes nothing in a search that may start and
    // stop anywhere; elsewhere GLOB's '*' (which takes line feeds too) would not be exact.
    while (!seq.empty() && seq.front().kind == UnitKind::AnyRun) seq.erase(seq.begin());
    while (!seq.empty() && seq.back().kind == UnitKind::AnyRun) seq.pop_back();
    // The start: 0 none (anywhere), 1 ^, and in between boundary checks that need the neighbour.
    bool anchored_start = false, anchored_end = false, impossible = false;
    std::vector<Unit> mid;
    for (std::size_t i = 0; i < seq.size(); ++i) {
      const Unit& u = seq[i];
      if (u.kind == UnitKind::AnyRun) {
        error = "'.*' or '.+' between other parts (GLOB's '*' also takes line feeds)";
        return std::nullopt;
      }
      if (u.kind == UnitKind::Bol) {
        bool only_anchors_before = true;
        for (const auto& m : mid) only_anchors_before = only_anchors_before && m.kind != UnitKind::Char;
        if (!only_anchors_before) impossible = true;
        anchored_start = true;
        continue;
      }
      if (u.kind == UnitKind::Eol) {
        for (std::size_t j = i + 1; j < seq.size(); ++j) {
          if (seq[j].kind == UnitKind::Char) impossible = true;
        }
        anchored_end = true;
        continue;
      }
      mid.push_back(u);
    }
    if (impossible) continue;
    // Boundaries between two known characters are decided here; at an end they become a
    // neighbouring character class (or the text's own start or end).
    // Each alternative becomes up to four globs: its start at the text's start or after a
    // character of a class, its end likewise.
    struct Edge {
      bool need = false;        // a boundary condition at this end
      bool want_word = false;   // the neighbour must be a word character (else non-word or none)
    };
    Edge front, back;
    Seq chars;
    for (std::size_t i = 0; i < mid.size(); ++i) {
      const Unit& u = mid[i];
      if (u.kind == UnitKind::Char) {
        chars.push_back(u);
        continue;
      }
      bool boundary = u.kind == UnitKind::Boundary;
      // The characters on each side: the last char unit before, the next after.
      const Unit* prev = chars.empty() ? nullptr : &chars.back();
      const Unit* next = nullptr;
      for (std::size_t j = i + 1; j < mid.size(); ++j) {
        if (mid[j].kind == UnitKind::Char) {
          next = &mid[j];
          break;
        }
      }
      auto side_word = [&](const Unit* x, bool& known, bool& is_word) {
        if (!x) return;
        if (x->set.all_word()) known = true, is_word = true;
        else if (x->set.no_word()) known = true, is_word = false;
        else known = false;
      };
      bool pk = false, pw = false, nk = false, nw = false;
      side_word(prev, pk, pw);
      side_word(next, nk, nw);
      if ((prev && !pk) || (next && !nk)) {
        error = "\\b or \\B beside a class that holds word and non-word characters";
        return std::nullopt;
      }
      if (prev && next) {
        if ((pw != nw) != boundary) impossible = true;
        continue;
      }
      if (!prev && !next) {
        error = "\\b or \\B with no character beside it";
        return std::nullopt;
      }
      // At the front the condition is on the character before the match, at the back on the one
      // after it: a word character there iff \b's inner neighbour is not one (\B: iff it is).
      bool want_word = boundary != (prev ? pw : nw);
      if (prev ? anchored_end : anchored_start) {
        if (want_word) impossible = true;  // the text's start or end counts as non-word
        continue;
      }
      Edge& edge = prev ? back : front;
      if (edge.need && edge.want_word != want_word) impossible = true;
      edge.need = true;
      edge.want_word = want_word;
    }
    if (impossible) continue;
    std::string body;
    bool empty_set = false;
    for (const auto& u : chars) {
      std::string g = glob_char(u.set);
      if (g.empty()) empty_set = true;
      body += g;
    }
    if (empty_set) continue;
    // Starts: "" (at the text's start) and/or "*C" (after a character of class C).
    std::vector<std::string> starts, ends;
    if (anchored_start) {
      starts = {""};
    } else if (!front.need) {
      starts = {"*"};
    } else if (front.want_word) {
      starts = {"*" + glob_char(word)};  // a word character before: never the text's start
    } else {
      starts = {"", "*" + glob_char(non_word)};
    }
    if (anchored_end) {
      ends = {""};
    } else if (!back.need) {
      ends = {"*"};
    } else if (back.want_word) {
      ends = {glob_char(word) + "*"};
    } else {
      ends = {"", glob_char(non_word) + "*"};
    }
    for (const auto& s : starts) {
      for (const auto& e : ends) {
        // Empty only for a pattern anchored at both ends with nothing between (^$): GLOB's '' too
        // matches the empty text alone.
        globs.push_back(s + body + e);
      }
    }
  }
  return globs;
}

}  // namespace leadscore::sql::regex
