// The HTML report: self-contained, the offending cells marked in the rebuilt tables, the cells
// of a relation named for the script, and the place boxed on the PDF page image.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <regex>

#include "test_paths.h"
#include "nianbao/nianbao.h"
#include "render/page_images.h"
#include "render/render_html.h"
#include "render/render_html_tables.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

const Rules& rules() {
  static const Rules r = Rules::load(test::source_path("rules"));
  return r;
}

// The planted copy of jiangsu_huaian_shizhengfu_2024.pdf: part 3 一、本年新收 / 自然人 reads
// 3002 instead of 3001 (tests/e2e/plant_error.py).
std::string planted() { return test::source_path("tests/e2e/data/huaian_2024_planted.pdf"); }

// The opening tag of the element with `id`.
std::string tag_of(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto open = html.rfind('<', at);
  return html.substr(open, html.find('>', at) - open + 1);
}

TEST(HtmlReport, SeedReportIsSelfContainedAndChineseByDefault) {
  CheckResult r = check_file(test::source_path("samples/helan-culture-tourism-2020.txt"), rules());
  ASSERT_TRUE(r.ok);
  std::string html = render_html(r, rules(), {});
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)=\"(https?:)?//)")));
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("重建的表格"), std::string::npos);
  // table.missing_cell on 行政复议 / 结果维持, marked in the part 4 table.
  std::string cell = tag_of(html, "cell-reviews-review-upheld");
  EXPECT_NE(cell.find(" bad "), std::string::npos) << cell;
  EXPECT_NE(cell.find("table.missing_cell"), std::string::npos) << cell;
  EXPECT_NE(html.find("data-rule=\"text.double_count\""), std::string::npos);
  // Findings are grouped by part; the verified statements are listed.
  EXPECT_NE(html.find("<h4 class=\"part\">四、"), std::string::npos);
  EXPECT_NE(html.find("核对无误的表述"), std::string::npos);
}

// The findings can be filtered by severity, by part and by rule; each finding carries what the
// filter reads. A finding that groups blank cells marks every one of them.
TEST(HtmlReport, FilterBySeverityPartAndRuleAndGroupedCellsMarked) {
  CheckResult r = check_file(test::corpus_path("shanghai_shizhengfu_bangongting_2019.html"), rules());
  ASSERT_TRUE(r.ok);
  std::string html = render_html(r, rules(), {});
  for (const char* sev : {"error", "warning", "info"})
    EXPECT_NE(html.find(std::string("<input type=\"checkbox\" checked data-sev=\"") + sev + "\">"), std::string::npos) << sev;
  // Parts 3 and 4 have findings (the blank cells of their tables).
  for (const char* part : {"3", "4"})
    EXPECT_NE(html.find(std::string("<input type=\"checkbox\" checked data-part=\"") + part + "\">"), std::string::npos)
        << part;
  EXPECT_EQ(html.find("data-part=\"2\""), std::string::npos);
  EXPECT_NE(html.find("<select data-rule-filter=\"1\"><option value=\"\">全部规则</option>"
                      "<option value=\"table.missing_cell\">table.missing_cell</option>"
                      "<option value=\"text.sum_mismatch.percent\">text.sum_mismatch.percent</option>"
                      "<option value=\"text.table_mismatch\">text.table_mismatch</option>"
                      "<option value=\"text.table_mismatch.outcome\">text.table_mismatch.outcome</option></select>"),
            std::string::npos);
  EXPECT_NE(html.find("data-rule=\"text.table_mismatch\" data-sev=\"error\" data-part=\""), std::string::npos);
  EXPECT_NE(html.find("data-rule=\"table.missing_cell\" data-sev=\"warning\" data-part=\"4\""), std::string::npos);
  // Blank cells of one grouped finding, each marked: a row of part 4 and a column of part 3.
  for (const char* id : {"cell-reviews-litigation_after_review-upheld", "cell-reviews-litigation_after_review-total",
                         "cell-applications-new-research", "cell-applications-carried_forward-research"}) {
    std::string cell = tag_of(html, id);
    EXPECT_NE(cell.find(" bad "), std::string::npos) << id << " " << cell;
    EXPECT_NE(cell.find("table.missing_cell"), std::string::npos) << cell;
  }
  EXPECT_EQ(tag_of(html, "cell-reviews-review-upheld").find(" bad "), std::string::npos);
}

// Cells this tool could not read are a note on the reading, counted apart in the summary.
TEST(HtmlReport, UnreadCellsCountedApartFromTheReportsProblems) {
  CheckResult r = check_file(test::corpus_path("fujian_pingtan_shiyanqu_2021.txt"), rules());
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.count(Severity::Info), 0);
  EXPECT_EQ(r.unread_cells(), 3);
  std::string html = render_html(r, rules(), {});
  EXPECT_NE(html.find("<b class=\"info\">0 提示</b> · <b class=\"unread\">3 个单元格本工具未能读取</b>"), std::string::npos);
  EXPECT_NE(html.find("<li class=\"finding sev-info reading\""), std::string::npos);
  for (const char* col : {"issued", "abolished", "in_force"}) {
    std::string cell = tag_of(html, std::string("cell-proactive-normative_docs-") + col);
    EXPECT_NE(cell.find(" bad sev-info"), std::string::npos) << cell;
  }
}

TEST(HtmlReport, EnglishWithLangEn) {
  CheckResult r = check_file(test::source_path("samples/helan-culture-tourism-2020.txt"), rules());
  std::string html = render_html(r, rules(), {Lang::En, true, {}});
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Rebuilt tables"), std::string::npos);
  EXPECT_EQ(html.find("重建的表格"), std::string::npos);
}

TEST(HtmlReport, RelationCellsOfABalanceFinding) {
  CheckResult r = check_file(planted(), rules());
  ASSERT_TRUE(r.ok);
  const Finding* balance = nullptr;
  for (const auto& f : r.findings)
    if (f.rule == "applications.balance") balance = &f;
  ASSERT_NE(balance, nullptr);
  EXPECT_EQ(balance->column, "natural_person");
  std::vector<std::string> cells = finding_cells(*balance, r.report, rules());
  ASSERT_FALSE(cells.empty());
  EXPECT_EQ(cells.front(), "cell-applications-carried_forward-natural_person");
  EXPECT_NE(std::find(cells.begin(), cells.end(), "cell-applications-new-natural_person"), cells.end());
  EXPECT_NE(std::find(cells.begin(), cells.end(), "cell-applications-results_total-natural_person"), cells.end());
}

TEST(HtmlReport, PlantedErrorMarkedInTableAndBoxedOnItsPage) {
  CheckResult r = check_file(planted(), rules());
  ASSERT_TRUE(r.ok);
  std::string html = render_html(r, rules(), {});
  std::string cell = tag_of(html, "cell-applications-new-total");
  EXPECT_NE(cell.find("bad sev-error"), std::string::npos) << cell;
  EXPECT_NE(cell.find("applications.row_total"), std::string::npos) << cell;
  EXPECT_NE(html.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos);  // a PNG page image
  // The row_total finding sits on page 4, line 15: the image of page 4 is there and the box is
  // the span printing 3119 (the 总计 cell), at the right of the table.
  EXPECT_NE(html.find("id=\"page-4\""), std::string::npos);
  auto images = render_page_images(r);
  const PageMark* mark = nullptr;
  for (const auto& img : images)
    for (const auto& m : img.marks)
      for (size_t i : m.findings)
        if (r.findings[i].rule == "applications.row_total") mark = &m;
  ASSERT_NE(mark, nullptr);
  EXPECT_EQ(mark->page, 4);
  EXPECT_TRUE(mark->cell);
  EXPECT_GT(mark->box.x0, 450);  // the 总计 column is the right-most of the A4 page
  EXPECT_LT(mark->box.x1, 560);
  EXPECT_GT(mark->box.y0, 400);  // the first data row, below the two header rows
  EXPECT_LT(mark->box.y1, 500);
}

// made_2021_long.pdf is made_2021_wrapped.pdf followed by 300 blank pages (tools/make-test-pdfs):
// over the default page limit, checked with a higher one, its pages are still drawn.
TEST(HtmlReport, PageImagesUnderThePageLimitTheCheckRanWith) {
  Limits limits;
  limits.max_pages = 400;
  CheckResult r = check_file(test::source_path("tests/data/pdf/made_2021_long.pdf"), rules(), limits);
  ASSERT_TRUE(r.ok) << r.error_message;
  ASSERT_FALSE(r.findings.empty());
  auto images = render_page_images(r);
  ASSERT_FALSE(images.empty());
  for (const auto& img : images) {
    EXPECT_EQ(img.png_base64.rfind("iVBORw0KGgo", 0), 0u) << img.page;  // PNG signature
    EXPECT_FALSE(img.marks.empty());
    EXPECT_GT(img.width, 500);  // A4: 595 × 842 points
    EXPECT_GT(img.height, 800);
  }
  EXPECT_NE(render_html(r, rules(), {}).find("data:image/png;base64,iVBORw0KGgo"), std::string::npos);
}

// The pages are drawn from what the reader kept: the input may be gone by the time the report
// is rendered (an upload's temporary file), and the HTML is the same.
TEST(HtmlReport, PageImagesComeFromTheReportNotFromTheFile) {
  namespace fs = std::filesystem;
  std::string dir = (fs::temp_directory_path() / "nianbao-html-report-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::string copy = dir + "/report.pdf";
  fs::copy_file(planted(), copy);
  CheckResult r = check_file(copy, rules());
  ASSERT_TRUE(r.ok);
  const std::string before = render_html(r, rules(), {});
  fs::remove_all(dir);
  ASSERT_FALSE(fs::exists(copy));
  const std::string after = render_html(r, rules(), {});
  EXPECT_EQ(after, before);
  EXPECT_NE(after.find("data:image/png;base64,iVBORw0KGgo"), std::string::npos);
  EXPECT_NE(after.find("id=\"page-4\""), std::string::npos);
}

TEST(HtmlReport, NoPagesToDrawForSourcesWithoutPages) {
  CheckResult r = check_file(test::source_path("samples/helan-culture-tourism-2020.txt"), rules());
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.report.page_source, nullptr);
  EXPECT_TRUE(r.report.line_boxes.empty());
  EXPECT_TRUE(render_page_images(r).empty());
}

TEST(HtmlReport, UnreadableFileShowsItsReason) {
  CheckResult r = check_file(test::source_path("tests/data/pdf/truncated.pdf"), rules());
  ASSERT_FALSE(r.ok);
  std::string html = render_html(r, rules(), {});
  EXPECT_NE(html.find("class=\"error-box\""), std::string::npos);
  EXPECT_NE(html.find("无法读取"), std::string::npos);
}

// An upload's error names the file as the server saw it; the page shows the user's name for it,
// which may be the same name or contain it.
TEST(HtmlReport, UnreadableUploadShowsItsOwnName) {
  CheckResult r;
  r.file = "a.txt";
  r.error_code = "timeout";
  r.error_message = "a.txt: 检查超时 (a.txt timed out)";
  for (const std::string& shown : {std::string("a.txt"), std::string("old/a.txt"), std::string("b.txt")}) {
    HtmlOptions opt;
    opt.display_name = shown;
    std::string html = render_html(r, rules(), opt);
    EXPECT_NE(html.find(shown + ": 检查超时 (" + shown + " timed out)"), std::string::npos) << shown;
  }
}

TEST(HtmlReport, Base64) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

}  // namespace
}  // namespace nianbao
