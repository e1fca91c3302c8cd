// Builders of the three tables from positions (used by table_positions.cpp): part 3's grid of
// rows × applicant columns, part 2's small item tables, part 4's one-row table under a
// three-level header.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/rules/schema.h"
#include "extract/tables/positions/table_positions_geom.h"

namespace nianbao {

// Every row of `st` in schema order, none found yet.
Table empty_table(const SchemaTable& st);

// Fills one cell from the values placed in it (placed_cell of table_cells.h): one → read, none →
// Empty, several → Unreadable; Unreadable too when `unsure` (a value printed between this
// column and the next could not be placed, or the row owns its values by nearness only):
// only the cells a value may belong to, never the whole row for one value. The cell's box is
// around its values, else `slot`.
void put_cell(TableRow& row, const SchemaColumn& col, const std::vector<const Token*>& values,
              bool unsure, const std::optional<PageBox>& slot = std::nullopt);

// The box around `tokens` on the page of the first; nothing when there are none.
std::optional<PageBox> box_around(const std::vector<const Token*>& tokens);

// Where the value of an empty cell belongs: under `col`, on the row's lines [y0, y1] of `page`.
PageBox slot_of(int page, const Column& col, double y0, double y1);

// Widens the region of `t` on `page` to hold `box`; cover_cells does so for every cell box.
void cover(Table& t, int page, const Box& box);
void cover_cells(Table& t);

// The label cell a line of values at [y0, y1] belongs to (the innermost label naming a row
// whose lines hold it; else the nearest one close by), or -1.
int owner_of(const std::vector<LabelCell>& cells, double y0, double y1, bool* near_only);

// Values of one page grouped by the line they are printed on.
std::map<size_t, std::vector<const Token*>> value_lines(const std::vector<const Token*>& values);

// Part 3 (and any "rows" table whose columns are found from its values).
// `others` are the other format versions' schemas: a row one of them has and `st` lacks (the
// 2019 single-row "（六）其他处理" in a 2021 table) is read under its own key when printed with
// values.
Table build_grid_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages, const std::vector<const Schema*>& others);

// Part 2: small tables, each under its own header.
Table build_item_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages);

// Part 4: the labels are all in the header; one line of values under it.
Table build_wide_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages);

}  // namespace nianbao
