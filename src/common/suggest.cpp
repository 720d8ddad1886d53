#include "common/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace leadscore {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters each cost 1 (a swap is the commonest typo: `emial`), case ignored.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  };
  std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      d[i * w + j] = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1])) {
        d[i * w + j] = std::min(d[i * w + j], d[(i - 2) * w + j - 2] + 1);
      }
    }
  }
  return d[a.size() * w + b.size()];
}

std::string closest(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::size_t limit = std::clamp<std::size_t>(name.size() / 3, 1, 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (auto c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_distance && c != name) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace leadscore
