// Turning a sample's column statistics into fields: names, types, placeholders, the key.
#include <algorithm>
#include <map>
#include <set>

#include "common/column_name.hpp"
#include "infer/read_sample.hpp"
#include "leadscore/infer.hpp"
#include "leadscore/keywords.hpp"

namespace leadscore {
namespace {

using infer::ColumnStats;

// An enum needs few members that repeat: more than this many distinct values reads as text.
constexpr std::size_t max_enum_members = 30;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool named_like_an_id(std::string_view name) {
  return name == "id" || name == "key" || name == "uuid" || ends_with(name, "_id") ||
         name.substr(0, 3) == "id_" || ends_with(name, "_uuid") || ends_with(name, "_key");
}

// The columns that keep every value's hash: the --key column, those named like an id, the first
// column and e-mail columns (the fallbacks when no column is named like an id).
bool may_be_key(const std::string& header, const std::string& key_option) {
  if (!key_option.empty()) return header == key_option || field_name_for_column(header) == key_option;
  const std::string name = field_name_for_column(header);
  return named_like_an_id(name) || name == "email" || name == "email_address";
}

std::vector<std::string> sorted_keys(const infer::CountMap& counts) {
  std::vector<std::string> keys;
  keys.reserve(counts.size());
  for (const auto& [k, n] : counts) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  return keys;
}

void choose_type(const ColumnStats& col, InferredField& f) {
  const std::uint32_t s = col.shapes();
  if (col.present() == 0) {
    f.type = InferredType::String;
  } else if (col.has_lists()) {
    const bool members_fit = col.lists_fit_members() && !col.members_capped();
    f.type = members_fit ? InferredType::Set : InferredType::StringSet;
    if (members_fit) f.members = sorted_keys(col.members());
  } else if (s & infer::shape_bool) {
    f.type = InferredType::Bool;
  } else if (s & infer::shape_int) {
    f.type = InferredType::Int;
  } else if (s & infer::shape_number) {
    f.type = InferredType::Number;
  } else if (s & infer::shape_date) {
    f.type = InferredType::Date;
  } else if (s & infer::shape_timestamp) {
    f.type = InferredType::Timestamp;
  } else if (s & (infer::shape_day_first | infer::shape_month_first)) {
    f.type = InferredType::Date;
    // Only when every day was 12 or less can both layouts read the column; month first then,
    // as US-made CRMs write it, and the comment says so.
    f.format = (s & infer::shape_month_first) ? "%m/%d/%Y" : "%d/%m/%Y";
  } else if ((s & infer::shape_member) && !col.values_capped() &&
             col.values().size() <= max_enum_members && col.present() >= 2 * col.values().size()) {
    f.type = InferredType::Enum;
    f.members = sorted_keys(col.values());
  } else {
    f.type = InferredType::String;
  }
}

// Names every column's field, unique and never a reserved word.
void name_fields(std::vector<InferredField>& fields) {
  std::set<std::string> used;
  for (InferredField& f : fields) {
    std::string base = field_name_for_column(f.column);
    if (base.empty()) base = "column_" + std::to_string(f.column_index + 1);
    if (base[0] >= '0' && base[0] <= '9') base = "f_" + base;
    if (is_reserved_word(base)) base += "_value";
    std::string name = base;
    for (int n = 2; used.count(name) != 0; ++n) name = base + "_" + std::to_string(n);
    used.insert(name);
    f.name = name;
  }
}

// Placeholder words seen in two or more columns are missing everywhere; others only in theirs.
void place_placeholders(const std::vector<ColumnStats>& columns, InferredSchema& schema) {
  std::map<std::string, int> columns_with;
  for (const InferredField& f : schema.fields)
    for (const auto& [word, n] : columns[f.column_index].placeholders()) ++columns_with[word];
  for (const auto& [word, n] : columns_with)
    if (n >= 2) schema.placeholders.push_back(word);
  for (InferredField& f : schema.fields)
    for (const std::string& word : sorted_keys(columns[f.column_index].placeholders()))
      if (columns_with[word] < 2) f.placeholders.push_back(word);
}

std::uint64_t placeholder_count(const ColumnStats& col) {
  std::uint64_t n = 0;
  for (const auto& [word, count] : col.placeholders()) n += count;
  return n;
}

// The key: --key, else the first unique, never-missing column named like an id, else the first
// unique, never-missing e-mail column.
std::string choose_key(const std::vector<ColumnStats>& columns, InferredSchema& schema,
                       const InferOptions& options) {
  auto usable = [&](const InferredField& f) {
    const ColumnStats& col = columns[f.column_index];
    return col.present() > 0 && col.missing() == 0 && placeholder_count(col) == 0 && col.unique() &&
           !col.has_lists();
  };
  InferredField* key = nullptr;
  if (!options.key.empty()) {
    for (InferredField& f : schema.fields)
      if (f.column == options.key || f.name == options.key) key = &f;
    if (key == nullptr) return "--key " + options.key + ": no column has that name";
  } else {
    for (InferredField& f : schema.fields)
      if (key == nullptr && named_like_an_id(f.name) && usable(f)) key = &f;
    for (InferredField& f : schema.fields)
      if (key == nullptr && (f.name == "email" || f.name == "email_address") && usable(f)) key = &f;
    if (key == nullptr)
      return "no column can be the key (unique, never missing, named like an id): pass --key COLUMN";
  }
  key->key = true;
  key->required = false;
  // A key is text: ids like 000123 keep their zeros, and it is only ever compared and printed.
  key->type = InferredType::String;
  key->members.clear();
  key->format.clear();
  return {};
}

}  // namespace

std::string field_name_for_column(std::string_view header) { return identifier_from_header(header); }

InferResult infer_schema(std::FILE* in, RecordFormat format, const InferOptions& options) {
  infer::Sample sample;
  switch (format) {
#define RECORD_FORMAT(id, spelling, title, extensions, first_byte, reader, writer, sampler)     \
  case RecordFormat::id:                                                                      \
    sample = infer::sampler(in, options.max_rows, may_be_key, options.key, options.delimiter); \
    break;
#include "leadscore/record_formats.def"
#undef RECORD_FORMAT
  }
  InferResult result;
  if (!sample.error.empty()) {
    result.error = "cannot read " + options.source_name + ": " + sample.error;
    result.unreadable = true;
    return result;
  }
  if (sample.columns.empty()) {
    result.error = options.source_name + " has no header row";
    return result;
  }
  InferredSchema schema;
  schema.name = options.schema_name.empty() ? "lead" : options.schema_name;
  schema.rows = sample.rows;
  schema.delimiter = sample.delimiter;
  for (std::size_t c = 0; c < sample.columns.size(); ++c) {
    const ColumnStats& col = sample.columns[c];
    if (col.header().empty()) {
      schema.unnamed_columns.push_back(c + 1);
      continue;
    }
    InferredField f;
    f.column = col.header();
    f.column_index = c;
    choose_type(col, f);
    f.present = col.present();
    f.missing = col.missing() + placeholder_count(col);
    f.required = f.missing == 0 && f.present > 0;
    f.distinct = col.values_capped() ? ColumnStats::max_distinct : col.values().size();
    f.distinct_capped = col.values_capped();
    f.examples = col.examples();
    schema.fields.push_back(std::move(f));
  }
  if (schema.fields.empty()) {
    result.error = options.source_name + ": no column has a name";
    return result;
  }
  name_fields(schema.fields);
  place_placeholders(sample.columns, schema);
  if (std::string problem = choose_key(sample.columns, schema, options); !problem.empty()) {
    result.error = options.source_name + ": " + problem;
    return result;
  }
  result.schema = std::move(schema);
  return result;
}

}  // namespace leadscore
