// The spreadsheet of a batch read back by LibreOffice Calc (libreoffice-calc-nogui, installed by
// tools/install-deps), converted to a flat OpenDocument file: the overview sheet first, sorted by
// agency and year, with an autofilter and a working link to each report's page; failed files
// marked failed; the table sheets in the format's own Chinese names with page and line.
// Labelled `libreoffice` (tests/CMakeLists.txt); it fails, never skips, when Calc is missing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <regex>
#include <set>
#include <tuple>

#include "test_paths.h"

namespace fs = std::filesystem;
using nianbao::test::binary;
using nianbao::test::fresh_dir;
using nianbao::test::read_file;
using nianbao::test::run;

namespace {

std::string query(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
    auto t = sqlite3_column_text(q, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(q);
  sqlite3_close(h);
  return out;
}

std::string unescape(std::string s) {
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, strlen(from), to);
  return s;
}

// One cell as Calc wrote it: its text, and the target of the link in it, if any.
struct Cell {
  std::string text, href;
};

// The rows of one sheet of a flat OpenDocument spreadsheet, repeated cells expanded.
std::vector<std::vector<Cell>> sheet_rows(const std::string& fods, const std::string& name) {
  const auto start = fods.find("<table:table table:name=\"" + name + "\"");
  if (start == std::string::npos) return {};
  const std::string sheet = fods.substr(start, fods.find("</table:table>", start) - start);
  static const std::regex row_re("<table:table-row[^>]*>([\\s\\S]*?)</table:table-row>");
  static const std::regex cell_re(
      "<table:(?:covered-)?table-cell([^>]*?)(?:/>|>([\\s\\S]*?)</table:(?:covered-)?table-cell>)");
  static const std::regex repeat_re("table:number-columns-repeated=\"(\\d+)\"");
  static const std::regex href_re("xlink:href=\"([^\"]*)\"");
  static const std::regex tag_re("<[^>]+>");
  std::vector<std::vector<Cell>> rows;
  for (auto r = std::sregex_iterator(sheet.begin(), sheet.end(), row_re); r != std::sregex_iterator(); ++r) {
    const std::string row = (*r)[1];
    std::vector<Cell> cells;
    for (auto c = std::sregex_iterator(row.begin(), row.end(), cell_re); c != std::sregex_iterator(); ++c) {
      const std::string attrs = (*c)[1], body = (*c)[2];
      std::smatch m;
      int repeat = std::regex_search(attrs, m, repeat_re) ? std::stoi(m[1]) : 1;
      Cell cell;
      if (std::regex_search(body, m, href_re)) cell.href = unescape(m[1]);
      cell.text = unescape(std::regex_replace(body, tag_re, ""));
      cell.text.erase(0, cell.text.find_first_not_of(" \n"));
      cell.text.erase(cell.text.find_last_not_of(" \n") + 1);
      for (int i = 0; i < std::min(repeat, 64); ++i) cells.push_back(cell);
    }
    while (!cells.empty() && cells.back().text.empty()) cells.pop_back();
    if (!cells.empty()) rows.push_back(cells);
  }
  return rows;
}

size_t column(const std::vector<Cell>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i].text == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

}  // namespace

TEST(BatchXlsx, OverviewIsSortedFilteredAndLinkedWhenCalcOpensIt) {
  ASSERT_EQ(run("command -v soffice >/dev/null"), 0) << "soffice missing: run tools/install-deps (make deps)";
  auto dir = fresh_dir("xlsx");
  run(binary() + " batch -j 2 --db " + dir + "/a.sqlite --xlsx " + dir + "/s.xlsx --html-dir " + dir +
      "/html tests/data/archive 2>/dev/null");
  ASSERT_TRUE(fs::exists(dir + "/s.xlsx"));
  // A private profile under the test's directory: no user's settings, no lock shared with another run.
  run("cd " + dir + " && timeout 180 soffice -env:UserInstallation=file://" + dir +
      "/lo --headless --convert-to fods s.xlsx >/dev/null 2>&1");
  const std::string fods = read_file(dir + "/s.fods");
  ASSERT_FALSE(fods.empty()) << "LibreOffice did not convert the spreadsheet: is libreoffice-calc-nogui installed "
                                "(tools/install-deps)?";

  // The overview is the first sheet.
  const auto first = fods.find("<table:table table:name=\"");
  ASSERT_NE(first, std::string::npos);
  const std::string overview = "<table:table table:name=\"总览\"";
  EXPECT_EQ(fods.compare(first, overview.size(), overview), 0) << fods.substr(first, 80);
  auto rows = sheet_rows(fods, "总览");
  ASSERT_GT(rows.size(), 1u);
  const auto& header = rows[0];
  const std::vector<std::string> leading = {"机关", "年度", "格式", "错误", "警告", "状态", "报告页面", "文件"};
  for (size_t i = 0; i < leading.size(); ++i) EXPECT_EQ(header.at(i).text, leading[i]);
  const size_t agency = column(header, "机关"), year = column(header, "年度"), status = column(header, "状态"),
               errors = column(header, "错误"), link = column(header, "报告页面"), file = column(header, "文件");
  // One row per file name, as in the database.
  EXPECT_EQ(std::to_string(rows.size() - 1), query(dir + "/a.sqlite", "SELECT count(*) FROM names"));

  // Sorted by agency, then year; the files whose agency was not read come last.
  auto cell = [](const std::vector<Cell>& r, size_t i) { return i < r.size() ? r[i].text : std::string(); };
  std::vector<std::tuple<bool, std::string, int>> keys;
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::string a = cell(rows[i], agency), y = cell(rows[i], year);
    keys.emplace_back(a == "（未识别）", a, y.empty() ? 99999 : std::stoi(y));
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  std::set<std::string> agencies;
  for (const auto& k : keys) agencies.insert(std::get<1>(k));
  EXPECT_GE(agencies.size(), 6u);

  // Every checked file links to its page, relative to the spreadsheet, and the page is there;
  // a file that could not be read says so and shows no count of errors.
  size_t linked = 0, failed = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (cell(r, status) == "正常") {
      ASSERT_GT(r.size(), link);
      EXPECT_EQ(r[link].text, "打开") << cell(r, file);
      ASSERT_EQ(r[link].href.rfind("html/", 0), 0u) << r[link].href;
      EXPECT_TRUE(fs::is_regular_file(dir + "/" + r[link].href)) << r[link].href;
      ++linked;
    } else {
      EXPECT_EQ(cell(r, status), "无法读取") << cell(r, file);
      EXPECT_EQ(cell(r, errors), "") << cell(r, file);
      ++failed;
    }
  }
  EXPECT_EQ(std::to_string(linked), query(dir + "/a.sqlite",
                                          "SELECT count(*) FROM names n JOIN reports r USING(sha256) WHERE status='ok'"));
  EXPECT_GT(failed, 0u);

  // An autofilter over the whole overview (Calc's anonymous database range with filter buttons).
  const std::regex filter("table:target-range-address=\"'?总览'?\\.A1:'?总览'?\\.([A-Z]+)(\\d+)\"[^>]*"
                          "table:display-filter-buttons=\"true\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(fods, m, filter)) << "no autofilter on the overview";
  EXPECT_EQ(std::stoul(m[2]), rows.size());

  // The table sheets name rows and columns as the format prints them, with page and line.
  auto reviews = sheet_rows(fods, "第四部分复议诉讼");
  ASSERT_GT(reviews.size(), 1u);
  const size_t row_name = column(reviews[0], "行"), col_name = column(reviews[0], "列"),
               page = column(reviews[0], "页"), line = column(reviews[0], "行号");
  std::set<std::string> row_names, col_names;
  for (size_t i = 1; i < reviews.size(); ++i) {
    row_names.insert(cell(reviews[i], row_name));
    col_names.insert(cell(reviews[i], col_name));
    EXPECT_FALSE(cell(reviews[i], page).empty()) << i;
    EXPECT_FALSE(cell(reviews[i], line).empty()) << i;
  }
  EXPECT_TRUE(row_names.count("行政复议"));
  EXPECT_TRUE(col_names.count("结果维持"));
  EXPECT_TRUE(col_names.count("总计"));
  auto proactive = sheet_rows(fods, "第二部分主动公开");
  ASSERT_GT(proactive.size(), 1u);
  EXPECT_EQ(cell(proactive[1], column(proactive[0], "行")), "规章");
  EXPECT_EQ(cell(proactive[1], column(proactive[0], "列")), "本年制发件数");
  EXPECT_FALSE(cell(proactive[1], column(proactive[0], "页")).empty());
  // No canonical key anywhere in the workbook.
  for (const char* key : {"review.total", "regulations.issued", "natural_person", "carried_over", ">ok<", ">error<",
                          ">warning<"})
    EXPECT_EQ(fods.find(key), std::string::npos) << key;
  fs::remove_all(dir);
}
