// Rows and cells compared with the schema of rules/schema-<version>.toml: table.missing_row,
// table.missing_cell (no number where the format asks for one), table.invalid_value (a number
// the column cannot hold) and table.unreadable (cells this tool could not read, said once for
// the table: a limit of the reading, not a fault of the report).
#include <algorithm>
#include <cmath>
#include <tuple>

#include "extract/tables/stand_in_rows.h"
#include "validate/checks/cell_groups.h"
#include "validate/checks/implied_values.h"
#include "validate/validate.h"

namespace nianbao::checks {

namespace {

struct TableCheck {
  const Table& table;
  const Rules& rules;
  const std::string& version;
  const TableLabels* labels;
  std::vector<Finding>& out;
  const std::vector<int>& ocr_pages;  // pages of the report read by OCR (SourceNotes)
  // The cells of the table that could not be read, in reading order: (row, column, cell).
  std::vector<std::tuple<std::string, std::string, const Cell*>> unreadable = {};
  // The cells without a number, in reading order: blank, and holding a sign ("/", "—", "无").
  std::vector<CellRef> blanks = {}, placeholders = {};
  // Every cell checked, in reading order: what a group of cells is part of.
  std::vector<CellRef> checked = {};
  Location first_missing[2] = {};  // [0] of the placeholders, [1] of the blanks

  Finding start(const char* rule, const std::string& kind, const std::string& row,
                const std::string& column) const {
    Finding f;
    f.rule = rule;
    f.severity = rules.catalog.severity(rule, kind);
    f.table = table.key;
    f.row = row;
    f.column = column;
    put(f, "table", rules.labels.table_name(table.key));
    put(f, "row", rules.labels.row_name(table.key, row, version));
    if (!column.empty()) {
      Text r = rules.labels.row_name(table.key, row, version);
      Text c = rules.labels.column_name(table.key, column, version);
      put(f, "column", c);
      put(f, "where", {"“" + r.zh + "”行“" + c.zh + "”列",
                       "row \"" + r.en + "\", column \"" + c.en + "\""});
    }
    return f;
  }

  void missing_row(const std::string& key, Location loc) {
    Finding f = start("table.missing_row", "", key, "");
    f.loc = first_known({loc, table.loc});
    out.push_back(std::move(f));
  }

  // A cell without a number is kept, to be said with the others of its kind (cell_groups.h).
  void missing_cell(const TableRow& row, const std::string& column, const Cell* cell) {
    CellState state = cell ? cell->state : CellState::Empty;
    std::vector<CellRef>& into = state == CellState::Placeholder ? placeholders : blanks;
    if (into.empty()) first_missing[&into == &blanks] = first_known({cell ? cell->loc : Location{}, row.loc, table.loc});
    into.push_back({row.key, column, cell && state != CellState::Empty ? cell->text : std::string()});
  }

  // The cells of one kind (blank, or a sign such as "/" in place of a number) in one finding:
  // a table left half empty is one thing to fix, not a hundred.
  void said_missing(std::vector<CellRef>& cells, const char* kind, Location loc) {
    if (cells.empty()) return;
    Finding f = start("table.missing_cell", kind, "", "");
    f.loc = loc;
    shared_line(cells, f);
    put(f, "cells", cell_list(cells, rules, table.key, version, *kind == 'p', CellGrouping::Shorter, checked));
    put(f, "count", {std::to_string(cells.size()), std::to_string(cells.size())});
    put(f, "state", rules.labels.cell_state_name(kind));
    f.cells = std::move(cells);
    out.push_back(std::move(f));
  }

  void invalid(const TableRow& row, const std::string& column, const Cell& cell,
               const Text& problem) {
    Finding f = start("table.invalid_value", "", row.key, column);
    f.loc = first_known({cell.loc, row.loc, table.loc});
    f.actual = cell.value;
    f.args["text"] = cell.text.empty() && cell.value ? format_number(*cell.value) : cell.text;
    put(f, "problem", problem);
    out.push_back(std::move(f));
  }

  void check_cell(const TableRow& row, const std::string& column, const Cell* cell) {
    if (!cell) return missing_cell(row, column, nullptr);
    switch (cell->state) {
      case CellState::Empty:
      case CellState::Placeholder:
        return missing_cell(row, column, cell);
      case CellState::Unreadable:
        unreadable.emplace_back(row.key, column, cell);
        return;
      case CellState::Invalid:
        return invalid(row, column, *cell, {"不是数字", "is not a number"});
      case CellState::Value:
        break;
    }
    if (!cell->value) return missing_cell(row, column, cell);
    double v = *cell->value;
    ValueKind kind = rules.labels.column_kind(table.key, column);
    if (v < 0 && kind != ValueKind::Signed)
      return invalid(row, column, *cell, {"是负数", "is negative"});
    if (std::fabs(v - std::round(v)) > 1e-9 && kind != ValueKind::Amount)
      return invalid(row, column, *cell, {"不是整数", "is not a whole number"});
  }

  // The columns a row must have: its schema columns, then any other cell it carries.
  std::vector<std::string> columns_of(const TableRow& row) const {
    std::vector<std::string> cols;
    const RowLabel* rl = labels && !version.empty() ? labels->row(row.key, version) : nullptr;
    if (rl) cols = labels->schema_columns(*rl, version);
    for (const std::string& c : table.columns)
      if (row.cells.count(c) && std::find(cols.begin(), cols.end(), c) == cols.end())
        cols.push_back(c);
    for (const auto& [c, cell] : row.cells)
      if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
    return cols;
  }

  // A row the report lacks is shown where a reader would look for it: at the next row that
  // is there (or the one before it, at the end of the table).
  Location where_row_belongs(size_t index) const {
    for (size_t k = index + 1; k < table.rows.size(); ++k)
      if (table.rows[k].found && table.rows[k].loc.known()) return table.rows[k].loc;
    for (size_t k = index; k-- > 0;)
      if (table.rows[k].found && table.rows[k].loc.known()) return table.rows[k].loc;
    return table.loc;
  }

  // A row of the other format version printed in place of this version's rows: the 2019
  // single "（六）其他处理" row in a 2021 table (洪泽区 2023, 2024) stands for other.*, so those
  // rows are not missing — the layout is wrong, and that is said once.
  // The decision is the one the table readers take (extract/tables/stand_in_rows.h).
  std::vector<std::string> replaced_groups() {
    std::vector<std::string> groups;
    const Schema* schema = rules.schema(version);
    const SchemaTable* st = schema ? schema->table(table.key) : nullptr;
    if (!st) return groups;
    std::vector<const Schema*> others;
    for (const Schema& s : rules.schemas)
      if (&s != schema) others.push_back(&s);
    for (const TableRow& row : table.rows) {
      if (!row.found || !stand_in_row(*st, others, row.key)) continue;
      groups.push_back(row.key);
      Finding f = start_finding("structure.format_version.row", rules);
      f.table = table.key;
      f.row = row.key;
      f.loc = first_known({row.loc, table.loc});
      f.args["label"] = row.label;
      put(f, "required", rules.labels.format_version_name(version));
      out.push_back(std::move(f));
    }
    return groups;
  }

  // Whether `key` is a row of one of the `groups` of this version's table.
  bool in_groups(const std::string& key, const std::vector<std::string>& groups) const {
    const Schema* schema = rules.schema(version);
    const SchemaTable* st = schema ? schema->table(table.key) : nullptr;
    int i = st ? st->row_index(key) : -1;
    if (i < 0) return false;
    const std::string& group = st->rows[static_cast<size_t>(i)].group;
    return !group.empty() && std::find(groups.begin(), groups.end(), group) != groups.end();
  }

  // A table without a single number (an unfilled template, a draft): one finding for the whole
  // table says more than one per cell (185 for the 2021 template).
  bool blank_table() {
    bool any_cell = false;
    for (const TableRow& row : table.rows)
      for (const auto& [col, cell] : row.cells) {
        if (cell.state != CellState::Empty) return false;
        any_cell = true;
      }
    if (!any_cell) return false;
    Finding f = start("table.missing_cell", "empty", "", "");
    f.loc = table.loc;
    size_t count = 0;
    for (const TableRow& row : table.rows) count += row.cells.size();
    put(f, "count", {std::to_string(count), std::to_string(count)});
    put(f, "cells", {"全部单元格", "every cell"});
    put(f, "state", rules.labels.cell_state_name("empty"));
    out.push_back(std::move(f));
    return true;
  }

  // The reason, with what the table's relations say an unread cell must hold where they say it:
  // a help to the reader looking at the original, never taken as the cell's value.
  Text with_implied_values(Text reason) const {
    std::string zh, en;
    for (const auto& [row, column, cell] : unreadable) {
      const std::optional<double> v = implied_value(table, rules, version, row, column);
      if (!v) continue;
      const Text r = rules.labels.row_name(table.key, row, version), c = rules.labels.column_name(table.key, column, version);
      zh += (zh.empty() ? "" : "，") + std::string("“") + r.zh + "”行“" + c.zh + "”列应为 " + format_number(*v);
      en += (en.empty() ? "" : ", ") + std::string("row \"") + r.en + "\" column \"" + c.en + "\" would be " + format_number(*v);
    }
    if (zh.empty()) return reason;
    return {reason.zh + "；按表内勾稽关系推算，" + zh + "（仅供核对原件，未作为单元格的值）",
            reason.en + "; by the table's relations, " + en + " (to check against the original, not taken as the value)"};
  }

  // One note for the cells of the table this tool could not read: which, what was printed
  // there (the row's numbers when the cell's own are unknown), and why. It is the tool's
  // limit, not the report's fault: the reader is asked to look, the agency to change nothing.
  void said_unreadable() {
    if (unreadable.empty()) return;
    Finding f = start("table.unreadable", "", "", "");
    f.reading = true;
    f.loc = first_known({std::get<2>(unreadable.front())->loc, table.loc});
    for (const auto& [row, column, cell] : unreadable)
      f.cells.push_back({row, column, cell->text.empty() ? cell->row_text : cell->text});
    shared_line(f.cells, f);
    put(f, "cells", cell_list(f.cells, rules, table.key, version, true, CellGrouping::ByRow));
    put(f, "count", {std::to_string(unreadable.size()), std::to_string(unreadable.size())});
    // A row printed as one run of digits ("693665" for three cells) is read when it can be cut
    // one way only; said so, the reader knows what to look at.
    const bool run = std::all_of(unreadable.begin(), unreadable.end(), [](const auto& u) {
      return std::get<2>(u)->text.empty() && !std::get<2>(u)->row_text.empty();
    });
    // A figure text recognition was not sure of (a scanned page), or bytes no encoding reads,
    // are said as such: the reader looks at the figure, not at where it stands.
    auto unrecognised_on = [&](bool ocr) {
      return std::all_of(unreadable.begin(), unreadable.end(), [&](const auto& u) {
        const Cell& c = *std::get<2>(u);
        return c.unrecognised && ocr == (std::find(ocr_pages.begin(), ocr_pages.end(), c.loc.page) != ocr_pages.end());
      });
    };
    Text reason;
    if (run)
      reason = {"该行的数字连在一起印出，无法唯一地分到各单元格",
                "the row's numbers are printed run together and cannot be cut into its cells in one way only"};
    else if (unrecognised_on(true))
      reason = {"扫描页的文字识别（OCR）未能确认所印的字符",
                "text recognition (OCR) of the scanned page could not read what is printed with confidence"};
    else if (unrecognised_on(false))
      reason = {"文件中此处的字节不能按其编码读出", "the bytes of the file there cannot be decoded"};
    else
      reason = {"所印数字的位置不能确定它属于哪个单元格，或一个单元格中印有几个数字",
                "where the numbers are printed does not tell which cell they belong to, or one cell holds several numbers"};
    put(f, "reason", with_implied_values(reason));
    out.push_back(std::move(f));
  }

  void run() {
    const std::vector<std::string> replaced = replaced_groups();
    if (labels && !version.empty())
      for (const RowLabel* rl : labels->schema_rows(version))
        if (!table.row(rl->key) && !in_groups(rl->key, replaced)) missing_row(rl->key, {});
    if (blank_table()) return;
    for (size_t i = 0; i < table.rows.size(); ++i) {
      const TableRow& row = table.rows[i];
      if (!row.found && in_groups(row.key, replaced)) continue;
      if (!row.found) {
        missing_row(row.key, first_known({row.loc, where_row_belongs(i)}));
        continue;
      }
      for (const std::string& col : columns_of(row)) {
        auto it = row.cells.find(col);
        checked.push_back({row.key, col, {}});
        check_cell(row, col, it == row.cells.end() ? nullptr : &it->second);
      }
    }
    said_missing(blanks, "empty", first_missing[1]);
    said_missing(placeholders, "placeholder", first_missing[0]);
    said_unreadable();
  }
};

}  // namespace

void cells(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  // Reports before the 2019 format have other tables; their rows are not this schema's.
  if (report.meta.format_version == kPreFormatVersion) return;
  const std::string version = schema_version(report, rules);
  for (const auto& [key, table] : report.tables) {
    TableCheck check{table, rules, version, rules.labels.table(key), out, report.notes.ocr_pages};
    check.run();
  }
}

const Check& cells_check() {
  static const Check check{"cells",
                           {"table.missing_cell", "table.missing_row", "table.invalid_value", "table.unreadable",
                            "structure.format_version.row"},
                           nullptr,
                           [](const Report& r, const Rules& rules, Validation& v) { cells(r, rules, v.findings); }};
  return check;
}

}  // namespace nianbao::checks
