// Turning printed cell texts into cells, and choosing among the possible cuts of flattened digit
// runs with the sums a table must satisfy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/tables/digit_split.h"
#include "extract/model/model.h"
#include "extract/rules/schema.h"

namespace nianbao {

// A cell from its printed text: a value (converted to the column's unit, with a note when it
// was printed in another), Empty, Placeholder ("/", "—", "-", "无") or Invalid.
Cell make_cell(const std::string& text, const SchemaColumn& column, Location loc);

// The cell of `column` from what a rebuilder could place in it: the one text read for it, else
// Unreadable when numbers were printed for its row but could not be attributed to its cells
// without guessing (a run with several cuts, several values in one cell, values off every
// column), else Empty. Both rebuilders (text and positions) fill every cell through this.
// `row_text` is what was printed for the row, kept on an Unreadable cell (Cell::row_text).
Cell placed_cell(const std::optional<std::string>& text, const SchemaColumn& column,
                 Location loc, bool printed, const std::string& row_text = {});

// A row the report lacks has its cells all blank, as the text rebuilding gives it: every
// rebuilding of a PDF table (ruled grid or word positions) ends with this.
void blank_absent_rows(const SchemaTable& st, Table& t);

// The cut description of some rows of a table: their columns and the per-row sums of the schema.
std::vector<SplitRow> split_rows(const SchemaTable& table, const std::vector<int>& rows);

// The possible contents of one row: each candidate lists the texts of the row's columns.
struct RowCandidates {
  int row = -1;
  std::vector<std::vector<std::string>> cuts;
  bool printed = false;  // something was printed for the row (no candidate means unreadable)
  std::string printed_text;  // the numbers printed for the row, as printed, when known
  Location loc;
};

// Narrows rows that have several candidates with the per-column sums of the table, checked
// only where every cell involved is known. Returns for every row its cell texts, nothing where
// the remaining candidates disagree.
std::vector<std::vector<std::optional<std::string>>> solve_table(
    const SchemaTable& table, const std::vector<RowCandidates>& rows);

}  // namespace nianbao
