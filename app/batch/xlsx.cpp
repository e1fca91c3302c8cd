// Spreadsheet from the database, so a merged archive and a single run give the same workbook.
// Every sheet is in Chinese: the overview's columns, the status and severity words, the tables'
// rows and columns by the names the format prints (rules/schema-*.toml), never a canonical key.
#include "app/batch/xlsx.h"

#include <sqlite3.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <vector>

#include "app/batch/html_pages.h"
#include "app/batch/listing.h"
#include "app/batch/store.h"
#include "extract/rules/rules.h"

namespace nianbao::batch {
namespace {

namespace fs = std::filesystem;

// Characters as a spreadsheet shows them: an ideograph (three or four UTF-8 bytes) takes two
// columns' width, anything else one.
double display_width(const std::string& s) {
  double w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xc0) == 0x80) continue;
    w += c >= 0xe0 ? 2 : 1;
  }
  return w;
}

// A sheet written row by row, remembering how wide each column has to be so that full paths
// and long agency names are readable without widening columns by hand.
class Sheet {
 public:
  Sheet(lxw_workbook* wb, const char* name, const std::vector<const char*>& headers, lxw_format* bold)
      : ws_(workbook_add_worksheet(wb, name)), widths_(headers.size(), 4) {
    for (size_t c = 0; c < headers.size(); ++c) {
      worksheet_write_string(ws_, 0, lxw_col_t(c), headers[c], bold);
      fit(c, headers[c]);
    }
  }
  lxw_worksheet* ws() { return ws_; }
  lxw_row_t row() const { return row_; }
  void next() { ++row_; }

  void text(size_t c, const std::string& v) {
    if (v.empty()) return;
    worksheet_write_string(ws_, row_, lxw_col_t(c), v.c_str(), nullptr);
    fit(c, v);
  }
  void number(size_t c, double v) {
    worksheet_write_number(ws_, row_, lxw_col_t(c), v, nullptr);
    fit(c, std::to_string(static_cast<long long>(v)));
  }
  // A column of the query: numbers stay numbers, NULL stays empty.
  void column(size_t c, sqlite3_stmt* q, int i) {
    switch (sqlite3_column_type(q, i)) {
      case SQLITE_INTEGER:
      case SQLITE_FLOAT: number(c, sqlite3_column_double(q, i)); break;
      case SQLITE_NULL: break;
      default: text(c, reinterpret_cast<const char*>(sqlite3_column_text(q, i)));
    }
  }
  void link(size_t c, const std::string& url, const std::string& label) {
    // libxlsxwriter's "external:" is a file relative to the workbook, as LibreOffice resolves it.
    worksheet_write_url_opt(ws_, row_, lxw_col_t(c), ("external:" + url).c_str(), nullptr, label.c_str(), url.c_str());
    fit(c, label);
  }
  // Frozen header row, a filter on every column, the widths found (within reason).
  void finish() {
    worksheet_freeze_panes(ws_, 1, 0);
    worksheet_autofilter(ws_, 0, 0, row_ > 1 ? row_ - 1 : 1, lxw_col_t(widths_.size() - 1));
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws_, lxw_col_t(c), lxw_col_t(c), std::min(widths_[c] + 2, 100.0), nullptr);
  }

 private:
  void fit(size_t c, const std::string& v) {
    if (c < widths_.size()) widths_[c] = std::max(widths_[c], display_width(v));
  }
  lxw_worksheet* ws_;
  lxw_row_t row_ = 1;
  std::vector<double> widths_;
};

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  return q;
}

std::string col_text(sqlite3_stmt* q, int i) {
  auto p = sqlite3_column_text(q, i);
  return p ? reinterpret_cast<const char*>(p) : "";
}

// The key figures of parts 3 and 4 shown on each report's overview row.
struct Figure {
  const char* header;
  const char* tbl;
  const char* row;
  const char* col;
};
const Figure kFigures[] = {{"本年新收", "applications", "new", "total"},
                           {"上年结转", "applications", "carried_over", "total"},
                           {"办理结果总计", "applications", "results_total", "total"},
                           {"结转下年度", "applications", "carried_forward", "total"},
                           {"行政复议总计", "reviews", "review.total", ""}};

std::map<std::string, std::map<int, double>> figures(sqlite3* db) {
  std::map<std::string, std::map<int, double>> out;
  sqlite3_stmt* q = prepare(db, "SELECT sha256, tbl, row, col, value FROM cells WHERE value IS NOT NULL AND "
                                "((tbl='applications' AND col='total' AND row IN ('new','carried_over',"
                                "'results_total','carried_forward')) OR (tbl='reviews' AND row='review.total'))");
  while (sqlite3_step(q) == SQLITE_ROW) {
    const std::string tbl = col_text(q, 1), row = col_text(q, 2), col = col_text(q, 3);
    for (int i = 0; i < int(std::size(kFigures)); ++i)
      if (tbl == kFigures[i].tbl && row == kFigures[i].row && col == kFigures[i].col)
        out[col_text(q, 0)][i] = sqlite3_column_double(q, 4);
  }
  sqlite3_finalize(q);
  return out;
}

// The overview: what a person looks at first. One column per entry, so a column (the report's
// other editions, say) is one more entry here.
struct OverviewColumn {
  const char* header;
  std::function<void(Sheet&, size_t, const FileRow&)> write;
};

void overview(lxw_workbook* wb, lxw_format* bold, const Store& store, const std::string& path, const Rules& rules,
              const std::string& html_dir) {
  const auto rows = file_rows(store, rules);
  const auto figs = figures(store.handle());
  // Pages are linked relative to the spreadsheet's directory.
  std::error_code ec;
  const fs::path base = fs::absolute(fs::path(path), ec).parent_path();
  const fs::path pages = html_dir.empty() ? fs::path() : fs::absolute(fs::path(html_dir), ec);
  auto count = [](long long FileRow::*field) {
    return [field](Sheet& s, size_t c, const FileRow& r) {
      if (r.ok()) s.number(c, double(r.*field));  // a file not checked has no counts, not 0
    };
  };
  std::vector<OverviewColumn> columns = {
      {"机关", [](Sheet& s, size_t c, const FileRow& r) { s.text(c, r.agency.empty() ? "（未识别）" : r.agency); }},
      {"年度", [](Sheet& s, size_t c, const FileRow& r) { if (r.year) s.number(c, double(*r.year)); }},
      {"格式", [&](Sheet& s, size_t c, const FileRow& r) {
         if (r.ok()) s.text(c, rules.labels.format_version_name(r.format_version).zh);
       }},
      {"错误", count(&FileRow::errors)},
      {"警告", count(&FileRow::warnings)},
      {"状态", [](Sheet& s, size_t c, const FileRow& r) { s.text(c, status_word(r)); }},
      {"报告页面", [&](Sheet& s, size_t c, const FileRow& r) {
         if (html_dir.empty() || !page_exists(html_dir, r.page)) return;
         s.link(c, (pages / r.page).lexically_relative(base).generic_string(), "打开");
       }},
      {"文件", [](Sheet& s, size_t c, const FileRow& r) { s.text(c, r.file); }},
      {"提示", count(&FileRow::infos)},
      {"无法读取的原因", [](Sheet& s, size_t c, const FileRow& r) {
         if (!r.ok()) s.text(c, r.error_message + "（" + r.error_code + "）");
       }},
  };
  for (int i = 0; i < int(std::size(kFigures)); ++i)
    columns.push_back({kFigures[i].header, [&figs, i](Sheet& s, size_t c, const FileRow& r) {
                         auto it = figs.find(r.sha256);
                         if (it == figs.end()) return;
                         if (auto v = it->second.find(i); v != it->second.end()) s.number(c, v->second);
                       }});
  columns.push_back({"SHA-256", [](Sheet& s, size_t c, const FileRow& r) { s.text(c, r.sha256); }});
  std::vector<const char*> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  Sheet sheet(wb, "总览", headers, bold);
  for (const auto& r : rows) {
    for (size_t c = 0; c < columns.size(); ++c) columns[c].write(sheet, c, r);
    sheet.next();
  }
  sheet.finish();
}

// The official names of a cell's row and column. The applications table stores them apart; the
// others as "row.column", split where the schema has such a row and column.
std::pair<std::string, std::string> cell_names(const Rules& rules, const std::string& version, const std::string& tbl,
                                               const std::string& row, const std::string& col) {
  if (!col.empty())
    return {rules.labels.row_name(tbl, row, version).zh, rules.labels.column_name(tbl, col, version).zh};
  const Schema* schema = rules.schema(version);
  const SchemaTable* table = (schema ? *schema : rules.newest()).table(tbl);
  if (table)
    for (const auto& r : table->rows)
      if (row.size() > r.key.size() + 1 && row.compare(0, r.key.size(), r.key) == 0 && row[r.key.size()] == '.') {
        const std::string c = row.substr(r.key.size() + 1);
        if (table->column(c))
          return {rules.labels.row_name(tbl, r.key, version).zh, rules.labels.column_name(tbl, c, version).zh};
      }
  return {row, col};
}

// The order of the overview, for the other sheets too.
const char* kByAgency = "(r.agency_key = '' OR r.agency_key IS NULL), r.agency_key, (r.year IS NULL), r.year, r.file";

void cells(lxw_workbook* wb, lxw_format* bold, sqlite3* db, const Rules& rules, const char* tbl, const char* name) {
  Sheet sheet(wb, name, {"机关", "年度", "行", "列", "数值", "原文", "页", "行号", "文件"}, bold);
  const std::string sql =
      "SELECT r.agency, r.year, r.format_version, c.row, c.col, c.value, c.text, c.page, c.line, r.file FROM cells c "
      "JOIN reports r ON r.sha256=c.sha256 WHERE c.tbl=? ORDER BY " +
      std::string(kByAgency) + ", c.rowid";
  sqlite3_stmt* q = prepare(db, sql.c_str());
  sqlite3_bind_text(q, 1, tbl, -1, SQLITE_STATIC);
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::string, std::string>> names;
  while (sqlite3_step(q) == SQLITE_ROW) {
    const std::string version = col_text(q, 2), row = col_text(q, 3), col = col_text(q, 4);
    auto key = std::make_tuple(version, row, col);
    auto it = names.find(key);
    if (it == names.end()) it = names.emplace(key, cell_names(rules, version, tbl, row, col)).first;
    sheet.column(0, q, 0);
    sheet.column(1, q, 1);
    sheet.text(2, it->second.first);
    sheet.text(3, it->second.second);
    for (int i = 5; i <= 9; ++i) sheet.column(size_t(i - 1), q, i);
    sheet.next();
  }
  sqlite3_finalize(q);
  sheet.finish();
}

const char* severity_word(const std::string& s) {
  return s == "error" ? "错误" : s == "warning" ? "警告" : s == "info" ? "提示" : "";
}

// Rows of `sql` whose column `severity` is a severity key, written in Chinese.
void findings(lxw_workbook* wb, lxw_format* bold, sqlite3* db, const char* name,
              const std::vector<const char*>& headers, const std::string& sql, int severity) {
  Sheet sheet(wb, name, headers, bold);
  sqlite3_stmt* q = prepare(db, sql.c_str());
  while (sqlite3_step(q) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(q); ++i) {
      if (i == severity) sheet.text(size_t(i), severity_word(col_text(q, i)));
      else sheet.column(size_t(i), q, i);
    }
    sheet.next();
  }
  sqlite3_finalize(q);
  sheet.finish();
}

}  // namespace

void write_xlsx(const Store& store, const std::string& path, const Rules& rules, const std::string& html_dir) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("无法写入 " + path);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  sqlite3* db = store.handle();
  overview(wb, bold, store, path, rules, html_dir);
  for (auto [tbl, name] : {std::pair{"proactive", "第二部分主动公开"}, std::pair{"applications", "第三部分申请"},
                           std::pair{"reviews", "第四部分复议诉讼"}})
    cells(wb, bold, db, rules, tbl, name);
  findings(wb, bold, db, "问题", {"机关", "年度", "规则", "严重程度", "说明", "页", "行号", "文件"},
           "SELECT r.agency, r.year, f.rule, f.severity, f.message, f.page, f.line, r.file FROM findings f "
           "JOIN reports r ON r.sha256=f.sha256 ORDER BY " + std::string(kByAgency) + ", f.rowid",
           3);
  findings(wb, bold, db, "跨报告问题", {"机关", "年度", "规则", "严重程度", "说明", "文件", "对照文件"},
           "SELECT agency, year, rule, severity, message, file, related_file FROM archive_findings "
           "ORDER BY (agency = '' OR agency IS NULL), agency, year, rowid",
           3);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("无法写入 " + path);
}

}  // namespace nianbao::batch
