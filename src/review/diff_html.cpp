// `leadscore diff --format html`: placeholder until the review stage's HTML blocks are in.
#include "review/diff_render.hpp"

namespace leadscore {

std::string render_diff_html(const DiffReport& r) { return render_diff_text(r); }

}  // namespace leadscore
