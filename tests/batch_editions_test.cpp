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
using nianbao::test::read_jsonl;
using nianbao::test::binary;
using nianbao::test::run;
using nianbao::test::source_path;

namespace {

std::string base(const json& p) { return p.is_string() ? fs::path(p.get<std::string>()).filename().string() : ""; }

using Triple = std::tuple<std::string, std::string, std::string>;

std::string str(const json& j) { return j.get<std::string>(); }

// (rule, file, related file) of every cross-report finding of a run's last line.
std::multiset<Triple> found(const json& line) {
  std::multiset<Triple> out;
  for (const auto& f : line["findings"]) out.insert(Triple{str(f["rule"]), base(f["file"]), base(f["related_file"])});
  return out;
}

// One generated archive and one run over it, checked in several ways (one test: printing the
// PDFs takes most of its time).
struct PortalRun {
  std::string dir;
  json manifest;
  int rc = -1;
  std::vector<json> lines;
  const json& last() const { return lines.back(); }
};

void every_file_is_printed_once_and_files_without_a_report_are_no_report(const PortalRun& run_) {
  const int rc_ = run_.rc;
  const auto& lines_ = run_.lines;
  const json& manifest_ = run_.manifest;
  auto last = [&]() -> const json& { return run_.last(); };
  EXPECT_EQ(rc_, 3) << "inputs that hold no readable report";
  ASSERT_GE(lines_.size(), 2u);
  ASSERT_EQ(last()["kind"], "archive");
  std::map<std::string, json> by_file;
  for (size_t i = 0; i + 1 < lines_.size(); ++i) {
    EXPECT_EQ(by_file.count(base(lines_[i]["file"])), 0u) << "twice: " << lines_[i]["file"];
    by_file[base(lines_[i]["file"])] = lines_[i];
  }
  std::set<std::string> unreadable;
  for (const auto& u : manifest_["unreadable"]) unreadable.insert(str(u["file"]));
  for (const auto& r : manifest_["reports"])
    for (const auto& f : r.value("unreadable_files", json::array())) unreadable.insert(str(f));
  EXPECT_EQ(by_file.size(), manifest_["files"].size());
  for (const auto& name : manifest_["files"]) {
    const std::string f = str(name);
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

void editions_are_grouped_and_every_file_accounted_for_once(const PortalRun& run_) {
  const json& manifest_ = run_.manifest;
  auto last = [&]() -> const json& { return run_.last(); };
  std::set<std::tuple<int, std::string, json, json>> expected, got;
  for (const auto& r : manifest_["reports"])
    expected.insert(std::make_tuple(r["year"].get<int>(), str(r["agency"]), r["files"],
                                    r.value("unreadable_files", json::array())));
  std::multiset<std::string> accounted;
  for (const auto& e : last()["editions"]) {
    json files = json::array(), failed = json::array();
    for (const auto& f : e["files"]) files.push_back(base(f));
    for (const auto& f : e.value("unreadable_files", json::array())) failed.push_back(base(f));
    got.insert(std::make_tuple(e["year"].get<int>(), str(e["agency"]), files, failed));
    EXPECT_EQ(e["primary"], e["files"][0]) << "the web page reads as fully as its PDF and comes first by name";
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
    const std::string f = str(u["file"]);
    ASSERT_TRUE(unreadable.count(f)) << u;
    EXPECT_EQ(unreadable[f]["agency"], u["agency"]) << u;
    EXPECT_EQ(unreadable[f]["year"], u["year"]) << u;
  }
  std::multiset<std::string> all;
  for (const auto& f : manifest_["files"]) all.insert(str(f));
  EXPECT_EQ(accounted, all);
}

void every_planted_problem_is_found_and_nothing_else(const PortalRun& run_) {
  const json& manifest_ = run_.manifest;
  auto last = [&]() -> const json& { return run_.last(); };
  std::multiset<Triple> expected;
  for (const auto& f : manifest_["findings"]) expected.insert(Triple{str(f["rule"]), str(f["file"]), str(f["related_file"])});
  EXPECT_EQ(found(last()), expected);
  for (const auto& f : last()["findings"]) {
    const std::string rule = str(f["rule"]);
    for (const auto& m : manifest_["findings"]) {
      if (m["rule"] != rule || m["file"] != base(f["file"])) continue;
      if (m.contains("cells")) {
        std::set<Triple> want, have;
        for (const auto& c : m["cells"]) want.insert(Triple{str(c["table"]), str(c["row"]), str(c["column"])});
        for (const auto& c : f["cells"]) have.insert(Triple{str(c["table"]), str(c["row"]), c.value("column", "")});
        EXPECT_EQ(have, want) << f.dump();
      }
      if (m.contains("year")) {
        EXPECT_EQ(f["year"], m["year"]) << f.dump();
      }
      if (m.contains("agency")) {
        EXPECT_EQ(f["agency"], m["agency"]) << f.dump();
      }
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
    if (v["rule"] == "archive.carry_over") pairs.insert(std::make_pair(base(v["file"]), base(v["related_file"])));
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
void without_the_hierarchy_the_summary_need_not_equal_the_sum(const PortalRun& run_) {
  const std::string& dir_ = run_.dir;
  auto last = [&]() -> const json& { return run_.last(); };
  run(binary() + " batch -j 2 --db " + dir_ + "/a.sqlite --out " + dir_ + "/r2.jsonl " + dir_ + "/reports 2>/dev/null");
  auto again = read_jsonl(dir_ + "/r2.jsonl");
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(again.back()["checked"], 0);
  auto expected = found(last());
  for (auto it = expected.begin(); it != expected.end();)
    it = std::get<0>(*it) == "archive.area_sum" ? expected.erase(it) : std::next(it);
  EXPECT_EQ(found(again.back()), expected);
}

// Checked in two shards and merged with the hierarchy file, the archive gives the same
// cross-report findings as one run: the area's summary is held to its departments' sum over the
// merged reports.
void shards_merged_with_the_hierarchy_find_the_same(const PortalRun& run_) {
  const std::string& dir_ = run_.dir;
  for (const char* k : {"1", "2"})
    run(binary() + " batch -j 2 --shard " + k + "/2 --db " + dir_ + "/shard" + k + ".sqlite --out /dev/null " + dir_ +
        "/reports 2>/dev/null");
  run(binary() + " merge --hierarchy " + dir_ + "/hierarchy.toml --db " + dir_ + "/merged.sqlite --out " + dir_ +
      "/merged.jsonl " + dir_ + "/shard1.sqlite " + dir_ + "/shard2.sqlite 2>/dev/null");
  auto merged = read_jsonl(dir_ + "/merged.jsonl");
  ASSERT_FALSE(merged.empty());
  EXPECT_EQ(found(merged.back()), found(run_.last()));
  size_t area_sums = 0;
  for (const auto& [rule, file, related] : found(merged.back())) area_sums += rule == "archive.area_sum";
  EXPECT_GE(area_sums, 1u) << "the planted summary mismatch, found after the merge";
}

}  // namespace

TEST(PortalArchive, EditionsNamesUnreadableYearsCopiesAndTheAreaSummaryAsPlanted) {
  PortalRun r;
  r.dir = nianbao::test::fresh_dir("portal");
  ASSERT_EQ(run("command -v soffice >/dev/null"), 0) << "soffice missing: run tools/install-deps (make deps)";
  ASSERT_EQ(run("python3 " + source_path("tools/make-portal-archive") + " " + r.dir), 0);
  std::ifstream in(r.dir + "/MANIFEST.json");
  r.manifest = json::parse(in);
  r.rc = run(binary() + " batch -j 2 --hierarchy " + r.dir + "/hierarchy.toml --db " + r.dir + "/a.sqlite --out " +
             r.dir + "/r.jsonl " + r.dir + "/reports 2>/dev/null");
  r.lines = read_jsonl(r.dir + "/r.jsonl");
  ASSERT_GE(r.lines.size(), 2u);
  ASSERT_EQ(r.last()["kind"], "archive");
  {
    SCOPED_TRACE("every file printed once; files without a report are no_report");
    every_file_is_printed_once_and_files_without_a_report_are_no_report(r);
  }
  {
    SCOPED_TRACE("editions grouped, every file accounted for once");
    editions_are_grouped_and_every_file_accounted_for_once(r);
  }
  {
    SCOPED_TRACE("every planted problem found, nothing else");
    every_planted_problem_is_found_and_nothing_else(r);
  }
  {
    SCOPED_TRACE("without the hierarchy file");
    without_the_hierarchy_the_summary_need_not_equal_the_sum(r);
  }
  {
    SCOPED_TRACE("shards merged with the hierarchy file");
    shards_merged_with_the_hierarchy_find_the_same(r);
  }
  fs::remove_all(r.dir);
}
