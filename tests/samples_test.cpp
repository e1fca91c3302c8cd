// The samples under samples/: the seed report against its golden JSON, and every rule sample
// against its expected findings (the exact text output of `nianbao check`).
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

std::string check(const std::string& args, int* status = nullptr) {
  std::string out;
  int rc = test::run("cd " + test::source_path("") + " && " + test::binary() +
                         " check --color never " + args + " 2>/dev/null",
                     &out);
  if (status) *status = rc;
  return out;
}

json seed_json() {
  return json::parse(check("--format json samples/helan-culture-tourism-2020.txt"));
}

TEST(SeedSample, MatchesItsGoldenJson) {
  json expected = json::parse(test::read_file(test::source_path("samples/helan-culture-tourism-2020.expected.json")));
  EXPECT_EQ(seed_json(), expected) << "regenerate only after checking the difference by hand";
}

TEST(SeedSample, MetaAndPartsAsPublished) {
  json r = seed_json()["report"];
  EXPECT_EQ(r["year"], 2020);
  EXPECT_EQ(r["format_version"], "2019");
  EXPECT_EQ(r["agency"], "贺兰县文化旅游广电局");
  EXPECT_EQ(r["published"], "2021-01-15");
  std::vector<int> lines;
  for (const auto& s : r["sections"]) lines.push_back(s["line"]);
  EXPECT_EQ(lines, (std::vector<int>{7, 41, 64, 94, 101, 113}));
}

TEST(SeedSample, ApplicationsAllTwentyThreeRowsBySevenColumnsAreZero) {
  json apps = seed_json()["report"]["tables"]["applications"];
  ASSERT_EQ(apps["rows"].size(), 23u);
  EXPECT_EQ(apps["rows"][0]["key"], "new");
  EXPECT_EQ(apps["rows"][0]["line"], 69);
  EXPECT_EQ(apps["rows"][22]["key"], "carried_forward");
  EXPECT_EQ(apps["rows"][22]["line"], 92);
  for (const auto& row : apps["rows"]) {
    ASSERT_EQ(row["values"].size(), 7u) << row["key"];
    for (const auto& [col, v] : row["values"].items()) EXPECT_EQ(v, 0) << row["key"] << " " << col;
  }
}

TEST(SeedSample, ReviewCellsAreNullWithOneMissingCellWarningNamingFiveAtTheTableLine) {
  json d = seed_json();
  json values = d["report"]["tables"]["reviews"]["values"];
  for (const char* group : {"litigation_direct", "litigation_after_review"})
    for (const char* col : {"upheld", "corrected", "other", "pending", "total"})
      EXPECT_EQ(values[std::string(group) + "." + col], 0);
  std::vector<std::string> missing;
  for (const auto& f : d["findings"]) {
    EXPECT_NE(f["severity"], "error") << f.dump();
    if (f["rule"] == "table.missing_cell") {
      EXPECT_EQ(f["table"], "reviews");
      EXPECT_EQ(f["row"], "review");
      EXPECT_FALSE(f.contains("column")) << f.dump();
      EXPECT_EQ(f["line"], 99);
      for (const auto& c : f["cells"]) {
        EXPECT_EQ(c["row"], "review");
        missing.push_back(c["column"]);
        EXPECT_TRUE(values["review." + c["column"].get<std::string>()].is_null());
      }
    }
  }
  EXPECT_EQ(missing, (std::vector<std::string>{"upheld", "corrected", "other", "pending", "total"}));
}

TEST(SeedSample, ProactiveKeepsThePrintedValues) {
  json values = seed_json()["report"]["tables"]["proactive"]["values"];
  EXPECT_EQ(values.size(), 22u);
  EXPECT_EQ(values["procurement.items"], 1);
  EXPECT_DOUBLE_EQ(values["procurement.amount_yuan"].get<double>(), 2315831.33);
  EXPECT_EQ(values["regulations.made"], 0);
}

// The rule samples: every report file under samples/rules (text, and the web page and PDFs of the
// rules only those inputs can break), each with its <name>.expected beside it.
struct RuleSample {
  std::string name;  // "applications-balance"
  std::string file;  // "samples/rules/applications-balance.txt"
};

std::vector<RuleSample> rule_samples() {
  std::vector<RuleSample> samples;
  DIR* dir = opendir(test::source_path("samples/rules").c_str());
  if (!dir) return samples;
  while (dirent* e = readdir(dir)) {
    std::string n = e->d_name;
    size_t dot = n.rfind('.');
    if (n[0] == '.' || dot == std::string::npos || n.substr(dot) == ".expected") continue;
    samples.push_back({n.substr(0, dot), "samples/rules/" + n});
  }
  closedir(dir);
  std::sort(samples.begin(), samples.end(), [](const RuleSample& a, const RuleSample& b) { return a.file < b.file; });
  return samples;
}

TEST(RuleSamples, EachPrintsExactlyItsExpectedFindings) {
  auto samples = rule_samples();
  ASSERT_GE(samples.size(), 20u);
  for (const auto& s : samples) {
    std::string expected = test::read_file(test::source_path("samples/rules/" + s.name + ".expected"));
    EXPECT_EQ(check(s.file), expected) << s.file;
  }
}

// Inputs other than text are there for what text cannot show.
TEST(RuleSamples, WebPageAndPdfSamplesAreRead) {
  std::set<std::string> formats;
  for (const auto& s : rule_samples()) {
    json d = json::parse(check("--format json " + s.file));
    EXPECT_EQ(d["status"], "ok") << s.file;
    formats.insert(d["input_format"].get<std::string>());
  }
  EXPECT_EQ(formats, (std::set<std::string>{"text", "html", "pdf"}));
}

// "applications-balance.txt" must raise applications.balance and no other rule.
TEST(RuleSamples, EachBreaksTheRuleItIsNamedAfterAndNoOther) {
  for (const auto& [name, file] : rule_samples()) {
    json d = json::parse(check("--format json " + file));
    std::set<std::string> rules;
    for (const auto& f : d["findings"]) rules.insert(f["rule"].get<std::string>());
    if (name.rfind("correct-", 0) == 0) {
      EXPECT_TRUE(d["findings"].empty()) << name << ": " << d["findings"].dump();
      continue;
    }
    std::string rule = name;  // "meta-year_mismatch-body" -> "meta.year_mismatch.body"
    std::replace(rule.begin(), rule.end(), '-', '.');
    EXPECT_EQ(rules, std::set<std::string>{rule}) << name;
  }
}

TEST(RuleSamples, BalanceFindingNamesCellExpectedAndActual) {
  json d = json::parse(check("--format json samples/rules/applications-balance.txt"));
  ASSERT_EQ(d["findings"].size(), 2u);
  json f = d["findings"][0];
  EXPECT_EQ(f["rule"], "applications.balance");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["row"], "carried_forward");
  EXPECT_EQ(f["column"], "natural_person");
  EXPECT_EQ(f["line"], 68);
  EXPECT_EQ(f["actual"], 2);
  EXPECT_EQ(f["expected"], 1);
  EXPECT_EQ(f["message"], "“自然人”列：一+二 = 24，三(七)+四 = 25，相差 1");
}

// samples/archive: two agencies over the years and their area's summary, checked together by
// `nianbao batch` (the one .htm file is empty: a year whose file cannot be read); the last line
// (the cross-report findings and the pairs found consistent) is samples/archive.expected, but for
// the memory the workers took, which changes from run to run.
TEST(ArchiveSample, BatchPrintsExactlyItsExpectedCrossReportFindings) {
  std::string out;
  int rc = test::run("cd " + test::source_path("") + " && " + test::binary() +
                         " batch -j 2 samples/archive 2>/dev/null",
                     &out);
  EXPECT_EQ(rc, 3) << "the 2024 file of 示例县交通运输局 is empty (archive.unreadable_year)";
  std::vector<json> lines;
  size_t at = 0;
  for (size_t nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(json::parse(out.substr(at, nl - at)));
  ASSERT_EQ(lines.size(), 14u) << "13 files and the cross-report line";
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string file = lines[i]["file"];
    const bool empty = file.size() > 4 && file.compare(file.size() - 4, 4, ".htm") == 0;
    EXPECT_EQ(lines[i]["status"], empty ? "error" : "ok") << file;
  }
  json last = lines.back();
  last.erase("max_worker_rss_kb");  // what the run measured of itself
  last.erase("check_seconds");
  EXPECT_EQ(last, json::parse(test::read_file(test::source_path("samples/archive.expected"))))
      << "regenerate with tools/make-samples --expect only after checking the difference by hand";
}

}  // namespace
}  // namespace nianbao
