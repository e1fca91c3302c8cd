// The PDF reader: lines of a page as a reader sees them (page furniture left out, numbered from
// 1 per page), prose joined across pages, and a clear error with exit status 3 for every PDF that
// cannot be read (files in tests/data/pdf, written by tools/make-test-pdfs).
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "extract/model/errors.h"
#include "extract/read/pdf/pdf_furniture.h"
#include "extract/read/pdf/pdf_reader.h"
#include "extract/read/pdf/pdf_rulings.h"
#include "extract/segment/segment.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

std::string data(const std::string& name) { return test::source_path("tests/data/pdf/" + name); }

struct Failure {
  std::string file, code, message;
};

TEST(PdfReader, EveryUnreadablePdfIsSaidWithItsReason) {
  const std::vector<Failure> cases = {
      {"not_a_pdf.pdf", "not_a_pdf", "不是 PDF 文件 (not a PDF file)"},
      {"truncated.pdf", "damaged", "PDF 文件已损坏，无法打开 (damaged PDF, cannot be opened)"},
      {"encrypted.pdf", "encrypted", "PDF 文件有打开密码，无法读取 (encrypted PDF with a user password)"},
      {"no_pages.pdf", "no_pages", "PDF 文件没有页面 (PDF has no pages)"},
      {"scanned.pdf", "no_text_layer",
       "扫描件，没有文字层：3 页中 3 页只有图像 (scanned PDF without a text layer: 3 of 3 pages)"},
      {"scanned_mostly.pdf", "no_text_layer",
       "扫描件，没有文字层：3 页中 2 页只有图像 (scanned PDF without a text layer: 2 of 3 pages)"},
      {"blank.pdf", "no_text_layer", "PDF 文件所有页面都是空白 (every page of the PDF is blank)"},
      {"garbled.pdf", "garbled_text",
       "PDF 文字层是乱码（字体缺少正确的 Unicode 映射）：1520 个字符中 1520 个无法识别，0 个汉字 "
       "(garbled text layer, fonts without a correct Unicode map: 1520 of 1520 characters unreadable, 0 Chinese)"},
      // A Chinese text with letters no report prints ("政ó|开"): its figures and labels cannot be
      // trusted either, and a check that went on would blame the report for the font's map.
      {"garbled_remapped.pdf", "garbled_text",
       "PDF 文字层是乱码（字体缺少正确的 Unicode 映射）：1462 个字符中 74 个无法识别，909 个汉字 "
       "(garbled text layer, fonts without a correct Unicode map: 74 of 1462 characters unreadable, 909 Chinese)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    std::string path = data(c.file);
    std::string out;
    int status = test::run(test::binary() + " check --format json " + path + " 2>/dev/null", &out);
    EXPECT_EQ(status, 3);
    json d = json::parse(out);
    EXPECT_EQ(d["status"], "error");
    EXPECT_EQ(d["error"]["code"], c.code);
    EXPECT_EQ(d["error"]["message"], path + ": " + c.message);
    try {
      read_pdf_file(path, test::rules().headings);
      ADD_FAILURE() << "read without error";
    } catch (const ReadError& e) {
      EXPECT_EQ(e.code, c.code);
    }
  }
}

TEST(PdfReader, TruncatedRealReportIsDamaged) {
  std::string whole = test::read_file(test::corpus_path("jiangsu_huaian_hongzequ_2024.pdf"));
  std::string path = testing::TempDir() + "cut.pdf";
  {
    std::ofstream out(path, std::ios::binary);
    out << whole.substr(0, whole.size() * 9 / 10);
  }
  try {
    read_pdf_file(path, test::rules().headings);
    ADD_FAILURE() << "read without error";
  } catch (const ReadError& e) {
    EXPECT_EQ(e.code, "damaged");
  }
}

TEST(PdfReader, LinesAsAReaderSeesThem) {
  Document doc = read_pdf_file(test::corpus_path("jiangsu_huaian_shizhengfu_2024.pdf"), test::rules().headings);
  ASSERT_EQ(doc.pages.size(), 6u);
  EXPECT_EQ(doc.format, InputFormat::Pdf);
  for (const auto& p : doc.pages) {
    for (size_t i = 0; i < p.lines.size(); ++i) {
      const Line& l = p.lines[i];
      EXPECT_EQ(l.loc.page, p.number);
      EXPECT_EQ(l.loc.line, static_cast<int>(i) + 1);
      EXPECT_FALSE(l.spans.empty());
      // Page numbers ("-3-") are not lines of the report.
      std::string marker = std::string("-").append(std::to_string(p.number)).append("-");
      EXPECT_EQ(l.text.find(marker), std::string::npos) << l.text;
    }
  }
  EXPECT_EQ(doc.pages[0].lines[0].text, "淮安市人民政府");
  EXPECT_EQ(doc.pages[0].lines[1].text, "2024 年政府信息公开工作年度报告");
  // A table row: label and values are cells.
  const Line& row = doc.pages[3].lines[14];
  ASSERT_EQ(row.cells.size(), 8u) << row.text;
  EXPECT_EQ(row.cells[0], "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(row.cells[7], "3119");
}

TEST(PdfReader, ParagraphContinuesOnTheNextPage) {
  Document doc = read_pdf_file(test::corpus_path("jiangsu_huaian_shizhengfu_2024.pdf"), test::rules().headings);
  Segmentation seg = segment(doc, test::rules().headings);
  bool joined = false;
  for (const auto& p : seg.paragraphs)
    if (p.text.find("“建设‘四最’一流营商环境高质量推进产业发展”") != std::string::npos) {
      joined = p.pieces.front().loc.page == 1 && p.pieces.back().loc.page == 2;
    }
  EXPECT_TRUE(joined);
}

TEST(PdfReader, RunningHeaderAndPageNumberFooterLeftOut) {
  Document doc = read_pdf_file(data("made_2021_wrapped.pdf"), test::rules().headings);
  ASSERT_GE(doc.pages.size(), 3u);
  for (const auto& p : doc.pages)
    for (const auto& l : p.lines) {
      EXPECT_EQ(l.text.find("政府信息公开工作年度报告") == std::string::npos || l.loc.page == 1, true) << l.text;
      EXPECT_NE(l.text, "- " + std::to_string(p.number) + " -");
    }
  EXPECT_EQ(doc.pages[0].lines[0].text, "示例市交通运输局");
}

// A page's rulings are read where its lines may be table rows: two rows of cells, or one row
// among the last lines of the page (a table starting at the page's foot, its head set close
// reading as one cell); a row in the middle of prose is not worth walking the page again.
TEST(PdfReader, RulingsReadWhereATableMayBe) {
  auto line = [](std::string text, std::vector<std::string> cells) {
    Line l;
    l.text = std::move(text);
    l.cells = std::move(cells);
    return l;
  };
  const Line prose = line("全年主动公开政府信息356条。", {});
  const Line row = line("规章 0 0 0", {"规章", "0", "0", "0"});
  const Line footer = line("-2-", {});
  EXPECT_TRUE(may_hold_table({prose, row, row, prose, prose, prose}));
  EXPECT_TRUE(may_hold_table({prose, prose, prose, prose, row, footer}));
  EXPECT_TRUE(may_hold_table({prose, prose, prose, prose, prose, row}));
  EXPECT_FALSE(may_hold_table({prose, row, prose, prose, prose, footer}));
  EXPECT_FALSE(may_hold_table({prose, prose}));
}

// Lines inside a ruled table are never page furniture: a table header repeated at the top of
// every page and a row of one number at a page's foot stay; the running header and the page
// number around them go.
TEST(PdfReader, TableLinesAreNeverFurniture) {
  auto line = [](std::string text, double y0, double y1) {
    Line l;
    l.text = std::move(text);
    l.box = Box{60, y0, 500, y1};
    return l;
  };
  std::vector<PdfPageLines> pages;
  for (int n = 1; n <= 3; ++n) {
    PdfPageLines p;
    p.height = 842;
    p.lines = {line("示例市交通运输局政府信息公开工作年度报告", 20, 32), line("信息内容 本年制发件数", 50, 64),
               line("正文", 400, 412), line("0", 770, 784), line("-" + std::to_string(n) + "-", 810, 822)};
    for (double y : {44.0, 70.0, 760.0, 790.0}) p.rulings.push_back({true, y, 50, 520});
    pages.push_back(std::move(p));
  }
  remove_furniture(pages);
  for (const auto& p : pages) {
    std::vector<std::string> kept;
    for (const auto& l : p.lines) kept.push_back(l.text);
    EXPECT_EQ(kept, (std::vector<std::string>{"信息内容 本年制发件数", "正文", "0"}));
  }
}

// Nor is a line of numbers set apart like cells at a page's foot (a table drawn without lines):
// it reads as digits only, but a page number is one word.
TEST(PdfReader, ARowOfNumbersAtThePageFootIsNoPageNumber) {
  std::vector<PdfPageLines> pages(1);
  pages[0].height = 842;
  Line row;
  row.text = "1 0 0 1 2";
  row.cells = {"1", "0", "0", "1", "2"};
  row.box = Box{50, 760, 204, 774};
  Line number;
  number.text = "- 3 -";
  number.box = Box{280, 810, 310, 822};
  pages[0].lines = {row, number};
  remove_furniture(pages);
  ASSERT_EQ(pages[0].lines.size(), 1u);
  EXPECT_EQ(pages[0].lines[0].text, "1 0 0 1 2");
}

}  // namespace
}  // namespace nianbao
