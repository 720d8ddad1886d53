// The outcome file: what became of each lead. It is read with the lead readers over a small schema
// of its own (key, converted, closed_at, deal_value), so its cells follow exactly the rules of a
// lead file; this file adds what is particular to outcomes: rows by key, duplicates, and which
// problems stop the run (see include/leadscore/review.hpp).
#include <charconv>
#include <functional>

#include <fmt/format.h>

#include "io/record_errors.hpp"
#include "leadscore/review.hpp"

namespace leadscore::review {
namespace {

constexpr std::string_view converted_name = "converted";
constexpr std::string_view closed_at_name = "closed_at";
constexpr std::string_view deal_value_name = "deal_value";

// The reader warns about a schema field with no column; for the optional outcome columns that is
// the normal case, not news.
bool is_absent_optional_column(std::string_view warning) {
  for (const std::string_view field : {closed_at_name, deal_value_name}) {
    const std::string tail = fmt::format("no column for field '{}'; it is missing in every record", field);
    if (warning.size() >= tail.size() && warning.substr(warning.size() - tail.size()) == tail)
      return true;
  }
  return false;
}

std::string outcome_columns(std::string_view key) {
  return fmt::format("'{}', '{}' and optionally '{}', '{}'", key, converted_name, closed_at_name, deal_value_name);
}

// The lead readers word a missing column for a lead file ("required by the schema"); an outcome
// file's columns are fixed, so say which they are. A message of another shape is passed on as it is.
std::string outcome_wording(std::string message, std::string_view key) {
  const std::string columns = outcome_columns(key);
  const std::pair<std::string_view, std::string> rewrites[] = {
      {"(required by the schema)", fmt::format("(an outcome file has {})", columns)},
      {"(the key of the schema)", fmt::format("(the leads' key; an outcome file has {})", columns)},
  };
  for (const auto& [from, to] : rewrites) {
    const std::size_t at = message.rfind(from);
    if (at != std::string::npos) return message.replace(at, from.size(), to);
  }
  return message;
}

}  // namespace

// ---- OutcomeTable ------------------------------------------------------------------------------

std::string OutcomeTable::normal_key(std::string_view key) const {
  if (int_keys_) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), v);
    if (ec == std::errc() && end == key.data() + key.size()) return fmt::format("{}", v);
  }
  return std::string(key);
}

std::uint64_t OutcomeTable::hash(std::string_view key) const {
  return std::hash<std::string_view>{}(key);
}

void OutcomeTable::grow() {
  std::size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  slots_.assign(capacity, Slot{});
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const std::uint64_t h = hash(key(i));
    std::size_t s = h & mask;
    while (slots_[s].row != 0) s = (s + 1) & mask;
    slots_[s] = Slot{static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(h >> 32)};
  }
}

std::int64_t OutcomeTable::find(std::string_view raw_key) const {
  if (slots_.empty()) return -1;
  std::string normal;
  std::string_view k = raw_key;
  if (int_keys_) {
    normal = normal_key(raw_key);
    k = normal;
  }
  const std::uint64_t h = hash(k);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = h & mask; slots_[s].row != 0; s = (s + 1) & mask) {
    if (slots_[s].hash != tag) continue;
    const std::size_t i = slots_[s].row - 1;
    if (key(i) == k) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::int64_t OutcomeTable::add(std::string_view raw_key, const OutcomeRow& row) {
  const std::int64_t existing = find(raw_key);
  if (existing >= 0) return existing;
  if ((rows_.size() + 1) * 2 > slots_.size()) grow();
  if (int_keys_)
    key_text_ += normal_key(raw_key);
  else
    key_text_ += raw_key;
  key_begin_.push_back(key_text_.size());
  rows_.push_back(row);
  const std::size_t i = rows_.size() - 1;
  const std::uint64_t h = hash(key(i));
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = h & mask;
  while (slots_[s].row != 0) s = (s + 1) & mask;
  slots_[s] = Slot{static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(h >> 32)};
  return -1;
}

// ---- Reading -----------------------------------------------------------------------------------

Schema outcome_schema(const Schema& leads) {
  Schema s;
  s.name = "outcome";
  Field key = leads.fields[static_cast<std::size_t>(leads.key_index)];
  key.key = true;
  key.required = true;
  s.fields.push_back(key);
  Field converted;
  converted.name = converted_name;
  converted.type = FieldType::Bool;
  converted.required = true;
  s.fields.push_back(converted);
  Field closed_at;
  closed_at.name = closed_at_name;
  closed_at.type = FieldType::Date;
  s.fields.push_back(closed_at);
  Field deal_value;
  deal_value.name = deal_value_name;
  deal_value.type = FieldType::Number;
  s.fields.push_back(deal_value);
  s.key_index = 0;
  return s;
}

OutcomeReadResult read_outcomes(std::FILE* in, std::string_view name, RecordFormat format,
                                const Schema& leads) {
  OutcomeReadResult result;
  const Schema schema = outcome_schema(leads);
  result.table.set_int_keys(schema.fields[0].type == FieldType::Int);
  ReaderOpenResult opened = open_record_reader(in, name, format, schema);
  const std::string_view key = schema.fields[0].name;
  // An outcome file has a few columns, so each one ignored gets its own line.
  for (const std::string& column : opened.ignored_columns) {
    std::string quoted;
    io::append_quoted_value(quoted, column);
    result.warnings.push_back(fmt::format("{}: column {} is not an outcome column ({}); ignored", name, quoted,
                                          outcome_columns(key)));
  }
  for (std::string& w : opened.warnings)
    if (!is_absent_optional_column(w)) result.warnings.push_back(outcome_wording(std::move(w), key));
  if (!opened.reader) {
    result.errors.push_back(outcome_wording(std::move(opened.error), key));
    result.error_count = 1;
    return result;
  }
  auto report = [&result](std::string message) {
    ++result.error_count;
    if (result.errors.size() < OutcomeReadResult::max_listed) result.errors.push_back(std::move(message));
  };
  Record rec;
  while (opened.reader->next(rec)) {
    if (rec.is_error()) {
      report(fmt::format("{}: {}", name, rec.error));
      continue;
    }
    OutcomeRow row;
    row.line = rec.line;
    row.converted = rec.values[1].b;
    row.has_closed_at = rec.values[2].present;
    row.closed_at = rec.values[2].date;
    row.has_deal_value = rec.values[3].present;
    row.deal_value = rec.values[3].num;
    const std::int64_t first = result.table.add(rec.key, row);
    if (first >= 0) {
      std::string shown;
      io::append_quoted_value(shown, rec.key);
      report(fmt::format("{}: line {}: key {} is listed twice (first at line {}); a lead has one outcome",
                         name, rec.line, shown, result.table.row(static_cast<std::size_t>(first)).line));
    }
  }
  if (!opened.reader->read_error().empty()) report(opened.reader->read_error());
  return result;
}

}  // namespace leadscore::review
