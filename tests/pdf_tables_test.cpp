// Tables and metadata read from PDFs, cell by cell, against golden files (tests/data/pdf/*.golden):
// the three real PDFs of tests/corpus (values checked by hand on the rendered pages,
// with the page and line of every cell) and the reports made by tools/make-test-pdfs (values as
// written into the document: merged cells, a group label one character per line, wrapped labels
// and heads, blank and "/" cells, tables running over pages with and without a repeated header).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "golden_cells.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;
using test::cells_of;
using test::errors_of;
using test::Golden;
using test::load_golden;
using test::meta_text;

json check(const std::string& path) { return test::check_json(path); }

// The PDF's cells are those of its source (the web page or Word document it was printed from),
// key for key: each value, and each state too when `states`.
void expect_cells_as_source(const json& source, const json& pdf, bool states = false) {
  ASSERT_EQ(pdf["status"], "ok") << pdf.dump();
  const auto want = cells_of(source["report"]);
  const auto got = cells_of(pdf["report"]);
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [key, cell] : want) {
    auto it = got.find(key);
    ASSERT_NE(it, got.end()) << key;
    EXPECT_EQ(it->second[0], cell[0]) << key;
    if (states) {
      EXPECT_EQ(it->second[1], cell[1]) << key;
    }
  }
}

void expect_matches_golden(const std::string& path, const std::string& name) {
  SCOPED_TRACE(name);
  Golden g = load_golden(name);
  ASSERT_FALSE(g.cells.empty());
  json d = check(path);
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["input_format"], "pdf");
  for (const auto& [k, v] : g.meta) EXPECT_EQ(meta_text(d["report"][k]), v) << "meta." << k;
  auto got = cells_of(d["report"]);
  for (const auto& [key, want] : g.cells) {
    auto it = got.find(key);
    if (it == got.end()) {
      ADD_FAILURE() << key << " missing";
      continue;
    }
    EXPECT_EQ(it->second[0], want[0]) << key;
    EXPECT_EQ(it->second[1], want[1]) << key;
    if (want[2] == "*") EXPECT_NE(it->second[2].rfind("0:", 0), 0u) << key << " has no place";
    else EXPECT_EQ(it->second[2], want[2]) << key;
  }
  for (const auto& [key, v] : got) EXPECT_TRUE(g.cells.count(key)) << key << " not expected";
}

std::string corpus(const std::string& name) { return test::corpus_path(name + ".pdf"); }
std::string made(const std::string& name) { return test::source_path("tests/data/pdf/" + name + ".pdf"); }

TEST(PdfTables, HuaianCityGovernment2024EveryCell) {
  expect_matches_golden(corpus("jiangsu_huaian_shizhengfu_2024"), "jiangsu_huaian_shizhengfu_2024");
  // Its tables are consistent: nothing to report as an error.
  EXPECT_TRUE(errors_of(check(corpus("jiangsu_huaian_shizhengfu_2024"))).empty());
}

// 洪泽区 prints the 2019 single row "（六）其他处理" in its 2021-format table: it is read under
// its own key (so that (七)总计 balances), not as three sub-rows.
void expect_single_other_row(const json& d) {
  std::set<std::string> keys;
  for (const auto& r : d["report"]["tables"]["applications"]["rows"]) keys.insert(r["key"]);
  EXPECT_TRUE(keys.count("other"));
  EXPECT_FALSE(keys.count("other.no_correction"));
  int said = 0;
  for (const auto& f : d["findings"]) {
    EXPECT_NE(f["rule"], "applications.results_total") << f.dump();
    EXPECT_NE(f["rule"], "table.missing_row") << f.dump();
    if (f["rule"] == "structure.format_version.row" && f["row"] == "other") ++said;
  }
  EXPECT_EQ(said, 1);  // the 2019 layout of （六） is said once
}

// The errors a report carries: exactly `wanted`.
void expect_errors(const json& d, std::multiset<std::pair<std::string, std::string>> wanted) {
  for (const auto& e : errors_of(d)) {
    auto it = wanted.find(e);
    if (it != wanted.end()) {
      wanted.erase(it);
      continue;
    }
    ADD_FAILURE() << "unexpected error: " << e.first << " " << e.second;
  }
  for (const auto& w : wanted) ADD_FAILURE() << "error not found: " << w.first << " " << w.second;
}

TEST(PdfTables, Hongze2023EveryCellAndItsRealPart4Error) {
  expect_matches_golden(corpus("jiangsu_huaian_hongzequ_2023"), "jiangsu_huaian_hongzequ_2023");
  json d = check(corpus("jiangsu_huaian_hongzequ_2023"));
  expect_single_other_row(d);
  // 行政复议 10/1/0/0 with 总计 0; 复议后起诉 维持 5 with 总计 0 — as published.
  expect_errors(d, {{"reviews.total", "review"}, {"reviews.total", "litigation_after_review"}});
}

TEST(PdfTables, Hongze2024EveryCell) {
  expect_matches_golden(corpus("jiangsu_huaian_hongzequ_2024"), "jiangsu_huaian_hongzequ_2024");
  json d = check(corpus("jiangsu_huaian_hongzequ_2024"));
  expect_single_other_row(d);
  expect_errors(d, {});
}

TEST(PdfTables, MadeReport2021WrappedLabelsSplitTableRepeatedHeader) {
  expect_matches_golden(made("made_2021_wrapped"), "made_2021_wrapped");
  EXPECT_TRUE(errors_of(check(made("made_2021_wrapped"))).empty());
}

TEST(PdfTables, MadeReport2019RotatedGroupLabelSplitTableNoRepeatedHeader) {
  expect_matches_golden(made("made_2019_vertical"), "made_2019_vertical");
  EXPECT_TRUE(errors_of(check(made("made_2019_vertical"))).empty());
}

// A clean report laid out the hard ways (tools/pdftest/report_data.py, report_2021_hard): a
// column label one character per line, group labels turned to read bottom to top, labels
// wrapped in a narrow column, rows split by the page end, a table starting at a page's foot.
// Every cell is read, and there is nothing to report: no error, no warning.
TEST(PdfTables, MadeReport2021HardLayoutsEveryCellNothingToReport) {
  expect_matches_golden(made("made_2021_hard"), "made_2021_hard");
  const json r = check(made("made_2021_hard"));  // kept: the loop reads into it
  for (const auto& f : r["findings"])
    EXPECT_TRUE(f["severity"] != "error" && f["severity"] != "warning") << f.dump();
}

// The same report rewritten by another producer (Ghostscript's pdfwrite, tools/make-test-pdfs):
// its glyph boxes are shorter and its rotated group labels start a fraction of a point below
// the first row beside them. Every cell is read alike, in the same place, and nothing is said.
TEST(PdfTables, MadeReport2021HardRewrittenByGhostscriptReadsAlike) {
  expect_matches_golden(made("made_2021_hard.ghostscript"), "made_2021_hard");
  const json r = check(made("made_2021_hard.ghostscript"));
  for (const auto& f : r["findings"])
    EXPECT_TRUE(f["severity"] != "error" && f["severity"] != "warning") << f.dump();
}

// A clean report's web page printed by WeasyPrint (tools/make-test-pdfs), which paints each side
// of a cell border as a whole frame clipped to that side: the cells are where those borders say,
// the same as the page's own table, and nothing is said about the report.
TEST(PdfTables, WeasyPrintBordersClippedFromFramesReadAsTheWebPage) {
  const json page = check(test::source_path("samples/html/rules/correct-2021.html"));
  const json pdf = check(made("weasyprint_correct-2021"));
  ASSERT_NO_FATAL_FAILURE(expect_cells_as_source(page, pdf, true));
  for (const auto& f : pdf["findings"])
    EXPECT_TRUE(f["severity"] != "error" && f["severity"] != "warning") << f.dump();
}

// A report missing a row, printed by WeasyPrint: its part-3 table runs over three pages. The
// piece on the second page has no left border (the group cell drawing it began on the page
// before) and a group column the first piece lacks; a row's figures end that page and its label
// starts the next. The pieces are one table, the cut row one row: the cells of the web page, and
// the web page's one finding, on the same row.
TEST(PdfTables, WeasyPrintTableOverThreePagesWithRowCutFromItsLabelReadsAsTheWebPage) {
  const json page = check(test::source_path("samples/html/rules/table-missing_row.html"));
  const json pdf = check(made("weasyprint_table-missing_row"));
  ASSERT_NO_FATAL_FAILURE(expect_cells_as_source(page, pdf));
  ASSERT_EQ(pdf["findings"].size(), 1u) << pdf["findings"].dump();
  EXPECT_EQ(pdf["findings"][0]["rule"], "table.missing_row");
  EXPECT_EQ(pdf["findings"][0]["row"], "denied.enforcement");
  EXPECT_EQ(pdf["findings"][0]["page"], 3);
}

// Web pages printed with no lines in their tables: by WeasyPrint without presentational hints
// (columns a space apart, "行政许可 1520"; a header printed tight on one line; a group label's
// column against its rows' "（三）不予" "益"; a row whose label the page break pushes onto the
// next page while its figures end the page before; a 2021 table holding the 2019 row
// "（六）其他处理"), and by wkhtmltopdf with the borders taken out (a group label sharing its
// line with a long row label). Each reads as its web page: every cell, and the same findings on
// the same rows.
TEST(PdfTables, PrintedWithoutLinesReadsAsTheWebPage) {
  const std::pair<const char*, const char*> prints[] = {
      {"weasyprint_borderless_", "correct-2019"},
      {"weasyprint_borderless_", "correct-2021"},
      {"weasyprint_borderless_", "structure-format_version-row"},
      {"weasyprint_borderless_", "table-missing_row"},
      {"wkhtmltopdf_borderless_", "correct-2021"},
  };
  for (const auto& [producer, name] : prints) {
    SCOPED_TRACE(std::string(producer) + name);
    const json page = check(test::source_path(std::string("samples/html/rules/") + name + ".html"));
    const json pdf = check(made(std::string(producer) + name));
    ASSERT_NO_FATAL_FAILURE(expect_cells_as_source(page, pdf));
    auto findings = [](const json& r) {
      std::multiset<std::string> out;
      for (const auto& f : r["findings"]) out.insert(f["rule"].get<std::string>() + " " + f.value("row", std::string()));
      return out;
    };
    EXPECT_EQ(findings(pdf), findings(page));
  }
}

// The Word document of the same report with its table borders taken out, converted by
// LibreOffice (tools/make-test-pdfs): label columns two or three characters wide, a row's label
// wrapped over a dozen lines beside its figures. It reads as the Word document: every cell, and
// nothing to report.
TEST(PdfTables, WordTableWithoutBordersReadsAsTheDocument) {
  const json doc = check(test::source_path("samples/docx/rules/correct-2021.docx"));
  const json pdf = check(made("libreoffice_borderless_correct-2021"));
  ASSERT_NO_FATAL_FAILURE(expect_cells_as_source(doc, pdf));
  EXPECT_TRUE(pdf["findings"].empty()) << pdf["findings"].dump();
}

}  // namespace
}  // namespace nianbao
