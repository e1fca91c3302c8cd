// Which stored files are one report (app/batch/editions.h), on results written here: the
// primary edition, editions told by name or by agency, year and tables, what two editions say
// apart, and where a file that could not be read belongs.
#include <gtest/gtest.h>

#include "app/batch/cross.h"
#include "app/batch/editions.h"
#include "test_paths.h"

namespace nianbao::batch {
namespace {

using json = nlohmann::ordered_json;

const AgencyRules& agencies() {
  static const AgencyRules r = load_agency_rules(test::rules());
  return r;
}

// A stored report of `agency` and `year` whose part 3 "new" row holds `new_cells` (one figure a
// column, as many columns as given).
Stored read(const std::string& file, const std::string& agency, int year, std::vector<int> new_cells,
            const std::string& published = "") {
  static const char* cols[] = {"natural_person", "commercial", "research", "social_org", "legal_service", "other_org"};
  json values = json::object();
  for (size_t i = 0; i < new_cells.size(); ++i) values[cols[i]] = new_cells[i];
  json report{{"agency", agency}, {"year", year}, {"format_version", "2021"},
              {"published", published.empty() ? json() : json(published)}, {"summary_report", false},
              {"tables", {{"applications", {{"rows", json::array({json{{"key", "new"}, {"values", values}}})}}}}}};
  Stored s;
  s.file = file;
  s.sha256 = file;
  s.result = json{{"file", file}, {"status", "ok"}, {"report", report}};
  return s;
}

Stored failed(const std::string& file) {
  Stored s;
  s.file = s.sha256 = file;
  s.result = json{{"file", file}, {"status", "error"}, {"error", {{"code", "damaged"}, {"message", file + ": 已损坏"}}}};
  return s;
}

std::vector<std::string> files(const ArchiveReport& r) {
  std::vector<std::string> out;
  for (const Stored* s : r.editions) out.push_back(s->file);
  return out;
}

TEST(Editions, SameNameOrSameAgencyYearAndTablesAreOneReportThePrimaryReadMostCells) {
  std::vector<Stored> stored = {read("d/a.html", "东湖县教育局", 2022, {1, 2, 3}),
                                read("d/a.pdf", "东湖县教育局", 2022, {1, 2, 3, 0}),
                                read("d/附件.docx", "示例市东湖县教育局", 2022, {1, 2, 3}),
                                read("d/b.html", "东湖县教育局", 2023, {4, 5, 6})};
  Editions e = group_editions(stored, agencies(), test::rules());
  ASSERT_EQ(e.reports.size(), 2u);
  EXPECT_EQ(files(e.reports[0]), (std::vector<std::string>{"d/a.pdf", "d/a.html", "d/附件.docx"}));
  EXPECT_EQ(e.reports[0].file(), "d/a.pdf") << "the edition with most cells read";
  EXPECT_EQ(files(e.reports[1]), (std::vector<std::string>{"d/b.html"}));
  EXPECT_TRUE(e.findings.empty()) << e.findings.size();
}

TEST(Editions, EditionsThatDisagreeAreAFindingNamingTheCells) {
  std::vector<Stored> stored = {read("d/a.html", "东湖县教育局", 2022, {1, 2, 3}, "2023-01-20"),
                                read("d/a.pdf", "东湖县教育局", 2023, {1, 7, 3}, "2023-01-21")};
  Editions e = group_editions(stored, agencies(), test::rules());
  ASSERT_EQ(e.reports.size(), 1u) << "one name: one report, though it says two years";
  ASSERT_EQ(e.findings.size(), 1u);
  const json& f = e.findings[0];
  EXPECT_EQ(f["rule"], "archive.edition_mismatch");
  EXPECT_EQ(f["file"], "d/a.pdf");
  EXPECT_EQ(f["related_file"], "d/a.html");
  EXPECT_EQ(f["message"], "与同一报告的另一文件 d/a.html 不一致：年度 2023 与 2022；成文日期 2023-01-21 与 2023-01-20；"
                          "“一、本年新收政府信息公开申请数量”“商业企业” 7 与 2");
  ASSERT_EQ(f["cells"].size(), 1u);
  EXPECT_EQ(f["cells"][0]["column"], "commercial");
}

TEST(Editions, TwoReportsOfOneAgencyAndYearWithOtherTablesStayTwo) {
  std::vector<Stored> stored = {read("d/a.html", "东湖县教育局", 2022, {1, 2, 3}),
                                read("d/b.html", "东湖县教育局", 2022, {4, 5, 6})};
  EXPECT_EQ(group_editions(stored, agencies(), test::rules()).reports.size(), 2u);
}

TEST(Editions, AnUnreadableFileBelongsWhereItsNameSays) {
  std::vector<Stored> stored = {read("d/a.html", "东湖县教育局", 2022, {1}), failed("d/a.pdf"),
                                failed("d/东湖县教育局2022年政府信息公开工作年度报告.doc"),
                                failed("d/东湖县教育局2023年政府信息公开工作年度报告.pdf"), failed("d/x.pdf"),
                                failed("d/府2021年年报.pdf")};
  Editions e = group_editions(stored, agencies(), test::rules());
  ASSERT_EQ(e.reports.size(), 1u);
  ASSERT_EQ(e.reports[0].failed.size(), 2u);
  EXPECT_EQ(e.reports[0].failed[0]->file, "d/a.pdf");
  EXPECT_EQ(e.reports[0].failed[1]->file, "d/东湖县教育局2022年政府信息公开工作年度报告.doc");
  ASSERT_EQ(e.unreadable.size(), 3u);
  EXPECT_EQ(e.unreadable[0].year, 2023);
  EXPECT_EQ(e.unreadable[0].agency, "东湖县教育局");
  EXPECT_EQ(e.unreadable[1].year, 0);
  EXPECT_EQ(e.unreadable[2].agency, "") << "府 is no agency's name";
  EXPECT_EQ(e.unreadable[2].year, 2021);
  ASSERT_EQ(e.findings.size(), 1u);
  EXPECT_EQ(e.findings[0]["rule"], "archive.unreadable_year");
  EXPECT_EQ(e.findings[0]["message"], "“东湖县教育局”2023 年度报告的文件无法读取（已损坏），该年度未能核对");
}

TEST(Editions, AnAgencyThatCannotBeReadIsNeverGrouped) {
  std::vector<Stored> stored = {read("d/a.html", "府", 2022, {1, 2}), read("d/b.html", "府", 2022, {1, 2}),
                                read("d/c.html", "", 2022, {1, 2})};
  Editions e = group_editions(stored, agencies(), test::rules());
  ASSERT_EQ(e.reports.size(), 3u);
  EXPECT_EQ(unidentified_json(e).size(), 3u);
  EXPECT_TRUE(editions_json(e).empty());
  ASSERT_EQ(e.findings.size(), 3u);
  EXPECT_EQ(e.findings[0]["message"], "机关未能识别（读出的名称为“府”），不与其他报告合并比较");
}

}  // namespace
}  // namespace nianbao::batch
