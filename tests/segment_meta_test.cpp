// Parts, prose paragraphs and metadata of real reports, read through the text reader.
#include <gtest/gtest.h>

#include "extract/segment/meta.h"
#include "extract/segment/segment.h"
#include "extract/read/html/html_reader.h"
#include "extract/read/text/text_reader.h"
#include "test_paths.h"

namespace nianbao {
namespace {

struct Read {
  Document doc;
  Segmentation seg;
  Meta meta;
};

Read read(const std::string& path) {
  Read r{read_text_file(path), {}, {}};
  r.seg = segment(r.doc, test::rules().headings);
  r.meta = extract_meta(r.doc, r.seg.paragraphs, test::rules().meta);
  return r;
}

std::vector<std::pair<int, int>> parts_and_lines(const Segmentation& s) {
  std::vector<std::pair<int, int>> out;
  for (const auto& sec : s.sections) out.emplace_back(sec.number, sec.loc.line);
  return out;
}

TEST(Segment, SeedHasTheSixPartsAtTheirHeadingLines) {
  Read r = read(test::source_path("samples/helan-culture-tourism-2020.txt"));
  std::vector<std::pair<int, int>> expected{{1, 7}, {2, 41}, {3, 64}, {4, 94}, {5, 101}, {6, 113}};
  EXPECT_EQ(parts_and_lines(r.seg), expected);
  EXPECT_EQ(r.seg.sections[2].title, "收到和处理政府信息公开申请情况");
  EXPECT_FALSE(r.seg.pre2019_layout);
}

TEST(Segment, SentenceBrokenOverABlankLineIsOneParagraphWithBothLocations) {
  Read r = read(test::source_path("samples/helan-culture-tourism-2020.txt"));
  const Paragraph* p = nullptr;
  for (const auto& para : r.seg.paragraphs)
    if (para.text.find("政府信息公开工作领导小组") != std::string::npos) p = &para;
  ASSERT_NE(p, nullptr);
  size_t at = p->text.find("政府信息公开工作领导小组");
  EXPECT_EQ(p->loc_at(at).line, 25);                 // "政" ends line 25
  EXPECT_EQ(p->loc_at(at + std::string("政").size()).line, 27);  // "府…" starts line 27
  EXPECT_EQ(p->section, 1);
}

TEST(Meta, SeedTitleAgencyYearDates) {
  Read r = read(test::source_path("samples/helan-culture-tourism-2020.txt"));
  EXPECT_EQ(r.meta.title, "贺兰县文化旅游广电局2020年政府信息公开工作年度报告");
  EXPECT_EQ(r.meta.title_loc.line, 3);
  EXPECT_EQ(r.meta.agency, "贺兰县文化旅游广电局");
  EXPECT_EQ(r.meta.year, 2020);
  EXPECT_EQ(r.meta.published, "2021-01-15");
  EXPECT_EQ(r.meta.published_loc.line, 119);
  EXPECT_EQ(r.meta.period_start, "2020-01-01");
  EXPECT_EQ(r.meta.period_end, "2020-12-31");
  EXPECT_EQ(r.meta.period_loc.line, 5);
  EXPECT_FALSE(r.meta.summary_report);
}

TEST(Meta, TitleWrappedOverTwoLinesInAMarkdownConversion) {
  Read r = read(test::corpus_path("shanghai_shizhengfu_bangongting_2025.md"));
  EXPECT_EQ(r.meta.title, "2025年上海市人民政府办公厅政府信息公开工作年度报告");
  EXPECT_EQ(r.meta.agency, "上海市人民政府办公厅");
  EXPECT_EQ(r.meta.year, 2025);
  EXPECT_EQ(r.meta.period_start, "2025-01-01");
  EXPECT_EQ(r.meta.period_end, "2025-12-31");
  // The conversion lost the heading of part 5 (its text starts at "（一）2024 年工作中存在问题
  // 的改进情况"); "三、本法提供" at line 139 is a broken table label, not a part.
  std::vector<std::pair<int, int>> expected{{1, 15}, {2, 77}, {3, 103}, {4, 171}, {6, 214}};
  EXPECT_EQ(parts_and_lines(r.seg), expected);
}

TEST(Meta, AgencyPrintedOnTheLineAboveTheYearJoinsTheTitle) {
  std::string dir = ::testing::TempDir();
  std::string path = dir + "/two_line_title.txt";
  test::run("printf '            淮安市人民政府\\n     2024 年政府信息公开工作年度报告\\n\\n   一、总体情况\\n' > " + path);
  Read r = read(path);
  EXPECT_EQ(r.meta.title, "淮安市人民政府2024年政府信息公开工作年度报告");
  EXPECT_EQ(r.meta.title_loc.line, 1);
  EXPECT_EQ(r.meta.agency, "淮安市人民政府");
  EXPECT_EQ(r.meta.year, 2024);
}

TEST(Meta, WebPageCopyWithDateLineAndBodyStartingWithNianDuBaoGao) {
  std::string path = ::testing::TempDir() + "/web_copy.txt";
  test::run("printf '2019年上海市人民政府办公厅政府信息公开工作年度报告\\t\\n发布日期：2020-01-31\\n"
            "本年度报告根据《条例》的要求编制。\\n一、总体情况\\n' > " + path);
  Read r = read(path);
  EXPECT_EQ(r.meta.title, "2019年上海市人民政府办公厅政府信息公开工作年度报告");
  EXPECT_EQ(r.meta.agency, "上海市人民政府办公厅");
  EXPECT_EQ(r.meta.published, "2020-01-31");
  EXPECT_EQ(r.meta.published_loc.line, 2);
}

TEST(Segment, PortalDumpOnOneLineStillHasItsSixParts) {
  Read r = read(test::corpus_path("fujian_pingtan_shiyanqu_2020.txt"));
  ASSERT_EQ(r.seg.sections.size(), 6u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(r.seg.sections[i].number, i + 1);
  EXPECT_EQ(r.meta.year, 2020);
  EXPECT_EQ(r.meta.agency, "平潭综合实验区");
  EXPECT_TRUE(r.meta.summary_report);
  EXPECT_EQ(r.meta.published, "2021-03-05");  // from the dump's 发布时间
}

TEST(Segment, OldLayoutIsRecognised) {
  Read r = read(test::corpus_path("fujian_pingtan_xianzhengfu_2011.txt"));
  EXPECT_EQ(r.meta.year, 2011);
  EXPECT_EQ(r.meta.agency, "平潭县人民政府");
}

// LibreOffice's HTML export loses the "一、" its browser would not draw and keeps "1."–"6.": a
// heading whose printed number is the number of the part it names is that part, when the report
// has no part heading of its own.
TEST(Segment, PartsNumberedOneToSixWhenNoPartHeadingIsPrinted) {
  const Document doc = read_html_file(test::source_path("tests/data/html/libreoffice-correct-2021.html"), test::rules().headings);
  const Segmentation seg = segment(doc, test::rules().headings);
  ASSERT_EQ(seg.sections.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(seg.sections[i].number, i + 1);
    EXPECT_EQ(seg.sections[i].printed, i + 1);
  }
  EXPECT_EQ(seg.sections[1].title, "主动公开政府信息情况");
}

TEST(Segment, NumberedItemsInsideAPartAreNotParts) {
  // Part 1's items name other parts' subjects under other numbers: they stay items.
  const std::string text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n1. 主动公开\n全年公开12条。\n"
                           "2. 依申请公开\n收到申请3件。\n二、主动公开政府信息情况\n";
  const Segmentation seg = segment(read_text_bytes(text, "t.txt"), test::rules().headings);
  ASSERT_EQ(seg.sections.size(), 2u);
  EXPECT_EQ(seg.sections[0].number, 1);
  EXPECT_EQ(seg.sections[1].number, 2);
  // Without part headings, two numbered items are too few to be taken for the parts.
  const std::string items = "某某局2023年政府信息公开工作年度报告\n1. 总体情况\n全年公开12条。\n"
                            "2. 主动公开政府信息情况\n收到申请3件。\n";
  EXPECT_TRUE(segment(read_text_bytes(items, "t.txt"), test::rules().headings).sections.empty());
}

Meta meta_of(const std::string& text) {
  const Document doc = read_text_bytes(text, "page.txt");
  const Segmentation seg = segment(doc, test::rules().headings);
  return extract_meta(doc, seg.paragraphs, test::rules().meta);
}

const std::string kBody = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n"
                          "全年主动公开政府信息356条。\n";

// A page printed from a portal: the site's navigation names the annual-report column, a
// sentence mentions last year's report, and the title is wrapped by the page's width.
TEST(Meta, NavigationAndSentencesAreNotTheTitleAndAWrappedTitleIsJoined) {
  Meta m = meta_of("首页 政务公开 政府信息公开年报 互动交流\n当前位置：首页 > 政务公开 > 政府信息公开工作年度报告\n"
                   "现将本局2022年政府信息公开工作年度报告一并公布。\n示例县交通运输局2023年政府信息公开工作年度\n报告\n" +
                   kBody);
  EXPECT_EQ(m.title, "示例县交通运输局2023年政府信息公开工作年度报告");
  EXPECT_EQ(m.title_loc.line, 4);
  EXPECT_EQ(m.agency, "示例县交通运输局");
  EXPECT_EQ(m.year, 2023);
}

// The article's metadata block: "名称" is the title where the heading leaves the agency out,
// "发布机构" completes an agency the title shortens; several fields share a line.
TEST(Meta, PortalFieldsNameTheTitleAndCompleteTheAgency) {
  Meta m = meta_of("当前位置：首页 > 政务公开 > 年度报告\n索引号：11350128MB00001/2024-0003　发布机构：平潭综合实验区管委会　"
                   "发布日期：2024-01-20\n名称：平潭综合实验区2023年政府信息公开工作年度报告\n"
                   "2023年政府信息公开工作年度报告\n" + kBody);
  EXPECT_EQ(m.title, "平潭综合实验区2023年政府信息公开工作年度报告");
  EXPECT_EQ(m.title_loc.line, 3);
  EXPECT_EQ(m.agency, "平潭综合实验区管委会");
  EXPECT_TRUE(m.summary_report);
  // The same block printed as a table.
  Meta t = meta_of("索引号\t11350128MB00001/2024-0003\t分类\t年度报告\n发布机构\t平潭综合实验区管委会\t发文日期\t2024-01-20\n"
                   "名称\t平潭综合实验区2023年政府信息公开工作年度报告\n" + kBody);
  EXPECT_EQ(t.title, "平潭综合实验区2023年政府信息公开工作年度报告");
  EXPECT_EQ(t.agency, "平潭综合实验区管委会");
  // A publisher that is another body, or the office of the title's agency, does not replace it.
  Meta other = meta_of("发布机构：示例县人民政府办公室\n示例县交通运输局2023年政府信息公开工作年度报告\n" + kBody);
  EXPECT_EQ(other.agency, "示例县交通运输局");
  Meta office = meta_of("发布机构：示例县交通运输局办公室\n示例县交通运输局2023年政府信息公开工作年度报告\n" + kBody);
  EXPECT_EQ(office.agency, "示例县交通运输局");
}

}  // namespace
}  // namespace nianbao
