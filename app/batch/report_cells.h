// The figures of a stored report (the JSON `check` prints), one key per cell, for the checks
// that compare cells of two or more reports: editions of one report, an area's summary against
// its departments.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

// A cell: its table ("applications"), row ("new", "regulations") and column ("natural_person",
// "issued"; "" for a proactive or reviews key without one).
struct CellKey {
  std::string table, row, column;
  bool operator<(const CellKey& o) const {
    return std::tie(table, row, column) < std::tie(o.table, o.row, o.column);
  }
  bool operator==(const CellKey& o) const { return table == o.table && row == o.row && column == o.column; }
};

// Every cell read as a number; a cell printed blank or unreadable is absent.
std::map<CellKey, double> numeric_cells(const nlohmann::ordered_json& result);

// How the report's format prints the cell: "“一、本年新收政府信息公开申请数量”“自然人”".
std::string cell_label(const Rules& rules, const CellKey& cell, const std::string& version);

// The cell as docs/OUTPUT.md names cells of a finding: {"table", "row", "column"}.
nlohmann::ordered_json cell_json(const CellKey& cell);

}  // namespace nianbao::batch
