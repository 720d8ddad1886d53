// Scored rows as CSV (SPEC 5): key, score, qualified, tier, status, reason, groups..., [fired].
#include <algorithm>

#include "io/output_sink.hpp"
#include "io/writers.hpp"

namespace leadscore::io {

void append_csv_cell(std::string& out, std::string_view text) {
  const bool quote = !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                                       text.find_first_of(",\"\r\n") != std::string_view::npos);
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

class CsvWriter final : public ResultWriter {
 public:
  CsvWriter(std::FILE* out, const OutputColumns& columns, bool header = true)
      : sink_(out),
        columns_(columns),
        group_count_(columns.group_names.size()),
        explain_(columns.explain),
        decimals_(columns.round_decimals) {
    if (!header) return;
    // The header goes out even when no row follows, so an empty input still gives a valid file.
    std::string& b = sink_.buffer();
    append_csv_cell(b, columns.key_name);
    b += ",score,qualified,tier,status,reason";
    for (const std::string& g : columns.group_names) {
      b += ',';
      append_csv_cell(b, g);
    }
    if (explain_) b += ",fired";
    b += '\n';
  }

  void write(const ScoredRow& row) override {
    std::string& b = sink_.buffer();
    const bool error = row.status == RowStatus::Error;
    append_csv_cell(b, row.key);
    b += ',';
    if (!error) number(b, row.score);
    b += row.qualified && !error ? ",true," : ",false,";
    if (!error) append_csv_cell(b, row.tier);
    b += ',';
    b += status_name(row.status);
    b += ',';
    append_csv_cell(b, row.reason);
    for (std::size_t g = 0; g < group_count_; ++g) {
      b += ',';
      if (!error && g < row.groups.size()) number(b, row.groups[g]);
    }
    if (explain_) {
      b += ',';
      if (!error) {
        // Joined first, then quoted as one cell: a label with a comma quotes the whole list.
        fired_.clear();
        for (std::size_t i = 0; i < row.fired.size(); ++i) {
          if (i > 0) fired_ += ';';
          fired_ += row.fired[i];
        }
        append_csv_cell(b, fired_);
      }
    }
    b += '\n';
    sink_.row_done();
  }

  bool finish() override { return sink_.finish(); }
  std::unique_ptr<ResultWriter> chunk_writer() const override {
    return std::make_unique<CsvWriter>(nullptr, columns_, false);
  }
  void take(std::string& out) override { sink_.take(out); }
  void write_bytes(std::string_view bytes) override { sink_.write_bytes(bytes); }

 private:
  OutputSink sink_;
  OutputColumns columns_;  // for chunk_writer()
  std::size_t group_count_;
  bool explain_;
  std::string fired_;  // reused for every row
  int decimals_;       // --round N; -1: as computed

  void number(std::string& b, double x) const {
    append_number(b, decimals_ < 0 ? x : round_decimals(x, decimals_));
  }
};

}  // namespace

std::unique_ptr<ResultWriter> make_csv_writer(std::FILE* out, const OutputColumns& columns) {
  return std::make_unique<CsvWriter>(out, columns);
}

}  // namespace leadscore::io
