// The title, agency and kind of report of a portal's article page whose body prints the title
// split over elements, and the area-wide summary report told by its title and agency
// (rules/meta.toml [summary]): its deadline is 31 March, not 31 January.
#include <gtest/gtest.h>

#include <regex>

#include "extract/read/html/html_reader.h"
#include "extract/read/text/text_reader.h"
#include "extract/segment/meta.h"
#include "extract/segment/segment.h"
#include "nianbao/nianbao.h"
#include "test_paths.h"

namespace nianbao {
namespace {

const std::string kPingtan = "tests/data/html/pingtan_2020_portal.html";

Meta meta_of(const Document& doc) {
  const Segmentation seg = segment(doc, test::rules().headings);
  return extract_meta(doc, seg.paragraphs, test::rules().meta);
}

Meta html_meta(const std::string& page) { return meta_of(read_html_bytes(page, "page.html", test::rules().headings)); }

bool has_rule(const CheckResult& r, const std::string& rule) {
  for (const auto& f : r.findings)
    if (f.rule == rule) return true;
  return false;
}

// 平潭综合实验区 / 2020年 / 政府信息公开工作年度报告 in the body; the whole title in <title>,
// ArticleTitle and the article-title element.
TEST(PortalMeta, BodyTitleSplitOverElementsTakesThePagesTitle) {
  const Meta m = html_meta(test::read_file(test::source_path(kPingtan)));
  EXPECT_EQ(m.title, "平潭综合实验区2020年度政府信息公开工作年度报告");
  EXPECT_EQ(m.agency, "平潭综合实验区");
  EXPECT_EQ(m.year, 2020);
  EXPECT_EQ(m.published, "2021-03-05");
  EXPECT_TRUE(m.summary_report);
}

// Each source of the page's title serves alone: the article-title element, Description,
// <title> (its first part); a body with the whole title keeps its own.
TEST(PortalMeta, EachSourceOfThePagesTitleServesWhenTheOthersAreMissing) {
  const std::string page = test::read_file(test::source_path(kPingtan));
  auto without = [](std::string s, const std::string& pattern) { return std::regex_replace(s, std::regex(pattern), ""); };
  const std::string no_meta = without(page, "<meta name=\"ArticleTitle\"[^>]*>");
  EXPECT_EQ(html_meta(no_meta).title, "平潭综合实验区2020年度政府信息公开工作年度报告");  // the article-title element
  const std::string title_only = without(no_meta, "<div class=\"article_title text_align_center\">[^<]*</div>");
  EXPECT_EQ(html_meta(title_only).title, "平潭综合实验区2020年度政府信息公开工作年度报告");  // <title>, first part
  const std::string description = std::regex_replace(
      without(title_only, "<title>[^<]*</title>"), std::regex("<meta name=\"Description\" content=\"\"/>"),
      "<meta name=\"Description\" content=\"平潭综合实验区2020年度政府信息公开工作年度报告\"/>");
  EXPECT_EQ(html_meta(description).title, "平潭综合实验区2020年度政府信息公开工作年度报告");
  // With none of them, the body's two paragraphs are joined.
  const Meta none = html_meta(without(title_only, "<title>[^<]*</title>"));
  EXPECT_EQ(none.title, "平潭综合实验区2020年政府信息公开工作年度报告");
  EXPECT_EQ(none.agency, "平潭综合实验区");
  EXPECT_TRUE(none.summary_report);
}

// Published 5 March 2021: within the 31 March of a summary report, so no meta.late.
TEST(PortalMeta, TheAreasSummaryReportIsNotLateInMarch) {
  const CheckResult r = check_file(test::source_path(kPingtan), test::rules());
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_TRUE(r.report.meta.summary_report);
  EXPECT_FALSE(has_rule(r, "meta.late"));
  // The same page published by a department of the area is late by 33 days.
  std::string page = test::read_file(test::source_path(kPingtan));
  page = std::regex_replace(page, std::regex("平潭综合实验区2020年度政府信息公开工作年度报告"),
                            "平潭综合实验区交通运输局2020年度政府信息公开工作年度报告");
  const CheckResult own = check_bytes("own.html", page, test::rules());
  ASSERT_TRUE(own.ok);
  EXPECT_EQ(own.report.meta.agency, "平潭综合实验区交通运输局");
  EXPECT_FALSE(own.report.meta.summary_report);
  EXPECT_TRUE(has_rule(own, "meta.late"));
}

Meta text_meta(const std::string& text) { return meta_of(read_text_bytes(text, "page.txt")); }

TEST(PortalMeta, SummaryReportToldByTheWordsOfItsTitleAndByItsAgency) {
  const std::string body = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n全年主动公开政府信息356条。\n";
  // The title says it covers the area.
  EXPECT_TRUE(text_meta("示例市2023年全市政府信息公开工作年度报告\n" + body).summary_report);
  EXPECT_TRUE(text_meta("示例县2023年本地区政府信息公开工作年度报告\n" + body).summary_report);
  // A government or the area itself; not its departments, nor its government's office.
  EXPECT_TRUE(text_meta("示例县人民政府2023年政府信息公开工作年度报告\n" + body).summary_report);
  EXPECT_TRUE(text_meta("示例县2023年政府信息公开工作年度报告\n" + body).summary_report);
  EXPECT_FALSE(text_meta("示例县交通运输局2023年政府信息公开工作年度报告\n" + body).summary_report);
  EXPECT_FALSE(text_meta("示例县人民政府办公室2023年政府信息公开工作年度报告\n" + body).summary_report);
  // A word of the list inside the agency's own name is not the scope (全州县).
  EXPECT_FALSE(text_meta("全州县教育局2023年政府信息公开工作年度报告\n" + body).summary_report);
}

}  // namespace
}  // namespace nianbao
