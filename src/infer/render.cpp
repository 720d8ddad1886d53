// The inferred schema as source text: one field per column, a comment above each with what the
// sample held, so that a reviewer can judge each guess.
#include <fmt/format.h>

#include "fmt/strings.hpp"
#include "leadscore/infer.hpp"
#include "leadscore/keywords.hpp"

namespace leadscore {
namespace {

using formatter::string_literal;

// An enum or set member: bare when it is a name, quoted otherwise.
std::string member(std::string_view m) {
  return is_valid_name(m) ? std::string(m) : string_literal(m);
}

std::string members(const std::vector<std::string>& ms) {
  std::string out;
  for (const std::string& m : ms) {
    if (!out.empty()) out += ", ";
    out += member(m);
  }
  return out;
}

std::string type_text(const InferredField& f) {
  switch (f.type) {
    case InferredType::String: return "string";
    case InferredType::Int: return "int";
    case InferredType::Number: return "number";
    case InferredType::Bool: return "bool";
    case InferredType::Date: return "date";
    case InferredType::Timestamp: return "timestamp";
    case InferredType::Enum: return "enum(" + members(f.members) + ")";
    case InferredType::Set: return "set(" + members(f.members) + ")";
    case InferredType::StringSet: return "set(string)";
  }
  return "string";
}

std::string list(const std::vector<std::string>& words) {
  std::string out = "[";
  for (const std::string& w : words) {
    if (out.size() > 1) out += ", ";
    out += string_literal(w);
  }
  return out + "]";
}

// An example for a comment: one line, at most 40 characters.
std::string example(std::string_view s) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if ((u & 0xC0) != 0x80 && ++chars > 40) return string_literal(out) + "...";
    out += u < 0x20 || u == 0x7f ? ' ' : s[i];
  }
  return string_literal(out);
}

std::string comment(const InferredField& f, std::uint64_t rows) {
  std::string out = f.distinct_capped ? fmt::format("# more than {} distinct", f.distinct)
                                      : fmt::format("# {} distinct", f.distinct);
  if (f.missing == 0)
    out += ", none missing";
  else
    out += fmt::format(", {:.1f}% missing", rows == 0 ? 0.0 : 100.0 * static_cast<double>(f.missing) /
                                                                    static_cast<double>(rows));
  if (!f.examples.empty()) {
    out += ", e.g. ";
    for (std::size_t i = 0; i < f.examples.size(); ++i) out += (i ? ", " : "") + example(f.examples[i]);
  }
  if (f.type == InferredType::Date && f.format == "%m/%d/%Y")
    out += " (no day above 12: the layout may be day first; check it)";
  return out;
}

}  // namespace

std::string render_inferred_schema(const InferredSchema& schema, const InferOptions& options) {
  std::string out = fmt::format(
      "# Inferred by `leadscore schema infer` from {} records of {}.\n"
      "# Check each field's type, the key and the values read as missing before you rely on them.\n",
      schema.rows, options.source_name.empty() ? "the input" : options.source_name);
  // Said when it is not RFC 4180's comma: it is why the other commands read the file the same way.
  if (schema.delimiter == ';' || schema.delimiter == '\t')
    out += fmt::format("# Read as a {}-separated file.\n", delimiter_name(schema.delimiter));
  out += fmt::format("schema {} {{\n", schema.name);
  if (!schema.placeholders.empty()) out += fmt::format("  missing {}\n", list(schema.placeholders));
  for (const std::size_t c : schema.unnamed_columns)
    out += fmt::format("  # column {} has no header and is left out\n", c);
  std::size_t width = 0;
  for (const InferredField& f : schema.fields) width = std::max(width, f.name.size() + 1);
  for (const InferredField& f : schema.fields) {
    out += "  " + comment(f, schema.rows) + "\n";
    std::string line = fmt::format("  {:<{}} {}", f.name + ":", width, type_text(f));
    if (f.key) line += " key";
    if (f.required) line += " required";
    if (f.name != f.column) line += " from " + string_literal(f.column);
    if (!f.placeholders.empty()) line += " missing " + list(f.placeholders);
    if (!f.format.empty()) line += " format " + string_literal(f.format);
    out += line + "\n";
  }
  out += "}\n";
  return out;
}

}  // namespace leadscore
