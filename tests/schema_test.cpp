// The schema files: what they declare, and how printed labels find their rows and columns.
#include <gtest/gtest.h>

#include <fstream>

#include "extract/model/errors.h"
#include "extract/rules/schema.h"
#include "test_paths.h"

using namespace nianbao;

namespace {
Schema load(const std::string& v) { return Schema::load(test::source_path("rules/schema-" + v + ".toml")); }
std::string row_of(const Schema& s, const std::string& label) {
  auto m = s.match_row(label, "applications");
  return m ? m->row : "";
}
}  // namespace

TEST(Schema, DeclaresBothVersions) {
  Schema s19 = load("2019"), s21 = load("2021");
  EXPECT_EQ(s19.version, "2019");
  EXPECT_EQ(s21.version, "2021");
  EXPECT_EQ(s19.table("applications")->rows.size(), 23u);
  EXPECT_EQ(s21.table("applications")->rows.size(), 25u);
  EXPECT_EQ(s21.table("applications")->columns.size(), 7u);
  EXPECT_EQ(s19.table("reviews")->rows.size(), 3u);
  EXPECT_TRUE(s19.table("reviews")->wide);
  size_t cells19 = 0, cells21 = 0;
  for (const auto& r : s19.table("proactive")->rows) cells19 += r.columns.size();
  for (const auto& r : s21.table("proactive")->rows) cells21 += r.columns.size();
  EXPECT_EQ(cells19, 22u);  // docs/FORMAT.md §3.2
  EXPECT_EQ(cells21, 10u);  // docs/FORMAT.md §3.1
  EXPECT_EQ(s19.table("proactive")->rows[7].key, "procurement");
  EXPECT_TRUE(s19.table("proactive")->column("change")->is_signed);
  EXPECT_EQ(s21.table("proactive")->column("amount_wan")->unit, "万元");
  EXPECT_EQ(s21.table("applications")->expand("denied.*").size(), 8u);
}

TEST(Schema, RowLabelsTolerateNumberingQuotesAndTypos) {
  Schema s = load("2021");
  EXPECT_EQ(row_of(s, "2、其他法律行政法规禁止公开"), "denied.prohibited");
  EXPECT_EQ(row_of(s, "2．其他法律行政止公开"), "denied.prohibited");  // 洪泽区 typo
  EXPECT_EQ(row_of(s, "3. 危及“三安全一稳定”"), "denied.security");
  EXPECT_EQ(row_of(s, "3.危及\"三安全一稳定\""), "denied.security");
  EXPECT_EQ(row_of(s, "(二) 部分公开"), "partly_granted");
  EXPECT_EQ(row_of(s, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), "partly_granted");
  EXPECT_EQ(row_of(s, "（三）不予公开 1.属于国家秘密"), "denied.state_secret");
  EXPECT_EQ(row_of(s, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            "other.no_correction");
  EXPECT_EQ(row_of(s, "3.其他"), "other.misc");
  EXPECT_EQ(row_of(s, "（七）总计"), "results_total");
  EXPECT_EQ(row_of(s, "总计"), "");  // the column header is not the row
  EXPECT_EQ(row_of(load("2019"), "（六）其他"), "other");  // 沭阳 2025 shortens the label
}

TEST(Schema, ColumnVariants) {
  Schema s = load("2021");
  EXPECT_EQ(s.match_column("社会组织", "applications"), "social_org");
  EXPECT_EQ(s.match_column("社会公益组织", "applications"), "social_org");
  EXPECT_EQ(s.match_column("合计", "applications"), "total");
  EXPECT_EQ(s.match_column("其他组织", "applications"), "other_org");
  EXPECT_EQ(s.match_column("其他", "applications"), "other_org");
  EXPECT_EQ(s.match_column("其他结果", "reviews"), "other");
  EXPECT_EQ(s.match_column("本年收费金额（单位：万元）", "proactive"), "amount_wan");
  EXPECT_EQ(load("2019").match_column("本年增/减", "proactive"), "change");
}

TEST(Schema, MalformedFileNamesFileAndLine) {
  std::string path = ::testing::TempDir() + "/bad-schema.toml";
  {
    std::ofstream f(path);
    f << "version = \"2021\"\n[[table]]\nkey = \"applications\"\nrows = [\n";
  }
  try {
    Schema::load(path);
    FAIL() << "expected RulesError";
  } catch (const RulesError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":"), std::string::npos) << e.what();
  }
  {
    std::ofstream f(path);
    f << "version = \"2021\"\nsince = 2021\nname = { zh = \"2021年版\", en = \"2021\" }\n\n[[table]]\nkey = \"t\"\n"
         "[[table.row]]\nlabel = \"规章\"\n";
  }
  try {
    Schema::load(path);
    FAIL() << "expected RulesError";
  } catch (const RulesError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":7:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("key"), std::string::npos) << e.what();
  }
}
