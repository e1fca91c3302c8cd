// structure.* and meta.* over hand-built reports, and the order validate() returns findings in.
#include <gtest/gtest.h>

#include <algorithm>

#include "table_builder.h"
#include "test_paths.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

// A report for `year` with the six parts in order, part n's heading on page n, line 2, and the
// tables of parts 2–4 (all 0).
Report six_parts(int year, const std::string& version) {
  Report r;
  r.meta.year = year;
  r.meta.format_version = version;
  r.meta.title = std::to_string(year) + "年政府信息公开工作年度报告";
  r.meta.title_loc = {1, 1};
  for (int n = 1; n <= 6; ++n) {
    Section s;
    s.number = n;
    s.printed = n;
    s.loc = {n, 2};
    r.sections.push_back(s);
  }
  const std::string tables = version == "2019" ? "2019" : "2021";
  r.tables["proactive"] = test::proactive(tables);
  r.tables["applications"] = test::applications(tables);
  r.tables["reviews"] = test::reviews();
  return r;
}

class StructureMetaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new Rules(Rules::load(test::source_path("rules"))); }
  static void TearDownTestSuite() { delete rules_; }
  std::vector<Finding> structure(const Report& r) {
    std::vector<Finding> out;
    checks::structure(r, *rules_, out);
    return out;
  }
  std::vector<Finding> meta(const Report& r) {
    std::vector<Finding> out;
    checks::meta(r, *rules_, out);
    return out;
  }
  std::string zh(const Finding& f) { return rules_->catalog.format_message(f, Lang::Zh); }
  std::string en(const Finding& f) { return rules_->catalog.format_message(f, Lang::En); }
  static Rules* rules_;
};
Rules* StructureMetaTest::rules_ = nullptr;

TEST_F(StructureMetaTest, CompleteReportHasNoFinding) {
  EXPECT_TRUE(validate(six_parts(2020, "2019"), *rules_).empty());
  EXPECT_TRUE(validate(six_parts(2023, "2021"), *rules_).empty());
  EXPECT_TRUE(validate(six_parts(2023, "unknown"), *rules_).empty());
}

TEST_F(StructureMetaTest, MissingSectionIsPlacedAtTheNextPart) {
  Report r = six_parts(2022, "2021");
  r.sections.erase(r.sections.begin() + 4);  // part 5
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "structure.missing_section");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.loc, (Location{6, 2}));
  EXPECT_EQ(zh(f), "缺少“五、存在的主要问题及改进情况”部分");
  EXPECT_EQ(en(f), "part \"5. main problems and improvements\" is missing");

  r.sections.pop_back();  // and part 6: placed at the last part present
  found = structure(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].loc, (Location{4, 2}));
}

TEST_F(StructureMetaTest, PartsOutOfOrder) {
  Report r = six_parts(2021, "2021");
  std::swap(r.sections[2], r.sections[3]);  // 1 2 4 3 5 6
  r.sections[2].loc = {3, 2};
  r.sections[3].loc = {4, 9};
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "structure.order");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(f.loc, (Location{4, 9}));
  EXPECT_EQ(zh(f),
            "“三、收到和处理政府信息公开申请情况”出现在“四、政府信息公开行政复议、行政诉讼情况”"
            "之后，顺序不对");
}

TEST_F(StructureMetaTest, MisnumberedHeading) {
  Report r = six_parts(2021, "2021");
  r.sections[4].printed = 4;  // 五 printed as 四
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "structure.order.numbering");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(f.loc, (Location{5, 2}));
  EXPECT_EQ(f.expected, 5);
  EXPECT_EQ(f.actual, 4);
  EXPECT_EQ(zh(f), "“五、存在的主要问题及改进情况”的标题编号为“四”，应为“五”");
}

TEST_F(StructureMetaTest, FormatVersion) {
  Report r = six_parts(2023, "2019");
  Table t;
  t.key = "applications";
  t.loc = {3, 14};
  r.tables["applications"] = t;
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "structure.format_version");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.table, "applications");
  EXPECT_EQ(f.loc, (Location{3, 14}));
  EXPECT_EQ(zh(f), "报告年度为2023年，应使用2021年版格式，表格却按2019年版（试行）格式填写");
  EXPECT_EQ(en(f),
            "the report covers 2023, which requires the 2021 format, but the tables follow the "
            "2019 (trial) format");

  Report early = six_parts(2020, "2021");
  found = structure(early);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].loc, (Location{4, 10}));  // at the part-3 table
  EXPECT_EQ(zh(found[0]), "报告年度为2020年，应使用2019年版（试行）格式，表格却按2021年版格式填写");
}

TEST_F(StructureMetaTest, NoStructureFindingsBefore2019OrWithoutYear) {
  Report r = six_parts(2022, "pre2019");
  r.sections.clear();
  EXPECT_TRUE(structure(r).empty());
  r.meta.format_version = "unknown";
  r.meta.year = 2017;
  EXPECT_TRUE(structure(r).empty());
  r.meta.year.reset();
  EXPECT_TRUE(structure(r).empty());
}

TEST_F(StructureMetaTest, TitleYearAgainstStatisticsPeriod) {
  Report r = six_parts(2020, "2019");
  r.meta.period_start = "2020-01-01";
  r.meta.period_end = "2020-12-31";
  r.meta.period_loc = {1, 4};
  EXPECT_TRUE(meta(r).empty());
  r.meta.period_start = "2019-01-01";
  r.meta.period_end = "2019-12-31";
  auto found = meta(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "meta.year_mismatch");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.loc, (Location{1, 4}));
  EXPECT_EQ(f.expected, 2020);
  EXPECT_EQ(f.actual, 2019);
  EXPECT_EQ(zh(f), "标题年度为2020年，统计期限却为2019年1月1日至2019年12月31日");
  EXPECT_EQ(en(f), "the title says 2020 but the statistics period is 2019-01-01 to 2019-12-31");
}

TEST_F(StructureMetaTest, LateOwnReport) {
  Report r = six_parts(2020, "2019");
  r.meta.published = "2021-01-31";
  r.meta.published_loc = {1, 3};
  EXPECT_TRUE(meta(r).empty());
  r.meta.published = "2021-02-05";
  auto found = meta(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "meta.late");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.loc, (Location{1, 3}));
  EXPECT_EQ(zh(f), "发布日期2021年2月5日晚于本机关年度报告的法定期限2021年1月31日，迟了5天");
  EXPECT_EQ(en(f),
            "published 2021-02-05, after the legal deadline 2021-01-31 for an agency's own report "
            "(5 days late)");
}

TEST_F(StructureMetaTest, LateSummaryAndOldReports) {
  Report r = six_parts(2023, "2021");
  r.meta.summary_report = true;
  r.meta.published = "2024-03-31";
  EXPECT_TRUE(meta(r).empty());
  r.meta.published = "2024-04-09";
  auto found = meta(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(zh(found[0]),
            "发布日期2024年4月9日晚于本级政府年度报告的法定期限2024年3月31日，迟了9天");
  EXPECT_EQ(found[0].loc, (Location{1, 1}));  // no date location: at the title

  Report old = six_parts(2018, "pre2019");
  old.meta.published = "2019-03-20";
  EXPECT_TRUE(meta(old).empty());
  old.meta.published = "2019-04-01";
  ASSERT_EQ(meta(old).size(), 1u);
}

TEST_F(StructureMetaTest, FindingsSortedByPlaceThenRule) {
  Report r = six_parts(2021, "2021");
  r.sections.erase(r.sections.begin() + 1);  // part 2 missing: placed at part 3, page 3
  r.sections[3].printed = 6;                 // part 5 printed as 六, page 5
  r.meta.published = "2022-03-01";           // late, at page 1 line 3
  r.meta.published_loc = {1, 3};
  r.meta.period_start = "2020-01-01";  // wrong year, at page 1 line 3 too
  r.meta.period_end = "2021-12-31";
  r.meta.period_loc = {1, 3};
  auto found = validate(r, *rules_);
  std::vector<std::string> rules;
  for (const Finding& f : found) rules.push_back(f.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"meta.late", "meta.year_mismatch",
                                             "structure.missing_section",
                                             "structure.order.numbering"}));
}

TEST_F(StructureMetaTest, PartWithoutItsTableIsAWarningAtThePartHeading) {
  Report r = six_parts(2022, "2021");
  r.tables.erase("applications");
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "structure.missing_section.table");
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].table, "applications");
  EXPECT_EQ(found[0].loc, (Location{3, 2}));
  EXPECT_EQ(zh(found[0]), "“三、收到和处理政府信息公开申请情况”部分没有可识别的统计表格");
}

TEST_F(StructureMetaTest, TablePublishedAsAPictureIsSaidAtThePicture) {
  Report r = six_parts(2022, "2021");
  for (auto& s : r.sections) s.loc = {1, s.number * 10};  // an HTML page: one page
  r.tables.erase("applications");
  r.notes.table_image_lines = {12, 35};  // a picture in part 1 and one in part 3
  auto found = structure(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "structure.missing_section.table_image");
  EXPECT_EQ(found[0].loc, (Location{1, 35}));
  EXPECT_EQ(zh(found[0]), "“三、收到和处理政府信息公开申请情况”部分的统计表格以图片发布，其中的数字无法核对");
}

TEST_F(StructureMetaTest, ScannedPagesOfAPdfAreANoteEach) {
  Report r = six_parts(2022, "2021");
  r.notes.scanned_pages = {2, 5};
  auto found = structure(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "structure.missing_section.scanned");
  EXPECT_EQ(found[0].severity, Severity::Info);
  EXPECT_EQ(found[0].loc, (Location{2, 1}));
  EXPECT_EQ(found[1].loc, (Location{5, 1}));
  EXPECT_EQ(zh(found[1]), "第 5 页是扫描图像，没有文字层，该页内容未经检查");
}

}  // namespace
}  // namespace nianbao
