// Allowed warnings: `# leadscore: allow W007` (or `allow duplicate-condition`, several separated by
// blanks or commas) on a warning's line or the line above it, `# leadscore: allow-file W007`
// anywhere in a file, and codes or names given for the run (`check --allow`). Errors are never
// allowed away.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  std::vector<std::string> items;  // lower-cased codes or names
};

std::string_view trimmed_front(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::optional<Directive> directive(std::string_view line) {
  for (auto hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
    std::string_view rest = trimmed_front(line.substr(hash + 1));
    if (!rest.starts_with("leadscore:")) continue;
    rest = trimmed_front(rest.substr(10));
    Directive d;
    if (rest.starts_with("allow-file")) {
      d.whole_file = true;
      rest.remove_prefix(10);
    } else if (rest.starts_with("allow")) {
      rest.remove_prefix(5);
    } else {
      continue;
    }
    std::string item;
    for (char c : rest) {
      if (c == '#') break;  // a comment after the directive
      if (c == ' ' || c == '\t' || c == ',' || c == '\r') {
        if (!item.empty()) d.items.push_back(lowered(item));
        item.clear();
      } else {
        item += c;
      }
    }
    if (!item.empty()) d.items.push_back(lowered(item));
    return d;
  }
  return std::nullopt;
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

FileDirectives read_directives(const SourceFile& file) {
  FileDirectives out;
  const std::string& text = file.text();
  std::uint32_t line = 1;
  for (std::size_t at = 0; at <= text.size(); ++line) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (auto d = directive(std::string_view(text).substr(at, end - at))) {
      auto& into = d->whole_file ? out.whole_file : out.by_line[line];
      into.insert(into.end(), d->items.begin(), d->items.end());
    }
    at = end + 1;
  }
  return out;
}

const CodeInfo* info_of(std::string_view code) {
  for (const auto& info : code_table) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace

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
  std::vector<std::string> for_run;
  for (const auto& a : allow) for_run.push_back(lowered(a));
  std::map<std::uint32_t, FileDirectives> files;
  diags.drop_warnings_if([&](const Diagnostic& d) {
    const CodeInfo* info = info_of(d.code);
    if (!info) return false;
    if (names(for_run, *info)) return true;
    if (d.span.file == 0 || d.span.file >= sources.size()) return false;
    const SourceFile& file = sources.file(d.span.file);
    auto it = files.find(d.span.file);
    if (it == files.end()) it = files.emplace(d.span.file, read_directives(file)).first;
    const FileDirectives& fd = it->second;
    if (names(fd.whole_file, *info)) return true;
    std::uint32_t line = file.line_col(d.span.begin).line;
    for (std::uint32_t l : {line, line - 1}) {
      auto at = fd.by_line.find(l);
      if (at != fd.by_line.end() && names(at->second, *info)) return true;
    }
    return false;
  });
}

}  // namespace leadscore
