// Scored rows as JSON lines, keys in the CSV column order:
// {"id":"L1","score":20.5,"qualified":false,"tier":"warm","status":"ok","reason":null,"fit":10,...}
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "common/json_string.hpp"
#include "io/output_sink.hpp"
#include "io/record_errors.hpp"
#include "io/writers.hpp"

namespace leadscore::io {
namespace {

void append_number_or_null(std::string& out, double x) {
  if (std::isfinite(x))
    append_number(out, x);
  else
    out += "null";  // JSON has no nan or inf
}

class JsonlWriter final : public ResultWriter {
 public:
  JsonlWriter(std::FILE* out, const OutputColumns& columns)
      : sink_(out), columns_(columns), explain_(columns.explain), decimals_(columns.round_decimals) {
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
      number(b, row.score);
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
        number(b, row.groups[g]);
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
  std::unique_ptr<ResultWriter> chunk_writer() const override {
    return std::make_unique<JsonlWriter>(nullptr, columns_);  // JSON lines have no header
  }
  void take(std::string& out) override { sink_.take(out); }
  void write_bytes(std::string_view bytes) override { sink_.write_bytes(bytes); }

 private:
  OutputSink sink_;
  OutputColumns columns_;  // for chunk_writer()
  bool explain_;
  std::string key_prefix_;
  std::vector<std::string> group_keys_;
  int decimals_;  // --round N; -1: as computed

  void number(std::string& b, double x) const {
    append_number_or_null(b, decimals_ < 0 ? x : round_decimals(x, decimals_));
  }
};

}  // namespace

std::unique_ptr<ResultWriter> make_jsonl_writer(std::FILE* out, const OutputColumns& columns) {
  return std::make_unique<JsonlWriter>(out, columns);
}

}  // namespace leadscore::io
