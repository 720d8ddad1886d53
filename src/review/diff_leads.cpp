// The leads' changes for `leadscore diff`: both models run over the same records, one pass, with
// counts, the tier matrix, the score-shift histogram and the leads that moved most. Memory does not
// grow with the input beyond the movers kept.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

#include "leadscore/diff.hpp"
#include "leadscore/vm.hpp"
#include "review/diff_backtest.hpp"

namespace leadscore {

namespace {

constexpr std::string_view rejected_tier = "(rejected)";
constexpr std::string_view no_tier = "(no tier)";

void fill(LeadResult& out, const Program& program, const Outcome& o) {
  out.status = o.status;
  out.score = o.score;
  out.qualified = o.qualified;
  if (o.status == RowStatus::Error) {
    out.tier = "(error)";
  } else if (o.status == RowStatus::Rejected) {
    out.tier = rejected_tier;
  } else if (o.tier >= 0) {
    out.tier = program.tiers[static_cast<std::size_t>(o.tier)].name;
  } else {
    out.tier = no_tier;
  }
}

void fill_fired(std::vector<std::string>& out, const Program& program, const Outcome& o) {
  out.clear();
  for (auto r : o.fired) out.push_back(program.rules[r].label);
}

// The histogram's bars, in the order of ShiftBucket's comment.
constexpr std::array<std::string_view, 9> bar_labels = {
    "-20 or more", "-10 to -20", "-5 to -10", "under -5", "unchanged",
    "under +5", "+5 to +10", "+10 to +20", "+20 or more"};

std::size_t bar_of(double s) {
  if (s == 0) return 4;
  if (s < 0) {
    if (s <= -20) return 0;
    if (s <= -10) return 1;
    if (s <= -5) return 2;
    return 3;
  }
  if (s >= 20) return 8;
  if (s >= 10) return 7;
  if (s >= 5) return 6;
  return 5;
}

// How far a lead moved, for choosing the movers: the size of the score shift, then whether its
// qualification flipped, then whether its tier or status changed; earlier input first on a tie.
struct Rank {
  double size = 0;
  int flips = 0;
  std::uint64_t index = 0;
};

bool moved_more(const Rank& a, const Rank& b) {
  if (a.size != b.size) return a.size > b.size;
  if (a.flips != b.flips) return a.flips > b.flips;
  return a.index < b.index;
}

struct Candidate {
  Rank rank;
  LeadMove move;
};

struct WorstOnTop {
  bool operator()(const Candidate& a, const Candidate& b) const { return moved_more(a.rank, b.rank); }
};

// Matrix axes: the model's tiers in order, then the pseudo-tiers that occur.
std::vector<std::string> axis(const Program& program, const std::map<std::string, std::uint64_t>& seen) {
  std::vector<std::string> out;
  for (const auto& t : program.tiers) out.push_back(t.name);
  for (std::string_view pseudo : {rejected_tier, no_tier}) {
    if (seen.count(std::string(pseudo))) out.emplace_back(pseudo);
  }
  return out;
}

}  // namespace

LeadDiff diff_leads(const Program& old_program, const Program& new_program, RecordReader& old_reader,
                    RecordReader* new_reader, const LeadDiffOptions& options) {
  LeadDiff d;
  std::optional<review::DiffBacktester> backtests;
  if (options.outcomes) backtests.emplace(*options.outcomes);
  Vm old_vm(old_program), new_vm(new_program);
  Record old_record, new_record;
  LeadResult before, after;
  std::map<std::pair<std::string, std::string>, std::uint64_t> cells;
  std::map<std::string, std::uint64_t> old_seen, new_seen;
  std::array<std::uint64_t, bar_labels.size()> bars{};
  // The movers kept so far: all of them with options.top == 0, else a heap with the one that moved
  // least on top, so that a lead that moved more replaces it.
  std::vector<Candidate> kept;
  double shift_sum = 0;

  for (std::uint64_t index = 0;; ++index) {
    if (!old_reader.next(old_record)) {
      if (new_reader && new_reader->next(new_record)) {
        d.read_error = "the input gave the two models different numbers of records";
      }
      break;
    }
    const Record* record_for_new = &old_record;
    if (new_reader) {
      if (!new_reader->next(new_record)) {
        d.read_error = "the input gave the two models different numbers of records";
        break;
      }
      record_for_new = &new_record;
    }
    ++d.records;
    const Outcome& o = old_vm.run(old_record, options.as_of);
    const Outcome& n = new_vm.run(*record_for_new, options.as_of);
    if (o.status == RowStatus::Error || n.status == RowStatus::Error) {
      ++d.errors;
      continue;
    }
    ++d.leads;
    fill(before, old_program, o);
    fill(after, new_program, n);
    std::string_view key = record_for_new->key.empty() ? old_record.key : record_for_new->key;
    if (backtests) backtests->add(key, before, after);

    double shift = after.score - before.score;
    bool qualification = before.qualified != after.qualified;
    bool tier = before.tier != after.tier;
    bool status = before.status != after.status;
    ++cells[{before.tier, after.tier}];
    ++old_seen[before.tier];
    ++new_seen[after.tier];
    ++bars[bar_of(shift)];
    shift_sum += shift;
    if (d.leads == 1) {
      d.min_shift = d.max_shift = shift;
    } else {
      d.min_shift = std::min(d.min_shift, shift);
      d.max_shift = std::max(d.max_shift, shift);
    }
    if (shift != 0) {
      ++d.score_changed;
      ++(shift > 0 ? d.up : d.down);
    }
    if (qualification) ++(after.qualified ? d.newly_qualified : d.no_longer_qualified);
    if (tier) ++d.tier_changed;
    if (status && after.status == RowStatus::Rejected) ++d.newly_rejected;
    if (status && before.status == RowStatus::Rejected) ++d.no_longer_rejected;
    if (shift == 0 && !qualification && !tier && !status) continue;
    ++d.moved;

    Rank rank{shift < 0 ? -shift : shift, (qualification ? 2 : 0) + (tier || status ? 1 : 0), index};
    bool keep = options.top == 0 || kept.size() < options.top || moved_more(rank, kept.front().rank);
    if (!keep) continue;
    Candidate c{rank, LeadMove{std::string(key), old_record.line, before, after}};
    fill_fired(c.move.before.fired, old_program, o);
    fill_fired(c.move.after.fired, new_program, n);
    kept.push_back(std::move(c));
    if (options.top == 0) continue;
    std::push_heap(kept.begin(), kept.end(), WorstOnTop{});
    if (kept.size() > options.top) {
      std::pop_heap(kept.begin(), kept.end(), WorstOnTop{});
      kept.pop_back();
    }
  }
  if (d.read_error.empty()) d.read_error = old_reader.read_error();
  if (d.read_error.empty() && new_reader) d.read_error = new_reader->read_error();

  if (backtests) backtests->finish(d);
  if (d.leads > 0) d.mean_shift = shift_sum / static_cast<double>(d.leads);
  for (std::size_t b = 0; b < bar_labels.size(); ++b) d.shift.push_back(ShiftBucket{std::string(bar_labels[b]), bars[b]});

  d.old_tiers = axis(old_program, old_seen);
  d.new_tiers = axis(new_program, new_seen);
  d.matrix.assign(d.old_tiers.size(), std::vector<std::uint64_t>(d.new_tiers.size(), 0));
  for (std::size_t r = 0; r < d.old_tiers.size(); ++r) {
    for (std::size_t c = 0; c < d.new_tiers.size(); ++c) {
      auto it = cells.find({d.old_tiers[r], d.new_tiers[c]});
      if (it == cells.end()) continue;
      d.matrix[r][c] = it->second;
      d.tier_moves.push_back(TierMove{d.old_tiers[r], d.new_tiers[c], it->second});
    }
  }

  std::sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return moved_more(a.rank, b.rank); });
  for (auto& c : kept) d.top.push_back(std::move(c.move));
  return d;
}

}  // namespace leadscore
