// Ruled tables with their words: each word goes to the cell that holds its centre, and a table
// continued on the next page (the same value columns) is one table, its repeated header dropped.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/tables/positions/table_positions_geom.h"

namespace nianbao {

struct GridCell {
  int r0 = 0, r1 = 1, c0 = 0, c1 = 1;  // rows and columns of the table, across its pages
  int page = 0;
  Box box;
  std::vector<const Token*> tokens;  // in reading order
  std::string text;                  // the words joined
  std::string m;                     // match form of `text`
  bool value = false;                // one of its words is a cell value (number or "/")
  bool empty() const { return tokens.empty(); }
};

struct GridTable {
  std::vector<double> xs;  // column boundaries, those of all its pages
  std::vector<int> row_page;  // the page of every row
  // Rows where the table goes on after a page break (the first row printed on the next page).
  std::vector<int> page_starts;
  std::vector<GridCell> cells;  // by r0, then c0
  // Words made by joining the pieces of a number wrapped inside its cell ("12500" "00元"):
  // cells point into it.
  std::shared_ptr<std::deque<Token>> joined;
  // Read by OCR from a scanned page: its labels may have a character misread, and are matched to
  // the schema's rows allowing for it.
  bool ocr = false;
  int rows() const { return static_cast<int>(row_page.size()); }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
};

// Whether a word is a cell value (a number, with its unit, or a placeholder): wherever it
// stands in a ruled table, not only on lines the reader saw as table rows.
bool is_value_token(const Token& t);

// The ruled tables holding words of `pages` (the words of a part), in reading order. `doc`
// gives each page's rulings.
std::vector<GridTable> grid_tables(const Document& doc, const std::vector<PageTokens>& pages);

}  // namespace nianbao
