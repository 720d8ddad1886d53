// The model's changes for `leadscore diff`: two checked models compared rule by rule, then rejects,
// groups, score bounds, the qualify threshold and tiers. Read from the syntax trees (which keep the
// source spans and conditions) rather than the programs, whose rules are in the same order.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "leadscore/diff.hpp"
#include "leadscore/lint.hpp"

namespace leadscore {

std::string_view change_kind_name(ModelChangeKind kind) {
  switch (kind) {
    case ModelChangeKind::RuleAdded: return "rule_added";
    case ModelChangeKind::RuleRemoved: return "rule_removed";
    case ModelChangeKind::PointsChanged: return "points_changed";
    case ModelChangeKind::ConditionChanged: return "condition_changed";
    case ModelChangeKind::GroupChanged: return "group_changed";
    case ModelChangeKind::LabelChanged: return "label_changed";
    case ModelChangeKind::RejectAdded: return "reject_added";
    case ModelChangeKind::RejectRemoved: return "reject_removed";
    case ModelChangeKind::RejectChanged: return "reject_changed";
    case ModelChangeKind::GroupAdded: return "group_added";
    case ModelChangeKind::GroupRemoved: return "group_removed";
    case ModelChangeKind::CapChanged: return "cap_changed";
    case ModelChangeKind::DecayChanged: return "decay_changed";
    case ModelChangeKind::QualifyChanged: return "qualify_changed";
    case ModelChangeKind::ScoreBoundsChanged: return "score_bounds_changed";
    case ModelChangeKind::TierAdded: return "tier_added";
    case ModelChangeKind::TierRemoved: return "tier_removed";
    case ModelChangeKind::TierChanged: return "tier_changed";
  }
  return "?";
}

bool same_schema(const Schema& a, const Schema& b) {
  if (a.key_index != b.key_index || a.fields.size() != b.fields.size()) return false;
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    const Field& x = a.fields[i];
    const Field& y = b.fields[i];
    if (x.name != y.name || x.type != y.type || x.members != y.members || x.key != y.key ||
        x.required != y.required || x.column != y.column || x.missing != y.missing) {
      return false;
    }
  }
  return true;
}

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// What the comparison needs of one model, worked out once.
class Side {
 public:
  explicit Side(const ModelSide& s) : s_(s) {}

  const ast::Model& model() const { return s_.model; }

  std::uint32_t line(Span span) const {
    if (span.file == 0 || span.file >= s_.sources.size()) return 0;
    return s_.sources.file(span.file).line_col(span.begin).line;
  }

  // A span's source text on one line: a condition written over several lines reads as one.
  std::string text(Span span) const {
    if (span.file == 0 || span.file >= s_.sources.size()) return {};
    std::string_view all = s_.sources.file(span.file).text();
    std::string_view raw = all.substr(span.begin, span.end - span.begin);
    std::string out;
    bool blank = false;
    for (char c : raw) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        blank = !out.empty();
        continue;
      }
      if (blank) out += ' ';
      blank = false;
      out += c;
    }
    return out;
  }

  std::string canonical(const ast::Expr& e) const {
    return canonical_text(e, s_.model, s_.program.schema, s_.sources);
  }

  std::string group_name(int group) const {
    if (group < 0) return "(no group)";
    return s_.model.groups[static_cast<std::size_t>(group)].name;
  }

  // `add 2 per email_clicks up to 10`.
  std::string action(const ast::Rule& r) const {
    std::string out = fmt::format("{} {}", r.points < 0 ? "subtract" : "add", format_number(std::fabs(r.points)));
    if (r.per) out += " per " + text(r.per->span);
    if (r.up_to) out += " up to " + format_number(*r.up_to);
    return out;
  }

  std::string action_key(const ast::Rule& r) const {
    return fmt::format("{}|{}|{}", format_number(r.points), r.per ? canonical(*r.per) : "-",
                       r.up_to ? format_number(*r.up_to) : "-");
  }

 private:
  const ModelSide& s_;
};

// Pairs items of two lists: first by `primary` key, then what is left by `secondary`, each in
// order (the first unmatched old item with a key takes the first new one with it). Returns, for
// every old item, the index of its new partner or `none`.
std::vector<std::size_t> match(const std::vector<std::string>& old_primary,
                               const std::vector<std::string>& new_primary,
                               const std::vector<std::string>& old_secondary,
                               const std::vector<std::string>& new_secondary) {
  std::vector<std::size_t> partner(old_primary.size(), none);
  std::vector<bool> taken(new_primary.size(), false);
  auto pass = [&](const std::vector<std::string>& olds, const std::vector<std::string>& news) {
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (partner[i] != none) continue;
      for (std::size_t j = 0; j < news.size(); ++j) {
        if (!taken[j] && news[j] == olds[i]) {
          partner[i] = j;
          taken[j] = true;
          break;
        }
      }
    }
  };
  pass(old_primary, new_primary);
  pass(old_secondary, new_secondary);
  return partner;
}

std::string bounds_text(const std::optional<double>& min, const std::optional<double>& max) {
  std::string out;
  if (min) out += "min " + format_number(*min);
  if (max) out += (out.empty() ? "max " : " max ") + format_number(*max);
  return out.empty() ? "none" : out;
}

std::string decay_text(const std::optional<ast::Decay>& d) {
  if (!d) return "none";
  return fmt::format("{}% every {} days since {}", format_number(d->percent), format_number(d->every_days),
                     d->field);
}

// `max 40 decay 25% every 30 days since last_activity`, or `no caps, no decay`.
std::string group_header(const ast::Group& g) {
  std::string out = bounds_text(g.min, g.max);
  if (out == "none") out.clear();
  if (g.decay) out += (out.empty() ? "decay " : " decay ") + decay_text(g.decay);
  return out.empty() ? "no caps, no decay" : out;
}

std::string tier_text(const ast::Tier& t) { return t.at ? "at " + format_number(*t.at) : "(the rest)"; }

class ModelDiffer {
 public:
  ModelDiffer(const ModelSide& o, const ModelSide& n) : old_(o), new_(n) {}

  std::vector<ModelChange> run() {
    rules();
    rejects();
    groups();
    thresholds();
    return std::move(out_);
  }

 private:
  void add(ModelChangeKind kind, std::string label, std::uint32_t old_line, std::uint32_t new_line,
           std::string old_text, std::string new_text) {
    out_.push_back(ModelChange{kind, std::move(label), old_line, new_line, std::move(old_text), std::move(new_text)});
  }

  void rules() {
    const auto& olds = old_.model().rules;
    const auto& news = new_.model().rules;
    std::vector<std::string> old_labels, new_labels, old_conds, new_conds;
    for (const auto& r : olds) {
      old_labels.push_back(r.label);
      old_conds.push_back(old_.canonical(*r.condition));
    }
    for (const auto& r : news) {
      new_labels.push_back(r.label);
      new_conds.push_back(new_.canonical(*r.condition));
    }
    std::vector<std::size_t> partner = match(old_labels, new_labels, old_conds, new_conds);
    std::vector<std::size_t> partner_of_new(news.size(), none);
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (partner[i] != none) partner_of_new[partner[i]] = i;
    }
    // A removed rule is listed before the first new-model change whose old partner came after it,
    // so that removals appear where they were.
    std::size_t next_old = 0;
    auto removed_up_to = [&](std::size_t old_end) {
      for (; next_old < old_end; ++next_old) {
        if (partner[next_old] != none) continue;
        const ast::Rule& r = olds[next_old];
        add(ModelChangeKind::RuleRemoved, r.label, old_.line(r.span), 0, old_.text(r.span), "");
      }
    };
    for (std::size_t j = 0; j < news.size(); ++j) {
      const ast::Rule& n = news[j];
      std::size_t i = partner_of_new[j];
      if (i == none) {
        add(ModelChangeKind::RuleAdded, n.label, 0, new_.line(n.span), "", new_.text(n.span));
        continue;
      }
      removed_up_to(i);
      const ast::Rule& o = olds[i];
      std::uint32_t ol = old_.line(o.span), nl = new_.line(n.span);
      if (old_conds[i] != new_conds[j]) {
        std::string before = old_.text(o.condition->span), after = new_.text(n.condition->span);
        // Same words, different meaning: a `let` it names was changed. Show what it stands for.
        if (before == after) {
          before = fmt::format("{} = {}", before, old_conds[i]);
          after = fmt::format("{} = {}", after, new_conds[j]);
        }
        add(ModelChangeKind::ConditionChanged, n.label, ol, nl, before, after);
      }
      if (old_.action_key(o) != new_.action_key(n)) {
        add(ModelChangeKind::PointsChanged, n.label, ol, nl, old_.action(o), new_.action(n));
      }
      std::string og = old_.group_name(o.group), ng = new_.group_name(n.group);
      if (og != ng) add(ModelChangeKind::GroupChanged, n.label, ol, nl, og, ng);
      // A label that is the rule's own text changes with it; only a written `as` is news.
      if (o.label != n.label && (o.has_label || n.has_label)) {
        add(ModelChangeKind::LabelChanged, n.label, ol, nl, o.label, n.label);
      }
    }
    removed_up_to(olds.size());
  }

  void rejects() {
    const auto& olds = old_.model().rejects;
    const auto& news = new_.model().rejects;
    std::vector<std::string> old_reasons, new_reasons, old_conds, new_conds;
    for (const auto& r : olds) {
      old_reasons.push_back(r.reason);
      old_conds.push_back(old_.canonical(*r.condition));
    }
    for (const auto& r : news) {
      new_reasons.push_back(r.reason);
      new_conds.push_back(new_.canonical(*r.condition));
    }
    std::vector<std::size_t> partner = match(old_reasons, new_reasons, old_conds, new_conds);
    std::vector<bool> matched_new(news.size(), false);
    for (std::size_t i = 0; i < olds.size(); ++i) {
      const ast::Reject& o = olds[i];
      if (partner[i] == none) {
        add(ModelChangeKind::RejectRemoved, o.reason, old_.line(o.span), 0, old_.text(o.span), "");
        continue;
      }
      const ast::Reject& n = news[partner[i]];
      matched_new[partner[i]] = true;
      if (old_conds[i] != new_conds[partner[i]] || o.reason != n.reason) {
        add(ModelChangeKind::RejectChanged, n.reason, old_.line(o.span), new_.line(n.span), old_.text(o.span),
            new_.text(n.span));
      }
    }
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (matched_new[j]) continue;
      const ast::Reject& n = news[j];
      add(ModelChangeKind::RejectAdded, n.reason, 0, new_.line(n.span), "", new_.text(n.span));
    }
  }

  void groups() {
    const auto& olds = old_.model().groups;
    const auto& news = new_.model().groups;
    for (const auto& o : olds) {
      auto n = std::find_if(news.begin(), news.end(), [&](const ast::Group& g) { return g.name == o.name; });
      if (n == news.end()) {
        add(ModelChangeKind::GroupRemoved, o.name, old_.line(o.span), 0, group_header(o), "");
        continue;
      }
      std::uint32_t ol = old_.line(o.span), nl = new_.line(n->span);
      if (o.min != n->min || o.max != n->max) {
        add(ModelChangeKind::CapChanged, o.name, ol, nl, bounds_text(o.min, o.max), bounds_text(n->min, n->max));
      }
      std::string od = decay_text(o.decay), nd = decay_text(n->decay);
      if (od != nd) add(ModelChangeKind::DecayChanged, o.name, ol, nl, od, nd);
    }
    for (const auto& n : news) {
      bool existed = std::any_of(olds.begin(), olds.end(), [&](const ast::Group& g) { return g.name == n.name; });
      if (!existed) add(ModelChangeKind::GroupAdded, n.name, 0, new_.line(n.span), "", group_header(n));
    }
  }

  void thresholds() {
    const ast::Model& o = old_.model();
    const ast::Model& n = new_.model();
    const ast::ScoreBounds* ob = o.score_bounds.empty() ? nullptr : &o.score_bounds[0];
    const ast::ScoreBounds* nb = n.score_bounds.empty() ? nullptr : &n.score_bounds[0];
    std::string obt = ob ? bounds_text(ob->min, ob->max) : "none";
    std::string nbt = nb ? bounds_text(nb->min, nb->max) : "none";
    if (obt != nbt) {
      add(ModelChangeKind::ScoreBoundsChanged, "score", ob ? old_.line(ob->span) : 0, nb ? new_.line(nb->span) : 0,
          obt, nbt);
    }
    const ast::Qualify* oq = o.qualifies.empty() ? nullptr : &o.qualifies[0];
    const ast::Qualify* nq = n.qualifies.empty() ? nullptr : &n.qualifies[0];
    std::string oqt = oq ? format_number(oq->at) : "none";
    std::string nqt = nq ? format_number(nq->at) : "none";
    if (oqt != nqt) {
      add(ModelChangeKind::QualifyChanged, "qualify at", oq ? old_.line(oq->span) : 0, nq ? new_.line(nq->span) : 0,
          oqt, nqt);
    }
    for (const auto& t : o.tiers) {
      auto m = std::find_if(n.tiers.begin(), n.tiers.end(), [&](const ast::Tier& x) { return x.name == t.name; });
      if (m == n.tiers.end()) {
        add(ModelChangeKind::TierRemoved, t.name, old_.line(t.span), 0, tier_text(t), "");
      } else if (t.at != m->at) {
        add(ModelChangeKind::TierChanged, t.name, old_.line(t.span), new_.line(m->span), tier_text(t), tier_text(*m));
      }
    }
    for (const auto& t : n.tiers) {
      bool existed = std::any_of(o.tiers.begin(), o.tiers.end(), [&](const ast::Tier& x) { return x.name == t.name; });
      if (!existed) add(ModelChangeKind::TierAdded, t.name, 0, new_.line(t.span), "", tier_text(t));
    }
  }

  Side old_, new_;
  std::vector<ModelChange> out_;
};

}  // namespace

std::vector<ModelChange> diff_models(const ModelSide& old_model, const ModelSide& new_model) {
  return ModelDiffer(old_model, new_model).run();
}

}  // namespace leadscore
