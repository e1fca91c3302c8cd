// Title and agency of reports saved from a portal's article page with the browser's "print to
// PDF" (tests/data/pdf/portal_*.pdf, tools/make-portal-pdfs): the site's navigation, a
// sentence mentioning last year's report and the article's metadata block come before the
// title, which the page's width wraps.
#include <gtest/gtest.h>

#include "nianbao/nianbao.h"
#include "test_paths.h"

using namespace nianbao;

namespace {

CheckResult read(const std::string& name) {
  return check_file(test::source_path("tests/data/pdf/" + name), test::rules());
}

}  // namespace

TEST(PdfMeta, NavigationIsPassedOverAndTheWrappedTitleJoined) {
  CheckResult r = read("portal_wrapped_title.pdf");
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.report.meta.title, "示例县交通运输局2023年政府信息公开工作年度报告");
  EXPECT_EQ(r.report.meta.title_loc.page, 1);
  EXPECT_EQ(r.report.meta.agency, "示例县交通运输局");
  EXPECT_EQ(r.report.meta.year, 2023);
  EXPECT_EQ(r.report.meta.published, "2024-01-20");
  EXPECT_TRUE(r.findings.empty()) << (r.findings.empty() ? "" : r.findings.front().rule);
}

TEST(PdfMeta, TheMetadataBlockNamesTheReportTheHeadingShortens) {
  CheckResult r = read("portal_fields.pdf");
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.report.meta.title, "示例县交通运输局2023年政府信息公开工作年度报告");
  EXPECT_EQ(r.report.meta.agency, "示例县交通运输局");
  EXPECT_EQ(r.report.meta.year, 2023);
  EXPECT_FALSE(r.report.meta.summary_report);
  EXPECT_TRUE(r.findings.empty()) << (r.findings.empty() ? "" : r.findings.front().rule);
}
