// Scored rows as JSON lines, keys in the CSV column order:
// {"id":"L1","score":20.5,"qualified":false,"tier":"warm","status":"ok","reason":null,"fit":10,...}
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "io/output_sink.hpp"
#include "io/record_errors.hpp"
#include "io/writers.hpp"

namespace leadscore::io {
namespace {

void append_escaped_valid(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        break;
    }
  }
  out.append(text.data() + run, text.size() - run);
}

void append_number_or_null(std::string& out, double x) {
  if (std::isfinite(x))
    append_number(out, x);
  else
    out += "null";  // JSON has no nan or inf
}

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(std::FILE* out, const OutputColumns& columns)
      : sink_(out), explain_(columns.explain) {
    // Every row starts and goes on with the same key texts: build them once.
    key_prefix_.push_back('{');
    append_json_string(key_prefix_, columns.key_name);
    key_prefix_ += ':';
    for (const std::string& g : columns.group_names) {
      std::string k = ",";
      append_json_string(k, g);
      k += ':';
      group_keys_.push_back(std::move(k));
    }
  }

  void write(const ScoredRow& row) override {
    std::string& b = sink_.buffer();
    const bool error = row.status == RowStatus::Error;
    b += key_prefix_;
    append_json_string(b, row.key);
    b += ",\"score\":";
    if (error)
      b += "null";
    else
      append_number_or_null(b, row.score);
    b += row.qualified && !error ? ",\"qualified\":true" : ",\"qualified\":false";
    b += ",\"tier\":";
    if (error || row.tier.empty())
      b += "null";
    else
      append_json_string(b, row.tier);
    b += ",\"status\":\"";
    b += status_name(row.status);
    b += "\",\"reason\":";
    if (row.reason.empty())
      b += "null";
    else
      append_json_string(b, row.reason);
    for (std::size_t g = 0; g < group_keys_.size(); ++g) {
      b += group_keys_[g];
      if (error || g >= row.groups.size())
        b += "null";
      else
        append_number_or_null(b, row.groups[g]);
    }
    if (explain_) {
      b += ",\"fired\":";
      if (error) {
        b += "null";
      } else {
        b += '[';
        for (std::size_t i = 0; i < row.fired.size(); ++i) {
          if (i > 0) b += ',';
          append_json_string(b, row.fired[i]);
        }
        b += ']';
      }
    }
    b += "}\n";
    sink_.row_done();
  }

  bool finish() override { return sink_.finish(); }

 private:
  OutputSink sink_;
  bool explain_;
  std::string key_prefix_;
  std::vector<std::string> group_keys_;
};

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (is_valid_utf8(text)) {
    append_escaped_valid(out, text);
  } else {
    // Rare: only a key read from a broken CSV row can carry bytes that are not UTF-8.
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        append_escaped_valid(out, text.substr(i, n));
        i += n;
      }
    }
  }
  out += '"';
}

std::unique_ptr<ResultWriter> make_jsonl_writer(std::FILE* out, const OutputColumns& columns) {
  return std::make_unique<JsonlWriter>(out, columns);
}

}  // namespace leadscore::io
