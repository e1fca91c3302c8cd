// The summary spreadsheet (XLSX, opens in Excel, WPS and LibreOffice): one row per report,
// one sheet per table with every cell, the findings, the cross-report findings.
#pragma once

#include <string>

namespace nianbao::batch {

class Store;

// Throws std::runtime_error when the file cannot be written.
void write_xlsx(const Store& store, const std::string& path);

}  // namespace nianbao::batch
