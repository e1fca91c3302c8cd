// How messages name tables, rows, columns, parts, format versions and cell states, and the
// schema of rows and columns table.missing_row and table.missing_cell compare a table with.
//
// Tables, rows and columns come from the schema files (rules/schema-<version>.toml) and parts
// from rules/headings.toml, so that each is written once; rules/labels.toml holds only the
// names of format versions and cell states.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/bilingual.h"

namespace nianbao {

class HeadingRules;
struct Schema;

// What a cell may hold.
enum class ValueKind {
  Count,   // non-negative whole number (the default)
  Signed,  // whole number of either sign (2019 本年增/减)
  Amount,  // non-negative, decimals allowed (money)
};

struct ColumnLabel {
  std::string key;
  Text name;
  ValueKind kind = ValueKind::Count;
  std::vector<std::string> versions;  // empty = every version
  std::string applicant;              // part 3: "person", "organisation"; empty for 总计
};

struct RowLabel {
  std::string key;
  Text name;
  std::vector<std::string> versions;  // empty = every version
  std::vector<std::string> columns;   // the row's own columns; empty = the table's columns
};

struct TableLabels {
  std::string key;
  Text name;
  std::vector<RowLabel> rows;        // schema order; a key may repeat for different versions
  std::vector<ColumnLabel> columns;  // schema order

  // The row (or column) for `version`, or the first one with that key when `version` is empty.
  const RowLabel* row(std::string_view key, std::string_view version = {}) const;
  const ColumnLabel* column(std::string_view key, std::string_view version = {}) const;
  // The rows of the format `version`, in order.
  std::vector<const RowLabel*> schema_rows(std::string_view version) const;
  // The columns of `row` in the format `version`.
  std::vector<std::string> schema_columns(const RowLabel& row, std::string_view version) const;
};

class Labels {
 public:
  // The names of labels.toml ([format_version], [cell_state]); throws RulesError naming the
  // file, line and entry.
  static Labels load(const std::string& path);
  static Labels parse(std::string_view toml_text, const std::string& source_name);
  // Adds the tables of a schema, their rows and columns marked with its version. The schema
  // added first names a key when no version is asked for.
  void add_schema(const Schema& schema);
  // Takes the names of the six parts, numbered as printed ("五、…", "5. …").
  void add_parts(const HeadingRules& headings);

  const TableLabels* table(std::string_view key) const;
  // Display names; the canonical key when there is none.
  Text table_name(const std::string& table) const;
  // `version` picks the name a format version prints (规范性文件 in 2019, 行政规范性文件 in 2021).
  Text row_name(const std::string& table, const std::string& row,
                std::string_view version = {}) const;
  Text column_name(const std::string& table, const std::string& column,
                   std::string_view version = {}) const;
  ValueKind column_kind(const std::string& table, const std::string& column) const;
  Text section_name(int number) const;            // "五、存在的主要问题及改进情况"
  Text format_version_name(const std::string& version) const;
  Text cell_state_name(const std::string& state) const;  // "empty", "unreadable", …

 private:
  std::map<std::string, TableLabels, std::less<>> tables_;
  std::map<int, Text> sections_;
  std::map<std::string, Text> versions_, states_;
};

}  // namespace nianbao
