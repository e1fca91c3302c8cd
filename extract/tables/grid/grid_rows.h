// How a ruled table reads, for the schema builders: where the values start (the label columns
// are left of them), its rows as their labels make them (a group label spanning several rows,
// a row broken by a page end), and the header stacked over each column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/rules/schema.h"
#include "extract/tables/grid/grid_table.h"

namespace nianbao {

// The row of `table` a label names (`m`, its match form): as printed, or, on a table read by OCR
// (`t.ocr`), allowing a character in six misread (Schema::match_row_near).
std::optional<Schema::RowMatch> row_named(const Schema& schema, const std::string& table, const std::string& m,
                                          const GridTable& t);
// The same for the column of `table` a header names.
std::optional<std::string> column_named(const Schema& schema, const std::string& table, const std::string& m,
                                        const GridTable& t);

// The first value column: where most rows print their first value; without any value, the
// leftmost column whose header names a column of `table`. -1 when neither says.
int value_edge(const GridTable& t, const Schema& schema, const std::string& table);

// A row of the table as its label makes it: the innermost label cell (the one nearest the
// values), the group labels left of it and the cells right of the edge on its rows.
struct GridRow {
  std::vector<int> labels;  // innermost label cells; two when a page break cut the row
  std::vector<int> outer;   // group labels, outermost first
  std::vector<int> values;  // cells of the value columns, top to bottom, left to right
  int edge = 0;             // the row's first value column
  int r0 = 0, r1 = 0;       // rows of the table it covers
  bool continued = false;   // printed first on a page the table continues on
};

// The rows of `t` with their labels left of column `edge`, top to bottom: each row's label is
// its rightmost label cell with text (a blank cell between a label and the values is no label).
// A row whose values start further left, with nothing but values up to `edge` (a table whose
// rows do not line up), has its own edge there.
std::vector<GridRow> grid_rows(const GridTable& t, int edge);

// Joins into the row before it every row printed first on a continued page for which
// `starts_row(before, label)` is false (the match forms of the labels of the row before and of
// the row), or whose row before has no label at all (its label printed wholly on the next page,
// its values on the page before): the rest of a row cut by the page end.
template <typename StartsRow>
void join_broken_rows(const GridTable& t, std::vector<GridRow>& rows, StartsRow starts_row);

// The match form of the cells joined in order.
std::string joined_m(const GridTable& t, const std::vector<int>& cells);
std::string joined_text(const GridTable& t, const std::vector<int>& cells);

// The first word, in reading order, of the cells; null when they are empty.
const Token* first_token(const GridTable& t, const std::vector<int>& cells);

// What the header (the cells above row `header_end`) says over every column: the narrowest
// header cells over it stacked top to bottom (the column's own label), and the wider ones
// (group headings, narrowest first).
struct ColumnHead {
  std::string leaf;
  std::vector<std::string> groups;
};
std::vector<ColumnHead> column_heads(const GridTable& t, int header_end);

// The one name the columns [c0, c1) have (`names` per column, empty when unnamed); none when
// they have none or several.
std::optional<std::string> name_of(const std::vector<std::optional<std::string>>& names, int c0, int c1);

// The column of each of a row's value cells: by the header over it; by order when that does
// not name every cell a different one of the row's `columns` and the row has one cell per
// column (a table whose rows do not line up under the header, a header not read).
std::vector<std::optional<std::string>> row_names(const GridTable& t, const std::vector<int>& cells,
                                                  const std::vector<std::optional<std::string>>& names,
                                                  const std::vector<std::string>& columns);

template <typename StartsRow>
void join_broken_rows(const GridTable& t, std::vector<GridRow>& rows, StartsRow starts_row) {
  std::vector<GridRow> out;
  for (auto& r : rows) {
    bool rest = false;
    if (r.continued && !out.empty()) {
      std::string before = joined_m(t, out.back().labels);
      rest = before.empty() || !starts_row(before, joined_m(t, r.labels));
    }
    if (!rest) {
      out.push_back(std::move(r));
      continue;
    }
    GridRow& prev = out.back();
    prev.labels.insert(prev.labels.end(), r.labels.begin(), r.labels.end());
    prev.values.insert(prev.values.end(), r.values.begin(), r.values.end());
    prev.r1 = r.r1;
  }
  rows = std::move(out);
}

}  // namespace nianbao
