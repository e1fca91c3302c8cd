// Part 4 from a ruled table: one row of values under a three-level header (行政复议 | 行政诉讼;
// 未经复议直接起诉 | 复议后起诉; the five results of each). A value's column is the label stacked
// over it; its row the narrowest group heading over it that names one.
#include <algorithm>
#include <map>

#include "extract/tables/grid/grid_build.h"
#include "extract/tables/grid/grid_rows.h"
#include "extract/tables/positions/table_positions_build.h"
#include "extract/tables/table_decisions.h"

namespace nianbao {

namespace {

struct Slot {
  const GridCell* cell = nullptr;
  std::optional<std::string> key;
  int row = -1;
};

Table build_one(const Schema& schema, const SchemaTable& st, const GridTable& t) {
  Table out = empty_table(st);
  // The row of values: the lowest that prints one; in a table left blank, its last row.
  int data = -1;
  for (const GridCell& c : t.cells)
    if (c.value) data = std::max(data, c.r0);
  if (data < 0) data = t.rows() - 1;
  if (data <= 0) return out;
  std::vector<ColumnHead> heads = column_heads(t, data);
  std::vector<std::optional<std::string>> names(heads.size());
  bool has_header = false;
  for (size_t c = 0; c < heads.size(); ++c) {
    names[c] = column_named(schema, st.key, heads[c].leaf, t);
    has_header = has_header || names[c].has_value();
  }
  if (!has_header) return out;
  std::vector<int> header;
  for (size_t k = 0; k < t.cells.size(); ++k)
    if (t.cells[k].r1 <= data) header.push_back(static_cast<int>(k));
  if (const Token* h = first_token(t, header)) out.loc = h->loc;

  std::vector<Slot> slots;
  for (const GridCell& c : t.cells) {
    if (c.r0 != data) continue;
    Slot s{&c, name_of(names, c.c0, c.c1), -1};
    for (const std::string& g : heads[static_cast<size_t>(c.c0)].groups)
      if (auto m = row_named(schema, st.key, g, t)) {
        s.row = st.row_index(m->row);
        break;
      }
    slots.push_back(s);
  }
  // Fifteen columns in the format's order name themselves.
  if (slots.size() == st.rows.size() * st.columns.size())
    for (size_t i = 0; i < slots.size(); ++i) {
      if (!slots[i].key) slots[i].key = st.columns[i % st.columns.size()].key;
      if (slots[i].row < 0) slots[i].row = static_cast<int>(i / st.columns.size());
    }
  std::map<std::pair<int, std::string>, std::vector<const Token*>> placed;
  std::map<std::pair<int, std::string>, PageBox> boxes;
  std::map<int, Location> row_loc;
  for (const Slot& s : slots) {
    if (s.row < 0 || !s.key) continue;
    boxes.try_emplace({s.row, *s.key}, PageBox{s.cell->page, s.cell->box});
    auto& v = placed[{s.row, *s.key}];
    v.insert(v.end(), s.cell->tokens.begin(), s.cell->tokens.end());
    if (!s.cell->tokens.empty()) row_loc.emplace(s.row, s.cell->tokens.front()->loc);
  }
  for (const Slot& s : slots)
    if (s.row >= 0 && s.key) row_loc.emplace(s.row, out.loc);
  for (size_t r = 0; r < st.rows.size(); ++r) {
    if (!row_loc.count(static_cast<int>(r))) continue;
    TableRow& row = out.rows[r];
    row.found = true;
    row.loc = row_loc[static_cast<int>(r)];
    for (const auto& ck : st.rows[r].columns) {
      auto b = boxes.find({static_cast<int>(r), ck});
      put_grid_cell(row, *st.column(ck), placed[{static_cast<int>(r), ck}], false,
                    b == boxes.end() ? std::nullopt : std::optional<PageBox>(b->second));
    }
  }
  return out;
}

}  // namespace

Table build_grid_wide(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables) {
  Table best = empty_table(st);
  for (const GridTable& t : tables) {
    Table b = build_one(schema, st, t);
    if (rows_found(b) > rows_found(best)) best = std::move(b);
  }
  return best;
}

}  // namespace nianbao
