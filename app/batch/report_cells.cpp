#include "app/batch/report_cells.h"

#include "extract/rules/rules.h"

namespace nianbao::batch {

using json = nlohmann::ordered_json;

namespace {

// "review.upheld" → ("review", "upheld"): the flat keys of proactive and reviews.
CellKey split(const std::string& table, const std::string& key) {
  auto dot = key.rfind('.');
  if (dot == std::string::npos) return {table, key, ""};
  return {table, key.substr(0, dot), key.substr(dot + 1)};
}

}  // namespace

std::map<CellKey, double> numeric_cells(const json& result) {
  std::map<CellKey, double> out;
  auto report = result.find("report");
  if (report == result.end() || !report->is_object()) return out;
  auto tables = report->find("tables");
  if (tables == report->end() || !tables->is_object()) return out;
  for (const auto& [table, t] : tables->items()) {
    if (!t.is_object()) continue;
    if (auto rows = t.find("rows"); rows != t.end() && rows->is_array()) {
      for (const auto& row : *rows) {
        auto values = row.find("values");
        if (values == row.end() || !values->is_object()) continue;
        for (const auto& [col, v] : values->items())
          if (v.is_number()) out[{table, row.value("key", ""), col}] = v.get<double>();
      }
    } else if (auto values = t.find("values"); values != t.end() && values->is_object()) {
      for (const auto& [key, v] : values->items())
        if (v.is_number()) out[split(table, key)] = v.get<double>();
    }
  }
  return out;
}

std::string cell_label(const Rules& rules, const CellKey& c, const std::string& version) {
  std::string out = "“" + rules.labels.row_name(c.table, c.row, version).zh + "”";
  if (!c.column.empty()) out += "“" + rules.labels.column_name(c.table, c.column, version).zh + "”";
  return out;
}

json cell_json(const CellKey& c) {
  json j{{"table", c.table}, {"row", c.row}};
  if (!c.column.empty()) j["column"] = c.column;
  return j;
}

}  // namespace nianbao::batch
