// The prose checks on real reports: the seed's double count, what the 淮安 2024 report restates
// from its tables (all of it confirmed), and on every real text report exactly the prose faults
// it was published with, no more.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

json check(const std::string& path) {
  std::string out;
  test::run(test::binary() + " check --format json " + path + " 2>/dev/null", &out);
  return json::parse(out);
}

bool prose_rule(const std::string& rule) {
  return rule.rfind("text.", 0) == 0 || rule == "structure.empty_section";
}

std::vector<json> prose_findings(const json& d) {
  std::vector<json> out;
  for (const auto& f : d["findings"])
    if (prose_rule(f["rule"])) out.push_back(f);
  return out;
}

std::vector<std::string> verified_messages(const json& d) {
  std::vector<std::string> out;
  for (const auto& v : d["verified"]) out.push_back(v["message"]);
  return out;
}

bool any_contains(const std::vector<std::string>& messages, const std::string& part) {
  return std::any_of(messages.begin(), messages.end(),
                     [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

TEST(ProseSeed, TheLibraryParagraphDoubleCountsAndTheRestHolds) {
  json d = check(test::source_path("samples/helan-culture-tourism-2020.txt"));
  auto found = prose_findings(d);
  ASSERT_EQ(found.size(), 1u) << json(found).dump();
  const json& f = found[0];
  EXPECT_EQ(f["rule"], "text.double_count");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["page"], 1);
  EXPECT_EQ(f["line"], 35);
  std::string m = f["message"];
  EXPECT_NE(m.find("居安分馆、欣荣村分馆"), std::string::npos) << m;
  EXPECT_NE(m.find("分项 14.6万人次 与 14.6万人次 相同"), std::string::npos) << m;
  EXPECT_NE(m.find("超过合计 16.51万人次"), std::string::npos) << m;
  EXPECT_NE(m.find("16.51万册次 又与合计相同"), std::string::npos) << m;
  auto verified = verified_messages(d);
  EXPECT_TRUE(any_contains(verified, "899 = 41 + 737 + 76 + 45")) << json(verified).dump();
  for (const auto& v : d["verified"])
    if (v["message"].get<std::string>().find("899 =") != std::string::npos) {
      EXPECT_EQ(v["rule"], "text.sum_mismatch");
      EXPECT_EQ(v["line"], 11);
    }
}

// What 淮安 2024 restates from its tables; checked on the text copy made with pdftotext -layout
// (tests/data/prose) and on the PDF itself, whose tables the PDF reader reads.
void expect_huaian_restatements_hold(const json& d) {
  EXPECT_TRUE(prose_findings(d).empty()) << json(prose_findings(d)).dump();
  auto verified = verified_messages(d);
  for (const char* figure : {"3119件", "3050件", "34件", "103件", "351件", "72件", "64件", "178件", "37件",
                             "46件", "25件", "5件", "9件", "7件"})
    EXPECT_TRUE(any_contains(verified, std::string("中的 ") + figure + " 与表格")) << figure;
  EXPECT_TRUE(any_contains(verified, "351 = 72 + 64 + 178 + 37"));
  EXPECT_TRUE(any_contains(verified, "46 = 25 + 5 + 9 + 7"));
}

TEST(ProseHuaian, EveryRestatedFigureIsConfirmedOnTheTextCopy) {
  expect_huaian_restatements_hold(check(test::source_path("tests/data/prose/jiangsu_huaian_shizhengfu_2024.txt")));
}

TEST(ProseHuaian, EveryRestatedFigureIsConfirmedOnThePdf) {
  json d = check(test::corpus_path("jiangsu_huaian_shizhengfu_2024.pdf"));
  ASSERT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  ASSERT_TRUE(d["report"]["tables"].contains("applications"));
  ASSERT_TRUE(d["report"]["tables"].contains("reviews"));
  expect_huaian_restatements_hold(d);
}

// Every real text report: the prose findings it must raise (faults as published), and none
// other. 平潭 2019 and 2020 list categories ending with 其他 that do not add up to their total,
// and 平潭 2019 prints "全年公开核准企业资质条、施工许可证76条" with the first number left out;
// 上海科委 2024 lists 解读类 21 条 beside the 政务信息 393 条 that contains it.
TEST(ProseCorpus, OnlyThePublishedFaults) {
  struct Case {
    std::string file;
    std::vector<std::pair<std::string, std::string>> findings;  // rule, part of the message
  };
  const std::vector<Case> cases = {
      {"fujian_pingtan_xianzhengfu_2011.txt", {}},
      {"fujian_pingtan_dishuiju_2013.txt", {{"text.sum_mismatch.rate", "171 ÷ 117 = 146.2%"}}},
      {"fujian_pingtan_shiyanqu_2018.txt", {}},
      {"fujian_pingtan_shiyanqu_2019.txt",
       {{"text.sum_mismatch", "合计 2599条 与各分项之和 2533条"}, {"text.unfilled_blank", "“全年公开核准企业资质条”"}}},
      {"fujian_pingtan_shiyanqu_2020.txt", {{"text.sum_mismatch", "合计 2602条 与各分项之和 2603条"}}},
      {"fujian_pingtan_shiyanqu_2021.txt", {}},
      {"fujian_pingtan_shiyanqu_2022.txt", {}},
      {"fujian_pingtan_shiyanqu_2023.txt", {}},
      {"fujian_pingtan_shiyanqu_2024.txt", {}},
      {"fujian_pingtan_shiyanqu_2025.txt", {}},
      {"jiangsu_suqian_shuyangxian_2025.txt", {}},
      {"shanghai_kewei_2024.md", {{"text.double_count", "分项之和 2158条 超过合计 2139条"}}},
      {"shanghai_shizhengfu_bangongting_2025.md", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    auto found = prose_findings(check(test::corpus_path(c.file)));
    ASSERT_EQ(found.size(), c.findings.size()) << json(found).dump();
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i]["rule"], c.findings[i].first);
      EXPECT_NE(found[i]["message"].get<std::string>().find(c.findings[i].second), std::string::npos)
          << found[i].dump();
    }
  }
}

// 上海市府办公厅 2019: 35, 265 and 158 agree on 805 (答复), the 258 of 予以公开及部分公开 does not.
// Its table leaves most cells blank, so the prose is not compared with it.
// NOTES.md: the prose contradicts the table (予以公开及部分公开 258 vs 275; 无法提供 265 vs 337),
// whose 总计 column is left blank in most rows; and 258 is not 33.9% of the 805 the other shares use.
// "行政复议7件，诉讼9件，均获维持" while the table has 2 reconsiderations and 1 lawsuit pending.
TEST(ProseCorpus, Shanghai2019ProseContradictsItsTable) {
  json d = check(test::corpus_path("shanghai_shizhengfu_bangongting_2019.html"));
  ASSERT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  EXPECT_EQ(d["input_format"], "html");
  auto found = prose_findings(d);
  ASSERT_EQ(found.size(), 4u) << json(found).dump();
  // All four are errors: the share that does not follow from its figures, the figures that
  // contradict the one table figure they name, and the claim that all cases were upheld.
  for (const auto& f : found) EXPECT_EQ(f["severity"], "error") << f.dump();
  EXPECT_EQ(found[0]["rule"], "text.sum_mismatch.percent");
  EXPECT_NE(found[0]["message"].get<std::string>().find("258 ÷ 805 = 32.05%"), std::string::npos);
  EXPECT_EQ(found[0]["expected"], 32.0);
  EXPECT_EQ(found[0]["actual"], 33.9);
  EXPECT_EQ(found[1]["rule"], "text.table_mismatch");
  EXPECT_EQ(found[1]["actual"], 258);
  EXPECT_EQ(found[1]["expected"], 275);
  EXPECT_EQ(found[2]["rule"], "text.table_mismatch");
  EXPECT_EQ(found[2]["actual"], 265);
  EXPECT_EQ(found[2]["expected"], 337);
  EXPECT_EQ(found[3]["rule"], "text.table_mismatch.outcome");
  EXPECT_EQ(found[3]["expected"], 0);
  EXPECT_EQ(found[3]["actual"], 3);
  EXPECT_NE(found[3]["message"].get<std::string>().find(
                "正文“信息公开类行政复议7件，诉讼9件，均获维持”称“均获维持”，但表格“行政复议”“尚未审结”为 2，"
                "表格行政诉讼两组“尚未审结”之和为 1"),
            std::string::npos)
      << found[3].dump();
}

TEST(ProseCorpus, RestatementsOfTheTablesAreConfirmed) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"fujian_pingtan_shiyanqu_2021.txt", {"中的 70件 与", "中的 69件 与", "中的 1件 与表格“四、结转下年度"}},
      // 收到 75 = 新收 74 + 上年结转 1.
      {"fujian_pingtan_shiyanqu_2022.txt", {"中的 75件 与表格“一、本年新收”与“二、上年结转”总计之和 75"}},
      {"fujian_pingtan_shiyanqu_2023.txt", {"81 = 42 + 5 + 31 + 1 + 2", "5 项占比均按合计 81 算得"}},
      {"fujian_pingtan_shiyanqu_2025.txt", {"中的 6件 与表格“四、结转下年度", "中的 9起 与表格“行政诉讼”"}},
      {"jiangsu_suqian_shuyangxian_2025.txt", {"749 = 741 + 8", "中的 718件 与表格“（七）总计” 718"}},
      {"shanghai_shizhengfu_bangongting_2025.md",
       {"中的 1295件 与", "中的 189件 与表格“二、上年结转", "5 项占比均按合计 1191 算得",
        "中的 564件 与表格“（四）无法提供”各项总计之和 564"}},
  };
  for (const auto& [file, parts] : cases) {
    SCOPED_TRACE(file);
    auto verified = verified_messages(check(test::corpus_path(file)));
    for (const auto& part : parts) EXPECT_TRUE(any_contains(verified, part)) << part;
  }
}

}  // namespace
}  // namespace nianbao
