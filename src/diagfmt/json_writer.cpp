#include "diagfmt/json_writer.hpp"

#include <cmath>

#include "common/json_string.hpp"
#include "leadscore/io.hpp"

namespace leadscore::diagfmt {

std::string json_quote(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

// Two spaces for each open container that puts its members on lines of their own.
std::size_t JsonWriter::line_levels() const {
  std::size_t n = 0;
  for (const Level& level : levels_) n += level.compact ? 0 : 1;
  return n;
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(line_levels() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) out_ += level.compact && layout_ == Layout::Indented ? ", " : ",";
  if (!level.compact) newline();
  level.empty = false;
}

void JsonWriter::open(char bracket, bool compact) {
  before_value();
  out_ += bracket;
  bool inside_compact = !levels_.empty() && levels_.back().compact;
  levels_.push_back(Level{compact || inside_compact || layout_ == Layout::Minified});
}

void JsonWriter::close(char bracket) {
  Level level = levels_.back();
  levels_.pop_back();
  if (!level.compact && !level.empty) newline();
  out_ += bracket;
  if (levels_.empty() && layout_ == Layout::Indented) out_ += '\n';
}

JsonWriter& JsonWriter::begin_object(bool compact) {
  open('{', compact);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}
JsonWriter& JsonWriter::begin_array(bool compact) {
  open('[', compact);
  return *this;
}
JsonWriter& JsonWriter::begin_array_on_lines() {
  before_value();
  out_ += '[';
  levels_.push_back(Level{layout_ == Layout::Minified});
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_ += layout_ == Layout::Indented ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::integer(std::string_view digits) {
  before_value();
  out_ += digits;
  return *this;
}

JsonWriter& JsonWriter::decimal(double x) {
  before_value();
  if (std::isfinite(x)) append_number(out_, x);
  else out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::decimal_or_null(const std::optional<double>& x) { return x ? decimal(*x) : null(); }

JsonWriter& JsonWriter::string_or_null(std::string_view text) { return text.empty() ? null() : string(text); }

JsonWriter& JsonWriter::boolean(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace leadscore::diagfmt
