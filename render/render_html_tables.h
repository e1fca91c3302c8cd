// The rebuilt tables of a report as HTML, laid out like the official format.
#pragma once

#include <string>
#include <vector>

#include "extract/model/bilingual.h"
#include "extract/model/check_result.h"

namespace nianbao {

struct Rules;

// The id of a cell element: "cell-applications-denied_state_secret-total".
std::string cell_id(const std::string& table, const std::string& row, const std::string& column);

// The cells a finding is about: its own cell first, then the other cells of the relation it
// comes from (the cells the sum involved), as element ids. Empty when it names no cell.
std::vector<std::string> finding_cells(const Finding& f, const Report& report, const Rules& rules);

// Every table of the report; cells with findings carry class "bad" and a title with the rule
// and message; findings are numbered as in `r.findings` (data-findings="0 3").
std::string render_tables_html(const CheckResult& r, const Rules& rules, Lang lang);

}  // namespace nianbao
