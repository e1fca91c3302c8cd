// The summary spreadsheet (XLSX, opens in Excel, WPS and LibreOffice) that a 政务公开办 files:
// an overview sheet first, one row per file sorted by agency and year, with its status and a
// link to its HTML page; then one sheet per table with every cell under its official Chinese row
// and column names, page and line; the findings; the cross-report findings.
#pragma once

#include <string>

namespace nianbao {
struct Rules;
}

namespace nianbao::batch {

class Store;

// `html_dir` (may be empty): where the report pages are, linked from the overview relative to
// the spreadsheet's own directory, so the two can be moved together. Throws
// std::runtime_error when the file cannot be written.
void write_xlsx(const Store& store, const std::string& path, const Rules& rules, const std::string& html_dir);

}  // namespace nianbao::batch
