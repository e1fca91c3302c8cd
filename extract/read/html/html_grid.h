// A table as HTML (<td rowspan colspan>) or DOCX (<w:gridSpan>, <w:vMerge>) marks it, expanded
// into the rectangular grid the text-table rebuilding reads (Line::cells).
//
// How a merged cell fills the grid, and why:
// - across its columns (colspan / gridSpan), a label repeats in every column it covers. The
//   rebuilding takes the cells after a row's label as its numbers, so “（一）予以公开” spanning two
//   label columns must not leave an empty cell between the label and the first number: with a
//   blank last column (上海 2019 leaves “总计” empty) the numbers would shift by one. A number
//   spanning columns stays in its first column and the others are empty: a number printed once
//   is one value.
// - down its rows (rowspan / vMerge), the rows below get an empty cell: a group label such as
//   “（三）不予公开” is printed once, as in a table copied out of Word as text.
// - a grid column that every row spans across (no cell shows in it alone: the sliver an
//   editor leaves where borders almost line up) is dropped, each cell keeping a column.
// This file serves both the HTML and the DOCX reader.
#pragma once

#include <string>
#include <vector>

namespace nianbao {

struct SourceCell {
  std::string text;  // trimmed
  int colspan = 1;
  int rowspan = 1;   // 0: to the end of the table (HTML)
  bool continues_above = false;  // DOCX <w:vMerge/> without "restart": part of the cell above
};

struct SourceRow {
  std::vector<SourceCell> cells;
  int skip_before = 0;  // DOCX <w:gridBefore>: grid columns left out before the first cell
};

// True for what a table prints as a value: a number with an optional sign, separators and unit
// ("12", "+3", "2,315,831.33 元", "12.5"), or a placeholder ("/", "—", "-", "无").
bool is_value_text(const std::string& text);

// One vector of cell texts per source row, in grid order, spans expanded as described above.
// A row ends at its last occupied column. Spans are clamped to the table (at most
// kMaxGridColumns columns; a rowspan reaching past the last row stops there).
std::vector<std::vector<std::string>> expand_grid(const std::vector<SourceRow>& rows);

inline constexpr int kMaxGridColumns = 1000;

}  // namespace nianbao
