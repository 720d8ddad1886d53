// One VM pass over the leads, keeping what the review commands need of each lead in flat arrays,
// joined with the outcome file by key.
#include <unordered_map>

#include <fmt/format.h>

#include "io/parallel.hpp"
#include "leadscore/review.hpp"

namespace leadscore::review {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Distinct --by values, numbered in order of first appearance.
class ByValues {
 public:
  ByValues(const Field& field, std::vector<std::string>& names) : field_(field), names_(names) {
    if (field.type == FieldType::Enum) {
      for (const std::string& m : field.members) member_ids_.push_back(intern(m));
    } else if (field.type == FieldType::Bool) {
      true_id_ = intern("true");
      false_id_ = intern("false");
    }
  }

  std::uint32_t of(bool error_record, const FieldValue& v) {
    if (error_record) return intern("(error)");
    if (!v.present) return intern("(missing)");
    switch (field_.type) {
      case FieldType::Enum: return member_ids_[v.member];
      case FieldType::Bool: return v.b ? true_id_ : false_id_;
      case FieldType::String: return intern(v.str);
      case FieldType::Int:
        text_.clear();
        fmt::format_to(std::back_inserter(text_), "{}", v.i);
        return intern(text_);
      case FieldType::Number:
        text_.clear();
        append_number(text_, v.num);
        return intern(text_);
      case FieldType::Date:
      case FieldType::Timestamp: return intern(format_date(v.date));  // a timestamp by its UTC day
      case FieldType::Set:
      case FieldType::StringSet: break;  // refused by by_field_index
    }
    return intern("(missing)");
  }

 private:
  std::uint32_t intern(std::string_view text) {
    auto it = ids_.find(text);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(text);
    ids_.emplace(std::string(text), id);
    return id;
  }

  const Field& field_;
  std::vector<std::string>& names_;
  std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> ids_;
  std::vector<std::uint32_t> member_ids_;
  std::uint32_t true_id_ = 0, false_id_ = 0;
  std::string text_;
};

}  // namespace

int by_field_index(const Schema& schema, std::string_view name, std::string& error) {
  const int f = schema.find(name);
  auto usable = [](const Field& field) {
    return field.type != FieldType::Set && field.type != FieldType::StringSet;
  };
  if (f >= 0 && usable(schema.fields[static_cast<std::size_t>(f)])) return f;
  std::string fields;
  for (const Field& field : schema.fields) {
    if (!usable(field) || field.key) continue;
    if (!fields.empty()) fields += ", ";
    fields += field.name;
  }
  if (f < 0)
    error = fmt::format("--by: the schema has no field '{}' (fields: {})", name, fields);
  else
    error = fmt::format("--by: '{}' is a set, which has no single value per lead; use one of: {}",
                        name, fields);
  return -1;
}

namespace {

// What collect_leads keeps of one lead: from the VM's outcome and the few parts of the record it
// reads (the record itself is gone when a parallel run gets here).
struct LeadView {
  const Outcome* out;
  std::uint64_t line;
  std::string_view key;
  bool error;
  const FieldValue* by_value;  // the --by field's value, or null
};

class Collector {
 public:
  Collector(const Program& program, const OutcomeTable* outcomes, const CollectOptions& options, LeadData& data)
      : outcomes_(outcomes), options_(options), data_(data), matched_(outcomes ? outcomes->size() : 0, 0) {
    data.group_count = program.groups.size();
    if (options.by_field >= 0)
      by_.emplace(program.schema.fields[static_cast<std::size_t>(options.by_field)], data.by_names);
  }

  // Adds lead data_.size(); returns its index.
  std::size_t add(const LeadView& lead) {
    LeadData& data = data_;
    const Outcome& out = *lead.out;
    const std::size_t i = data.status.size();
    const bool error = out.status == RowStatus::Error;
    data.status.push_back(out.status);
    data.score.push_back(error ? 0.0 : out.score);
    data.qualified.push_back(out.qualified ? 1 : 0);
    data.tier.push_back(out.tier);
    data.reject.push_back(out.reject);
    data.line.push_back(lead.line);
    if (options_.keep_keys) {
      data.key_text += lead.key;
      data.key_begin.push_back(data.key_text.size());
    }

    std::int64_t o = -1;
    if (outcomes_ && !lead.key.empty()) o = outcomes_->find_after(lead.key, previous_);
    if (o >= 0) {
      matched_[static_cast<std::size_t>(o)] = 1;
      previous_ = o;
    }
    data.outcome.push_back(o);
    const OutcomeRow* row = o >= 0 ? &outcomes_->row(static_cast<std::size_t>(o)) : nullptr;
    data.converted.push_back(row && row->converted ? 1 : 0);
    data.deal_value.push_back(row && row->has_deal_value ? row->deal_value : 0.0);
    if (error)
      ++data.errors;
    else if (o < 0)
      ++data.without_outcome;

    if (!error) {
      data.fired_rule.insert(data.fired_rule.end(), out.fired.begin(), out.fired.end());
      if (options_.keep_points) data.fired_points.insert(data.fired_points.end(), out.points.begin(), out.points.end());
    }
    if (options_.keep_groups) {
      if (!error) {
        data.group_raw.insert(data.group_raw.end(), out.groups_raw.begin(), out.groups_raw.end());
        data.group_decayed.insert(data.group_decayed.end(), out.groups_decayed.begin(), out.groups_decayed.end());
        data.group_final.insert(data.group_final.end(), out.groups.begin(), out.groups.end());
      } else {
        data.group_raw.resize(data.group_raw.size() + data.group_count, 0.0);
        data.group_decayed.resize(data.group_decayed.size() + data.group_count, 0.0);
        data.group_final.resize(data.group_final.size() + data.group_count, 0.0);
      }
    }
    data.fired_begin.push_back(data.fired_rule.size());
    if (by_) data.by_value.push_back(by_->of(lead.error, *lead.by_value));
    ++count_;
    if (options_.progress && count_ % progress_every == 0) options_.progress(count_);
    return i;
  }

  void finish() {
    for (std::size_t o = 0; o < matched_.size(); ++o) {
      if (matched_[o]) continue;
      if (data_.outcomes_without_lead++ == 0) data_.first_outcome_without_lead = static_cast<std::int64_t>(o);
    }
  }

 private:
  const OutcomeTable* outcomes_;
  const CollectOptions& options_;
  LeadData& data_;
  std::vector<std::uint8_t> matched_;
  std::optional<ByValues> by_;
  std::uint64_t count_ = 0;
  std::int64_t previous_ = -1;  // the outcome row of the last lead that had one
};

// A parallel run: each chunk's leads scored on a worker thread and kept here (keys and --by texts
// copied, as the chunk reader reuses its buffers) until they are added in input order.
struct ChunkLeads {
  struct Lead {
    RowStatus status;
    bool qualified;
    std::int32_t tier, reject;
    double score;
    std::uint64_t line;
    std::size_t key_begin, key_end;
    std::size_t fired_begin, fired_end;  // also into points
    FieldValue by;                       // by.str: an offset pair into text
    std::size_t by_begin, by_end;
  };
  std::vector<Lead> leads;
  std::string text;
  std::vector<std::uint32_t> fired;
  std::vector<double> points;
  std::vector<double> groups;  // raw, decayed, final: 3 * group_count per lead
};

class ChunkCollector {
 public:
  ChunkCollector(const Program& program, const CollectOptions& options)
      : vm_(program, RegexCopies::Own), options_(options) {}

  void work(RecordReader& chunk, ChunkLeads& c) {
    c.leads.clear();
    c.text.clear();
    c.fired.clear();
    c.points.clear();
    c.groups.clear();
    while (chunk.next(rec_)) {
      const Outcome& out = vm_.run(rec_, options_.as_of);
      ChunkLeads::Lead l{};
      l.status = out.status;
      l.qualified = out.qualified;
      l.tier = out.tier;
      l.reject = out.reject;
      l.score = out.score;
      l.line = rec_.line;
      l.key_begin = c.text.size();
      c.text += rec_.key;
      l.key_end = c.text.size();
      l.fired_begin = c.fired.size();
      c.fired.insert(c.fired.end(), out.fired.begin(), out.fired.end());
      if (options_.keep_points) c.points.insert(c.points.end(), out.points.begin(), out.points.end());
      l.fired_end = c.fired.size();
      if (options_.keep_groups && out.status != RowStatus::Error) {
        c.groups.insert(c.groups.end(), out.groups_raw.begin(), out.groups_raw.end());
        c.groups.insert(c.groups.end(), out.groups_decayed.begin(), out.groups_decayed.end());
        c.groups.insert(c.groups.end(), out.groups.begin(), out.groups.end());
      }
      if (options_.by_field >= 0) {
        l.by = rec_.values[static_cast<std::size_t>(options_.by_field)];
        l.by_begin = c.text.size();
        c.text += l.by.str;
        l.by_end = c.text.size();
        l.by.str = {};
      }
      c.leads.push_back(l);
    }
  }

 private:
  Vm vm_;
  const CollectOptions& options_;
  Record rec_;
};

}  // namespace

LeadData collect_leads(const Program& program, RecordReader& leads, const OutcomeTable* outcomes,
                       const CollectOptions& options) {
  LeadData data;
  Collector collector(program, outcomes, options, data);
  // In parallel only when nothing needs the whole record (visit).
  bool serial_rest = true;
  if (options.threads.threads > 1 && !options.visit) {
    const std::size_t g = program.groups.size();
    const io::PipelineEnd end = io::run_chunk_pipeline<ChunkLeads>(
        leads, io::ParallelRun{options.threads.threads, options.threads.chunk_bytes},
        [&] { return std::make_unique<ChunkCollector>(program, options); },
        [&](ChunkLeads& c) {
          Outcome out;
          std::size_t groups_at = 0;
          for (ChunkLeads::Lead& l : c.leads) {
            out.status = l.status;
            out.score = l.score;
            out.qualified = l.qualified;
            out.tier = l.tier;
            out.reject = l.reject;
            const std::size_t fired_count = l.fired_end - l.fired_begin;
            out.fired = std::span<const std::uint32_t>(c.fired).subspan(l.fired_begin, fired_count);
            if (options.keep_points) out.points = std::span<const double>(c.points).subspan(l.fired_begin, fired_count);
            if (options.keep_groups && l.status != RowStatus::Error) {
              const std::span<const double> all(c.groups);
              out.groups_raw = all.subspan(groups_at, g);
              out.groups_decayed = all.subspan(groups_at + g, g);
              out.groups = all.subspan(groups_at + 2 * g, g);
              groups_at += 3 * g;
            }
            l.by.str = std::string_view(c.text).substr(l.by_begin, l.by_end - l.by_begin);
            const std::string_view key = std::string_view(c.text).substr(l.key_begin, l.key_end - l.key_begin);
            collector.add(LeadView{&out, l.line, key, l.status == RowStatus::Error, &l.by});
          }
          return true;
        });
    serial_rest = end != io::PipelineEnd::Done;
  }
  if (serial_rest) {
    Vm vm(program);
    Record rec;
    while (leads.next(rec)) {
      const Outcome& out = vm.run(rec, options.as_of);
      const FieldValue* by =
          options.by_field >= 0 ? &rec.values[static_cast<std::size_t>(options.by_field)] : nullptr;
      const std::size_t i = collector.add(LeadView{&out, rec.line, rec.key, rec.is_error(), by});
      if (options.visit) options.visit(i, rec, out);
    }
  }
  collector.finish();
  return data;
}

}  // namespace leadscore::review
