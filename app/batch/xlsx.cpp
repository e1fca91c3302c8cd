// Spreadsheet from the database, so a merged archive and a single run give the same workbook.
#include "app/batch/xlsx.h"

#include <sqlite3.h>
#include <xlsxwriter.h>

#include <stdexcept>
#include <vector>

#include "app/batch/store.h"

namespace nianbao::batch {
namespace {

// Writes the rows of `sql` under `headers`; numbers stay numbers, NULL stays empty.
void sheet(lxw_workbook* wb, const char* name, const std::vector<const char*>& headers, sqlite3* db,
           const char* sql, lxw_format* bold) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  for (size_t c = 0; c < headers.size(); ++c) worksheet_write_string(ws, 0, lxw_col_t(c), headers[c], bold);
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  lxw_row_t row = 1;
  while (sqlite3_step(q) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(q); ++c) {
      auto col = lxw_col_t(c);
      switch (sqlite3_column_type(q, c)) {
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: worksheet_write_number(ws, row, col, sqlite3_column_double(q, c), nullptr); break;
        case SQLITE_NULL: break;
        default:
          worksheet_write_string(ws, row, col, reinterpret_cast<const char*>(sqlite3_column_text(q, c)), nullptr);
      }
    }
    ++row;
  }
  sqlite3_finalize(q);
  worksheet_freeze_panes(ws, 1, 0);
}

// Key figures of part 3 and 4, one column each, on the report's row.
const char* kReports = R"(
SELECT n.file, r.agency, r.year, r.format_version, r.status, r.error_message, r.errors, r.warnings, r.infos,
  (SELECT value FROM cells c WHERE c.sha256=r.sha256 AND tbl='applications' AND row='new' AND col='total'),
  (SELECT value FROM cells c WHERE c.sha256=r.sha256 AND tbl='applications' AND row='carried_over' AND col='total'),
  (SELECT value FROM cells c WHERE c.sha256=r.sha256 AND tbl='applications' AND row='results_total' AND col='total'),
  (SELECT value FROM cells c WHERE c.sha256=r.sha256 AND tbl='applications' AND row='carried_forward' AND col='total'),
  (SELECT value FROM cells c WHERE c.sha256=r.sha256 AND tbl='reviews' AND row='review.total'),
  r.sha256
FROM names n JOIN reports r ON r.sha256=n.sha256 ORDER BY n.file)";

}  // namespace

void write_xlsx(const Store& store, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("无法写入 " + path);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  sqlite3* db = store.handle();
  sheet(wb, "报告", {"文件", "机关", "年度", "格式", "状态", "错误原因", "错误", "警告", "提示", "本年新收",
                     "上年结转", "办理结果总计", "结转下年度", "行政复议总计", "SHA-256"},
        db, kReports, bold);
  const char* cells =
      "SELECT r.file, r.agency, r.year, c.row, c.col, c.value, c.page, c.line FROM cells c JOIN reports r "
      "ON r.sha256=c.sha256 WHERE c.tbl='%s' ORDER BY r.file, c.rowid";
  std::vector<const char*> cell_headers = {"文件", "机关", "年度", "行", "列", "数值", "页", "行号"};
  for (auto [tbl, name] : {std::pair{"proactive", "第二部分主动公开"}, std::pair{"applications", "第三部分申请"},
                           std::pair{"reviews", "第四部分复议诉讼"}}) {
    char sql[512];
    std::snprintf(sql, sizeof sql, cells, tbl);
    sheet(wb, name, cell_headers, db, sql, bold);
  }
  sheet(wb, "问题", {"文件", "机关", "年度", "规则", "严重程度", "说明", "页", "行"}, db,
        "SELECT r.file, r.agency, r.year, f.rule, f.severity, f.message, f.page, f.line FROM findings f "
        "JOIN reports r ON r.sha256=f.sha256 ORDER BY r.file, f.rowid",
        bold);
  sheet(wb, "跨报告问题", {"文件", "对照文件", "机关", "年度", "规则", "严重程度", "说明"}, db,
        "SELECT file, related_file, agency, year, rule, severity, message FROM archive_findings ORDER BY rowid", bold);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("无法写入 " + path);
}

}  // namespace nianbao::batch
