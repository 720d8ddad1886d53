// Allowed warnings: `# leadscore: allow W007` (or `allow duplicate-condition`, several separated by
// blanks or commas) at the end of a warning's line (that line only) or on a comment line of its own
// (the next line that is not blank or a comment), `# leadscore: allow-file W007` anywhere in a
// file, and codes or names given for the run (`check --allow`). Errors are never allowed away. A
// directive that names no warning, or a misspelt `allow`, is itself a warning (W014): a silent
// typo would leave the author sure a warning is handled.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/suggest.hpp"
#include "leadscore/lint.hpp"

namespace leadscore {

namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The allow directive of one line, if it has one: `# leadscore: allow[-file] A, B`.
struct Directive {
  bool whole_file = false;
  bool own_line = false;           // the comment stands alone on its line
  std::vector<std::string> items;  // lower-cased codes or names
  std::vector<std::size_t> item_at;  // each item's offset in the line
  std::string keyword;             // the word after `leadscore:` when it is not allow[-file]
  std::size_t keyword_at = 0;
};

std::string_view trimmed_front(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

// The `#` of a line's comment: the first one outside a string literal.
std::size_t comment_start(std::string_view line) {
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (in_string && line[i] == '\\') ++i;
    else if (line[i] == '"') in_string = !in_string;
    else if (!in_string && line[i] == '#') return i;
  }
  return std::string_view::npos;
}

std::optional<Directive> directive(std::string_view line) {
  std::size_t hash = comment_start(line);
  if (hash == std::string_view::npos) return std::nullopt;
  std::string_view rest = trimmed_front(line.substr(hash + 1));
  if (!rest.starts_with("leadscore:")) return std::nullopt;
  rest = trimmed_front(rest.substr(10));
  Directive d;
  d.own_line = trimmed_front(line.substr(0, hash)).empty();
  std::size_t word_end = 0;
  while (word_end < rest.size() && is_word_char(rest[word_end])) ++word_end;
  std::string_view keyword = rest.substr(0, word_end);
  if (keyword == "allow-file") {
    d.whole_file = true;
  } else if (keyword != "allow") {
    d.keyword = std::string(keyword);
    d.keyword_at = static_cast<std::size_t>(rest.data() - line.data());
  }
  rest.remove_prefix(word_end);
  std::string item;
  std::size_t item_at = 0;
  for (std::size_t i = 0; i <= rest.size(); ++i) {
    char c = i < rest.size() ? rest[i] : ' ';
    if (c == '#') c = ' ';  // a comment after the directive ends it
    if (c == ' ' || c == '\t' || c == ',' || c == '\r') {
      if (!item.empty()) {
        d.items.push_back(lowered(item));
        d.item_at.push_back(item_at);
      }
      item.clear();
      if (i < rest.size() && rest[i] == '#') break;
    } else {
      if (item.empty()) item_at = static_cast<std::size_t>(rest.data() + i - line.data());
      item += c;
    }
  }
  return d;
}

bool names(const std::vector<std::string>& items, const CodeInfo& info) {
  return std::any_of(items.begin(), items.end(), [&](const std::string& i) {
    return i == lowered(info.code) || i == info.name;
  });
}

// The directives of one file, read once.
struct FileDirectives {
  std::map<std::uint32_t, std::vector<std::string>> by_line;
  std::vector<std::string> whole_file;
};

// Whether a line holds nothing but blanks and perhaps a comment.
bool blank_or_comment(std::string_view line) {
  std::string_view t = trimmed_front(line);
  return t.empty() || t == "\r" || t.front() == '#';
}

FileDirectives read_directives(const SourceFile& file) {
  FileDirectives out;
  const std::string& text = file.text();
  std::vector<std::string> pending;  // from comment lines above, for the next line of code
  std::uint32_t line = 1;
  for (std::size_t at = 0; at <= text.size(); ++line) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view here = std::string_view(text).substr(at, end - at);
    auto d = directive(here);
    if (d && d->keyword.empty() && d->whole_file) {
      out.whole_file.insert(out.whole_file.end(), d->items.begin(), d->items.end());
    } else if (d && d->keyword.empty() && d->own_line) {
      pending.insert(pending.end(), d->items.begin(), d->items.end());
    } else if (!blank_or_comment(here)) {
      auto& into = out.by_line[line];
      into.insert(into.end(), pending.begin(), pending.end());
      pending.clear();
      if (d && d->keyword.empty()) into.insert(into.end(), d->items.begin(), d->items.end());
    }
    at = end + 1;
  }
  return out;
}

bool is_stdlib_path(std::string_view path) {
  return path.find("/stdlib/") != std::string_view::npos || path.starts_with("stdlib/");
}

}  // namespace

// The allow comments of one file that allow nothing: an unknown keyword or code (W014).
void check_allow_comments(Diagnostics& diags, const SourceManager& sources, std::uint32_t file_id);

std::optional<Code> find_warning(std::string_view code_or_name) {
  std::string want = lowered(code_or_name);
  for (std::size_t i = 0; i < code_table.size(); ++i) {
    const CodeInfo& info = code_table[i];
    if (!info.is_error && (lowered(info.code) == want || info.name == want)) return static_cast<Code>(i);
  }
  return std::nullopt;
}

void apply_allowances(Diagnostics& diags, const SourceManager& sources,
                      const std::vector<std::string>& allow) {
  for (std::uint32_t f = 1; f < sources.size(); ++f) {
    // Stdlib modules are the project's own and checked by its tests; only the user's files here.
    if (!is_stdlib_path(sources.file(f).path())) check_allow_comments(diags, sources, f);
  }
  std::vector<std::string> for_run;
  for (const auto& a : allow) for_run.push_back(lowered(a));
  std::map<std::uint32_t, FileDirectives> files;
  diags.drop_warnings_if([&](const Diagnostic& d) {
    const CodeInfo& info = code_info(d.code);
    if (names(for_run, info)) return true;
    if (d.span.file == 0 || d.span.file >= sources.size()) return false;
    const SourceFile& file = sources.file(d.span.file);
    auto it = files.find(d.span.file);
    if (it == files.end()) it = files.emplace(d.span.file, read_directives(file)).first;
    const FileDirectives& fd = it->second;
    if (names(fd.whole_file, info)) return true;
    std::uint32_t line = file.line_col(d.span.begin).line;
    auto at = fd.by_line.find(line);
    return at != fd.by_line.end() && names(at->second, info);
  });
}

void check_allow_comments(Diagnostics& diags, const SourceManager& sources, std::uint32_t file_id) {
  if (file_id == 0 || file_id >= sources.size()) return;
  const SourceFile& file = sources.file(file_id);
  std::vector<std::string_view> known;  // warning codes (lower case) and names, for suggestions
  std::vector<std::string> codes;
  for (const auto& info : code_table) {
    if (info.is_error) continue;
    codes.push_back(lowered(info.code));
  }
  for (const auto& c : codes) known.push_back(c);
  for (const auto& info : code_table) {
    if (!info.is_error) known.push_back(info.name);
  }
  const std::string& text = file.text();
  for (std::size_t at = 0; at <= text.size();) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    auto d = directive(std::string_view(text).substr(at, end - at));
    auto span_of = [&](std::size_t offset, std::size_t len) {
      auto b = static_cast<std::uint32_t>(at + offset);
      return Span{file_id, b, b + static_cast<std::uint32_t>(len)};
    };
    if (d && !d->keyword.empty()) {
      std::string guess = closest(d->keyword, {"allow", "allow-file"});
      diags.report(Code::BadAllowComment, span_of(d->keyword_at, d->keyword.size()),
                    fmt::format("unknown directive '{}' in a leadscore comment, so it allows nothing{}",
                                d->keyword,
                                guess.empty() ? "; write 'allow CODE' or 'allow-file CODE'"
                                              : fmt::format("; did you mean '{}'?", guess)));
    } else if (d) {
      if (d->items.empty()) {
        diags.report(Code::BadAllowComment, span_of(d->item_at.empty() ? 0 : d->item_at[0], 1),
                      "an allow comment without a warning code; it allows nothing");
      }
      for (std::size_t i = 0; i < d->items.size(); ++i) {
        const std::string& item = d->items[i];
        if (find_warning(item)) continue;
        std::string why;
        bool is_error = std::any_of(code_table.begin(), code_table.end(), [&](const CodeInfo& info) {
          return info.is_error && (lowered(info.code) == item || info.name == item);
        });
        if (is_error) {
          why = "; errors cannot be allowed, only warnings";
        } else {
          std::string guess = closest(item, known);
          if (!guess.empty()) {
            if (guess.size() == 4 && guess[0] == 'w') guess[0] = 'W';
            why = fmt::format("; did you mean '{}'?", guess);
          }
        }
        diags.report(Code::BadAllowComment, span_of(d->item_at[i], item.size()),
                      fmt::format("'{}' is not a warning code or name, so this comment allows "
                                  "nothing{}", std::string_view(text).substr(at + d->item_at[i], item.size()), why));
      }
    }
    at = end + 1;
  }
}

}  // namespace leadscore
