#include "extract/tables/grid/table_grid.h"

#include "extract/tables/grid/grid_build.h"
#include "extract/tables/grid/grid_table.h"

namespace nianbao {

std::optional<Table> rebuild_table_from_grid(const Document& doc, const Schema& schema, const SchemaTable& st,
                                             const std::vector<PageTokens>& pages,
                                             const std::vector<const Schema*>& others) {
  std::vector<GridTable> tables = grid_tables(doc, pages);
  if (tables.empty()) return std::nullopt;
  return st.wide ? build_grid_wide(schema, st, tables)
         : st.part == 2 ? build_grid_items(schema, st, tables)
                        : build_grid_rows(schema, st, tables, others);
}

}  // namespace nianbao
