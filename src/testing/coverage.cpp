// Coverage: which rules and reject clauses some test fired. Keyed by where each was written (file
// and byte range), not by program index: a model's rules reach the tests of its own file and of
// every `_test.score` file that imports it, each through a different program.
#include <algorithm>
#include <filesystem>

#include "leadscore/testing.hpp"

namespace leadscore {

namespace {

// The same file reached as `models/b2b.score` and `tests/../models/b2b.score` is one file.
std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

}  // namespace

double ModelCoverage::percent() const {
  if (items.empty()) return 100;
  return 100.0 * static_cast<double>(fired) / static_cast<double>(items.size());
}

std::size_t CoverageTracker::find_or_add(const Span& span, const SourceManager& sources,
                                         const std::string& label, bool reject) {
  std::string path = span.file != 0 ? normal_path(sources.file(span.file).path()) : std::string();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.begin == span.begin && e.end == span.end && e.item.reject == reject && e.path == path) return i;
  }
  Entry e;
  e.path = path;
  e.begin = span.begin;
  e.end = span.end;
  e.item.source.path = path;
  if (span.file != 0) e.item.source.line = sources.file(span.file).line_col(span.begin).line;
  e.item.label = label;
  e.item.reject = reject;
  entries_.push_back(std::move(e));
  return entries_.size() - 1;
}

void CoverageTracker::add_program(const Program& program, const SourceManager& sources) {
  for (const auto& r : program.rules) find_or_add(r.span, sources, r.label, false);
  for (const auto& r : program.rejects) find_or_add(r.span, sources, r.reason, true);
}

void CoverageTracker::record(const Program& program, const SourceManager& sources, const Explanation& e) {
  for (std::size_t i = 0; i < e.rules.size() && i < program.rules.size(); ++i) {
    if (!e.rules[i].fired) continue;
    const RuleInfo& r = program.rules[i];
    entries_[find_or_add(r.span, sources, r.label, false)].item.fired = true;
  }
  for (std::size_t i = 0; i < e.rejects.size() && i < program.rejects.size(); ++i) {
    if (!e.rejects[i].held) continue;
    const RejectInfo& r = program.rejects[i];
    entries_[find_or_add(r.span, sources, r.reason, true)].item.fired = true;
  }
}

std::vector<ModelCoverage> CoverageTracker::report() const {
  std::vector<ModelCoverage> out;
  for (const Entry& e : entries_) {
    ModelCoverage* m = nullptr;
    for (auto& c : out) {
      if (c.path == e.path) m = &c;
    }
    if (!m) {
      out.push_back(ModelCoverage{e.path, {}, 0});
      m = &out.back();
    }
    m->items.push_back(e.item);
    m->fired += e.item.fired ? 1 : 0;
  }
  // Source order within a file: by line, rules before rejects on the same line as written.
  for (auto& c : out) {
    std::stable_sort(c.items.begin(), c.items.end(),
                     [](const CoverageItem& a, const CoverageItem& b) { return a.source.line < b.source.line; });
  }
  return out;
}

}  // namespace leadscore
