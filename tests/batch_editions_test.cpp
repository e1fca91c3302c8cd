// nianbao batch over a portal's archive as a crawl leaves it (tools/make-portal-archive, written
// for the test): each report as a web page and its PDF printed by LibreOffice, agencies under
// several names, an area's summary report with its departments, broken files and files that hold
// no report. Every file is accounted for once, every planted problem found exactly, nothing else
// said across reports. Labelled `libreoffice`: the PDFs are printed by soffice.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "test_paths.h"

namespace fs = std::filesystem;
using nlohmann::json;
using nianbao::test::binary;
using nianbao::test::run;
using nianbao::test::source_path;

namespace {

std::string base(const json& p) { return p.is_string() ? fs::path(p.get<std::string>()).filename().string() : ""; }

std::vector<json> read_jsonl(const std::string& path) {
  std::vector<json> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

// The archive, written once for every test of this file.
class PortalArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = (fs::temp_directory_path() / ("nianbao_portal_" + std::to_string(::getpid()))).string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_EQ(run("command -v soffice >/dev/null"), 0) << "soffice missing: run tools/install-deps (make deps)";
    ASSERT_EQ(run("python3 " + source_path("tools/make-portal-archive") + " " + dir_), 0);
    std::ifstream in(dir_ + "/MANIFEST.json");
    manifest_ = json::parse(in);
    rc_ = run(binary() + " batch -j 2 --hierarchy " + dir_ + "/hierarchy.toml --db " + dir_ + "/a.sqlite --out " +
              dir_ + "/r.jsonl " + dir_ + "/reports 2>/dev/null");
    lines_ = read_jsonl(dir_ + "/r.jsonl");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static const json& last() { return lines_.back(); }
  // (rule, file, related file) of every cross-report finding.
  static std::multiset<std::tuple<std::string, std::string, std::string>> found(const json& line) {
    std::multiset<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& f : line["findings"]) out.insert({f["rule"], base(f["file"]), base(f["related_file"])});
    return out;
  }

  static std::string dir_;
  static json manifest_;
  static int rc_;
  static std::vector<json> lines_;
};

std::string PortalArchive::dir_;
json PortalArchive::manifest_;
int PortalArchive::rc_ = -1;
std::vector<json> PortalArchive::lines_;

TEST_F(PortalArchive, EveryFileIsPrintedOnceAndFilesWithoutAReportAreNoReport) {
  EXPECT_EQ(rc_, 3) << "inputs that hold no readable report";
  ASSERT_GE(lines_.size(), 2u);
  ASSERT_EQ(last()["kind"], "archive");
  std::map<std::string, json> by_file;
  for (size_t i = 0; i + 1 < lines_.size(); ++i) {
    EXPECT_EQ(by_file.count(base(lines_[i]["file"])), 0u) << "twice: " << lines_[i]["file"];
    by_file[base(lines_[i]["file"])] = lines_[i];
  }
  std::set<std::string> unreadable;
  for (const auto& u : manifest_["unreadable"]) unreadable.insert(u["file"]);
  for (const auto& r : manifest_["reports"])
    for (const auto& f : r.value("unreadable_files", json::array())) unreadable.insert(f);
  EXPECT_EQ(by_file.size(), manifest_["files"].size());
  for (const auto& f : manifest_["files"]) {
    ASSERT_TRUE(by_file.count(f)) << f;
    const json& r = by_file[f];
    EXPECT_EQ(r["status"], unreadable.count(f) ? "error" : "ok") << f << ": " << r.dump().substr(0, 300);
  }
  for (const char* f : {"listing.html", "item.json", "banner.png"}) {
    EXPECT_EQ(by_file[f]["error"]["code"], "no_report") << f;
    EXPECT_NE(by_file[f]["error"]["message"].get<std::string>().find("报告"), std::string::npos) << f;
  }
  EXPECT_NE(by_file["listing.html"]["error"]["message"].get<std::string>().find("栏目列表页"), std::string::npos);
}

TEST_F(PortalArchive, EditionsAreGroupedAndEveryFileAccountedForOnce) {
  ASSERT_FALSE(lines_.empty());
  std::set<std::tuple<int, std::string, json, json>> expected, got;
  for (const auto& r : manifest_["reports"])
    expected.insert({r["year"], r["agency"], r["files"], r.value("unreadable_files", json::array())});
  std::multiset<std::string> accounted;
  for (const auto& e : last()["editions"]) {
    json files = json::array(), failed = json::array();
    for (const auto& f : e["files"]) files.push_back(base(f));
    for (const auto& f : e.value("unreadable_files", json::array())) failed.push_back(base(f));
    got.insert({e["year"], e["agency"], files, failed});
    for (const auto& f : files) accounted.insert(f);
    for (const auto& f : failed) accounted.insert(f);
  }
  EXPECT_EQ(got, expected);
  ASSERT_EQ(last()["unidentified"].size(), 1u);
  EXPECT_EQ(last()["unidentified"][0]["name"], "府");
  for (const auto& f : last()["unidentified"][0]["files"]) accounted.insert(base(f));
  std::map<std::string, json> unreadable;
  for (const auto& u : last()["unreadable"]) {
    unreadable[base(u["file"])] = u;
    accounted.insert(base(u["file"]));
  }
  for (const auto& u : manifest_["unreadable"]) {
    ASSERT_TRUE(unreadable.count(u["file"])) << u;
    EXPECT_EQ(unreadable[u["file"]]["agency"], u["agency"]) << u;
    EXPECT_EQ(unreadable[u["file"]]["year"], u["year"]) << u;
  }
  std::multiset<std::string> all(manifest_["files"].begin(), manifest_["files"].end());
  EXPECT_EQ(accounted, all);
}

TEST_F(PortalArchive, EveryPlantedProblemIsFoundAndNothingElse) {
  ASSERT_FALSE(lines_.empty());
  std::multiset<std::tuple<std::string, std::string, std::string>> expected;
  for (const auto& f : manifest_["findings"]) expected.insert({f["rule"], f["file"], f["related_file"]});
  EXPECT_EQ(found(last()), expected);
  for (const auto& f : last()["findings"]) {
    const std::string rule = f["rule"];
    for (const auto& m : manifest_["findings"]) {
      if (m["rule"] != rule || m["file"] != base(f["file"])) continue;
      if (m.contains("cells")) {
        std::set<std::tuple<std::string, std::string, std::string>> want, have;
        for (const auto& c : m["cells"]) want.insert({c["table"], c["row"], c["column"]});
        for (const auto& c : f["cells"]) have.insert({c["table"], c["row"], c.value("column", "")});
        EXPECT_EQ(have, want) << f.dump();
      }
      if (m.contains("year")) EXPECT_EQ(f["year"], m["year"]) << f.dump();
      if (m.contains("agency")) EXPECT_EQ(f["agency"], m["agency"]) << f.dump();
    }
    if (rule == "archive.edition_mismatch") {
      EXPECT_EQ(f["cells"][0]["value"], 121);
      EXPECT_EQ(f["cells"][0]["related_value"], 120);
      EXPECT_NE(f["message"].get<std::string>().find("121 与 120"), std::string::npos) << f["message"];
    }
    if (rule == "archive.copied") {
      EXPECT_FALSE(f["quote"].get<std::string>().empty());
      EXPECT_NE(f["message"].get<std::string>().find(f["quote"].get<std::string>()), std::string::npos);
    }
    if (rule == "archive.area_sum") {
      EXPECT_EQ(f["complete"], true);
      EXPECT_EQ(f["departments"].size(), 2u);
    }
  }
  // The names of one agency are one series: every consecutive pair of its years was compared,
  // across the years printed under another name too.
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& v : last()["verified"])
    if (v["rule"] == "archive.carry_over") pairs.insert({base(v["file"]), base(v["related_file"])});
  for (const auto& [cur, prev] : std::vector<std::pair<std::string, std::string>>{
           {"a1_2023.html", "a1_2022.html"}, {"a1_2024.html", "a1_2023.html"}, {"a2_2023.html", "a2_2022.html"},
           {"a2_2024.html", "a2_2023.html"}, {"a5_2022.html", "a5_2021.html"}, {"a5_2023.html", "a5_2022.html"},
           {"a3_2025.html", "a3_2024.html"}})
    EXPECT_TRUE(pairs.count({cur, prev})) << cur << " < " << prev;
  // Once per report: no PDF is compared across years when its web page is.
  for (const auto& [cur, prev] : pairs) EXPECT_EQ(fs::path(cur).extension(), ".html") << cur;
}

// Without the hierarchy file the summary is only held to be at least its departments' sum, which
// it is; the results already stored are not checked again.
TEST_F(PortalArchive, WithoutTheHierarchyTheSummaryNeedNotEqualTheSum) {
  ASSERT_FALSE(lines_.empty());
  run(binary() + " batch -j 2 --db " + dir_ + "/a.sqlite --out " + dir_ + "/r2.jsonl " + dir_ + "/reports 2>/dev/null");
  auto again = read_jsonl(dir_ + "/r2.jsonl");
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(again.back()["checked"], 0);
  auto expected = found(last());
  for (auto it = expected.begin(); it != expected.end();)
    it = std::get<0>(*it) == "archive.area_sum" ? expected.erase(it) : std::next(it);
  EXPECT_EQ(found(again.back()), expected);
}

}  // namespace
