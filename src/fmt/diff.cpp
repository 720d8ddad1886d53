// A unified line diff for `leadscore fmt --check`. Model files are small: after trimming the
// common head and tail, a longest-common-subsequence table over what is left is cheap enough, and
// simpler to trust than a Myers diff.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "leadscore/format.hpp"

namespace leadscore {

namespace {

constexpr std::size_t context_lines = 3;
constexpr std::size_t max_table_cells = std::size_t{1} << 24;  // 64 MB of uint32

// Lines with their '\n', so that a last line without one differs from the same line with one.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

enum class Edit : std::uint8_t { Keep, Remove, Add };

struct Step {
  Edit edit;
  std::size_t a, b;  // line indexes in before and after (the one not used is where it would go)
};

std::vector<Step> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // Past this many table cells (a huge file changed all over), the middle is shown as removed and
  // added whole: still a correct diff, only not the shortest.
  const bool whole = n * m > max_table_cells;
  // lcs[i][j]: the longest common subsequence of the middle parts from a[head+i] and b[head+j] on.
  std::vector<std::uint32_t> lcs(whole ? 0 : (n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = whole ? 0 : n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::vector<Step> steps;
  for (std::size_t k = 0; k < head; ++k) steps.push_back({Edit::Keep, k, k});
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (whole) {
      if (i < n) {
        steps.push_back({Edit::Remove, head + i++, head + j});
      } else {
        steps.push_back({Edit::Add, head + i, head + j++});
      }
    } else if (i < n && j < m && a[head + i] == b[head + j]) {
      steps.push_back({Edit::Keep, head + i++, head + j++});
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      steps.push_back({Edit::Remove, head + i++, head + j});  // removals first, as diff -u does
    } else {
      steps.push_back({Edit::Add, head + i, head + j++});
    }
  }
  for (std::size_t k = 0; k < tail; ++k) steps.push_back({Edit::Keep, head + n + k, head + m + k});
  return steps;
}

// GNU diff's range: `start,count`, `start` alone for one line, and the line before for none.
std::string range(std::size_t first, std::size_t count) {
  if (count == 1) return fmt::format("{}", first + 1);
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  const std::vector<Step> steps = edit_script(a, b);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", name, name);
  std::size_t s = 0;
  while (s < steps.size()) {
    if (steps[s].edit == Edit::Keep) {
      ++s;
      continue;
    }
    // A hunk: this change, and every later one whose contexts would touch the previous one's.
    std::size_t first = s >= context_lines ? s - context_lines : 0;
    std::size_t last = s;  // the last changed step of the hunk
    for (std::size_t k = s + 1; k < steps.size() && k <= last + 2 * context_lines + 1; ++k) {
      if (steps[k].edit != Edit::Keep) last = k;
    }
    std::size_t end = std::min(steps.size(), last + 1 + context_lines);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t k = first; k < end; ++k) {
      a_count += steps[k].edit != Edit::Add;
      b_count += steps[k].edit != Edit::Remove;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(steps[first].a, a_count), range(steps[first].b, b_count));
    for (std::size_t k = first; k < end; ++k) {
      const Step& st = steps[k];
      if (st.edit == Edit::Keep) append_line(out, ' ', a[st.a]);
      if (st.edit == Edit::Remove) append_line(out, '-', a[st.a]);
      if (st.edit == Edit::Add) append_line(out, '+', b[st.b]);
    }
    s = end;
  }
  return out;
}

}  // namespace leadscore
