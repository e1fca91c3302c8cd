// What is not a report at all is no_report with its reason (extract/segment/report_presence.h):
// a portal's listing page, a record that only names a report, an image. What has a report's
// part or figure, or names its agency and year, is checked as a report.
#include <gtest/gtest.h>

#include "extract/analyze.h"
#include "extract/model/errors.h"
#include "extract/read/reader.h"
#include "test_paths.h"

namespace nianbao {
namespace {

// The error code and message of reading `bytes` as the file `name`; "" when it reads as a report.
std::pair<std::string, std::string> outcome(const std::string& bytes, const std::string& name) {
  try {
    analyze(read_document_bytes(bytes, name, test::rules().headings), test::rules());
    return {"", ""};
  } catch (const ReadError& e) {
    return {e.code, e.what()};
  }
}

TEST(ReportPresence, AListingPageOfReportsIsNoReport) {
  std::string page = "<html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body>"
                     "<div>当前位置：首页 &gt; 政务公开 &gt; 年报</div><ul>";
  for (int y = 2019; y <= 2023; ++y)
    page += "<li><a href=\"" + std::to_string(y) + ".html\">西山县交通运输局" + std::to_string(y) +
            "年政府信息公开工作年度报告</a> " + std::to_string(y + 1) + "-01-20</li>";
  page += "</ul></body></html>";
  auto [code, message] = outcome(page, "list.html");
  EXPECT_EQ(code, "no_report");
  EXPECT_NE(message.find("文件列出 5 个年度报告的标题或链接"), std::string::npos) << message;
  EXPECT_NE(message.find("栏目列表页"), std::string::npos) << message;
}

TEST(ReportPresence, ARecordThatOnlyNamesAReportIsNoReport) {
  auto [code, message] = outcome("{\"标题\": \"2024年政府信息公开工作年度报告\", \"url\": \"a.html\"}\n", "item.json");
  EXPECT_EQ(code, "no_report") << message;
  auto [code2, message2] = outcome("2024年政府信息公开工作年度报告\n\n详见附件。\n", "page.txt");
  EXPECT_EQ(code2, "no_report") << message2;
  EXPECT_NE(message2.find("读不出机关和年度"), std::string::npos) << message2;
}

TEST(ReportPresence, AnImageIsNoReport) {
  auto [code, message] = outcome(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'), "banner.png");
  EXPECT_EQ(code, "no_report");
  EXPECT_NE(message.find("图片文件（PNG）"), std::string::npos) << message;
  EXPECT_EQ(outcome("\xFF\xD8\xFF\xE0 jpeg", "scan.jpg").first, "no_report");
}

TEST(ReportPresence, AReportCutShortIsStillAReport) {
  // One part, or only a title naming agency and year: checked, its findings say what is missing.
  EXPECT_EQ(outcome("某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年公开信息。\n", "a.txt").first, "");
  EXPECT_EQ(outcome("某某局2023年政府信息公开工作年度报告\n正文从略\n", "b.txt").first, "");
}

}  // namespace
}  // namespace nianbao
