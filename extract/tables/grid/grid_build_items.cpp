// Part 2 from ruled tables: small tables (第二十条第（一）项 …), each row read under the header
// row printed last above it, in the same table or the one before.
#include <algorithm>
#include <map>

#include "extract/tables/grid/grid_build.h"
#include "extract/tables/grid/grid_rows.h"
#include "extract/tables/positions/table_positions_build.h"

namespace nianbao {

namespace {

// The names a header row gives its columns (the cells over each column joined top to
// bottom); none when it names no column of the table.
std::optional<std::vector<std::optional<std::string>>> header_names(const Schema& schema, const SchemaTable& st,
                                                                     const GridTable& t, const GridRow& r) {
  std::vector<std::optional<std::string>> names(static_cast<size_t>(std::max(0, t.cols())));
  bool any = false;
  for (int col = 0; col < t.cols(); ++col) {
    std::string m;
    for (int k : r.values) {
      const GridCell& c = t.cells[static_cast<size_t>(k)];
      if (c.c0 <= col && col < c.c1) m += c.m;
    }
    if (m.empty()) continue;
    names[static_cast<size_t>(col)] = column_named(schema, st.key, m, t);
    any = any || names[static_cast<size_t>(col)].has_value();
  }
  if (!any) return std::nullopt;
  return names;
}

}  // namespace

Table build_grid_items(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables) {
  Table out = empty_table(st);
  std::vector<std::optional<std::string>> names;  // of the last header row
  for (const GridTable& t : tables) {
    int edge = value_edge(t, schema, st.key);
    std::vector<GridRow> rows = grid_rows(t, edge);
    // A row cut by a page end: the rest has no label of its own, or neither part names a row
    // (a header cut in two: "信息" | "内容").
    join_broken_rows(t, rows, [&](const std::string& before, const std::string& m) {
      return !m.empty() && (row_named(schema, st.key, m, t) || row_named(schema, st.key, before, t));
    });
    if (!names.empty() && static_cast<int>(names.size()) != t.cols()) names.clear();
    for (const GridRow& r : rows) {
      auto own = row_named(schema, st.key, joined_m(t, r.labels), t);
      if (!own) own = row_named(schema, st.key, joined_m(t, r.outer) + joined_m(t, r.labels), t);
      int idx = own ? st.row_index(own->row) : -1;
      if (idx < 0) {
        if (auto h = header_names(schema, st, t, r)) {
          names = std::move(*h);
          if (out.loc.page == 0)
            if (const Token* first = first_token(t, r.values)) out.loc = first->loc;
        }
        continue;
      }
      TableRow& row = out.rows[static_cast<size_t>(idx)];
      if (row.found) continue;  // the first time a row is printed is the table
      const SchemaRow& sr = st.rows[static_cast<size_t>(idx)];
      row.found = true;
      const Token* lt = first_token(t, r.labels);
      if (lt) row.loc = lt->loc;
      row.label = joined_text(t, r.labels);
      std::map<std::string, std::vector<const Token*>> placed;
      std::map<std::string, bool> unsure;
      std::map<std::string, PageBox> boxes;
      std::vector<std::optional<std::string>> by_cell = row_names(t, r.values, names, sr.columns);
      for (size_t i = 0; i < r.values.size(); ++i) {
        const GridCell& c = t.cells[static_cast<size_t>(r.values[i])];
        std::optional<std::string> key = by_cell[i];
        if (sr.columns.size() == 1 && !c.empty()) key = sr.columns.front();  // one column: every value is its value
        if (!key || std::find(sr.columns.begin(), sr.columns.end(), *key) == sr.columns.end()) continue;
        boxes.try_emplace(*key, PageBox{c.page, c.box});
        if (c.empty()) continue;
        auto& v = placed[*key];
        v.insert(v.end(), c.tokens.begin(), c.tokens.end());
      }
      for (const auto& ck : sr.columns) {
        auto b = boxes.find(ck);
        put_grid_cell(row, *st.column(ck), placed[ck], unsure[ck],
                      b == boxes.end() ? std::nullopt : std::optional<PageBox>(b->second));
      }
    }
  }
  return out;
}

}  // namespace nianbao
