// Splitting flattened digit runs: portal text dumps (平潭 2019–2025) print a table row as one run
// of digits with no separators ("640020470"), so the cell boundaries are lost. Only the sums the
// table must satisfy can put them back, and only when exactly one cut satisfies them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nianbao {

struct SplitColumn {
  bool is_signed = false;  // may start with "+" or "-" (2019 本年增/减)
  bool decimal = false;    // may hold one "." (money)
};

// One table row inside the run: its cells in order, and sums over cell indexes that must hold
// (sum of `first` = sum of `second`).
struct SplitRow {
  std::vector<SplitColumn> columns;
  std::vector<std::pair<std::vector<size_t>, std::vector<size_t>>> sums;
};

// Every way to cut `run` (digits, signs and decimal points; no spaces) into the cells of `rows`,
// in order, such that each cell is a well-formed number (no leading zero unless it is "0") and
// every row satisfies its sums. At most `limit` cuts are returned; each cut lists the cell texts
// of all rows one after the other. None when the search is too long to finish (a crafted run):
// a cut is only ever trusted when the whole search was made.
std::vector<std::vector<std::string>> split_run(std::string_view run,
                                                const std::vector<SplitRow>& rows,
                                                size_t limit = 4096);

// For each cell of the cuts: its text when every cut agrees, nothing when they differ.
std::vector<std::optional<std::string>> agreed_cells(
    const std::vector<std::vector<std::string>>& cuts);

// The numeric value of a well-formed cell text ("12", "-3", "+4", "2.52").
double cell_number(std::string_view text);

}  // namespace nianbao
