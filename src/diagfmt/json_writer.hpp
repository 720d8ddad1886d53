// The project's one JSON writer, for every JSON it prints but the scored rows of `score --format
// jsonl` (io's hot path): diagnostics (json, sarif), the language server, `explain`, `test`, `diff`,
// `tune` and `backtest`. It places commas, newlines and indentation, so that a format reads as a
// list of keys. Output is always valid JSON and valid UTF-8.
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::diagfmt {

class JsonWriter {
 public:
  enum class Layout {
    Indented,  // two spaces a level, `"key": value`, a final newline (diagnostics, diff, backtest)
    Minified,  // no blank at all and no final newline (explain, test, tune)
  };
  explicit JsonWriter(Layout layout = Layout::Indented) : layout_(layout) {}

  // A compact container is written on one line, and so is everything inside it: the json format
  // puts one diagnostic per line, which keeps diffs and `grep` useful.
  JsonWriter& begin_object(bool compact = false);
  JsonWriter& end_object();
  JsonWriter& begin_array(bool compact = false);
  // An array with one element a line even inside a one-line container, indented one step past the
  // last container that breaks lines (backtest's `"by": {"field": ..., "values": [` list).
  JsonWriter& begin_array_on_lines();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  // A whole number of any integer type (counts, lines, sizes).
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonWriter& number(T n) {
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    return integer(std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  // A number as scores are printed everywhere (io's format_number): whole ones without a point;
  // null for an infinity or a NaN, which JSON cannot hold.
  JsonWriter& decimal(double x);
  // decimal(*x), or null where there is no number (no cap, no 'qualify at').
  JsonWriter& decimal_or_null(const std::optional<double>& x);
  // string(text), or null where the text is empty (no group, no tier, no flag).
  JsonWriter& string_or_null(std::string_view text);
  JsonWriter& boolean(bool flag);
  JsonWriter& null();

  // The text so far, with a final newline once the outermost container is closed.
  const std::string& text() const { return out_; }

 private:
  struct Level {
    bool compact;
    bool empty = true;
  };
  void before_value();
  void open(char bracket, bool compact);
  std::size_t line_levels() const;
  void close(char bracket);
  void newline();
  JsonWriter& integer(std::string_view digits);

  Layout layout_;
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// `text` as a quoted JSON string. Bytes that are not valid UTF-8 (a file's text is not checked
// before a message quotes it) become U+FFFD, so that the document stays valid.
std::string json_quote(std::string_view text);

}  // namespace leadscore::diagfmt
