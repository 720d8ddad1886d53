// A small JSON writer for the json and sarif formats: it places commas, newlines and indentation,
// so that the formats read as a list of keys. Output is always valid JSON and valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::diagfmt {

class JsonWriter {
 public:
  // A compact container is written on one line, and so is everything inside it: the json format
  // puts one diagnostic per line, which keeps diffs and `grep` useful.
  JsonWriter& begin_object(bool compact = false);
  JsonWriter& end_object();
  JsonWriter& begin_array(bool compact = false);
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t n);
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
  void close(char bracket);
  void newline();

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// `text` as a quoted JSON string. Bytes that are not valid UTF-8 (a file's text is not checked
// before a message quotes it) become U+FFFD, so that the document stays valid.
std::string json_quote(std::string_view text);

}  // namespace leadscore::diagfmt
