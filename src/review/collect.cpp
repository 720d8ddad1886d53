// One VM pass over the leads, keeping what the review commands need of each lead in flat arrays,
// joined with the outcome file by key.
#include <unordered_map>

#include <fmt/format.h>

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

  std::uint32_t of(const Record& rec, const FieldValue& v) {
    if (rec.is_error()) return intern("(error)");
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
      case FieldType::Date: return intern(format_date(v.date));
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

LeadData collect_leads(const Program& program, RecordReader& leads, const OutcomeTable* outcomes,
                       const CollectOptions& options) {
  LeadData data;
  data.group_count = program.groups.size();
  std::vector<std::uint8_t> matched(outcomes ? outcomes->size() : 0, 0);
  std::optional<ByValues> by;
  if (options.by_field >= 0)
    by.emplace(program.schema.fields[static_cast<std::size_t>(options.by_field)], data.by_names);

  Vm vm(program);
  Record rec;
  std::uint64_t count = 0;
  std::int64_t previous = -1;  // the outcome row of the last lead that had one
  while (leads.next(rec)) {
    const Outcome& out = vm.run(rec, options.as_of);
    const std::size_t i = data.status.size();
    const bool error = out.status == RowStatus::Error;
    data.status.push_back(out.status);
    data.score.push_back(error ? 0.0 : out.score);
    data.qualified.push_back(out.qualified ? 1 : 0);
    data.tier.push_back(out.tier);
    data.reject.push_back(out.reject);
    data.line.push_back(rec.line);
    if (options.keep_keys) {
      data.key_text += rec.key;
      data.key_begin.push_back(data.key_text.size());
    }

    std::int64_t o = -1;
    if (outcomes && !rec.key.empty()) o = outcomes->find_after(rec.key, previous);
    if (o >= 0) {
      matched[static_cast<std::size_t>(o)] = 1;
      previous = o;
    }
    data.outcome.push_back(o);
    const OutcomeRow* row = o >= 0 ? &outcomes->row(static_cast<std::size_t>(o)) : nullptr;
    data.converted.push_back(row && row->converted ? 1 : 0);
    data.deal_value.push_back(row && row->has_deal_value ? row->deal_value : 0.0);
    if (error)
      ++data.errors;
    else if (o < 0)
      ++data.without_outcome;

    if (!error) {
      data.fired_rule.insert(data.fired_rule.end(), out.fired.begin(), out.fired.end());
      if (options.keep_points) data.fired_points.insert(data.fired_points.end(), out.points.begin(), out.points.end());
    }
    if (options.keep_groups) {
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
    if (by) {
      data.by_value.push_back(by->of(rec, rec.values[static_cast<std::size_t>(options.by_field)]));
    }
    if (options.visit) options.visit(i, rec, out);
    ++count;
    if (options.progress && count % progress_every == 0) options.progress(count);
  }
  for (std::size_t o = 0; o < matched.size(); ++o) {
    if (matched[o]) continue;
    if (data.outcomes_without_lead++ == 0) data.first_outcome_without_lead = static_cast<std::int64_t>(o);
  }
  return data;
}

}  // namespace leadscore::review
