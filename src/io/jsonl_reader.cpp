// JSON lines: each line is parsed in place in the input window by simdjson's DOM parser (the window
// keeps SIMDJSON_PADDING bytes after its end). Keys are mapped to fields as they come; the values
// are then checked in schema order, so that the first bad field is the one named.
//
// A line simdjson refuses takes a slower path, so that one value never costs the whole record:
// json_scan checks the syntax itself, then only the schema's members go to simdjson, in a copy of
// the object; a member simdjson cannot hold (a number past 64 bits or the double range, text that is
// not UTF-8, a deep array) is replaced there by null and remembered as an Override, which becomes
// that field's error (or, for a huge integer in a number field, its value). Keys outside the schema
// do not matter at all. A line that really is not JSON still gets its key when it can be found.
#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/byte_source.hpp"
#include "io/json_scan.hpp"
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

// A schema member that could not go to simdjson as written.
enum class OverrideKind : unsigned char { None, BigNumber, NotUtf8, WrongType };
struct Override {
  OverrideKind kind = OverrideKind::None;
  std::string_view raw;  // the value as written, in the line
};

std::string_view expected_json(FieldType t) {
  switch (t) {
    case FieldType::String:
    case FieldType::Date:
    case FieldType::Timestamp:
    case FieldType::Enum:
      return "a string";
    case FieldType::Int:
    case FieldType::Number:
      return "a number";
    case FieldType::Bool:
      return "true or false";
    case FieldType::Set:
    case FieldType::StringSet:
      return "an array of strings";
  }
  return "a value";
}

class JsonlReader final : public BufferedReader {
 public:
  // A null `in` makes a chunk reader.
  JsonlReader(std::FILE* in, std::string_view name, const Schema& schema)
      : BufferedReader(in, name),
        schema_(schema),
        slots_(schema.fields.size()),
        seen_(schema.fields.size()),
        overrides_(schema.fields.size()) {
    for (std::size_t f = 0; f < schema_.fields.size(); ++f)  // keys are columns: `from "..."`
      field_by_name_.emplace(schema_.fields[f].column_name(), static_cast<int>(f));
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
    if (in != nullptr) src_.skip_bom();
  }
  std::unique_ptr<RecordReader> chunk_reader() const override {
    return std::make_unique<JsonlReader>(nullptr, name_, schema_);
  }

  bool next(Record& rec) override;

 protected:
  // Line ends are LF once the first line said so; CR-only files are read serially.
  int can_cut() override {
    if (cr_line_ends_ == 0) return 1;
    if (cr_line_ends_ == 1) return -1;
    const char* p = src_.data();
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', src_.size()));
    const char* const limit = nl != nullptr ? nl : p + src_.size();
    const auto* cr = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(limit - p)));
    // As next() decides it.
    if (cr != nullptr && cr + 1 != nl && (cr + 1 < p + src_.size() || src_.at_eof())) return -1;
    if (nl != nullptr) {
      cr_line_ends_ = 0;
      return 1;
    }
    return src_.at_eof() ? 1 : 0;
  }
  const char* last_record_end(const char* p, const char* end) const override {
    const auto* nl = static_cast<const char*>(memrchr(p, '\n', static_cast<std::size_t>(end - p)));
    return nl != nullptr ? nl + 1 : nullptr;
  }
  void chunk_started() override { cr_line_ends_ = 0; }

 private:
  int field_index(std::string_view key, std::size_t position);
  // Reads on past the end of a line longer than ByteSource::max_record without keeping it.
  void skip_long_line();
  void fill(Record& rec, const char* text, std::size_t length);
  // The slow path for a line simdjson refused (see the top of the file).
  void fill_slow(Record& rec);
  // Appends the member for field `f` to sanitized_, or null and an Override.
  void add_sanitized_member(std::size_t f, std::string_view key, JsonKind kind,
                            std::string_view value, bool utf8_ok, bool strings_only);
  // A member for the key found after a syntax error, when it is there exactly once.
  void find_key_after_error();
  bool number_is_holdable(std::string_view token);
  void read_members(Record& rec, dom::object obj, bool key_only);
  void read_key(Record& rec, dom::element v);
  bool read_value(std::size_t fi, dom::element v, FieldValue& out, Record& rec);
  bool read_override(const Field& f, const Override& o, FieldValue& out, Record& rec);
  // The text of field `f`'s value as written in the line, for messages.
  std::string_view raw_value(std::size_t f, dom::element v);

  Schema schema_;  // a copy: field_by_name_ views its names
  std::unordered_map<std::string_view, int> field_by_name_;
  // Lines from one export usually list their keys in the same order: remember the field at each
  // position and try it before hashing.
  std::vector<int> field_at_position_;
  std::vector<dom::element> slots_;  // per field: its value on this line, when seen_
  std::vector<char> seen_;
  dom::parser parser_;
  std::string key_scratch_;  // the key's text when the key is a JSON number
  std::string key_clean_;    // the key with stray bytes escaped
  int cr_line_ends_ = -1;  // unknown until the first line end: 1 CR alone, 0 LF
  std::string_view line_;  // the line being read, in the window
  // Slow path state. overrides_ is only looked at when has_overrides_.
  std::vector<Override> overrides_;
  bool has_overrides_ = false;
  JsonScan scan_;
  bool scanned_ = false;  // scan_ holds line_
  std::string sanitized_;
  std::string decoded_;  // a key or value decoded by decode_json_string
  std::string raw_scratch_;
  dom::parser number_parser_;
};

int JsonlReader::field_index(std::string_view key, std::size_t position) {
  if (position < field_at_position_.size()) {
    const int guess = field_at_position_[position];
    if (guess >= 0 && schema_.fields[guess].column_name() == key) return guess;
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
    // A raw CR can only be white space or a line end in JSON (inside a string it must be
    // escaped), so when the first line ends with a CR alone, the file has classic Mac (CR-only)
    // line ends and every bare CR ends a line. In a file whose first line ends with LF, a bare CR
    // stays part of its line (an error there), so one broken line stays one error row.
    const char* const limit = nl != nullptr ? nl : p + src_.size();
    const auto* cr =
        cr_line_ends_ == 0
            ? nullptr
            : static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(limit - p)));
    if (cr_line_ends_ != 0 && cr != nullptr && cr + 1 != nl &&
        (cr + 1 < p + src_.size() || src_.at_eof())) {
      cr_line_ends_ = 1;
      const auto length = static_cast<std::size_t>(cr - p);
      const std::uint64_t line = next_line_++;
      src_.consume(length + 1);
      if (is_blank(std::string_view(p, length))) continue;
      rec.reset(schema_.fields.size());
      rec.line = line;
      fill(rec, p, length);
      return true;
    }
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
    if (nl != nullptr && cr_line_ends_ < 0) cr_line_ends_ = 0;
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
  line_ = std::string_view(text, length);
  scanned_ = false;
  if (has_overrides_) {
    std::fill(overrides_.begin(), overrides_.end(), Override{});
    has_overrides_ = false;
  }
  dom::element root;
  // The bytes after the line (the next lines, or the window's padding) are readable: no copy.
  if (parser_.parse(text, length, false).get(root)) {
    fill_slow(rec);
    return;
  }
  dom::object obj;
  if (root.get(obj)) {
    report_not_object(rec);
    return;
  }
  read_members(rec, obj, false);
}

bool JsonlReader::number_is_holdable(std::string_view token) {
  return number_parser_.parse(token.data(), token.size(), true).error() == simdjson::SUCCESS;
}

void JsonlReader::add_sanitized_member(std::size_t f, std::string_view key, JsonKind kind,
                                       std::string_view value, bool utf8_ok, bool strings_only) {
  OverrideKind o = OverrideKind::None;
  switch (kind) {
    case JsonKind::String:
      if (!utf8_ok) o = OverrideKind::NotUtf8;
      break;
    case JsonKind::Number:
      if (!number_is_holdable(value)) o = OverrideKind::BigNumber;
      break;
    case JsonKind::Literal:
      break;
    case JsonKind::Array:
      // No field takes an array of anything but strings, however deep or large its numbers.
      o = !strings_only ? OverrideKind::WrongType
          : !utf8_ok    ? OverrideKind::NotUtf8
                        : OverrideKind::None;
      break;
    case JsonKind::Object:
      o = OverrideKind::WrongType;
      break;
  }
  if (sanitized_.size() > 1) sanitized_ += ',';
  sanitized_ += key;
  sanitized_ += ':';
  if (o == OverrideKind::None) {
    sanitized_ += value;
    return;
  }
  sanitized_ += "null";
  if (overrides_[f].kind == OverrideKind::None) overrides_[f] = Override{o, value};
  has_overrides_ = true;
}

void JsonlReader::fill_slow(Record& rec) {
  scan_json_line(line_, scan_);
  scanned_ = true;
  if (!scan_.object) {
    if (scan_.ok())
      report_not_object(rec);
    else
      report_not_json(rec, fmt::format("{} at column {}", scan_.error,
                                       json_column(line_, scan_.error_at)));
    return;
  }
  sanitized_.assign("{");
  bool key_seen = false;
  for (const JsonMember& m : scan_.members) {
    decode_json_string(m.key, decoded_);
    const auto it = field_by_name_.find(decoded_);
    if (it == field_by_name_.end()) continue;  // ignored, whatever it holds
    const auto f = static_cast<std::size_t>(it->second);
    key_seen = key_seen || it->second == schema_.key_index;
    add_sanitized_member(f, m.key, m.kind, m.value, m.utf8_ok, m.strings_only);
  }
  if (!scan_.ok() && !key_seen && schema_.key_index >= 0) find_key_after_error();
  sanitized_ += '}';
  const std::size_t length = sanitized_.size();
  sanitized_.append(simdjson::SIMDJSON_PADDING, ' ');
  dom::element root;
  dom::object obj;
  const bool parsed = !parser_.parse(sanitized_.data(), length, false).get(root) && !root.get(obj);
  if (!scan_.ok()) {
    if (parsed) read_members(rec, obj, true);
    std::string why = fmt::format("{} at column {}", scan_.error, json_column(line_, scan_.error_at));
    if (scan_.error_at >= line_.size() || line_.find_first_not_of(" \t\r", scan_.error_at) ==
                                              std::string_view::npos)
      why += " (the end of the line)";
    report_not_json(rec, why);
    return;
  }
  if (!parsed) {  // cannot happen: every member simdjson could refuse was replaced
    report_not_json(rec, "");
    return;
  }
  read_members(rec, obj, false);
}

void JsonlReader::find_key_after_error() {
  const std::string_view name = schema_.fields[static_cast<std::size_t>(schema_.key_index)].column_name();
  // Looked for as written: a key that JSON must escape (a quote, a backslash) is not searched.
  if (name.find_first_of("\"\\") != std::string_view::npos) return;
  const std::string quoted = fmt::format("\"{}\"", name);
  std::string_view found_key, found_value;
  int found = 0;
  for (std::size_t at = line_.find(quoted); at != std::string_view::npos;
       at = line_.find(quoted, at + 1)) {
    // It must stand where a key stands: after '{' or ',' ...
    std::size_t b = at;
    while (b > 0 && (line_[b - 1] == ' ' || line_[b - 1] == '\t')) --b;
    if (b == 0 || (line_[b - 1] != '{' && line_[b - 1] != ',')) continue;
    // ... and be followed by ':' and one whole string or number.
    std::size_t p = at + quoted.size();
    while (p < line_.size() && (line_[p] == ' ' || line_[p] == '\t')) ++p;
    if (p >= line_.size() || line_[p] != ':') continue;
    ++p;
    while (p < line_.size() && (line_[p] == ' ' || line_[p] == '\t')) ++p;
    if (p >= line_.size() || (line_[p] != '"' && line_[p] != '-' && !(line_[p] >= '0' && line_[p] <= '9')))
      continue;
    const std::size_t end = scan_json_value(line_, p);
    if (end == std::string_view::npos) continue;
    found_key = line_.substr(at, quoted.size());
    found_value = line_.substr(p, end - p);
    ++found;
  }
  if (found != 1) return;  // two candidates: no way to tell which is the key
  const bool is_string = found_value.front() == '"';
  const bool utf8_ok = !is_string || decode_json_string(found_value, decoded_);
  add_sanitized_member(static_cast<std::size_t>(schema_.key_index), found_key,
                       is_string ? JsonKind::String : JsonKind::Number, found_value, utf8_ok,
                       is_string);
}

void JsonlReader::read_members(Record& rec, dom::object obj, bool key_only) {
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
  const int k = schema_.key_index;
  if (k >= 0 && seen_[k]) {
    const Override& o = overrides_[static_cast<std::size_t>(k)];
    if (!has_overrides_ || o.kind == OverrideKind::None) {
      read_key(rec, slots_[k]);
    } else if (o.kind == OverrideKind::BigNumber) {
      rec.key = o.raw;
    } else if (o.kind == OverrideKind::NotUtf8 && o.raw.front() == '"') {
      decode_json_string(o.raw, key_scratch_);
      rec.key = key_scratch_;
    }
    rec.key = key_as_text(rec.key, key_clean_);
  }
  if (key_only) return;
  if (duplicate >= 0) {
    report_duplicate_key(rec, schema_.fields[duplicate].column_name());
    return;
  }
  for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
    const Field& field = schema_.fields[f];
    if (has_overrides_ && overrides_[f].kind != OverrideKind::None) {
      if (!read_override(field, overrides_[f], rec.values[f], rec)) return;
      continue;
    }
    std::string_view text;
    // null, an absent key, or a string the schema declares a placeholder (`missing [...]`).
    if (!seen_[f] || slots_[f].is_null() ||
        (!field.missing.empty() && !slots_[f].get(text) && is_placeholder(field, text))) {
      if (field.required || field.key) {
        report_missing(rec, field);
        return;
      }
      continue;
    }
    if (!read_value(f, slots_[f], rec.values[f], rec)) return;
  }
}

bool JsonlReader::read_override(const Field& f, const Override& o, FieldValue& out, Record& rec) {
  switch (o.kind) {
    case OverrideKind::None:
      return true;
    case OverrideKind::NotUtf8:
      report_not_utf8(rec, f);
      return false;
    case OverrideKind::WrongType:
      report_json_type(rec, f, expected_json(f.type), o.raw);
      return false;
    case OverrideKind::BigNumber:
      break;
  }
  if (f.type == FieldType::Int) {
    report_json_int_range(rec, f, o.raw);
    return false;
  }
  if (f.type != FieldType::Number) {
    report_json_type(rec, f, expected_json(f.type), o.raw);
    return false;
  }
  // An integer past 64 bits is an ordinary double (99999999999999999999 is about 1e20); past the
  // double range (1e400) it is not a number this field can hold.
  raw_scratch_.assign(o.raw);
  const double d = std::strtod(raw_scratch_.c_str(), nullptr);
  if (!std::isfinite(d)) {
    report_json_number_range(rec, f, o.raw);
    return false;
  }
  out.present = true;
  out.num = d;
  return true;
}

std::string_view JsonlReader::raw_value(std::size_t f, dom::element v) {
  if (!scanned_) {
    scan_json_line(line_, scan_);
    scanned_ = true;
  }
  const std::string_view name = schema_.fields[f].column_name();
  for (const JsonMember& m : scan_.members) {
    const std::string_view inner = m.key.substr(1, m.key.size() - 2);
    if (inner.find('\\') == std::string_view::npos ? inner == name
                                                     : (decode_json_string(m.key, decoded_),
                                                        decoded_ == name))
      return m.value;
  }
  raw_scratch_ = simdjson::to_string(v);  // only if the scanner disagreed with simdjson
  return raw_scratch_;
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

bool JsonlReader::read_value(std::size_t fi, dom::element v, FieldValue& out, Record& rec) {
  const Field& f = schema_.fields[fi];
  out.present = true;
  std::string_view s;
  switch (f.type) {
    case FieldType::String:
      if (v.get(s)) break;
      out.str = s;
      return true;
    case FieldType::Date:
    case FieldType::Timestamp:
      if (v.get(s)) break;
      return parse_dated_text(f, s, out, rec);
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
        report_json_int_range(rec, f, raw_value(fi, v));
        return false;
      }
      double d = 0;
      if (v.get(d)) break;
      // 12.0 and 1e3 are whole numbers written as JSON numbers; 12.5 is not an int. The bounds
      // are -2^63 and 2^63, both exact doubles.
      if (d != std::floor(d)) {
        report_json_not_int(rec, f, raw_value(fi, v));
        return false;
      }
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
        report_json_int_range(rec, f, raw_value(fi, v));
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
          report_json_type(rec, f, "an array of strings", raw_value(fi, v));
          return false;
        }
      for (const dom::element m : arr) {
        const std::string_view member = m.get_string().value_unsafe();
        if (member.empty()) {
          report_empty_member(rec, f, raw_value(fi, v));
          return false;
        }
        if (!add_set_member(f, member, out, rec)) return false;
      }
      return true;
    }
  }
  report_json_type(rec, f, expected_json(f.type), raw_value(fi, v));
  return false;
}

}  // namespace

ReaderOpenResult open_jsonl_reader(std::FILE* in, std::string_view name, const Schema& schema,
                                   const ReadOptions& /*options: CSV only*/) {
  ReaderOpenResult result;
  result.reader = std::make_unique<JsonlReader>(in, name, schema);
  return result;
}

}  // namespace leadscore::io
