// An open document: the editor's text, its line table, and its last analysis.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "diagfmt/json_writer.hpp"
#include "lsp/analysis.hpp"
#include "lsp/text.hpp"

namespace leadscore::lsp {

struct Document {
  std::string uri;
  std::string path;  // lexically normal
  std::string text;
  std::int64_t version = 0;
  std::unique_ptr<LineIndex> index;  // views `text`: rebuilt with it
  Analysis analysis;

  void set_text(std::string t) {
    text = std::move(t);
    index = std::make_unique<LineIndex>(text);
  }
};

// By URI. Held by pointer: a LineIndex views its document's text.
using Documents = std::map<std::string, std::unique_ptr<Document>>;

using diagfmt::JsonWriter;

// `{"line":L,"character":C}` and `{"start":...,"end":...}`.
void write_position(JsonWriter& w, Position p);
void write_range(JsonWriter& w, const LineIndex& index, std::uint32_t begin, std::uint32_t end);
// A Location for a span in any file of the analysis' session (the document or a file it read).
void write_location(JsonWriter& w, const Document& doc, const Span& span);

}  // namespace leadscore::lsp
