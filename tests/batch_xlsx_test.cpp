// The spreadsheet of a batch read back by LibreOffice Calc (libreoffice-calc-nogui, installed by
// tools/install-deps): one row per file name, as in the database. Labelled `libreoffice`
// (tests/CMakeLists.txt); it fails, never skips, when Calc is missing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "test_paths.h"

namespace fs = std::filesystem;
using nianbao::test::binary;
using nianbao::test::run;

namespace {

std::string temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("nianbao_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

// Every row of an SQL query, columns joined by '|', sorted.
std::multiset<std::string> rows(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  std::multiset<std::string> out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &q, nullptr) == SQLITE_OK)
    while (sqlite3_step(q) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(q); ++c) {
        auto t = sqlite3_column_text(q, c);
        row += std::string(t ? reinterpret_cast<const char*>(t) : "NULL") + "|";
      }
      out.insert(row);
    }
  sqlite3_finalize(q);
  sqlite3_close(h);
  return out;
}

}  // namespace

TEST(BatchXlsx, SpreadsheetIsReadByLibreOffice) {
  ASSERT_EQ(run("command -v soffice >/dev/null"), 0) << "soffice missing: run tools/install-deps (make deps)";
  auto dir = temp_dir("xlsx");
  run(binary() + " batch -j 2 --db " + dir + "/a.sqlite --xlsx " + dir + "/s.xlsx tests/data/archive 2>/dev/null");
  ASSERT_TRUE(fs::exists(dir + "/s.xlsx"));
  std::string out;
  run("cd " + dir + " && timeout 120 soffice -env:UserInstallation=file://" + dir +
          "/lo --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' s.xlsx >/dev/null 2>&1; cat s.csv 2>/dev/null",
      &out);
  ASSERT_FALSE(out.empty()) << "LibreOffice did not convert the spreadsheet: is libreoffice-calc-nogui installed "
                               "(tools/install-deps)?";
  // The first sheet: a header and one row per file name, as in the database.
  auto names = rows(dir + "/a.sqlite", "SELECT file FROM names");
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, names.size() + 1);
  auto row = rows(dir + "/a.sqlite",
                  "SELECT agency, year, errors, warnings FROM reports WHERE file LIKE '%a01_2021%'");
  ASSERT_EQ(row.size(), 1u);
  std::string r = *row.begin();  // "agency|year|errors|warnings|"
  std::string agency = r.substr(0, r.find('|'));
  EXPECT_NE(out.find(agency + ",2021,2021,ok"), std::string::npos) << out.substr(0, 600);
  fs::remove_all(dir);
}
