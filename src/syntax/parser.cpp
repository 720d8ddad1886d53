// The parser's boundary: runs the PEGTL grammar one statement at a time, turns every parse_error
// into a located Diagnostic (users never see PEGTL's own text) and resynchronises after it.
#include <cctype>
#include <functional>
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

// The word (letters, digits, '_') that starts at `at`, or "".
std::string_view word_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return text.substr(at, end - at);
}

// What users bring from other languages, said in leadscore's words: checked against the text at
// the error and the token before it. "" when nothing familiar is there.
std::string hint(std::string_view msg, std::string_view text, std::size_t at, std::string_view prev) {
  auto here = text.substr(std::min(at, text.size()));
  char before = at > 0 && at <= text.size() ? text[at - 1] : '\0';
  if (here.starts_with("&&")) return "; write 'and' instead of '&&'";
  if (here.starts_with("||")) return "; write 'or' instead of '||'";
  if (here.starts_with("==") || (before == '=' && here.starts_with("=")))
    return "; write '=' instead of '==' (one '=' compares)";
  if (before == '<' && here.starts_with(">")) return "; write '!=' instead of '<>'";
  if (before == '=' && here.starts_with(">"))
    return "; '=>' is not an operator: write '>=' for 'at least', or the action right after the "
           "condition (`when COND add N`)";
  if (here.starts_with("!") && !here.starts_with("!=")) return "; write 'not' instead of '!'";
  auto word = word_at(text, at);
  for (auto w : {word, prev}) {
    if (w == "if") return "; rules start with 'when' (`when COND add N`), not 'if'";
    if (w == "then") return "; leave out 'then': `when COND add N`";
    if (w == "endswith" || w == "ends_with" || w == "endsWith") return "; write 'ends with' (two words)";
    if (w == "startswith" || w == "starts_with" || w == "startsWith")
      return "; write 'starts with' (two words)";
    if (w == "between") return "; there is no 'between': write `x >= A and x <= B`";
    if (w == "AND" || w == "And") return "; write 'and' in lower case";
    if (w == "OR" || w == "Or") return "; write 'or' in lower case";
    if (w == "else" || w == "elif") return "; there is no 'else': write another `when` rule";
  }
  if (msg.starts_with("expected a quoted string") && !word.empty())
    return fmt::format("; quote the text: \"{}\"", word);
  return {};
}

std::string error_message(const pegtl::parse_error& e, std::string_view text, std::size_t at) {
  std::string msg(e.message());
  if (msg == g::nesting_error) return syntax::nested_too_deeply_message();
  if (!msg.starts_with("expected") && !msg.starts_with("unexpected") &&
      !msg.starts_with("unterminated") && !msg.starts_with("invalid")) {
    return "syntax error";  // a raw PEGTL message: never shown as such
  }
  auto prev = previous_token(text, at);
  std::string tip = hint(msg, text, at, prev);
  if (!prev.empty() && msg.starts_with("expected") && !is_line_start_error(msg)) {
    msg += fmt::format(" after '{}'", prev);
  }
  return msg + tip;
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
  return {code, Span{file, s, end},
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

std::size_t line_start(std::string_view text, std::size_t offset) {
  std::size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  return offset == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t next_line(std::string_view text, std::size_t offset) {
  std::size_t nl = text.find('\n', offset);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

std::size_t skip_blanks(std::string_view text, std::size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  return offset;
}

// What kind of block a `{` opened: the words of its items and of its messages.
enum class Block { Group, Test, Schema };

// Whether the line at `pos` starts another item of `block` (or its `}`), where reading goes on
// after a syntax error in the item before.
bool starts_item(std::string_view text, std::size_t pos, Block block) {
  std::size_t at = skip_blanks(text, pos);
  if (at < text.size() && text[at] == '}') return true;
  auto word = first_word(text, pos);
  switch (block) {
    case Block::Group: return word == "when" || starts_top_level_statement(word, false);
    case Block::Test:
      return word == "as" || word == "lead" || word == "expect" || starts_top_level_statement(word, false);
    case Block::Schema: {
      // A field line, `name:` (a line that only continues an enum's members is not one), or the
      // schema's `missing [...]`.
      if (word == "missing") return true;
      if (word.empty() || word.find('}') != std::string_view::npos) return false;
      std::size_t after = skip_blanks(text, at + word.size());
      return after < text.size() && text[after] == ':';
    }
  }
  return false;
}

// Whether a line that is only `}` comes after `offset` before the next group or test block: then a
// statement at `offset` is one misplaced inside the block (reported as such), not the end of a block
// left open.
bool closed_later(std::string_view text, std::size_t offset) {
  for (std::size_t pos = next_line(text, offset); pos < text.size(); pos = next_line(text, pos)) {
    auto word = first_word(text, pos);
    if (word == "group" || word == "test") return false;
    std::size_t at = skip_blanks(text, pos);
    if (at < text.size() && text[at] == '}') return true;
  }
  return false;
}

std::uint32_t line_of(const SourceFile& src, std::size_t offset) {
  return src.line_col(static_cast<std::uint32_t>(offset)).line;
}

// Reads the body of a block whose head ends at `offset` (just after its `{`), item by item: a
// broken item is reported and reading goes on at the next line that starts an item, so that every
// mistake of a block shows in one run, and the good items before and after it still count.
// `lower_item` takes each item's parse tree. Returns the offset after the block's `}` (or where a
// statement after an unclosed block begins), and sets `end` to where the block's text ends.
template <typename Item>
std::size_t parse_block_body(const SourceFile& src, std::uint32_t file, Diagnostics& diags,
                             std::size_t offset, std::size_t opened_at, Block block,
                             std::string_view block_name,
                             const std::function<void(const g::Node&)>& lower_item, std::size_t& end) {
  std::string_view text = src.text();
  auto unclosed = [&](std::size_t at) {
    static constexpr std::string_view kinds[] = {"group", "test", "schema"};
    auto s = static_cast<std::uint32_t>(at);
    diags.report({Code::SyntaxError, Span{file, s, s},
                  fmt::format("expected '}}' to close the {} {} opened on line {}",
                              kinds[static_cast<int>(block)], block_name, line_of(src, opened_at)),
                  {}});
  };
  while (!diags.full(file)) {
    std::size_t after_skip = offset;
    parse_at<g::skip>(src, offset, after_skip);
    offset = after_skip;
    if (offset >= text.size()) {
      unclosed(text.size());
      end = text.size();
      return text.size();
    }
    if (text[offset] == '}') {
      end = offset + 1;
      return offset + 1;
    }
    // A statement where an item was expected: the block was not closed. Say where it opened, and
    // read the statement as one (its line is not part of the block).
    auto word = first_word(text, offset);
    if (block != Block::Schema && starts_top_level_statement(word, false) &&
        offset == skip_blanks(text, line_start(text, offset)) && !closed_later(text, offset)) {
      unclosed(offset);
      end = offset;
      return offset;
    }
    try {
      std::size_t item_end = offset;
      auto root = parse_at<Item>(src, offset, item_end);
      if (!root) {
        // The item's rule did not match at all (no commit point was reached, so nothing threw):
        // e.g. a reserved word where a field's name goes. Report it and go on as after an error.
        static constexpr std::string_view expected[] = {
            "expected a rule 'when ...' or '}' to close the group",
            "expected a test line ('lead {...}', 'as of ...' or 'expect ...') or '}'",
            "expected a field 'name: type' or '}' (a field's name may not be a keyword)"};
        const std::size_t line_end = std::min(text.find('\n', offset), text.size());
        diags.report({Code::SyntaxError, Span{file, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(line_end)},
                      std::string(expected[static_cast<int>(block)]), {}});
        std::size_t pos = next_line(text, offset);
        while (pos < text.size() && !starts_item(text, pos, block)) pos = next_line(text, pos);
        offset = pos;
        continue;
      }
      for (const auto& child : root->children) lower_item(*child);
      if (item_end <= offset) break;  // never loop forever
      offset = item_end;
    } catch (const pegtl::parse_error& e) {
      Diagnostic d = syntax_error(e, file, text, offset);
      std::size_t at = std::max<std::size_t>(d.span.begin, offset);
      diags.report(std::move(d));
      std::size_t pos = next_line(text, at);
      while (pos < text.size() && !starts_item(text, pos, block)) pos = next_line(text, pos);
      offset = pos;
    }
  }
  end = text.size();
  return text.size();
}

// A group or test block at `offset`: its head, then its items one by one. A broken head is reported
// and its body skipped as before. Returns where reading goes on.
std::size_t parse_block(const SourceFile& src, std::uint32_t file, Diagnostics& diags,
                        syntax::Lowerer& lower, ast::Model& model, std::size_t offset, bool is_group) {
  std::string_view text = src.text();
  std::size_t head_end = offset;
  try {
    auto head = is_group ? parse_at<g::group_head>(src, offset, head_end)
                         : parse_at<g::test_head>(src, offset, head_end);
    std::size_t block_end = head_end, next = head_end;
    if (is_group) {
      int index = lower.group_head(*head, model);
      auto name = model.groups[static_cast<std::size_t>(index)].name;
      next = parse_block_body<g::group_item>(
          src, file, diags, head_end, offset, Block::Group, fmt::format("'{}'", name),
          [&](const g::Node& n) { lower.group_rule(n, index, model); }, block_end);
      model.groups[static_cast<std::size_t>(index)].span =
          Span{file, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(block_end)};
    } else {
      ast::TestBlock t = lower.test_head(*head);
      next = parse_block_body<g::test_item>(
          src, file, diags, head_end, offset, Block::Test, fmt::format("\"{}\"", t.name),
          [&](const g::Node& n) { lower.test_line(n, t); }, block_end);
      t.span = Span{file, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(block_end)};
      model.tests.push_back(std::move(t));
    }
    if (block_end > 0 && text[block_end - 1] == '}') {
      // After the `}`: the end of the statement, as for any other.
      std::size_t end = block_end;
      try {
        parse_at<pegtl::must<g::expect_stmt_end>>(src, block_end, end);
        return end;
      } catch (const pegtl::parse_error& e) {
        Diagnostic d = syntax_error(e, file, text, block_end);
        std::size_t at = d.span.begin;
        diags.report(std::move(d));
        return resynchronise(text, at, at);
      }
    }
    return next;
  } catch (const pegtl::parse_error& e) {
    Diagnostic d = syntax_error(e, file, text, offset);
    std::size_t at = d.span.begin;
    diags.report(std::move(d));
    return resynchronise(text, offset, at);
  }
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
    auto word = first_word(text, offset);
    if (word == "group" || word == "test") {
      offset = parse_block(src, file, diags, lower, model, offset, word == "group");
      continue;
    }
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
  // The head, then field by field, so that every broken field is reported (not only the first).
  std::size_t head_at = offset;
  try {
    std::size_t end = offset;
    parse_at<g::skip>(src, offset, end);
    head_at = end;
    auto head = parse_at<pegtl::sor<g::schema_head, pegtl::must<g::expect_schema_decl>>>(src, head_at, end);
    lower.schema_head(*head, out);
    std::size_t block_end = end;
    offset = parse_block_body<g::schema_item>(
        src, file, diags, end, head_at, Block::Schema, fmt::format("'{}'", out.name),
        [&](const g::Node& n) { lower.schema_field(n, out); }, block_end);
    out.span = Span{file, static_cast<std::uint32_t>(head_at), static_cast<std::uint32_t>(block_end)};
    if (offset < text.size()) parse_at<pegtl::seq<g::skip, pegtl::must<g::expect_eof>>>(src, offset, end);
  } catch (const pegtl::parse_error& e) {
    diags.report(syntax_error(e, file, text, offset));
  }
  return out;
}

}  // namespace leadscore
