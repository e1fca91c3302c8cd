// The table data the checks run on: which cells add up to which (rules/relations.toml) and the
// schema and display names of rows, columns, parts and cell states (rules/labels.toml).
// Keeping both as data lets a new format version or a new 勾稽关系 be added without code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "validate/catalog.h"

namespace nianbao {

struct Text {
  std::string zh, en;
  const std::string& in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
};

// One arithmetic relation: sum(left) == sum(right), for every column (or every row) of a table.
struct Relation {
  enum class Per { Column, Row };
  std::string id;     // rule id of the findings
  std::string table;  // table key
  Per per = Per::Column;
  // Row keys (per column) or column keys (per row); '*' matches any run of characters.
  std::vector<std::string> left, right;
  std::string check;  // the key of the cell a finding is about
  Text left_label, right_label;
  std::vector<std::string> only;      // restrict to these columns / rows (globs); empty = all
  std::vector<std::string> versions;  // format versions it applies to; empty = all
  double tolerance = 0;
  int line = 0;
};

class Relations {
 public:
  static Relations load(const std::string& path);
  static Relations parse(std::string_view toml_text, const std::string& source_name);
  const std::vector<Relation>& all() const { return relations_; }

 private:
  std::vector<Relation> relations_;
};

// '*' matches any run of characters (dots included); everything else literally.
bool glob_match(std::string_view pattern, std::string_view key);

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
  static Labels load(const std::string& path);
  static Labels parse(std::string_view toml_text, const std::string& source_name);

  const TableLabels* table(std::string_view key) const;
  // Display names; the canonical key when the file has none.
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
