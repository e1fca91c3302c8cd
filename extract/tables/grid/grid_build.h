// Builders of the three tables from ruled tables (the counterparts of
// positions/table_positions_build.h, with cells where the lines say): part 3's rows under a
// header of applicant columns, part 2's small item tables, part 4's one row under a
// three-level header.
#pragma once

#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"
#include "extract/tables/grid/grid_table.h"

namespace nianbao {

// Fills one cell from the words of its grid cell(s): one word → read; words that read as one
// text ("12" "件") → that text; several values → Unreadable, as when `unsure` (the grid cell
// lay over columns of different names). `cell` is the grid cell's box, the cell's box in the
// model.
void put_grid_cell(TableRow& row, const SchemaColumn& col, const std::vector<const Token*>& tokens,
                   bool unsure, const std::optional<PageBox>& cell);

// Part 3 (and any "rows" table of several columns): the rows of every table in turn, the first
// printing of a row counting; a table without a header of its own goes on under the columns of
// the one before. `others` as for build_grid_table (table_positions_build.h).
Table build_grid_rows(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables,
                      const std::vector<const Schema*>& others);

// Part 2: rows of every table in turn, each under the header printed last above it.
Table build_grid_items(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables);

// Part 4: the labels are all in the header, over one row of values.
Table build_grid_wide(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables);

}  // namespace nianbao
