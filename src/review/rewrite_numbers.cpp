// Finding a model's number literals and rewriting just those bytes. The parser keeps spans of rule
// points and `up to` amounts; for the other statements (group options, decay, score, qualify,
// tiers) the statement's span is cut into tokens the way the formatter does, and the literals are
// taken in the grammar's order.
#include <algorithm>
#include <cmath>

#include "fmt/tokens.hpp"
#include "leadscore/io.hpp"
#include "leadscore/tune.hpp"

namespace leadscore {

namespace {

bool local(const Span& imported_at) { return imported_at.file == 0; }

// The signed number literals inside [span.begin, span.end) of `text`, in order; a '-' right before
// a number belongs to it (grammar `signed_number`).
std::vector<Span> literals_in(std::string_view text, const Span& span) {
  std::vector<Span> out;
  if (span.end > text.size() || span.begin >= span.end) return out;
  std::string_view part = text.substr(span.begin, span.end - span.begin);
  std::vector<formatter::Token> toks = formatter::lex(part);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != formatter::TokKind::Number) continue;
    auto begin = static_cast<std::uint32_t>(toks[i].text.data() - part.data());
    auto end = begin + static_cast<std::uint32_t>(toks[i].text.size());
    if (i > 0 && toks[i - 1].punct("-") && toks[i - 1].text.data() + 1 == toks[i].text.data()) --begin;
    out.push_back(Span{span.file, span.begin + begin, span.begin + end});
  }
  return out;
}

// The literal that follows keyword `word` inside `span`, when there is one.
std::optional<Span> literal_after(std::string_view text, const Span& span, std::string_view word) {
  if (span.end > text.size() || span.begin >= span.end) return std::nullopt;
  std::string_view part = text.substr(span.begin, span.end - span.begin);
  std::vector<formatter::Token> toks = formatter::lex(part);
  for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
    if (!toks[i].word(word)) continue;
    std::size_t j = i + 1;
    auto begin = static_cast<std::uint32_t>(toks[j].text.data() - part.data());
    if (toks[j].punct("-") && j + 1 < toks.size()) ++j;
    if (toks[j].kind != formatter::TokKind::Number) return std::nullopt;
    auto end = static_cast<std::uint32_t>(toks[j].text.data() - part.data() + toks[j].text.size());
    return Span{span.file, span.begin + begin, span.begin + end};
  }
  return std::nullopt;
}

// Whether the action before a rule's points literal is `subtract`.
bool after_subtract(std::string_view text, std::uint32_t at) {
  std::size_t p = at;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  constexpr std::string_view word = "subtract";
  return p >= word.size() && text.substr(p - word.size(), word.size()) == word;
}

void add_slot(std::vector<NumberSlot>& out, NumberRole role, int index, std::optional<Span> span, double value,
              bool negated = false) {
  if (span) out.push_back(NumberSlot{role, index, *span, value, negated});
}

}  // namespace

std::vector<NumberSlot> number_slots(const ast::Model& model, std::string_view text) {
  std::vector<NumberSlot> out;
  for (std::size_t g = 0; g < model.groups.size(); ++g) {
    const ast::Group& grp = model.groups[g];
    if (!local(grp.imported_at) || grp.span.file != model.file) continue;
    int gi = static_cast<int>(g);
    if (grp.min) add_slot(out, NumberRole::GroupMin, gi, literal_after(text, grp.min_span, "min"), *grp.min);
    if (grp.max) add_slot(out, NumberRole::GroupMax, gi, literal_after(text, grp.max_span, "max"), *grp.max);
    if (grp.decay) {
      std::vector<Span> lits = literals_in(text, grp.decay->span);
      if (lits.size() >= 2) {
        add_slot(out, NumberRole::DecayPercent, gi, lits[0], grp.decay->percent);
        add_slot(out, NumberRole::DecayDays, gi, lits[1], grp.decay->every_days);
      }
    }
  }
  for (std::size_t r = 0; r < model.rules.size(); ++r) {
    const ast::Rule& rule = model.rules[r];
    if (!local(rule.imported_at) || rule.span.file != model.file) continue;
    int ri = static_cast<int>(r);
    bool negated = after_subtract(text, rule.points_span.begin);
    add_slot(out, NumberRole::RulePoints, ri, rule.points_span, rule.points, negated);
    if (rule.up_to) add_slot(out, NumberRole::RuleUpTo, ri, rule.up_to_span, *rule.up_to);
  }
  for (const auto& b : model.score_bounds) {
    if (!local(b.imported_at) || b.span.file != model.file) continue;
    if (b.min) add_slot(out, NumberRole::ScoreMin, 0, literal_after(text, b.span, "min"), *b.min);
    if (b.max) add_slot(out, NumberRole::ScoreMax, 0, literal_after(text, b.span, "max"), *b.max);
  }
  for (const auto& q : model.qualifies) {
    if (!local(q.imported_at) || q.span.file != model.file) continue;
    add_slot(out, NumberRole::QualifyAt, 0, literal_after(text, q.span, "at"), q.at);
  }
  for (std::size_t t = 0; t < model.tiers.size(); ++t) {
    const ast::Tier& tier = model.tiers[t];
    if (!local(tier.imported_at) || tier.span.file != model.file || !tier.at) continue;
    add_slot(out, NumberRole::TierAt, static_cast<int>(t), literal_after(text, tier.span, "at"), *tier.at);
  }
  std::sort(out.begin(), out.end(), [](const NumberSlot& a, const NumberSlot& b) { return a.span.begin < b.span.begin; });
  return out;
}

std::string rewrite_model_text(std::string_view text, const std::vector<NumberEdit>& edits,
                               const std::vector<TextInsertion>& insertions) {
  struct Piece {
    std::uint32_t begin, end;
    std::string with;
  };
  std::vector<Piece> pieces;
  for (const auto& e : edits) {
    double literal = e.slot.negated ? -e.value : e.value;
    pieces.push_back({e.slot.span.begin, e.slot.span.end, format_number(literal)});
  }
  for (const auto& ins : insertions) pieces.push_back({ins.at, ins.at, ins.text});
  // Insertions at an offset go before an edit starting there; stable order keeps theirs.
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return (a.begin == a.end) && (b.begin != b.end);
  });
  std::string out;
  out.reserve(text.size() + 256);
  std::uint32_t at = 0;
  for (const auto& p : pieces) {
    if (p.begin < at || p.end > text.size()) continue;  // overlapping or out of range: an internal slip
    out.append(text.substr(at, p.begin - at));
    out += p.with;
    at = p.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace leadscore
