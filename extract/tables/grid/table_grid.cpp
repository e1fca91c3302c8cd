#include "extract/tables/grid/table_grid.h"

#include "extract/tables/grid/grid_build.h"
#include "extract/tables/grid/grid_table.h"
#include "extract/tables/table_cells.h"

namespace nianbao {

std::optional<Table> rebuild_table_from_grid(const Document& doc, const Schema& schema, const SchemaTable& st,
                                             const std::vector<PageTokens>& pages,
                                             const std::vector<const Schema*>& others) {
  std::vector<GridTable> tables = grid_tables(doc, pages);
  if (tables.empty()) return std::nullopt;
  Table t = st.wide ? build_grid_wide(schema, st, tables)
            : st.part == 2 ? build_grid_items(schema, st, tables)
                           : build_grid_rows(schema, st, tables, others);
  // A row the report lacks has its cells all blank, as the text rebuilding gives it.
  for (TableRow& row : t.rows) {
    if (row.found || !row.cells.empty()) continue;
    int idx = st.row_index(row.key);
    if (idx < 0) continue;
    for (const auto& ck : st.rows[static_cast<size_t>(idx)].columns)
      row.cells[ck] = placed_cell(std::nullopt, *st.column(ck), row.loc, false);
  }
  return t;
}

}  // namespace nianbao
