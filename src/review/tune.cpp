// `leadscore tune`: reads the leads (three passes: the model as it is, the candidate rules, the
// tuned model), fits, and writes the model's text with new numbers. The method is in
// docs/review.md ("## tune"); the numeric parts are in tune_fit.cpp, the candidates in
// tune_suggest.cpp, the text surgery in rewrite_numbers.cpp.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "api/imports.hpp"
#include "leadscore/check.hpp"
#include "leadscore/compile.hpp"
#include "leadscore/parse.hpp"
#include "leadscore/review.hpp"
#include "leadscore/tune.hpp"
#include "review/tune_fit.hpp"
#include "review/tune_suggest.hpp"

namespace leadscore {

namespace {

using namespace tune;

constexpr std::string_view candidate_label = "__tune_candidate_";
constexpr std::size_t max_suggestions = 12;
constexpr double suggest_min_statistic = 10.83;  // chi-squared, 1 degree of freedom, p < 0.001
constexpr double suggest_min_z = 3.29;           // the lift's two-sided z, p < 0.001
constexpr std::uint64_t suggest_min_leads = 50;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The holdout draw: a hash of the key mixed with the seed, as a number in [0, 1).
double key_draw(std::string_view key, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= seed * 0x9E3779B97F4A7C15ull;  // splitmix64's finaliser spreads the seed over every bit
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

// A model's text loaded as if it were the file at `path` (imports and schema found beside it).
LoadedModel load_text_as(Session& session, const std::string& path, std::string text) {
  LoadedModel out;
  std::size_t before = session.diagnostics.error_count();
  std::uint32_t file = session.sources.add(path, std::move(text));
  out.model = parse_model(session.sources, file, session.diagnostics);
  std::optional<std::string> imported_schema = api::merge_imports(session, out.model, path);
  if (!out.model.schema_path && imported_schema) out.model.schema_path = imported_schema;
  if (!out.model.schema_path || session.diagnostics.error_count() > before) return out;
  std::filesystem::path schema_path = std::filesystem::path(path).parent_path() / *out.model.schema_path;
  out.schema = load_schema(session, schema_path.lexically_normal().string());
  if (!out.schema) return out;
  std::optional<CheckedModel> checked = check_model(out.model, *out.schema, session.diagnostics);
  if (!checked || session.diagnostics.error_count() > before) return out;
  out.program = compile_model(*checked);
  return out;
}

std::string errors_of(const Session& session) {
  std::string out;
  for (const auto& d : session.diagnostics.all()) {
    if (d.severity == Severity::Error) out += render_text(d, session.sources);
  }
  return out;
}

// One pass over the leads with `program`.
std::optional<review::LeadData> read_pass(const TuneInput& in, const Program& program,
                                          const review::OutcomeTable& outcomes, const review::CollectOptions& options,
                                          TuneResult& r, bool first) {
  File f(std::fopen(in.leads_path.c_str(), "rb"));
  if (!f) {
    r.error = fmt::format("cannot read '{}': {}", in.leads_path, std::strerror(errno));
    r.error_is_usage = true;
    return std::nullopt;
  }
  ReaderOpenResult opened = open_record_reader(f.get(), in.leads_path, in.leads_format, program.schema, in.leads_read);
  if (first) {
    r.warnings.insert(r.warnings.end(), opened.warnings.begin(), opened.warnings.end());
    r.ignored_columns = opened.ignored_columns;
  }
  if (!opened.reader) {
    r.error = opened.error;
    r.error_is_usage = true;
    return std::nullopt;
  }
  review::LeadData data = review::collect_leads(program, *opened.reader, &outcomes, options);
  if (!opened.reader->read_error().empty()) {
    r.error = opened.reader->read_error();
    r.error_is_usage = true;
    return std::nullopt;
  }
  return data;
}

TuneMetrics metrics_of(const review::LeadData& data, std::span<const double> score,
                       const std::vector<std::uint8_t>& part, std::optional<double> qualify_at) {
  TuneMetrics m;
  std::vector<double> s;
  std::vector<std::uint8_t> rej, conv;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (!data.included(i) || !part[i]) continue;
    bool rejected = data.status[i] == RowStatus::Rejected;
    s.push_back(score[i]);
    rej.push_back(rejected);
    conv.push_back(data.converted[i]);
    ++m.leads;
    m.converted += data.converted[i];
    if (qualify_at && !rejected && score[i] >= *qualify_at) {
      ++m.qualified;
      m.qualified_converted += data.converted[i];
    }
  }
  m.auc = ranking_auc(s, rej, conv);
  m.precision = m.qualified ? static_cast<double>(m.qualified_converted) / static_cast<double>(m.qualified) : NAN;
  m.recall = m.converted ? static_cast<double>(m.qualified_converted) / static_cast<double>(m.converted) : NAN;
  return m;
}

std::string percent(double share) { return fmt::format("{:.1f}%", 100 * share); }

std::string decay_words(const std::optional<DecayChoice>& d) {
  if (!d) return "none";
  return fmt::format("{}% every {} days", format_number(d->percent), format_number(d->every_days));
}

std::uint32_t line_of(const Session& session, const Span& span) {
  if (span.file == 0) return 0;
  return session.sources.file(span.file).line_col(span.begin).line;
}

// What a slot sets, in words, for the report.
std::string slot_words(const NumberSlot& s, const ast::Model& model) {
  auto u = static_cast<std::size_t>(s.index);
  switch (s.role) {
    case NumberRole::RulePoints: return fmt::format("rule '{}' points", model.rules[u].label);
    case NumberRole::RuleUpTo: return fmt::format("rule '{}' up to", model.rules[u].label);
    case NumberRole::GroupMin: return fmt::format("group '{}' min", model.groups[u].name);
    case NumberRole::GroupMax: return fmt::format("group '{}' max", model.groups[u].name);
    case NumberRole::DecayPercent: return fmt::format("group '{}' decay percent", model.groups[u].name);
    case NumberRole::DecayDays: return fmt::format("group '{}' decay period (days)", model.groups[u].name);
    case NumberRole::ScoreMin: return "score min";
    case NumberRole::ScoreMax: return "score max";
    case NumberRole::QualifyAt: return "qualify at";
    case NumberRole::TierAt: return fmt::format("tier '{}' at", model.tiers[u].name);
  }
  return "";
}

// The candidate rules appended to the model, each labelled so that its column can be found.
std::string probe_text(const std::string& text, const std::vector<Candidate>& cands) {
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  for (std::size_t k = 0; k < cands.size(); ++k) {
    out += fmt::format("when {} add 1 as \"{}{}\"\n", cands[k].condition, candidate_label, k);
  }
  return out;
}

struct Evidence {
  std::uint64_t leads = 0, converted = 0;
  double rate = 0, lift = 0, z = 0;
};

// A candidate's conversion when it holds against the rest of the training leads.
Evidence evidence_of(const Design& d, std::uint32_t column) {
  Evidence e;
  std::uint64_t n = 0, conv = 0;
  for (std::size_t i = 0; i < d.leads(); ++i) {
    if (d.rejected[i]) continue;
    ++n;
    conv += d.converted[i];
    for (std::uint32_t k = d.units.row_begin[i]; k < d.units.row_begin[i + 1]; ++k) {
      if (d.units.column[k] == column) {
        ++e.leads;
        e.converted += d.converted[i];
        break;
      }
    }
  }
  if (n == 0 || e.leads == 0) return e;
  double base = static_cast<double>(conv) / static_cast<double>(n);
  e.rate = static_cast<double>(e.converted) / static_cast<double>(e.leads);
  e.lift = base > 0 ? e.rate / base : 0;
  std::uint64_t rest = n - e.leads;
  if (rest > 0 && base > 0 && base < 1) {
    double rest_rate = static_cast<double>(conv - e.converted) / static_cast<double>(rest);
    double se = std::sqrt(base * (1 - base) * (1.0 / static_cast<double>(e.leads) + 1.0 / static_cast<double>(rest)));
    e.z = se > 0 ? (e.rate - rest_rate) / se : 0;
  }
  return e;
}

std::string thousands(std::uint64_t n) {
  std::string s = std::to_string(n), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

}  // namespace

TuneResult tune_model(Session& session, const TuneInput& in, const TuneOptions& opt) {
  TuneResult r;
  LoadedModel loaded = load_model(session, in.model_path);
  if (!loaded.program) {
    r.error = "the model has errors";
    return r;
  }
  const Program& program = *loaded.program;
  const ast::Model& model = loaded.model;
  const Schema& schema = program.schema;
  const std::string text = session.sources.file(model.file).text();

  // Outcomes.
  RecordFormat outcome_format = RecordFormat::Csv;
  format_from_path(in.outcomes_path, outcome_format);
  File of(std::fopen(in.outcomes_path.c_str(), "rb"));
  if (!of) {
    r.error = fmt::format("cannot read '{}': {}", in.outcomes_path, std::strerror(errno));
    r.error_is_usage = true;
    return r;
  }
  review::OutcomeReadResult outcomes = review::read_outcomes(of.get(), in.outcomes_path, outcome_format, schema);
  of.reset();
  r.warnings = outcomes.warnings;
  if (!outcomes.errors.empty()) {
    for (const auto& e : outcomes.errors) r.error += (r.error.empty() ? "" : "\n") + e;
    r.error_is_usage = true;
    return r;
  }

  // Pass 1: the model as it is; the holdout draw, decay days and field statistics on the way.
  const std::size_t g_count = program.groups.size();
  std::vector<std::uint8_t> holdout;
  std::vector<std::int32_t> days_all;
  FieldStats stats(schema.fields.size());
  review::CollectOptions copt;
  copt.as_of = opt.as_of;
  copt.visit = [&](std::size_t, const Record& rec, const Outcome&) {
    bool held = key_draw(rec.key, opt.seed) < opt.holdout;
    holdout.push_back(held);
    for (std::size_t g = 0; g < g_count; ++g) {
      const GroupInfo& gi = program.groups[g];
      std::int32_t days = -1;
      if (gi.decays && gi.decay_field >= 0 && !rec.is_error()) {
        const FieldValue& v = rec.values[static_cast<std::size_t>(gi.decay_field)];
        if (v.present) days = std::max(0, opt.as_of - v.date);
      }
      days_all.push_back(days);
    }
    if (opt.suggest_rules && !held && !rec.is_error()) stats.add(schema, rec, opt.as_of);
  };
  std::optional<review::LeadData> before = read_pass(in, program, outcomes.table, copt, r, true);
  if (!before) return r;
  const review::LeadData& data = *before;
  r.records = data.size();
  r.errors = data.errors;
  r.without_outcome = data.without_outcome;
  r.outcomes_without_lead = data.outcomes_without_lead;
  std::vector<std::uint8_t> training(data.size()), held_out(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    training[i] = data.included(i) && !holdout[i];
    held_out[i] = data.included(i) && holdout[i];
    r.training += training[i];
    r.holdout += held_out[i];
  }
  if (r.training == 0) {
    r.error = "no lead of the training part has an outcome: nothing to fit";
    r.error_is_usage = true;
    return r;
  }

  // Pass 2 (--suggest-rules): the candidate rules, run by the VM as part of a probe model.
  std::vector<Candidate> cands;
  std::optional<review::LeadData> probe_data;
  std::vector<int> probe_candidate;  // probe rule index -> candidate index, -1 for the model's own
  if (opt.suggest_rules) {
    cands = candidate_conditions(schema, model, stats);
    for (int attempt = 0; attempt < 3 && !cands.empty(); ++attempt) {
      Session scratch;
      std::string ptext = probe_text(text, cands);
      LoadedModel probe = load_text_as(scratch, in.model_path, ptext);
      if (probe.program) {
        probe_candidate.assign(probe.program->rules.size(), -1);
        for (std::size_t k = 0; k < probe.program->rules.size(); ++k) {
          std::string_view label = probe.program->rules[k].label;
          if (label.starts_with(candidate_label)) {
            probe_candidate[k] = std::stoi(std::string(label.substr(candidate_label.size())));
          }
        }
        review::CollectOptions popt;
        popt.as_of = opt.as_of;
        probe_data = read_pass(in, *probe.program, outcomes.table, popt, r, false);
        if (!probe_data) return r;
        break;
      }
      // A candidate the checker refuses (say, a member that is not a valid name) is dropped.
      std::vector<std::uint8_t> bad(cands.size(), 0);
      std::uint32_t first_line = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) +
                                 (text.empty() || text.back() == '\n' ? 1 : 2);
      for (const auto& d : scratch.diagnostics.all()) {
        if (d.severity != Severity::Error || d.span.file == 0) continue;
        std::uint32_t line = scratch.sources.file(d.span.file).line_col(d.span.begin).line;
        if (line >= first_line && line - first_line < cands.size()) bad[line - first_line] = 1;
      }
      std::vector<Candidate> kept;
      for (std::size_t k = 0; k < cands.size(); ++k) {
        if (!bad[k]) kept.push_back(cands[k]);
      }
      if (kept.size() == cands.size()) {
        r.notes.push_back("the candidate rules did not compile; no rules suggested");
        cands.clear();
      } else {
        cands = std::move(kept);
      }
    }
    if (!probe_data) cands.clear();
  }

  // The training design: one column per rule, then one per candidate.
  const std::size_t rule_count = program.rules.size();
  Design d;
  for (std::size_t k = 0; k < rule_count; ++k) {
    const RuleInfo& ri = program.rules[k];
    Column c;
    c.group = ri.group;
    c.points = ri.points;
    if (ri.per && std::isfinite(ri.up_to) && ri.points != 0) c.up_to_units = ri.up_to / std::fabs(ri.points);
    c.fixed = ri.span.file != model.file;
    d.columns.push_back(c);
  }
  for (const auto& cand : cands) {
    Column c;
    c.candidate = true;
    c.group = cand.group;
    d.columns.push_back(c);
  }
  for (std::size_t g = 0; g < g_count; ++g) {
    GroupSpec spec;
    spec.min = program.groups[g].min;
    spec.max = program.groups[g].max;
    if (g < model.groups.size() && model.groups[g].decay) {
      spec.decay = DecayChoice{model.groups[g].decay->percent, model.groups[g].decay->every_days};
    }
    d.groups.push_back(spec);
  }
  d.score_min = program.score_min;
  d.score_max = program.score_max;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (!training[i]) continue;
    auto fired = data.fired(i);
    auto pts = data.points(i);
    for (std::size_t k = 0; k < fired.size(); ++k) {
      const RuleInfo& ri = program.rules[fired[k]];
      double units = !ri.per ? 1.0 : ri.points != 0 ? pts[k] / ri.points : 0.0;
      if (units != 0) d.units.add(fired[k], units);
    }
    if (probe_data) {
      for (std::uint32_t k : probe_data->fired(i)) {
        int c = probe_candidate[k];
        if (c >= 0) d.units.add(static_cast<std::uint32_t>(rule_count + static_cast<std::size_t>(c)), 1.0);
      }
    }
    d.units.end_row();
    for (std::size_t g = 0; g < g_count; ++g) d.days.push_back(days_all[i * g_count + g]);
    d.converted.push_back(data.converted[i]);
    d.model_score.push_back(data.score[i]);
    d.rejected.push_back(data.status[i] == RowStatus::Rejected);
  }

  // The fit: decay by grid, signs kept.
  std::vector<std::uint8_t> base(d.columns.size(), 0);
  for (std::size_t k = 0; k < rule_count; ++k) base[k] = 1;
  Fitted fitted = fit_with_decay(d, base);

  // Forward selection of candidates by the score test; each must also show a significant lift.
  std::vector<std::size_t> chosen;
  std::map<std::size_t, Evidence> evidence;
  if (!cands.empty()) {
    // Candidates that fire for exactly the leads a rule of the model fires for add nothing.
    std::vector<std::uint8_t> eligible(d.columns.size(), 0);
    for (std::size_t c = rule_count; c < d.columns.size(); ++c) {
      Evidence e = evidence_of(d, static_cast<std::uint32_t>(c));
      evidence[c] = e;
      eligible[c] = e.leads >= suggest_min_leads && std::fabs(e.z) >= suggest_min_z;
    }
    std::vector<std::uint8_t> active = fitted.active;
    std::vector<std::uint8_t> y;
    SparseRows rows = decayed_rows(d, fitted.groups, y);
    for (std::size_t step = 0; step < max_suggestions; ++step) {
      std::vector<double> stat = score_statistics(rows, y, fitted.fit, d.columns.size());
      std::size_t best = 0;
      double best_stat = suggest_min_statistic;
      for (std::size_t c = rule_count; c < d.columns.size(); ++c) {
        if (eligible[c] && !active[c] && stat[c] > best_stat) {
          best_stat = stat[c];
          best = c;
        }
      }
      if (best == 0) break;
      active[best] = 1;
      eligible[best] = 0;
      chosen.push_back(best);
      fitted = fit_signed(d, fitted.groups, active);
      active = fitted.active;
    }
    if (!chosen.empty()) {
      for (std::size_t c : chosen) base[c] = 1;
      fitted = fit_with_decay(d, base);
    }
  }

  Scaled scaled = scale_to_points(d, fitted);
  for (std::size_t c : chosen) {
    if (std::fabs(scaled.points[c]) < 2) scaled.points[c] = 0;  // too small to be worth a rule of its own
  }
  Bounds bounds = choose_bounds(d, scaled.points, fitted.groups);

  for (std::size_t c : fitted.sign_dropped) {
    r.notes.push_back(fmt::format("rule '{}' (line {}): the outcomes disagree with its sign; it is set to 0 points",
                                  program.rules[c].label, line_of(session, program.rules[c].span)));
  }
  for (std::size_t g = 0; g < g_count; ++g) {
    if (g < model.groups.size() && model.groups[g].decay) {
      r.decay += fmt::format("{}group '{}': {} -> {}", r.decay.empty() ? "" : "; ", model.groups[g].name,
                             decay_words(d.groups[g].decay), decay_words(fitted.groups[g].decay));
    }
  }

  // The numbers, except thresholds (they need the tuned model's scores).
  std::vector<NumberSlot> slots = number_slots(model, text);
  std::vector<NumberEdit> edits;
  auto edit = [&](const NumberSlot& s, double value) {
    if (value == s.value) return;
    edits.push_back({s, value});
    r.changes.push_back({s.role, slot_words(s, model), line_of(session, s.span), s.value, value});
  };
  for (const auto& s : slots) {
    auto u = static_cast<std::size_t>(s.index);
    switch (s.role) {
      case NumberRole::RulePoints: edit(s, scaled.points[u]); break;
      case NumberRole::RuleUpTo:
        if (d.columns[u].up_to_units) edit(s, std::round(std::fabs(scaled.points[u]) * *d.columns[u].up_to_units));
        break;
      case NumberRole::GroupMin:
        if (bounds.groups[u].min) edit(s, *bounds.groups[u].min);
        break;
      case NumberRole::GroupMax:
        if (bounds.groups[u].max) edit(s, *bounds.groups[u].max);
        break;
      case NumberRole::DecayPercent:
        if (fitted.groups[u].decay) edit(s, fitted.groups[u].decay->percent);
        break;
      case NumberRole::DecayDays:
        if (fitted.groups[u].decay) edit(s, fitted.groups[u].decay->every_days);
        break;
      case NumberRole::ScoreMin:
        if (bounds.score_min) edit(s, *bounds.score_min);
        break;
      case NumberRole::ScoreMax:
        if (bounds.score_max) edit(s, *bounds.score_max);
        break;
      case NumberRole::QualifyAt:
      case NumberRole::TierAt: break;
    }
  }

  // Suggested rules, with their evidence, at the end of their group (or after the last group).
  std::vector<TextInsertion> insertions;
  for (std::size_t c : chosen) {
    double pts = scaled.points[c];
    if (pts == 0) continue;
    const Candidate& cand = cands[c - rule_count];
    const Evidence& e = evidence[c];
    InsertPoint ip = insert_point(model, text, cand.group);
    std::string rule = fmt::format("when {} {} {}", cand.condition, pts > 0 ? "add" : "subtract",
                                   format_number(std::fabs(pts)));
    std::string comment = fmt::format("# suggested by leadscore tune: {} of {} training leads, {} converted (lift {:.2f})",
                                      thousands(e.leads), thousands(r.training), percent(e.rate), e.lift);
    insertions.push_back({ip.at, fmt::format("{}{}\n{}{}\n", ip.indent, comment, ip.indent, rule)});
    TuneSuggestion sug{rule, cand.group >= 0 ? model.groups[static_cast<std::size_t>(cand.group)].name : "",
                       e.leads, e.converted, e.rate, e.lift};
    r.suggestions.push_back(sug);
  }

  // Pass 3: the tuned model (thresholds still the old ones) scores every lead.
  std::string tuned = rewrite_model_text(text, edits, insertions);
  Session scratch;
  LoadedModel tuned_model = load_text_as(scratch, in.model_path, tuned);
  if (!tuned_model.program) {
    r.error = "internal error: the tuned model does not check:\n" + errors_of(scratch);
    return r;
  }
  review::CollectOptions topt;
  topt.as_of = opt.as_of;
  std::optional<review::LeadData> after = read_pass(in, *tuned_model.program, outcomes.table, topt, r, false);
  if (!after) return r;

  // Thresholds on the training part.
  std::vector<double> old_train, new_train;
  std::vector<std::uint8_t> train_rej, train_conv;
  std::uint64_t old_qualified = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (!training[i]) continue;
    old_train.push_back(data.score[i]);
    new_train.push_back(after->score[i]);
    train_rej.push_back(data.status[i] == RowStatus::Rejected);
    train_conv.push_back(data.converted[i]);
    old_qualified += data.qualified[i];
  }
  double old_share = static_cast<double>(old_qualified) / static_cast<double>(r.training);
  std::optional<double> new_qualify = program.qualify_at;
  std::optional<double> old_qualify = program.qualify_at;
  if (program.qualify_at) {
    switch (opt.target.kind) {
      case TuneTarget::Kind::KeepShare:
        new_qualify = threshold_for_share(new_train, train_rej, old_share);
        r.target = fmt::format("the share qualified on the training part kept at {}", percent(old_share));
        break;
      case TuneTarget::Kind::Qualified:
        new_qualify = threshold_for_share(new_train, train_rej, opt.target.value);
        r.target = fmt::format("{} of the training part qualified", percent(opt.target.value));
        break;
      case TuneTarget::Kind::Precision: {
        std::optional<double> t = threshold_for_precision(new_train, train_rej, train_conv, opt.target.value);
        r.target = fmt::format("precision {} on the training part", format_number(opt.target.value));
        if (t) {
          new_qualify = t;
        } else {
          r.target_reached = false;
          new_qualify = threshold_for_share(new_train, train_rej, old_share);
          r.notes.push_back(fmt::format("no threshold reaches precision {} on the training part; `qualify at` "
                                        "keeps the share qualified instead", format_number(opt.target.value)));
        }
        break;
      }
    }
  }
  std::vector<std::optional<double>> tier_at(model.tiers.size());
  for (std::size_t t = 0; t < model.tiers.size(); ++t) {
    const auto& tier = model.tiers[t];
    if (!tier.at) continue;
    if (old_qualify && *tier.at == *old_qualify && new_qualify) {
      tier_at[t] = new_qualify;  // a tier that meant "qualified" still does
    } else {
      tier_at[t] = threshold_for_share(new_train, train_rej, share_at(old_train, train_rej, *tier.at));
    }
  }
  // Tiers stay listed highest first.
  std::optional<double> above;
  for (std::size_t t = 0; t < tier_at.size(); ++t) {
    if (!tier_at[t]) continue;
    if (above && *tier_at[t] >= *above) tier_at[t] = *above - 1;
    above = tier_at[t];
  }
  for (const auto& s : slots) {
    if (s.role == NumberRole::QualifyAt && new_qualify) edit(s, *new_qualify);
    if (s.role == NumberRole::TierAt && tier_at[static_cast<std::size_t>(s.index)]) {
      edit(s, *tier_at[static_cast<std::size_t>(s.index)]);
    }
  }
  std::sort(r.changes.begin(), r.changes.end(), [](const TuneChange& a, const TuneChange& b) { return a.line < b.line; });

  r.tuned_text = rewrite_model_text(text, edits, insertions);
  Session final_session;
  LoadedModel final_model = load_text_as(final_session, in.model_path, r.tuned_text);
  if (!final_model.program) {
    r.error = "internal error: the tuned model does not check:\n" + errors_of(final_session);
    return r;
  }

  r.before_train = metrics_of(data, data.score, training, old_qualify);
  r.before_holdout = metrics_of(data, data.score, held_out, old_qualify);
  r.after_train = metrics_of(data, after->score, training, final_model.program->qualify_at);
  r.after_holdout = metrics_of(data, after->score, held_out, final_model.program->qualify_at);
  r.ok = true;
  return r;
}

}  // namespace leadscore
