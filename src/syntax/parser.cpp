// The parser's boundary: runs the PEGTL grammar one statement at a time, turns every parse_error
// into a located Diagnostic (users never see PEGTL's own text) and resynchronises after it.
#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "leadscore/parse.hpp"
#include "leadscore/limits.hpp"
#include "syntax/limit_errors.hpp"
#include "syntax/lower.hpp"
#include "syntax/parse_tree.hpp"

namespace leadscore {

namespace g = grammar;
namespace pegtl = tao::pegtl;

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The token just before `offset` on the same line, for "expected a number after 'add'".
std::string_view previous_token(std::string_view text, std::size_t offset) {
  std::size_t end = std::min(offset, text.size());
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end == 0 || text[end - 1] == '\n' || text[end - 1] == '\r') return {};
  std::size_t begin = end - 1;
  if (is_word_char(text[begin])) {
    while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  } else if (text[begin] == '"' || text[begin] == '/') {
    return {};  // after a literal, the literal itself says little
  } else {
    while (begin > 0 && std::string_view("<>=!").find(text[begin - 1]) != std::string_view::npos &&
           std::string_view("<>=!").find(text[begin]) != std::string_view::npos) {
      --begin;
    }
  }
  return text.substr(begin, end - begin);
}

// The first word of the line that starts at `offset`, or "" for a blank or comment line.
std::string_view first_word(std::string_view text, std::size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  std::size_t end = offset;
  while (end < text.size() && (is_word_char(text[end]) || text[end] == '}')) ++end;
  return text.substr(offset, end - offset);
}

bool starts_top_level_statement(std::string_view word, bool allow_when) {
  static constexpr std::string_view words[] = {"model", "schema", "import", "let", "group",
                                               "reject", "score", "qualify", "tier", "test"};
  for (auto w : words) {
    if (word == w) return true;
  }
  return allow_when && word == "when";
}

// Where to go on after a syntax error at `error_at` in a statement that began at `stmt_at`: the
// next line that starts a statement. Inside a group or test body the rest of the body is skipped
// (a `}` line is consumed) so that its lines are not read as top-level statements.
std::size_t resynchronise(std::string_view text, std::size_t stmt_at, std::size_t error_at) {
  auto opener = first_word(text, stmt_at);
  bool in_block = opener == "group" || opener == "test";
  std::size_t pos = text.find('\n', std::max(error_at, stmt_at));
  while (pos != std::string_view::npos) {
    ++pos;
    auto word = first_word(text, pos);
    if (in_block && word == "}") {
      std::size_t next = text.find('\n', pos);
      return next == std::string_view::npos ? text.size() : next + 1;
    }
    if (starts_top_level_statement(word, !in_block)) return pos;
    pos = text.find('\n', pos);
  }
  return text.size();
}

// Errors about what starts a line (a statement, a rule in a group) belong to that line, not to the
// token before it.
bool is_line_start_error(std::string_view msg) {
  return msg.starts_with("expected a statement") || msg.starts_with("expected a rule") ||
         msg.starts_with("expected 'as of'") || msg.starts_with("expected a field declaration");
}

std::string error_message(const pegtl::parse_error& e, std::string_view text, std::size_t at) {
  std::string msg(e.message());
  if (msg == g::nesting_error) return syntax::nested_too_deeply_message();
  if (!msg.starts_with("expected") && !msg.starts_with("unexpected") &&
      !msg.starts_with("unterminated") && !msg.starts_with("invalid")) {
    return "syntax error";  // a raw PEGTL message: never shown as such
  }
  auto prev = previous_token(text, at);
  if (!prev.empty() && msg.starts_with("expected") && !is_line_start_error(msg)) {
    msg += fmt::format(" after '{}'", prev);
  }
  return msg;
}

// A commit point that fails after the separator has crossed a line break is reported where the
// previous token ended ("expected a value after '+'"), not at the start of the next line.
std::size_t error_offset(std::string_view text, std::size_t at) {
  std::size_t p = std::min(at, text.size());
  bool crossed = false;
  while (p > 0 && std::string_view(" \t\r\n").find(text[p - 1]) != std::string_view::npos) {
    crossed = crossed || text[p - 1] == '\n';
    --p;
  }
  return crossed ? p : at;
}

Diagnostic syntax_error(const pegtl::parse_error& e, std::uint32_t file, std::string_view text,
                        std::size_t fallback) {
  std::size_t at = e.positions().empty() ? fallback : e.positions().front().byte;
  if (!is_line_start_error(e.message())) at = error_offset(text, at);
  auto s = static_cast<std::uint32_t>(at);
  std::uint32_t end = s < text.size() && text[s] != '\n' && text[s] != '\r' ? s + 1 : s;
  Code code = e.message() == g::nesting_error ? Code::LimitExceeded : Code::SyntaxError;
  return {Severity::Error, std::string(code_info(code).code), Span{file, s, end},
          error_message(e, text, at), {}};
}

template <typename Rule>
std::unique_ptr<g::Node> parse_at(const SourceFile& src, std::size_t offset, std::size_t& end) {
  auto lc = src.line_col(static_cast<std::uint32_t>(offset));
  const std::string& text = src.text();
  // The source name is the SourceFile's own string, so parse-tree nodes may keep views of it.
  pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf, const char*> in(
      text.data() + offset, text.data() + text.size(), src.path().c_str(), offset,
      lc.line, lc.column);
  auto root = g::parse_tree::parse<Rule, g::Node, g::selector, g::depth_limit, g::control>(in);
  end = static_cast<std::size_t>(in.current() - text.data());
  return root;
}

}  // namespace

ast::Model parse_model(const SourceManager& sources, std::uint32_t file, Diagnostics& diags) {
  const SourceFile& src = sources.file(file);
  std::string_view text = src.text();
  ast::Model model;
  model.file = file;
  syntax::Lowerer lower(file, text, diags);
  if (text.size() > limits::max_file_bytes) {
    syntax::file_too_large(diags, Span{file, 0, 0}, "model", text.size());
    return model;
  }

  std::size_t offset = 0;
  if (text.starts_with("\xEF\xBB\xBF")) offset = 3;
  while (!diags.full(file)) {
    std::size_t end = offset;
    parse_at<g::skip>(src, offset, end);
    offset = end;
    if (offset >= text.size()) break;
    try {
      auto root = parse_at<g::statement_unit>(src, offset, end);
      for (const auto& child : root->children) lower.statement(*child, model);
      if (end <= offset) break;  // cannot happen: a statement consumes text; never loop forever
      offset = end;
    } catch (const pegtl::parse_error& e) {
      Diagnostic d = syntax_error(e, file, text, offset);
      std::size_t at = d.span.begin;
      diags.report(std::move(d));
      offset = resynchronise(text, offset, at);
    }
  }
  return model;
}

ast::SchemaFile parse_schema(const SourceManager& sources, std::uint32_t file, Diagnostics& diags) {
  const SourceFile& src = sources.file(file);
  std::string_view text = src.text();
  ast::SchemaFile out;
  out.file = file;
  syntax::Lowerer lower(file, text, diags);
  if (text.size() > limits::max_file_bytes) {
    syntax::file_too_large(diags, Span{file, 0, 0}, "schema", text.size());
    return out;
  }
  std::size_t offset = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  try {
    std::size_t end = 0;
    auto root = parse_at<g::schema_file>(src, offset, end);
    for (const auto& child : root->children) lower.schema(*child, out);
  } catch (const pegtl::parse_error& e) {
    diags.report(syntax_error(e, file, text, offset));
  }
  return out;
}

}  // namespace leadscore
