// A parsed regex as a minimal deterministic automaton for RE2's unanchored search (regex.hpp's
// Dfa), so that SQLite, which has no regular expressions, can run it over a text's code points.
//
// The pattern becomes a Thompson NFA; the subset construction runs it from every position at once
// (a new thread starts at each character, as an unanchored search does). The assertions ^ \b \B $
// are decided while following empty moves, from what the state remembers of the previous
// character (none, word, non-word) and the class of the next one (word, non-word, the text's end).
// A step whose closure reaches the match goes to `accept`: the answer is known.
//
// RE2 searches bytes: a match may start between the bytes of a multi-byte character, where no
// character can follow (a lone continuation byte matches nothing) but an empty match can, with a
// non-word byte on each side (`\B` holds there). So a pattern that matches the empty text between
// two non-word characters, not at an end, matches every text with a non-ASCII character.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "sql/regex.hpp"

namespace leadscore::sql::regex {

namespace {

constexpr char32_t max_code_point = 0x10FFFF;
// Bounds on the work before minimising, well above what the patterns whose minimal automaton fits
// max_dfa_states need (the stdlib's largest: 320 states, 823 before minimising); past
// them the pattern is refused as if its automaton were too large.
constexpr std::size_t max_nfa_states = 8000;
constexpr std::size_t max_subset_states = 4096;

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// What is known of the character on one side of a position.
enum class Side : std::uint8_t { None, NonWord, Word };  // None: the text's start or end

bool word_side(Side s) { return s == Side::Word; }

struct NfaState {
  enum class Op : std::uint8_t { Char, Split, Assert, Match };
  Op op = Op::Split;
  int set = -1;             // Char: an index into Nfa::sets
  Kind assertion = Kind::Empty;
  std::vector<int> out;     // Char, Assert: one; Split: any number
};

struct Nfa {
  std::vector<NfaState> states;
  std::vector<Ranges> sets;  // the distinct character sets, as sorted ranges
  int start = 0;
  bool uses_bol = false, uses_word = false;
  bool too_big = false;
  bool matches_inside_characters = false;  // an empty match between two non-word bytes
};

class NfaBuilder {
 public:
  explicit NfaBuilder(Nfa& nfa) : nfa_(nfa) {}

  // The state that starts `n`, followed by state `next`.
  int build(const Node& n, int next) {
    if (nfa_.too_big) return next;
    switch (n.kind) {
      case Kind::Empty: return next;
      case Kind::Char: {
        NfaState s{NfaState::Op::Char, set_index(normal_ranges(n.set)), Kind::Empty, {next}};
        return add(std::move(s));
      }
      case Kind::Bol:
      case Kind::Eol:
      case Kind::WordBoundary:
      case Kind::NotWordBoundary:
        nfa_.uses_bol = nfa_.uses_bol || n.kind == Kind::Bol;
        nfa_.uses_word = nfa_.uses_word || n.kind == Kind::WordBoundary || n.kind == Kind::NotWordBoundary;
        return add(NfaState{NfaState::Op::Assert, -1, n.kind, {next}});
      case Kind::Concat:
        for (auto k = n.kids.rbegin(); k != n.kids.rend(); ++k) next = build(*k, next);
        return next;
      case Kind::Alt: {
        std::vector<int> outs;
        for (const auto& k : n.kids) outs.push_back(build(k, next));
        return add(NfaState{NfaState::Op::Split, -1, Kind::Empty, std::move(outs)});
      }
      case Kind::Repeat: return repeat(n, next);
    }
    return next;
  }

 private:
  int add(NfaState s) {
    if (nfa_.states.size() >= max_nfa_states) nfa_.too_big = true;
    nfa_.states.push_back(std::move(s));
    return static_cast<int>(nfa_.states.size() - 1);
  }

  int set_index(Ranges r) {
    auto found = std::find(nfa_.sets.begin(), nfa_.sets.end(), r);
    if (found != nfa_.sets.end()) return static_cast<int>(found - nfa_.sets.begin());
    nfa_.sets.push_back(std::move(r));
    return static_cast<int>(nfa_.sets.size() - 1);
  }

  // x{min,max} as min copies of x, then either a loop (no max) or max - min nested optional ones.
  int repeat(const Node& n, int next) {
    const Node& kid = n.kids[0];
    int tail = next;
    if (n.max == -1) {
      int loop = add(NfaState{});
      int body = build(kid, loop);
      nfa_.states[static_cast<std::size_t>(loop)].out = {body, next};
      tail = loop;
    } else {
      for (int k = n.min; k < n.max && !nfa_.too_big; ++k) {
        int body = build(kid, tail);
        tail = add(NfaState{NfaState::Op::Split, -1, Kind::Empty, {body, next}});
      }
    }
    for (int k = 0; k < n.min && !nfa_.too_big; ++k) tail = build(kid, tail);
    return tail;
  }

  Nfa& nfa_;
};

// The code points split into classes that no set and (when \b or \B is used) no word test tells
// apart; members[c][k]: whether set c holds class k.
struct Alphabet {
  std::vector<Ranges> classes;
  std::vector<Side> side;                  // each class's kind of character
  std::vector<std::vector<bool>> members;
};

bool is_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool set_has(const Ranges& r, char32_t c) {
  auto it = std::upper_bound(r.begin(), r.end(), std::make_pair(c, max_code_point));
  return it != r.begin() && std::prev(it)->second >= c;
}

Alphabet make_alphabet(const Nfa& nfa) {
  // Every point where some set (or the word characters) starts or stops holding code points.
  std::vector<char32_t> cuts = {0, max_code_point + 1};
  for (const auto& r : nfa.sets) {
    for (const auto& [a, b] : r) {
      cuts.push_back(a);
      cuts.push_back(b + 1);
    }
  }
  if (nfa.uses_word) {
    for (char32_t c : {U'0', U':', U'A', U'[', U'_', U'`', U'a', U'{'}) cuts.push_back(c);  // [0-9A-Z_a-z] and past each
  }
  if (nfa.matches_inside_characters) cuts.push_back(0x80);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  Alphabet out;
  out.members.resize(nfa.sets.size());
  std::map<std::vector<bool>, std::size_t> by_signature;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    char32_t lo = cuts[i], hi = cuts[i + 1] - 1;
    std::vector<bool> signature;
    for (const auto& r : nfa.sets) signature.push_back(set_has(r, lo));
    signature.push_back(nfa.matches_inside_characters && lo >= 0x80);
    signature.push_back(nfa.uses_word && is_word(lo));
    auto [it, added] = by_signature.try_emplace(signature, out.classes.size());
    if (added) {
      out.classes.emplace_back();
      out.side.push_back(signature.back() ? Side::Word : Side::NonWord);
      for (std::size_t c = 0; c < nfa.sets.size(); ++c) out.members[c].push_back(signature[c]);
    }
    Ranges& cls = out.classes[it->second];
    if (!cls.empty() && cls.back().second + 1 == lo) cls.back().second = hi;
    else cls.emplace_back(lo, hi);
  }
  return out;
}

// The NFA states reachable from `from` by empty moves between a character on side `before` and
// one on side `after`: the Char states among them, and whether the match is.
struct Closure {
  std::vector<int> chars;
  bool matched = false;
};

class Closer {
 public:
  explicit Closer(const Nfa& nfa) : nfa_(nfa), seen_(nfa.states.size(), 0) {}

  Closure close(const std::vector<int>& from, Side before, Side after) {
    ++stamp_;
    Closure out;
    std::vector<int> stack(from.rbegin(), from.rend());
    while (!stack.empty()) {
      int id = stack.back();
      stack.pop_back();
      auto& mark = seen_[static_cast<std::size_t>(id)];
      if (mark == stamp_) continue;
      mark = stamp_;
      const NfaState& s = nfa_.states[static_cast<std::size_t>(id)];
      switch (s.op) {
        case NfaState::Op::Char: out.chars.push_back(id); break;
        case NfaState::Op::Match: out.matched = true; break;
        case NfaState::Op::Split:
          for (auto o = s.out.rbegin(); o != s.out.rend(); ++o) stack.push_back(*o);
          break;
        case NfaState::Op::Assert:
          if (holds(s.assertion, before, after)) stack.push_back(s.out[0]);
          break;
      }
    }
    return out;
  }

 private:
  static bool holds(Kind assertion, Side before, Side after) {
    switch (assertion) {
      case Kind::Bol: return before == Side::None;
      case Kind::Eol: return after == Side::None;
      case Kind::WordBoundary: return word_side(before) != word_side(after);
      case Kind::NotWordBoundary: return word_side(before) == word_side(after);
      default: return true;
    }
  }

  const Nfa& nfa_;
  std::vector<unsigned> seen_;
  unsigned stamp_ = 0;
};

// The subset construction: a state is the NFA states waiting for the next character (not yet
// closed, since the closure depends on that character) and the side of the previous one.
struct Subsets {
  std::vector<std::vector<int>> next;  // as Dfa::next, with accept and reject
  bool too_big = false;
};

Subsets determinize(const Nfa& nfa, const Alphabet& abc) {
  using Key = std::pair<std::vector<int>, Side>;
  std::map<Key, int> ids;
  std::vector<Key> keys;
  Subsets out;
  auto intern = [&](Key key) {
    auto [it, added] = ids.try_emplace(key, static_cast<int>(keys.size()));
    if (added) {
      if (keys.size() >= max_subset_states) out.too_big = true;
      keys.push_back(std::move(key));
    }
    return it->second;
  };
  // Without ^ the text's start counts as a non-word character, like any other.
  intern(Key{{}, nfa.uses_bol ? Side::None : Side::NonWord});
  Closer closer(nfa);
  const std::size_t k_count = abc.classes.size();
  for (std::size_t s = 0; s < keys.size() && !out.too_big; ++s) {
    std::vector<int> waiting = keys[s].first;
    waiting.push_back(nfa.start);  // the search may start a match here
    Side before = keys[s].second;
    Closure on_side[3] = {closer.close(waiting, before, Side::None), closer.close(waiting, before, Side::NonWord),
                          closer.close(waiting, before, Side::Word)};
    std::vector<int> row(k_count + 1);
    for (std::size_t k = 0; k < k_count; ++k) {
      const Closure& c = on_side[static_cast<std::size_t>(abc.side[k])];
      if (c.matched || (nfa.matches_inside_characters && abc.classes[k].front().first >= 0x80)) {
        row[k] = Dfa::accept;
        continue;
      }
      std::vector<int> after;
      for (int id : c.chars) {
        const NfaState& st = nfa.states[static_cast<std::size_t>(id)];
        if (abc.members[static_cast<std::size_t>(st.set)][k]) after.push_back(st.out[0]);
      }
      std::sort(after.begin(), after.end());
      after.erase(std::unique(after.begin(), after.end()), after.end());
      row[k] = intern(Key{std::move(after), nfa.uses_word ? abc.side[k] : Side::NonWord});
    }
    row[k_count] = on_side[static_cast<std::size_t>(Side::None)].matched ? Dfa::accept : Dfa::reject;
    out.next.push_back(std::move(row));
  }
  return out;
}

// Moore's partition refinement over the subsets plus the two sinks (a state's language: the texts
// whose run from it ends in accept, which a run that reaches it never leaves); the result numbers the
// states from the start in breadth-first order, so that the query reads from its first state.
Dfa minimize(const Subsets& sub, const Alphabet& abc) {
  const std::size_t n = sub.next.size(), k_count = abc.classes.size();
  const std::size_t accept_at = n, reject_at = n + 1;
  auto target = [&](std::size_t s, std::size_t k) -> std::size_t {
    if (s == accept_at) return accept_at;
    if (s == reject_at) return reject_at;
    int t = sub.next[s][k];
    return t == Dfa::accept ? accept_at : t == Dfa::reject ? reject_at : static_cast<std::size_t>(t);
  };
  // What a state gives away at once: the answer if the text ended there (accept's is yes). A state
  // from which every text is accepted thus joins accept, and one from which none is, reject.
  std::vector<std::size_t> block(n + 2, 0);
  for (std::size_t s = 0; s < n; ++s) block[s] = sub.next[s][k_count] == Dfa::accept ? 1 : 0;
  block[accept_at] = 1;
  std::size_t blocks = 2;
  for (;;) {
    std::map<std::vector<std::size_t>, std::size_t> by_signature;
    std::vector<std::size_t> refined(n + 2);
    for (std::size_t s = 0; s < n + 2; ++s) {
      std::vector<std::size_t> signature = {block[s]};
      for (std::size_t k = 0; k <= k_count; ++k) signature.push_back(block[target(s, k)]);
      refined[s] = by_signature.try_emplace(std::move(signature), by_signature.size()).first->second;
    }
    block = std::move(refined);
    if (by_signature.size() == blocks) break;
    blocks = by_signature.size();
  }
  // Number the blocks from the start's; the sinks' blocks are accept and reject.
  std::vector<int> number(blocks, -3);
  number[block[accept_at]] = Dfa::accept;
  number[block[reject_at]] = Dfa::reject;
  std::vector<std::size_t> order;  // a representative subset state per numbered block
  auto visit = [&](std::size_t s) {
    if (number[block[s]] != -3) return number[block[s]];
    number[block[s]] = static_cast<int>(order.size());
    order.push_back(s);
    return number[block[s]];
  };
  Dfa dfa;
  dfa.classes = abc.classes;
  dfa.start = visit(0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    std::vector<int> row(k_count + 1);
    for (std::size_t k = 0; k <= k_count; ++k) row[k] = visit(target(order[i], k));
    dfa.next.push_back(std::move(row));
  }
  return dfa;
}

// Classes that every state treats alike become one (the word split, say, where no \b needs it).
void merge_classes(Dfa& dfa) {
  const std::size_t k_count = dfa.classes.size();
  std::vector<Ranges> classes;
  std::vector<std::size_t> kept;  // the original class each merged one stands for
  for (std::size_t k = 0; k < k_count; ++k) {
    std::size_t same = 0;
    for (; same < kept.size(); ++same) {
      bool alike = true;
      for (const auto& row : dfa.next) alike = alike && row[kept[same]] == row[k];
      if (alike) break;
    }
    if (same == kept.size()) {
      kept.push_back(k);
      classes.push_back(dfa.classes[k]);
    } else {
      Ranges& r = classes[same];
      r.insert(r.end(), dfa.classes[k].begin(), dfa.classes[k].end());
      r = normal_ranges(CharSet{std::move(r), false});  // sorted, adjacent ranges joined
    }
  }
  for (auto& row : dfa.next) {
    std::vector<int> merged;
    for (std::size_t k : kept) merged.push_back(row[k]);
    merged.push_back(row[k_count]);
    row = std::move(merged);
  }
  dfa.classes = std::move(classes);
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i++]);
    int extra = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
    char32_t c = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::size_t Dfa::class_of(char32_t c) const {
  for (std::size_t k = 0; k < classes.size(); ++k) {
    if (set_has(classes[k], c)) return k;
  }
  return classes.size();  // not reached: the classes cover every code point
}

bool Dfa::matches(std::string_view utf8) const {
  int s = start;
  for (char32_t c : decode_utf8(utf8)) {
    if (s < 0) break;
    s = next[static_cast<std::size_t>(s)][class_of(c)];
  }
  if (s >= 0) s = next[static_cast<std::size_t>(s)][classes.size()];
  return s == accept;
}

std::optional<Dfa> to_dfa(const Node& root, std::string& error) {
  Nfa nfa;
  nfa.states.push_back(NfaState{NfaState::Op::Match, -1, Kind::Empty, {}});
  NfaBuilder builder(nfa);
  nfa.start = builder.build(root, 0);
  const std::string too_many = fmt::format("an automaton of more than {} states", max_dfa_states);
  if (nfa.too_big) {
    error = too_many;
    return std::nullopt;
  }
  nfa.matches_inside_characters = Closer(nfa).close({nfa.start}, Side::NonWord, Side::NonWord).matched;
  Alphabet abc = make_alphabet(nfa);
  Subsets sub = determinize(nfa, abc);
  if (sub.too_big) {
    error = too_many;
    return std::nullopt;
  }
  Dfa dfa = minimize(sub, abc);
  if (dfa.next.size() > max_dfa_states) {
    error = too_many;
    return std::nullopt;
  }
  merge_classes(dfa);
  return dfa;
}

}  // namespace leadscore::sql::regex
