// The real published text reports in tests/corpus (portal dumps, PDF->Markdown and OCR
// conversions with their real damage): what a supervisor must get from each of them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

json check(const std::string& name) {
  std::string out;
  test::run(test::binary() + " check --format json " + test::corpus_path(name) + " 2>/dev/null", &out);
  return json::parse(out);
}

struct Expected {
  std::string file;
  int year;
  std::string format, agency;
  // applications totals (new, carried_over, results_total, carried_forward); -1 = no table
  int new_total = -1, carried_over = -1, results = -1, carried_forward = -1;
  // reviews totals (review, litigation_direct, litigation_after_review); -1 = no table
  int review = -1, direct = -1, after_review = -1;
};

json total(const json& report, const std::string& row) {
  for (const auto& r : report["tables"]["applications"]["rows"])
    if (r["key"] == row) return r["values"]["total"];
  return nullptr;
}

void expect_number(const json& v, int expected, const std::string& what) {
  if (expected < 0) return;
  ASSERT_TRUE(v.is_number()) << what << " is " << v.dump();
  EXPECT_EQ(v.get<int>(), expected) << what;
}

const std::vector<Expected>& corpus() {
  static const std::vector<Expected> files = {
      {"fujian_pingtan_xianzhengfu_2011.txt", 2011, "pre2019", "平潭县人民政府"},
      {"fujian_pingtan_dishuiju_2013.txt", 2013, "pre2019", "平潭综合实验区地方税务局"},
      {"fujian_pingtan_shiyanqu_2018.txt", 2018, "pre2019", "平潭综合实验区"},
      {"fujian_pingtan_shiyanqu_2019.txt", 2019, "2019", "平潭综合实验区", 23, 0, 23, 0, 0, 0, 0},
      {"fujian_pingtan_shiyanqu_2020.txt", 2020, "2019", "平潭综合实验区", 21, 0, 21, 0, 0, 0, 0},
      {"fujian_pingtan_shiyanqu_2021.txt", 2021, "2021", "平潭综合实验区", 70, 0, 69, 1, 3, 12, 0},
      {"fujian_pingtan_shiyanqu_2022.txt", 2022, "2021", "平潭综合实验区", 74, 1, 75, 0, 2, 1, 0},
      {"fujian_pingtan_shiyanqu_2023.txt", 2023, "2021", "平潭综合实验区", 81, 0, 81, 0, 2, 5, 2},
      // The only split of the flattened part 4 run "21317000001324019" that satisfies the sums.
      {"fujian_pingtan_shiyanqu_2024.txt", 2024, "2021", "平潭综合实验区", 218, 0, 218, 0, 7, 0, 19},
      {"fujian_pingtan_shiyanqu_2025.txt", 2025, "2021", "平潭综合实验区", 154, 0, 148, 6, 36, 6, 3},
      // The OCR copy reads 沐阳 for 沭阳 throughout; the agency is reported as printed.
      {"jiangsu_suqian_shuyangxian_2025.txt", 2025, "2021", "沐阳县人民政府", 713, 36, 718, 31, 61, 3, 10},
      // 结转下年度 total cell lost in the conversion.
      {"shanghai_kewei_2024.md", 2024, "2021", "上海市科委", 34, 2, 35, -1, 1, 0, 0},
      {"shanghai_shizhengfu_bangongting_2025.md", 2025, "2021", "上海市人民政府办公厅", 1295, 189, 1191, 293, 55, 12, 22},
  };
  return files;
}

TEST(Corpus, YearFormatVersionAgencyAndTableTotals) {
  for (const auto& e : corpus()) {
    SCOPED_TRACE(e.file);
    json d = check(e.file);
    ASSERT_EQ(d["status"], "ok");
    json r = d["report"];
    EXPECT_EQ(r["year"], e.year);
    EXPECT_EQ(r["format_version"], e.format);
    EXPECT_EQ(r["agency"], e.agency);
    if (e.new_total < 0) {
      EXPECT_TRUE(r["tables"].empty()) << r["tables"].dump();
      continue;
    }
    expect_number(total(r, "new"), e.new_total, "new");
    expect_number(total(r, "carried_over"), e.carried_over, "carried_over");
    expect_number(total(r, "results_total"), e.results, "results_total");
    if (e.carried_forward >= 0) expect_number(total(r, "carried_forward"), e.carried_forward, "carried_forward");
    json rv = r["tables"]["reviews"]["values"];
    expect_number(rv["review.total"], e.review, "review.total");
    expect_number(rv["litigation_direct.total"], e.direct, "litigation_direct.total");
    expect_number(rv["litigation_after_review.total"], e.after_review, "litigation_after_review.total");
  }
}

// The arithmetic holds in every published table here but one, so no relation may be reported
// broken elsewhere; the one real inconsistency (平潭 2020) must be.
TEST(Corpus, NoBrokenRelationReportedWhereThePublishedTableHolds) {
  for (const auto& e : corpus()) {
    SCOPED_TRACE(e.file);
    json d = check(e.file);
    for (const auto& f : d["findings"]) {
      std::string rule = f["rule"];
      bool arithmetic = rule.rfind("applications.", 0) == 0 || rule.rfind("reviews.", 0) == 0;
      if (arithmetic && e.file != "fujian_pingtan_shiyanqu_2020.txt") ADD_FAILURE() << f.dump();
    }
  }
}

TEST(Corpus, Pingtan2020ResultRowsDoNotAddUpToTheirTotal) {
  json d = check("fujian_pingtan_shiyanqu_2020.txt");
  std::vector<std::tuple<std::string, int, int>> found;
  for (const auto& f : d["findings"])
    if (f["rule"] == "applications.results_total")
      found.emplace_back(f["column"], f["actual"], f["expected"]);
  EXPECT_EQ(found, (std::vector<std::tuple<std::string, int, int>>{{"natural_person", 20, 26}, {"total", 21, 27}}));
}

TEST(Corpus, Pingtan2013CompletionRateContradictsItsCounts) {
  json d = check("fujian_pingtan_dishuiju_2013.txt");
  ASSERT_EQ(d["findings"].size(), 1u);
  json f = d["findings"][0];
  EXPECT_EQ(f["rule"], "text.sum_mismatch.rate");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["line"], 10);
  EXPECT_NE(f["message"].get<std::string>().find("171 ÷ 117 = 146.2%"), std::string::npos) << f.dump();
}

TEST(Corpus, PreNineteenReportsRaiseNoAlarmMeantForTheNewFormats) {
  for (const char* name : {"fujian_pingtan_xianzhengfu_2011.txt", "fujian_pingtan_dishuiju_2013.txt",
                           "fujian_pingtan_shiyanqu_2018.txt"}) {
    json d = check(name);
    for (const auto& f : d["findings"]) {
      std::string rule = f["rule"];
      EXPECT_TRUE(rule.rfind("structure.", 0) != 0 && rule.rfind("table.", 0) != 0) << name << f.dump();
    }
  }
}

// Cells the flattened dumps do not allow to read are null and said to be unreadable, never
// guessed: once for the table, naming them and quoting what was printed, as a note on the
// reading that asks the reader to look and never the agency to fill in a 0; counted apart.
TEST(Corpus, UnsplittableRunsAreUnreadableCellsWithAFinding) {
  json d = check("fujian_pingtan_shiyanqu_2021.txt");
  json v = d["report"]["tables"]["proactive"]["values"];
  EXPECT_TRUE(v["normative_docs.issued"].is_null());
  int said = 0;
  for (const auto& f : d["findings"]) {
    EXPECT_FALSE(f["rule"] == "table.missing_cell" && f["row"] == "normative_docs") << f.dump();
    if (f["rule"] == "table.unreadable" && f["table"] == "proactive") {
      ++said;
      EXPECT_EQ(f["severity"], "info");
      EXPECT_EQ(f["concerns"], "reading");
      EXPECT_EQ(f["row"], "normative_docs");
      EXPECT_EQ(f["line"], 10);
      EXPECT_EQ(f["cells"], json::parse(R"([{"row":"normative_docs","column":"issued","text":"693665"},
          {"row":"normative_docs","column":"abolished","text":"693665"},
          {"row":"normative_docs","column":"in_force","text":"693665"}])"));
      const std::string m = f["message"];
      EXPECT_NE(m.find("“行政规范性文件”行“本年制发件数”“本年废止件数”“现行有效件数”列（印有“693665”）"),
                std::string::npos) << m;
      EXPECT_NE(m.find("原因：该行的数字连在一起印出，无法唯一地分到各单元格"), std::string::npos) << m;
      EXPECT_NE(m.find("请对照原文查看"), std::string::npos) << m;
      EXPECT_EQ(m.find("填 0"), std::string::npos) << m;
    }
  }
  EXPECT_EQ(said, 1);
  EXPECT_EQ(d["report"]["tables"]["proactive"]["cells"]["normative_docs.issued"]["row_text"], "693665");
  EXPECT_EQ(d["summary"], json::parse(R"({"errors":0,"warnings":0,"infos":0,"unread_cells":3})"));
}

}  // namespace
}  // namespace nianbao
