// Explainer: runs the program on one record and lays out what happened.
#include "leadscore/explain.hpp"

namespace leadscore {

namespace {

SourceLine source_line(const SourceManager& sources, const Span& span) {
  if (span.file == 0) return {};
  const SourceFile& f = sources.file(span.file);
  return SourceLine{f.path(), f.line_col(span.begin).line};
}

}  // namespace

Explainer::Explainer(const Program& program, const SourceManager& sources)
    : program_(program), sources_(sources), vm_(std::make_unique<Vm>(program)) {}

Explainer::~Explainer() = default;

Explanation Explainer::explain(const Record& record, Day as_of) {
  const Program& p = program_;
  Explanation e;
  e.key = std::string(record.key);
  e.line = record.line;
  e.as_of = as_of;
  const Outcome& o = vm_->run(record, as_of);
  e.status = o.status;
  if (o.status == RowStatus::Error) {
    e.error = record.error;
    return e;
  }

  for (std::size_t r = 0; r < p.rules.size(); ++r) {
    const RuleInfo& info = p.rules[r];
    RuleExplanation rule;
    rule.label = info.label;
    rule.group = p.groups[static_cast<std::size_t>(info.group)].name;
    rule.source = source_line(sources_, info.span);
    e.rules.push_back(std::move(rule));
  }
  for (std::size_t k = 0; k < o.fired.size(); ++k) {
    RuleExplanation& rule = e.rules[o.fired[k]];
    rule.fired = true;
    rule.points = o.points[k];
  }

  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    const GroupInfo& info = p.groups[g];
    GroupExplanation group;
    group.name = info.name;
    group.source = source_line(sources_, info.span);
    group.raw = o.groups_raw[g];
    group.decayed = o.groups_decayed[g];
    group.total = o.groups[g];
    group.min = info.min;
    group.max = info.max;
    if (info.decays) {
      group.decays = true;
      group.decay_field = p.schema.fields[static_cast<std::size_t>(info.decay_field)].name;
      group.decay_base = info.decay_base;
      group.decay_every = info.decay_every;
      const FieldValue& d = record.values[static_cast<std::size_t>(info.decay_field)];
      group.decay_date_present = d.present;
      if (d.present) {
        // The decay the VM applied, as it reported it: the factor shown is the one it used.
        group.decay_days = o.group_decay[g].days;
        group.decay_steps = o.group_decay[g].steps;
        group.decay_factor = o.group_decay[g].factor;
      }
    }
    // The score adds the group totals in this order, before its clamp: the same sum.
    e.sum += group.total;
    e.groups.push_back(std::move(group));
  }

  for (const RejectInfo& info : p.rejects) {
    e.rejects.push_back(RejectExplanation{info.reason, source_line(sources_, info.span), false});
  }
  for (auto r : o.rejects_held) e.rejects[r].held = true;
  if (o.reject >= 0) e.reject_reason = p.rejects[static_cast<std::size_t>(o.reject)].reason;

  e.score = o.score;
  e.score_min = p.score_min;
  e.score_max = p.score_max;
  e.qualified = o.qualified;
  e.qualify_at = p.qualify_at;
  if (o.tier >= 0) e.tier = p.tiers[static_cast<std::size_t>(o.tier)].name;
  return e;
}

}  // namespace leadscore
