// Reading the prose: folding with the way back to the printed text, figures with their units,
// qualifiers and shares, the clause each stands in, and the totals with their parts.
#include <gtest/gtest.h>

#include "validate/prose/prose_figures.h"
#include "test_paths.h"
#include "validate/prose/prose_enumerations.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

class ProseReading : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new Rules(Rules::load(test::source_path("rules"))); }
  static void TearDownTestSuite() { delete rules_; }
  // One paragraph: each piece of `lines` on its own line (page 1, lines 1, 2, …).
  ProseParagraph read(const std::vector<std::string>& lines, int year = 2024) {
    paragraph_ = Paragraph{};
    for (size_t i = 0; i < lines.size(); ++i) {
      paragraph_.pieces.push_back({paragraph_.text.size(), {1, static_cast<int>(i) + 1}});
      paragraph_.text += lines[i];
    }
    FigureContext c = rules_->prose.figures;
    c.year = year;
    return read_prose(paragraph_, c);
  }
  std::vector<Enumeration> lists(const ProseParagraph& p) { return find_enumerations(p, rules_->prose.words); }
  static Rules* rules_;
  Paragraph paragraph_;
};
Rules* ProseReading::rules_ = nullptr;

TEST_F(ProseReading, FoldingMapsEveryByteBackToTheLineItWasPrintedOn) {
  ProseParagraph p = read({"全年收到申请 ３４ 件，", "办结３３件。"});
  EXPECT_EQ(p.folded.text, "全年收到申请34件,办结33件。");
  ASSERT_EQ(p.figures.size(), 2u);
  EXPECT_EQ(p.loc_at(p.figures[0].number_begin).line, 1);
  EXPECT_EQ(p.loc_at(p.figures[1].number_begin).line, 2);
  EXPECT_EQ(p.quote(p.figures[0].begin, p.figures[0].end), "３４ 件");
}

TEST_F(ProseReading, FiguresWithUnitsScalesAndQualifiers) {
  ProseParagraph p = read({"图书馆总馆全年读者流量达到 14.6 万人次，主动公开信息5500余条，约4900人次，"
                           "近300个，超过20件，10件以上，共计1,234条，费用3.5亿元。"});
  ASSERT_EQ(p.figures.size(), 8u);
  EXPECT_DOUBLE_EQ(p.figures[0].value, 14.6);
  EXPECT_EQ(p.figures[0].scale, 1e4);
  EXPECT_EQ(p.figures[0].unit, "人次");
  EXPECT_EQ(p.figures[0].decimals, 1);
  EXPECT_EQ(p.figures[0].bound, Bound::Exact);
  EXPECT_DOUBLE_EQ(p.figures[0].tolerance(), 500);
  EXPECT_EQ(p.figures[1].bound, Bound::AtLeast);
  EXPECT_EQ(p.figures[1].unit, "条");
  EXPECT_EQ(p.figures[2].bound, Bound::About);
  EXPECT_EQ(p.figures[3].bound, Bound::About);
  EXPECT_EQ(p.figures[4].bound, Bound::AtLeast);
  EXPECT_EQ(p.figures[5].bound, Bound::AtLeast);
  EXPECT_DOUBLE_EQ(p.figures[6].value, 1234);
  EXPECT_EQ(p.figures[7].unit, "元");
  EXPECT_EQ(p.figures[7].scale, 1e8);
}

TEST_F(ProseReading, YearsDatesOrdinalsAndCodesAreNotFigures) {
  ProseParagraph p = read({"2025年，第3季度回应12345热线，10月29日上线，H5作品2个，结转至2026年6件。"}, 2025);
  ASSERT_EQ(p.figures.size(), 2u);
  EXPECT_EQ(p.figures[0].number_text, "2");
  EXPECT_EQ(p.figures[1].number_text, "6");
  EXPECT_EQ(p.figures[1].statement, "结转至2026年#");
  EXPECT_FALSE(p.figures[1].other_period);  // the following year is that of carried-forward ones
}

TEST_F(ProseReading, SharesStatedWithTheirCountsBelongToThem) {
  ProseParagraph p = read({"予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），"
                           "其他处理 319 件（26.78%，含申请人主动撤回 157 件），不予处理1件，占1.23%。"});
  ASSERT_EQ(p.figures.size(), 5u);
  EXPECT_EQ(p.figures[0].percent->text, "17.46");
  EXPECT_EQ(p.figures[2].percent->decimals, 2);
  EXPECT_EQ(p.figures[3].depth, 1);  // 157, in the bracket
  EXPECT_EQ(p.figures[4].percent->text, "1.23");
  EXPECT_EQ(p.figures[4].statement, "不予处理#");
}

TEST_F(ProseReading, FiguresOfOtherYearsAndComparisons) {
  ProseParagraph p = read({"2022年收到申请20件，申请数量较去年回落12件，同比增长5件，上年结转申请2件，本年收到30件。"}, 2024);
  ASSERT_EQ(p.figures.size(), 5u);
  EXPECT_TRUE(p.figures[0].other_period);
  EXPECT_TRUE(p.figures[1].other_period);
  EXPECT_TRUE(p.figures[2].other_period);
  EXPECT_FALSE(p.figures[3].other_period);  // 上年结转 is this year's table row
  EXPECT_FALSE(p.figures[4].other_period);
}

TEST_F(ProseReading, TheSeedLibraryParagraphIsATotalAfterTwoEqualParts) {
  ProseParagraph p = read({"图书馆总馆全年读者流量达到 14.6 万人次，居安分馆、欣荣村分馆全年到馆 14.6 万人次；"
                           "全年总计 16.51 万人次；图书外借 16.51 万册次，新增读者办理有效借书证 769 个，退证 420 个，"
                           "累计持有有效借书证 13410 个。"});
  auto found = lists(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, Enumeration::Kind::TotalAfter);
  EXPECT_EQ(p.figures[found[0].whole].number_text, "16.51");
  EXPECT_EQ(found[0].candidates, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(found[0].matched, 0u);
}

TEST_F(ProseReading, PartsAfterQiZhongStopWhereTheyAddUp) {
  ProseParagraph p = read({"共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；"
                           "共办理 718 件，结转下一年 31 件。"});
  auto found = lists(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(p.figures[found[0].whole].number_text, "749");
  EXPECT_EQ(found[0].matched, 2u);
}

TEST_F(ProseReading, PartsAfterAQiZhongThatOpensTheNextSentenceOrABracket) {
  ProseParagraph p = read({"新增主动公开政府信息45条。其中，政策法规类32条；规划计划类13条。"
                           "共公布2599条，(其中机构职能类25条，其他应主动公开政府信息856条)，"
                           "预决算公开197条（政府预决算32条、部门预决算公开165条）。"});
  auto found = lists(p);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].matched, 2u);
  EXPECT_EQ(p.figures[found[1].whole].number_text, "2599");
  EXPECT_TRUE(found[1].complete);  // ends with 其他…
  EXPECT_EQ(found[1].matched, 0u);
  EXPECT_EQ(found[2].kind, Enumeration::Kind::Bracket);
  EXPECT_EQ(found[2].matched, 2u);
}

TEST_F(ProseReading, PartsOfAnotherUnitAreNotParts) {
  ProseParagraph p = read({"共开设新媒体数量70个。其中微博29个，共发布信息1992条；微信公众号41个，共发布信息3404条。"});
  auto found = lists(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].candidates.size(), 2u);
  EXPECT_EQ(found[0].matched, 2u);
}

TEST(ProseRules, AMalformedPatternNamesTheFileAndLine) {
  std::string dir = ::testing::TempDir() + "/prose_rules_bad";
  test::run("rm -rf " + dir + " && mkdir -p " + dir);
  test::run("printf '[[statement]]\\nid = \"x\"\\nname = { zh = \"x\", en = \"x\" }\\npattern = \"(\"\\n"
            "cells = [\"applications/new/total\"]\\n' > " + dir + "/prose.toml");
  try {
    ProseRules::load(dir + "/prose.toml");
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find(dir + "/prose.toml:1: statement 'x': pattern"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace nianbao
