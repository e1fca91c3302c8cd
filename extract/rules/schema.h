// The table schema of one format version (rules/schema-2019.toml, rules/schema-2021.toml): the
// tables, their rows and columns with canonical keys, how their labels are recognised, how
// messages name them, and the sums (from rules/relations.toml) used to split flattened digit
// runs.
//
// Label matching works on text alone, so every reader (text, PDF, HTML, DOCX) can use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model/bilingual.h"

namespace nianbao {

class Relations;

struct SchemaColumn {
  std::string key;
  std::string label;
  std::vector<std::string> variants;
  bool is_signed = false;  // 2019 本年增/减
  bool decimal = false;    // money
  std::string unit;        // "元", "万元" or "" (a count)
  std::string en;          // English name in messages (the Chinese one is the label)
  // Part 3: who applied, "person" (自然人) or "organisation" (法人或其他组织); empty for a
  // column that is not an applicant (总计).
  std::string applicant;
};

struct SchemaRow {
  std::string key;
  std::string label;
  std::vector<std::string> match;  // in match form (see match_form), longest first
  std::string number;              // printed item number ("2" of "2.其他法律…"), may be empty
  std::string group;
  std::vector<std::string> columns;  // the row's columns, in order
  Text name;                         // how messages name the row ("（三）不予公开 1.属于国家秘密")
};

// sum(left) = sum(right), from a relation of rules/relations.toml that holds in this format
// version. Per row: over the columns of each row, `left`/`right` are column globs (rows differ
// in their columns); per column: over the rows of each column, `left`/`right` are the row keys.
struct SchemaSum {
  bool per_row = true;
  std::vector<std::string> left, right;
  std::vector<std::string> only;  // globs of the columns (per column) / rows (per row); empty = all
};

struct SchemaTable {
  std::string key;  // "proactive", "applications", "reviews"
  Text name;
  int part = 0;
  bool wide = false;  // part 4: all numbers after the header, row after row
  std::vector<SchemaColumn> columns;
  std::vector<SchemaRow> rows;
  std::vector<SchemaSum> sums;  // empty until relations are attached

  const SchemaColumn* column(const std::string& key) const;
  // The cells of the table: each row's columns, summed.
  size_t cells() const;
  // The keys of the applicant columns, in order: every one, or those of `kind` ("person",
  // "organisation").
  std::vector<std::string> applicant_columns(std::string_view kind = {}) const;
  int row_index(const std::string& key) const;  // -1 when absent
  // Every row key a relation key stands for ("denied.*" → all denied rows); nothing when the
  // table has no such row ("other" in the 2021 format).
  std::vector<std::string> expand(const std::string& key) const;
};

struct Schema {
  std::string version;  // "2019", "2021": what the report's format_version says
  int since = 0;        // the first report year that must use it (until the next version's)
  Text name;            // how messages name the version ("2021年版")
  std::string path;
  std::vector<std::string> signals;  // match form: labels only this version prints
  std::vector<SchemaTable> tables;

  // Loads a schema file, without sums; throws RulesError naming the file and line when it is
  // malformed.
  static Schema load(const std::string& path);

  // Replaces the sums of every table by the relations of `relations` that apply to this
  // version, their keys resolved against the tables' rows and columns. A relation with a side
  // that names nothing here is left out, and so is one with a tolerance: only exact sums can
  // tell the cuts of a digit run apart.
  void attach(const Relations& relations);

  const SchemaTable* table(const std::string& key) const;

  struct RowMatch {
    std::string table, row;
  };
  // The row a printed label names ("2、其他法律行政法规禁止公开", "（三）不予公开 1.属于国家秘密"):
  // the row whose match text is contained in the label, longest match winning. `table` limits
  // the search to one table when not empty.
  std::optional<RowMatch> match_row(std::string_view label, const std::string& table = "") const;
  // The same for a label read by OCR, which may have misread a character or two: the row one of
  // whose match forms is found in the label with at most one character in six wrong, missing or
  // extra (a form of at least four characters), the closest; none when two rows are as close.
  std::optional<RowMatch> match_row_near(std::string_view label, const std::string& table) const;
  // The column key a printed header names ("社会组织" → social_org) within a table.
  std::optional<std::string> match_column(std::string_view label, const std::string& table) const;
  // The same for a header read by OCR, as match_row_near for a label: exact first, then the
  // closest label or variant found in it with at most one character in six misread.
  std::optional<std::string> match_column_near(std::string_view label, const std::string& table) const;
};

// The form labels are compared in: fold, whitespace removed, "、" after a digit read as "."
// (so "1、" "1．" "1. " all read "1.").
std::string match_form(std::string_view text);
// Where the bytes of a match form come from: from `at` up to the next run, byte `at + k` of the
// match form is byte `from + k` of the folded text. A run per stretch copied unchanged, not an
// offset per byte: the text may be a report flattened to one line of megabytes.
struct MatchRun {
  size_t at = 0, from = 0;
};
// The same on text already folded; `runs`, when given, receives the runs of the result in order
// (appended, their `at` counted from `base`).
std::string match_form_folded(std::string_view folded, std::vector<MatchRun>* runs = nullptr,
                              size_t base = 0);

}  // namespace nianbao
