// Layout: which tokens go on which output line, at what indentation (docs/fmt.md has the rules).
//
// What must stay true, so that formatting never changes meaning:
// - Tokens come out in source order, each spelled as written (strings only re-escaped).
// - A line break is only added where a statement may end (between statements, after a body's
//   `{`, before its `}`) and only removed between statements (blank lines); inside a statement
//   every source line break is kept and no new one is made. So a multi-line condition or list
//   keeps its shape, and a comment inside it stays at the end of its line.
// - Spaces are only dropped where the grammar does not need them to separate two tokens.
//
// Statements are found from tokens: the formatter runs only on files that parsed, and in each kind
// of body a statement starts with a word that cannot continue the previous statement after a line
// break (a keyword at the top level, `when` in a group, a field name in a schema).
#include <string>

#include "fmt/lines.hpp"
#include "fmt/strings.hpp"
#include "leadscore/keywords.hpp"

namespace leadscore::formatter {

namespace {

enum class Body { Top, Group, Test, Schema };
enum class RunKind { None, Tier };

constexpr int indent_step = 2;        // inside a `{ }` body
constexpr int continuation_step = 4;  // a statement's second and later lines

bool is_statement_start(Body body, const Token& t) {
  if (t.kind != TokKind::Word) return false;
  std::string_view w = t.text;
  switch (body) {
    case Body::Top:
      return w == "model" || w == "schema" || w == "import" || w == "let" || w == "group" ||
             w == "when" || w == "reject" || w == "score" || w == "qualify" || w == "tier" ||
             w == "test";
    case Body::Group: return w == "when";
    case Body::Test: return w == "as" || w == "lead" || w == "expect";
    case Body::Schema: return !is_reserved_word(w) || w == "missing";  // a field, or `missing [...]`
  }
  return false;
}

Body body_of(std::string_view head) {
  if (head == "group") return Body::Group;
  if (head == "test") return Body::Test;
  return Body::Schema;
}

// Whether `t` can end an operand, so that a '-' after it is a binary minus.
bool ends_operand(const Token& t) {
  switch (t.kind) {
    case TokKind::Number:
    case TokKind::Date:
    case TokKind::String:
    case TokKind::Regex: return true;
    case TokKind::Word: return !is_reserved_word(t.text) || t.text == "true" || t.text == "false";
    case TokKind::Punct: return t.text == ")" || t.text == "]";
    case TokKind::Comment: return false;
  }
  return false;
}

bool is_opener(const Token& t) { return t.punct("(") || t.punct("[") || t.punct("{"); }

// The blank between two tokens on one line: none inside brackets, before `, : %` and closers,
// after a unary minus and between a function (or `enum`, `set`) and its `(`; one space elsewhere.
std::string_view gap(const Token& prev, bool prev_is_unary_minus, const Token& next) {
  if (prev_is_unary_minus) return "";
  if (next.kind == TokKind::Punct &&
      (next.text == "," || next.text == ")" || next.text == "]" || next.text == ":" || next.text == "%"))
    return "";
  if (prev.punct("(") || prev.punct("[")) return "";
  if (prev.punct("{") && next.punct("}")) return "";
  if (next.punct("(") && prev.kind == TokKind::Word &&
      (!is_reserved_word(prev.text) || prev.text == "enum" || prev.text == "set"))
    return "";
  return " ";
}

class Layout {
 public:
  explicit Layout(const std::vector<Token>& tokens) : toks_(tokens) {}

  std::vector<Line> run() {
    body(Body::Top, 0);
    return std::move(lines_);
  }

 private:
  bool ends_statement(Body body, std::size_t i) const {
    if (i >= toks_.size()) return true;
    const Token& t = toks_[i];
    return t.punct(";") || t.punct("}") || (t.breaks_before > 0 && is_statement_start(body, t));
  }

  std::size_t after_comments(std::size_t i) const {
    while (i < toks_.size() && toks_[i].kind == TokKind::Comment) ++i;
    return i;
  }

  void push(Line line) {
    if (!line.code.empty() || !line.comment.empty()) lines_.push_back(std::move(line));
  }

  void body(Body kind, int indent);
  void statement(Body kind, int indent, bool blank, int run);

  const std::vector<Token>& toks_;
  std::size_t pos_ = 0;
  std::vector<Line> lines_;
  int next_run_ = 0;
};

// The statements and comments of a file or of a `{ }` body, up to its `}` (not consumed).
void Layout::body(Body kind, int indent) {
  bool first = true;  // no blank line at the start of a file or a body
  RunKind run_kind = RunKind::None;
  int run = -1;
  // A schema's field types line up across the whole schema, blank lines or not.
  const int schema_run = kind == Body::Schema ? next_run_++ : -1;
  while (pos_ < toks_.size()) {
    const Token& t = toks_[pos_];
    if (t.punct("}") && kind != Body::Top) return;
    if (t.punct(";")) {
      ++pos_;
      continue;
    }
    const bool blank = !first && t.breaks_before >= 2;
    if (t.kind == TokKind::Comment) {
      if (t.breaks_before == 0 && !lines_.empty() && lines_.back().comment.empty()) {
        lines_.back().comment = std::string(t.text);  // after a statement, a `{` or a `}`
      } else {
        Line line;
        line.indent.extra = indent;
        line.comment = std::string(t.text);
        line.blank_before = blank;
        lines_.push_back(std::move(line));
        first = false;
        if (blank) run_kind = RunKind::None;
      }
      ++pos_;
      continue;
    }
    const RunKind k = kind == Body::Top && t.word("tier") ? RunKind::Tier : RunKind::None;
    if (k != run_kind || blank) run = k == RunKind::None ? -1 : next_run_++;
    run_kind = k;
    statement(kind, indent, blank, kind == Body::Schema ? schema_run : run);
    first = false;
  }
}

// The first token of a statement's expression (a `let`'s value, a rule's or reject's condition):
// continuation lines outside brackets line up under it.
std::size_t expression_start(const std::vector<Token>& toks, std::size_t start) {
  const Token& head = toks[start];
  if (head.word("let")) return start + 2 < toks.size() && toks[start + 2].punct("=") ? start + 3 : no_pos;
  if (head.word("when")) return start + 1;
  if (head.word("reject")) return start + 2;
  return no_pos;
}

// One statement from pos_: its tokens, its inner comments, and its body if it has one.
void Layout::statement(Body kind, int indent, bool blank, int run) {
  const std::size_t start = pos_;
  const std::string_view head = toks_[start].text;
  // The aligned prefix ends after the second token: a `tier`'s name, a field's ':'.
  // A schema's own `missing [...]` or `format "..."` line has no `name:` to line up.
  const bool schema_line = kind == Body::Schema && (head == "missing" || (head == "format" && start + 1 < toks_.size() &&
                                                                           !toks_[start + 1].punct(":")));
  const std::size_t pad_after = run >= 0 && !schema_line ? start + 1 : no_pos;
  const std::size_t expr_start = expression_start(toks_, start);
  const int first_line = static_cast<int>(lines_.size());
  Line line;
  line.indent.extra = indent;
  line.blank_before = blank;
  line.run = run;
  // Continuation lines outside brackets: under the expression when it starts on the first line,
  // else four spaces in. Inside a bracket: under the first token after it when that is on the
  // bracket's line, else four spaces in from that line; a closer that starts a line goes where
  // the line of its opener starts.
  Anchor base{first_line, 0, continuation_step};
  struct Open {
    Anchor content, close;
  };
  std::vector<Open> open;
  auto continuation = [&] { return open.empty() ? base : open.back().content; };
  const Token* prev = nullptr;
  bool prev_is_unary_minus = false;
  bool after_opener = false;

  while (pos_ < toks_.size()) {
    const Token& t = toks_[pos_];
    if (t.kind == TokKind::Comment) {
      // Comments after the statement's last token belong to the body around it.
      if (open.empty() && ends_statement(kind, after_comments(pos_))) break;
      if (t.breaks_before == 0 && !line.code.empty()) {
        line.comment = std::string(t.text);
      } else {
        push(std::move(line));
        line = Line{};
        Line own;
        own.indent = continuation();
        own.comment = std::string(t.text);
        lines_.push_back(std::move(own));
      }
      after_opener = false;
      ++pos_;
      continue;
    }
    if (pos_ != start && open.empty() && ends_statement(kind, pos_)) break;

    const bool closer = t.punct(")") || t.punct("]") || (t.punct("}") && !open.empty());
    const int here = static_cast<int>(lines_.size());  // the index `line` gets when pushed
    if (pos_ != start && t.breaks_before > 0) {
      push(std::move(line));
      line = Line{};
      line.indent = closer ? open.back().close : continuation();
    } else if (prev != nullptr) {
      // After a field's type: `key`, `required`, `from "..."`, `missing [...]`, `format "..."`.
      const bool modifier = kind == Body::Schema && open.empty() &&
                            (t.word("key") || t.word("required") || t.word("from") || t.word("missing") ||
                             t.word("format"));
      if (modifier && here == first_line && line.modifiers_at == no_pos) line.modifiers_at = line.code.size();
      line.code += gap(*prev, prev_is_unary_minus, t);
      if (after_opener) open.back().content = Anchor{here, line.code.size(), 0};
      if (pos_ == expr_start && here == first_line) base = Anchor{here, line.code.size(), 0};
    }

    // In a test body a `{` opens a `lead { }` record; everywhere else, a body.
    if (t.punct("{") && open.empty() && kind != Body::Test) {
      // A group's, test's or schema's body: one statement per line, indented.
      line.code += '{';
      push(std::move(line));
      ++pos_;
      body(body_of(head), indent + indent_step);
      if (pos_ < toks_.size()) ++pos_;  // the body's '}'
      Line close;
      close.indent.extra = indent;
      close.code = "}";
      lines_.push_back(std::move(close));
      return;
    }

    line.code += t.kind == TokKind::String ? canonical_string(t.text) : std::string(t.text);
    if (pos_ == pad_after) line.pad_at = line.code.size();
    after_opener = is_opener(t);
    if (after_opener) {
      open.push_back({Anchor{here, 0, continuation_step}, Anchor{here, 0, 0}});
    } else if (closer) {
      open.pop_back();
    }
    prev_is_unary_minus = t.punct("-") && !(prev != nullptr && ends_operand(*prev));
    prev = &t;
    ++pos_;
  }
  push(std::move(line));
}

}  // namespace

std::vector<Line> layout(const std::vector<Token>& tokens) { return Layout(tokens).run(); }

}  // namespace leadscore::formatter
