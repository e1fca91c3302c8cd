// Where the cells and the tables rebuilt from positions were printed: the boxes the model
// keeps so that a renderer can point at a cell on its page without reading the PDF again.
#include <algorithm>

#include "extract/tables/positions/table_positions_build.h"

namespace nianbao {

std::optional<PageBox> box_around(const std::vector<const Token*>& tokens) {
  if (tokens.empty()) return std::nullopt;
  PageBox out{tokens.front()->loc.page, tokens.front()->box};
  for (const Token* t : tokens)
    if (t->loc.page == out.page) out.box = out.box.united(t->box);
  return out;
}

PageBox slot_of(int page, const Column& col, double y0, double y1) {
  return PageBox{page, Box{col.x0, y0, col.x1, y1}};
}

void cover(Table& t, int page, const Box& box) {
  auto at = std::lower_bound(t.regions.begin(), t.regions.end(), page,
                             [](const PageBox& r, int p) { return r.page < p; });
  if (at != t.regions.end() && at->page == page) at->box = at->box.united(box);
  else t.regions.insert(at, PageBox{page, box});
}

void cover_cells(Table& t) {
  for (const auto& row : t.rows)
    for (const auto& [key, cell] : row.cells)
      if (cell.box) cover(t, cell.box->page, cell.box->box);
}

}  // namespace nianbao
