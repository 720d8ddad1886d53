// Lets and imports nothing uses (W011, W012). A let is used when a rule, a reject or a used let
// reads it; a let read only by unused lets is unused too. An import is used when it brings in
// anything that scores (a rule, reject, group, threshold, tier or score range) or a let that is used.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/context.hpp"

namespace leadscore::lint {

namespace {

bool same_place(Span a, Span b) { return a.file == b.file && a.begin == b.begin; }

class Usage {
 public:
  explicit Usage(const ast::Model& m) : model_(m), used_(m.lets.size(), false), read_(m.lets.size(), false) {
    for (const auto& r : m.rules) {
      visit(*r.condition);
      if (r.per) visit(*r.per);
    }
    for (const auto& r : m.rejects) visit(*r.condition);
  }
  bool used(std::size_t let) const { return used_[let]; }
  bool read_by_a_let(std::size_t let) const { return read_[let]; }

  // Lets that unused lets read: for the note that says why such a let counts as unused.
  void note_reads_by_unused() {
    for (std::size_t i = 0; i < model_.lets.size(); ++i) {
      if (!used_[i] && model_.lets[i].value) mark_reads(*model_.lets[i].value);
    }
  }

 private:
  void visit(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::Name && e.ref == ast::NameRef::Let && e.index >= 0) {
      auto i = static_cast<std::size_t>(e.index);
      if (i < used_.size() && !used_[i]) {
        used_[i] = true;
        if (model_.lets[i].value) visit(*model_.lets[i].value);
      }
    }
    for (const auto& k : e.kids) visit(*k);
  }
  void mark_reads(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::Name && e.ref == ast::NameRef::Let && e.index >= 0 &&
        static_cast<std::size_t>(e.index) < read_.size()) {
      read_[static_cast<std::size_t>(e.index)] = true;
    }
    for (const auto& k : e.kids) mark_reads(*k);
  }

  const ast::Model& model_;
  std::vector<bool> used_, read_;
};

template <class List>
bool brings(const List& list, Span import) {
  for (const auto& x : list) {
    if (same_place(x.imported_at, import)) return true;
  }
  return false;
}

}  // namespace

void check_unused(const Context& cx) {
  const ast::Model& m = cx.model;
  Usage usage(m);
  usage.note_reads_by_unused();
  for (std::size_t i = 0; i < m.lets.size(); ++i) {
    const ast::Let& l = m.lets[i];
    if (l.imported_at.file != 0 || usage.used(i)) continue;
    std::vector<std::string> notes;
    if (usage.read_by_a_let(i)) notes.push_back("only lets that are themselves unused read it");
    cx.diags.report({Code::UnusedLet, l.name_span,
                     fmt::format("let '{}' is never used", l.name), std::move(notes)});
  }
  for (const auto& imp : m.imports) {
    bool scores = brings(m.rules, imp.span) || brings(m.rejects, imp.span) || brings(m.groups, imp.span) ||
                  brings(m.qualifies, imp.span) || brings(m.tiers, imp.span) ||
                  brings(m.score_bounds, imp.span);
    bool used = scores;
    for (std::size_t i = 0; i < m.lets.size() && !used; ++i) {
      used = same_place(m.lets[i].imported_at, imp.span) && usage.used(i);
    }
    if (used) continue;
    cx.diags.report(Code::UnusedImport, imp.span,
                     fmt::format("import '{}' is unused: nothing reads its lets and it brings no rules",
                                 imp.path));
  }
}

}  // namespace leadscore::lint
