// The editor features, one function each. Every one writes the result value of its request (an
// object, an array or null) into `w`; `offset` is a byte offset into the document's text.
#pragma once

#include <cstdint>
#include <string>

#include "lsp/document.hpp"

namespace leadscore::lsp {

// The notification's params: every diagnostic of the document's check, in LSP form.
void write_diagnostics(JsonWriter& w, const Document& doc);

void hover(JsonWriter& w, const Document& doc, std::uint32_t offset);
void completion(JsonWriter& w, const Document& doc, std::uint32_t offset);
void definition(JsonWriter& w, const Document& doc, std::uint32_t offset);
void references(JsonWriter& w, const Documents& docs, const Document& doc, std::uint32_t offset,
                bool include_declaration);
void document_symbols(JsonWriter& w, const Document& doc);
void formatting(JsonWriter& w, const Document& doc);
void code_actions(JsonWriter& w, const Document& doc, std::uint32_t begin, std::uint32_t end);
void code_lenses(JsonWriter& w, const Document& doc);

// Shared by the features.
std::string span_text(const Document& doc, const Span& span);
// The file an `import` line of the document names, when it can be found.
std::optional<std::string> import_target(const Document& doc, const ast::Import& imp);
// The span of a schema field's name inside its declaration.
Span field_name_span(const Document& doc, const Field& field);

}  // namespace leadscore::lsp
