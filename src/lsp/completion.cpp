// textDocument/completion from the text before the cursor on its line: module paths in an
// `import "...`, enum members after `FIELD =` / `FIELD in [`, set members after a set field or
// `any of [` / `all of [`, names (fields, lets, built-ins) where a condition starts, and keywords
// where a statement starts or a condition goes on.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "api/imports.hpp"
#include "fmt/strings.hpp"
#include "leadscore/keywords.hpp"
#include "lsp/builtin_docs.hpp"
#include "lsp/features.hpp"

namespace leadscore::lsp {

namespace {

// LSP CompletionItemKind values.
constexpr int kind_function = 3, kind_field = 5, kind_variable = 6, kind_module = 9,
              kind_keyword = 14, kind_enum_member = 20;

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The line before the cursor as words and single punctuation characters; strings are one token.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '#') {
      break;
    } else if (word_char(c) || static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && (word_char(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    } else if (c == '"') {
      std::size_t j = s.find('"', i + 1);
      if (j == std::string_view::npos) j = s.size() - 1;
      out.emplace_back(s.substr(i, j - i + 1));
      i = j + 1;
    } else if ((c == '!' || c == '<' || c == '>') && i + 1 < s.size() && s[i + 1] == '=') {
      out.emplace_back(s.substr(i, 2));
      i += 2;
    } else {
      out.emplace_back(1, c);
      ++i;
    }
  }
  return out;
}

class Items {
 public:
  explicit Items(JsonWriter& w) : w_(w) {}
  void add(std::string_view label, int kind, std::string_view detail = {}) {
    if (!seen_.insert(std::string(label)).second) return;
    w_.begin_object(true).key("label").string(label).key("kind").number(kind);
    if (!detail.empty()) w_.key("detail").string(detail);
    w_.end_object();
  }
  // An item that replaces [begin, end) of the document (a module path inside its quotes).
  void add_edit(std::string_view label, int kind, const LineIndex& index, std::uint32_t begin,
                std::uint32_t end) {
    if (!seen_.insert(std::string(label)).second) return;
    w_.begin_object(true).key("label").string(label).key("kind").number(kind);
    w_.key("textEdit").begin_object().key("range");
    write_range(w_, index, begin, end);
    w_.key("newText").string(label).end_object();
    w_.end_object();
  }

 private:
  JsonWriter& w_;
  std::set<std::string> seen_;
};

void module_paths(Items& items, const Document& doc, std::uint32_t begin, std::uint32_t end) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& dir : api::stdlib_search_path()) {
    for (fs::directory_iterator it(dir, ec), stop; !ec && it != stop; it.increment(ec)) {
      if (it->path().extension() == ".score") {
        items.add_edit("std/" + it->path().stem().string(), kind_module, *doc.index, begin, end);
      }
    }
  }
  fs::path here = fs::path(doc.path).parent_path();
  for (fs::directory_iterator it(here, ec), stop; !ec && it != stop; it.increment(ec)) {
    if (it->path().extension() == ".score" && it->path() != fs::path(doc.path)) {
      items.add_edit("./" + it->path().stem().string(), kind_module, *doc.index, begin, end);
    }
  }
}

// A member that is not a name (`Lead Add Form`) is offered quoted, as a model must write it.
void members(Items& items, const Field& f) {
  for (const auto& m : f.members)
    items.add(is_valid_name(m) ? m : formatter::string_literal(m), kind_enum_member, f.name);
}

void names(Items& items, const Document& doc) {
  const Analysis& a = doc.analysis;
  if (const Schema* s = a.schema()) {
    for (const auto& f : s->fields) items.add(f.name, kind_field, field_type_name(f.type));
  }
  for (const auto& let : a.loaded.model.lets) items.add(let.name, kind_variable, "let");
  for (const auto& b : builtin_docs) items.add(b.name, kind_function, b.signature);
  items.add("not", kind_keyword);
}

constexpr std::string_view statement_keywords[] = {
    "when", "group", "let", "reject", "score", "qualify", "tier", "test", "import", "schema", "model",
    "expect", "lead", "as"};
constexpr std::string_view condition_keywords[] = {
    "and", "or", "add", "subtract", "as", "per", "up", "to", "matches", "in", "not", "is", "present",
    "missing", "within", "older", "than", "days", "before", "after", "starts", "ends", "with",
    "contains", "any", "all", "of"};

const Field* field_named(const Document& doc, const std::string& name) {
  const Schema* s = doc.analysis.schema();
  int i = s ? s->find(name) : -1;
  return i >= 0 ? &s->fields[static_cast<std::size_t>(i)] : nullptr;
}

}  // namespace

void completion(JsonWriter& w, const Document& doc, std::uint32_t offset) {
  Position at = doc.index->position(offset);
  std::string_view line = doc.index->line_text(at.line);
  std::uint32_t line_start = doc.index->offset(Position{at.line, 0});
  std::string_view before = line.substr(0, std::min<std::size_t>(line.size(), offset - line_start));
  w.begin_object().key("isIncomplete").boolean(false).key("items").begin_array();
  Items items(w);
  if (doc.analysis.is_schema) {
    for (auto t : {"string", "int", "number", "bool", "date", "timestamp", "enum", "set", "key", "required", "from", "missing", "format"}) {
      items.add(t, kind_keyword);
    }
    w.end_array().end_object();
    return;
  }
  // Inside the quotes of `import "`: module paths, replacing what is typed already.
  auto quote = before.rfind('"');
  std::vector<std::string> toks = tokens(before);
  if (quote != std::string_view::npos && std::count(before.begin(), before.end(), '"') % 2 == 1) {
    if (!toks.empty() && toks.front() == "import") {
      module_paths(items, doc, line_start + static_cast<std::uint32_t>(quote + 1), offset);
    }
    w.end_array().end_object();
    return;
  }
  // The word being typed is not context.
  if (!before.empty() && word_char(before.back()) && !toks.empty()) toks.pop_back();
  // Skip the members already listed in an open `[`.
  std::size_t i = toks.size();
  bool in_list = false;
  while (i > 0 && (toks[i - 1] == "," || ((word_char(toks[i - 1][0]) || toks[i - 1][0] == '"') && i >= 2 &&
                                          (toks[i - 2] == "," || toks[i - 2] == "[")))) --i;
  if (i > 0 && toks[i - 1] == "[") {
    in_list = true;
    --i;
  }
  auto tok = [&](std::size_t back) -> std::string {  // the token `back` places before i
    return i >= back ? toks[i - back] : std::string();
  };
  const Field* f = nullptr;
  if (tok(1) == "=" || tok(1) == "!=" || (in_list && tok(1) == "in")) {
    f = field_named(doc, tok(1) == "in" && tok(2) == "not" ? tok(3) : tok(2));
    if (f && f->type == FieldType::Enum) {
      members(items, *f);
      w.end_array().end_object();
      return;
    }
  }
  if (in_list && tok(1) == "of" && (tok(2) == "any" || tok(2) == "all")) {
    f = field_named(doc, tok(3));
    if (f && f->type == FieldType::Set) members(items, *f);
    w.end_array().end_object();
    return;
  }
  if (!in_list && i > 0 && (f = field_named(doc, tok(1))) && f->type == FieldType::Set) {
    members(items, *f);  // `visited pricing_page`
    items.add("any", kind_keyword);
    items.add("all", kind_keyword);
    w.end_array().end_object();
    return;
  }
  std::string last = tok(1);
  if (i == 0) {
    for (auto k : statement_keywords) items.add(k, kind_keyword);
  } else if (last == "when" || last == "and" || last == "or" || last == "not" || last == "(" ||
             last == "=" || last == "!=" || last == "<" || last == ">" || last == "<=" ||
             last == ">=" || last == "+" || last == "-" || last == "*" || last == "/" ||
             last == "per" || last == ",") {
    names(items, doc);
  } else if (last == "{" || last == ";") {
    for (auto k : statement_keywords) items.add(k, kind_keyword);
  } else {
    for (auto k : condition_keywords) items.add(k, kind_keyword);
  }
  w.end_array().end_object();
}

}  // namespace leadscore::lsp
