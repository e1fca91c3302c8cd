// Naming many cells of one table in one message: the blank cells of a table, the cells this
// tool could not read. Cells are listed by row ("“一、本年新收…”行“科研机构”“总计”列") or by
// column, whichever takes fewer groups, so that a blank column reads as one item.
#pragma once

#include <vector>

#include "extract/model/bilingual.h"
#include "extract/model/finding.h"
#include "extract/rules/rules.h"

namespace nianbao::checks {

enum class CellGrouping { Shorter, ByRow };

// The cells, each named by its row and column labels, with what was printed in them when
// `with_text` ("（“/”）"; said once for a group whose cells all show the same text).
// `table_cells` (may be empty) are all the cells of the table checked, in reading order: a
// group that is most of its line is named by what it leaves out ("“其他”列除“一、本年新收”外
// 各行"), one that is all of it as such ("“科研机构”列各行").
Text cell_list(const std::vector<CellRef>& cells, const Rules& rules, const std::string& table,
               const std::string& version, bool with_text, CellGrouping grouping = CellGrouping::Shorter,
               const std::vector<CellRef>& table_cells = {});

// Sets the finding's row (column) when every cell is in that row (column).
void shared_line(const std::vector<CellRef>& cells, Finding& f);

}  // namespace nianbao::checks
