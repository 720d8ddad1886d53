// JSON lines: each line is parsed in place in the input window by simdjson's DOM parser (the window
// keeps SIMDJSON_PADDING bytes after its end). Keys are mapped to fields as they come; the values
// are then checked in schema order, so that the first bad field is the one named.
#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/byte_source.hpp"
#include "io/readers.hpp"
#include "io/record_errors.hpp"
#include "io/value_parse.hpp"
#include "leadscore/io.hpp"

namespace leadscore::io {
namespace {

static_assert(ByteSource::padding >= simdjson::SIMDJSON_PADDING);

namespace dom = simdjson::dom;

bool is_blank(std::string_view s) {
  for (const char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

class JsonlReader final : public BufferedReader {
 public:
  JsonlReader(std::FILE* in, std::string_view name, const Schema& schema)
      : BufferedReader(in, name),
        schema_(schema),
        slots_(schema.fields.size()),
        seen_(schema.fields.size()) {
    for (std::size_t f = 0; f < schema_.fields.size(); ++f)
      field_by_name_.emplace(schema_.fields[f].name, static_cast<int>(f));
    key_scratch_.reserve(32);
    // The parser sizes itself (and reallocates) to each longer line it meets; lines of one file
    // differ by a few bytes, so size it once for lines up to 64 KiB by parsing a blank-padded {}.
    // A failure here only means that parse() allocates later, as it would anyway.
    simdjson::padded_string warm(std::size_t{1} << 16);
    std::memset(warm.data(), ' ', warm.size());
    warm.data()[0] = '{';
    warm.data()[1] = '}';
    const simdjson::error_code ignored = parser_.parse(warm).error();
    static_cast<void>(ignored);
    src_.skip_bom();
  }

  bool next(Record& rec) override;

 private:
  int field_index(std::string_view key, std::size_t position);
  // Reads on past the end of a line longer than ByteSource::max_record without keeping it.
  void skip_long_line();
  void fill(Record& rec, const char* text, std::size_t length);
  void read_key(Record& rec, dom::element v);
  bool read_value(const Field& f, dom::element v, FieldValue& out, Record& rec);

  Schema schema_;  // a copy: field_by_name_ views its names
  std::unordered_map<std::string_view, int> field_by_name_;
  // Lines from one export usually list their keys in the same order: remember the field at each
  // position and try it before hashing.
  std::vector<int> field_at_position_;
  std::vector<dom::element> slots_;  // per field: its value on this line, when seen_
  std::vector<char> seen_;
  dom::parser parser_;
  std::string key_scratch_;  // the key's text when the key is a JSON number
  std::uint64_t next_line_ = 1;
};

int JsonlReader::field_index(std::string_view key, std::size_t position) {
  if (position < field_at_position_.size()) {
    const int guess = field_at_position_[position];
    if (guess >= 0 && schema_.fields[guess].name == key) return guess;
  } else {
    field_at_position_.resize(position + 1, -1);
  }
  const auto it = field_by_name_.find(key);
  const int f = it == field_by_name_.end() ? -1 : it->second;
  field_at_position_[position] = f;
  return f;
}

bool JsonlReader::next(Record& rec) {
  for (;;) {
    if (src_.size() == 0 && !src_.refill()) return false;
    const char* p = src_.data();
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', src_.size()));
    if (nl == nullptr && !src_.at_eof() && src_.size() >= ByteSource::max_record) {
      rec.reset(schema_.fields.size());
      rec.line = next_line_++;
      skip_long_line();
      report_line_too_long(rec, ByteSource::max_record);
      return true;
    }
    if (nl == nullptr && !src_.at_eof()) {
      src_.refill();  // the line goes on past the window; when nothing more comes, at_eof() is set
      continue;
    }
    const std::size_t length = nl != nullptr ? static_cast<std::size_t>(nl - p) : src_.size();
    const std::uint64_t line = next_line_++;
    // Consuming leaves the bytes in place until the next refill, which only the next call does.
    src_.consume(nl != nullptr ? length + 1 : length);
    if (is_blank(std::string_view(p, length))) continue;
    rec.reset(schema_.fields.size());
    rec.line = line;
    fill(rec, p, length);
    return true;
  }
}

void JsonlReader::skip_long_line() {
  src_.consume(src_.size());
  while (src_.refill()) {
    const auto* nl = static_cast<const char*>(std::memchr(src_.data(), '\n', src_.size()));
    if (nl != nullptr) {
      src_.consume(static_cast<std::size_t>(nl - src_.data()) + 1);
      return;
    }
    src_.consume(src_.size());
  }
}

void JsonlReader::fill(Record& rec, const char* text, std::size_t length) {
  dom::element root;
  // The bytes after the line (the next lines, or the window's padding) are readable: no copy.
  if (const auto err = parser_.parse(text, length, false).get(root)) {
    // simdjson's own texts are long and technical; name the two causes a user can act on.
    report_not_json(rec, err == simdjson::UTF8_ERROR     ? "the text is not valid UTF-8"
                         : err == simdjson::NUMBER_ERROR ? "a number is malformed or out of range"
                                                         : "");
    return;
  }
  dom::object obj;
  if (root.get(obj)) {
    report_not_object(rec);
    return;
  }
  std::fill(seen_.begin(), seen_.end(), 0);
  int duplicate = -1;
  std::size_t position = 0;
  for (const dom::key_value_pair kv : obj) {
    const int f = field_index(kv.key, position++);
    if (f < 0) continue;  // keys outside the schema are ignored: they vary from line to line
    if (seen_[f] && duplicate < 0) duplicate = f;
    slots_[f] = kv.value;
    seen_[f] = 1;
  }
  if (schema_.key_index >= 0 && seen_[schema_.key_index]) read_key(rec, slots_[schema_.key_index]);
  if (duplicate >= 0) {
    report_duplicate_key(rec, schema_.fields[duplicate].name);
    return;
  }
  for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
    const Field& field = schema_.fields[f];
    if (!seen_[f] || slots_[f].is_null()) {
      if (field.required || field.key) {
        report_missing(rec, field);
        return;
      }
      continue;
    }
    if (!read_value(field, slots_[f], rec.values[f], rec)) return;
  }
}

void JsonlReader::read_key(Record& rec, dom::element v) {
  std::string_view s;
  std::int64_t i = 0;
  double d = 0;
  bool b = false;
  if (!v.get(s)) {
    rec.key = s;
  } else if (!v.get(i)) {
    key_scratch_.clear();
    fmt::format_to(std::back_inserter(key_scratch_), "{}", i);
    rec.key = key_scratch_;
  } else if (!v.get(d)) {
    key_scratch_.clear();
    append_number(key_scratch_, d);
    rec.key = key_scratch_;
  } else if (!v.get(b)) {
    rec.key = b ? "true" : "false";
  }
}

bool JsonlReader::read_value(const Field& f, dom::element v, FieldValue& out, Record& rec) {
  out.present = true;
  std::string_view s;
  switch (f.type) {
    case FieldType::String:
      if (v.get(s)) break;
      out.str = s;
      return true;
    case FieldType::Date:
      if (v.get(s)) break;
      if (const auto d = parse_date_or_datetime(s)) {
        out.date = *d;
        out.str = s;
        return true;
      }
      report_not_date(rec, f, s);
      return false;
    case FieldType::Enum: {
      if (v.get(s)) break;
      const int k = f.member_index(s);
      if (k < 0) {
        report_not_member(rec, f, s);
        return false;
      }
      out.member = static_cast<std::uint32_t>(k);
      out.str = s;
      return true;
    }
    case FieldType::Int: {
      if (v.get(out.i) == simdjson::SUCCESS) {
        out.num = static_cast<double>(out.i);
        return true;
      }
      if (v.is_uint64()) {  // above INT64_MAX
        report_json_int_range(rec, f, simdjson::to_string(v));
        return false;
      }
      double d = 0;
      if (v.get(d)) break;
      // 12.0 and 1e3 are whole numbers written as JSON numbers; 12.5 is not an int. The bounds
      // are -2^63 and 2^63, both exact doubles.
      if (d != std::floor(d)) {
        report_json_not_int(rec, f, simdjson::to_string(v));
        return false;
      }
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
        report_json_int_range(rec, f, simdjson::to_string(v));
        return false;
      }
      out.i = static_cast<std::int64_t>(d);
      out.num = static_cast<double>(out.i);
      return true;
    }
    case FieldType::Number:
      if (v.get(out.num)) break;  // simdjson converts int64 and uint64 to double here
      return true;
    case FieldType::Bool:
      if (v.get(out.b)) break;
      return true;
    case FieldType::Set:
    case FieldType::StringSet: {
      dom::array arr;
      if (v.get(arr)) break;
      out.items_begin = static_cast<std::uint32_t>(rec.items.size());
      for (const dom::element m : arr)
        if (!m.is_string()) {
          report_json_type(rec, f, "an array of strings", simdjson::to_string(v));
          return false;
        }
      for (const dom::element m : arr) {
        const std::string_view member = m.get_string().value_unsafe();
        if (member.empty()) {
          report_empty_member(rec, f, simdjson::to_string(v));
          return false;
        }
        if (!add_set_member(f, member, out, rec)) return false;
      }
      return true;
    }
  }
  std::string_view expected;
  switch (f.type) {
    case FieldType::String:
    case FieldType::Date:
    case FieldType::Enum:
      expected = "a string";
      break;
    case FieldType::Int:
    case FieldType::Number:
      expected = "a number";
      break;
    case FieldType::Bool:
      expected = "true or false";
      break;
    case FieldType::Set:
    case FieldType::StringSet:
      expected = "an array of strings";
      break;
  }
  report_json_type(rec, f, expected, simdjson::to_string(v));
  return false;
}

}  // namespace

ReaderOpenResult open_jsonl_reader(std::FILE* in, std::string_view name, const Schema& schema) {
  ReaderOpenResult result;
  result.reader = std::make_unique<JsonlReader>(in, name, schema);
  return result;
}

}  // namespace leadscore::io
