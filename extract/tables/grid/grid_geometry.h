// The ruled tables of one PDF page, from its ruling lines alone: lines drawn in pieces (a border
// per cell, double borders) merged, the lines that touch each other grouped into tables, and
// each table cut into cells by its row and column boundaries; a cell spans several rows or
// columns where the border between them is not drawn (a merged cell).
#pragma once

#include <vector>

#include "extract/model/model.h"

namespace nianbao {

// A cell of a ruled table: rows [r0, r1) and columns [c0, c1) of the table's elementary grid.
struct RuledCell {
  int r0 = 0, r1 = 1, c0 = 0, c1 = 1;
  Box box;
};

struct RuledTable {
  std::vector<double> xs;  // column boundaries, left to right (columns + 1 of them)
  std::vector<double> ys;  // row boundaries, top to bottom
  std::vector<RuledCell> cells;  // by r0, then c0
  // For every elementary cell (row-major), the index of the cell covering it.
  std::vector<int> owner;
  Box box;
  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
  // The cell whose box holds the point, or -1.
  int cell_at(double x, double y) const;
};

// Positions closer than this (points) are one line: double borders, borders drawn per cell
// that do not quite meet.
constexpr double kRulingTolerance = 1.5;

// The ruled tables of a page, top to bottom: groups of at least two horizontal and two
// vertical lines touching each other.
std::vector<RuledTable> ruled_tables(const std::vector<Ruling>& rulings);

}  // namespace nianbao
