// Shards merged equal one run; the real Pingtan series; the content hash and agency grouping
// key. (The spreadsheet read back by LibreOffice is batch_xlsx_test.cpp.)
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_paths.h"
#include "app/batch/sha256.h"
#include "app/batch/store.h"

namespace fs = std::filesystem;
using nlohmann::json;
using nianbao::test::binary;
using nianbao::test::fresh_dir;
using nianbao::test::run;

namespace {

// Every row of an SQL query, columns joined by '|', sorted.
std::multiset<std::string> rows(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* q = nullptr;
  std::multiset<std::string> out;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &q, nullptr) == SQLITE_OK)
    while (sqlite3_step(q) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(q); ++c) {
        auto t = sqlite3_column_text(q, c);
        row += std::string(t ? reinterpret_cast<const char*>(t) : "NULL") + "|";
      }
      out.insert(row);
    }
  sqlite3_finalize(q);
  sqlite3_close(h);
  return out;
}

json last_line(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return json::parse(last);
}

const char* kReportsSql = "SELECT sha256, file, status, agency, year, errors, warnings, infos FROM reports";
const char* kFindingsSql = "SELECT rule, file, related_file, message FROM archive_findings";
const char* kCellsSql = "SELECT sha256, tbl, row, col, value FROM cells";

}  // namespace

TEST(BatchCross, ThreeShardsMergedEqualOneRun) {
  auto dir = fresh_dir("shards");
  std::string archive = "tests/data/archive";
  run(binary() + " batch -j 2 --db " + dir + "/one.sqlite --out " + dir + "/one.jsonl " + archive + " 2>/dev/null");
  // GNU parallel when installed (as docs/ARCHIVE.md runs it), else the shell's own jobs.
  std::string shard = binary() + " batch --shard {}/3 --db " + dir + "/shard{}.sqlite --out " + dir +
                      "/shard{}.jsonl " + archive;
  if (run("command -v parallel >/dev/null") == 0) {
    run("parallel --will-cite " + ("'" + shard + "'") + " ::: 1 2 3 2>/dev/null");
  } else {
    std::string jobs;
    for (std::string k : {"1", "2", "3"}) {
      std::string cmd = shard;
      for (size_t p; (p = cmd.find("{}")) != std::string::npos;) cmd.replace(p, 2, k);
      jobs += cmd + " >/dev/null 2>&1 & ";
    }
    run("(" + jobs + "wait)");
  }
  run(binary() + " merge --db " + dir + "/merged.sqlite --out " + dir + "/merged.jsonl " + dir + "/shard1.sqlite " +
      dir + "/shard2.sqlite " + dir + "/shard3.sqlite 2>/dev/null");
  for (const char* sql : {kReportsSql, kFindingsSql, kCellsSql, "SELECT sha256, file FROM names"})
    EXPECT_EQ(rows(dir + "/one.sqlite", sql), rows(dir + "/merged.sqlite", sql)) << sql;
  EXPECT_EQ(last_line(dir + "/one.jsonl")["findings"], last_line(dir + "/merged.jsonl")["findings"]);
  // Each file went to exactly one shard.
  size_t total = 0;
  for (std::string k : {"1", "2", "3"}) total += rows(dir + "/shard" + k + ".sqlite", "SELECT file FROM names").size();
  EXPECT_EQ(total, rows(dir + "/one.sqlite", "SELECT file FROM names").size());
}

// Every consecutive pair of years with post-2019 tables is checked or said to be uncheckable.
TEST(BatchCross, PingtanSeriesCarryOverPairsAreAllAccountedFor) {
  auto dir = fresh_dir("pingtan");
  std::string list;
  for (int y = 2018; y <= 2025; ++y)
    list += " " + nianbao::test::corpus_path("fujian_pingtan_shiyanqu_" + std::to_string(y) + ".txt");
  run(binary() + " batch --out " + dir + "/r.jsonl" + list + " 2>/dev/null");
  json last = last_line(dir + "/r.jsonl");
  std::set<std::string> accounted;
  auto year = [](const json& f) { return fs::path(f.get<std::string>()).stem().string().substr(24); };
  for (const auto& v : last["verified"])
    if (v["rule"] == "archive.carry_over") accounted.insert(year(v["file"]) + "<" + year(v["related_file"]));
  for (const auto& f : last["findings"])
    if (f["rule"].get<std::string>().rfind("archive.carry_over", 0) == 0)
      accounted.insert(year(f["file"]) + "<" + year(f["related_file"]));
  for (int y = 2020; y <= 2025; ++y)
    EXPECT_TRUE(accounted.count(std::to_string(y) + "<" + std::to_string(y - 1))) << y;
  // The 2018 report predates the 2019 tables: no pair with it.
  EXPECT_FALSE(accounted.count("2019<2018"));
  // The series as read is consistent (2021 carries 1 forward, 2022 carries 1 over).
  for (const auto& f : last["findings"]) EXPECT_NE(f["rule"], "archive.carry_over") << f.dump();
}

TEST(BatchCross, Sha256KnownDigests) {
  using nianbao::batch::sha256_hex;
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(std::string(1000, 'a')), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(BatchCross, AgencyKeyIgnoresSpacesPunctuationAndWidth) {
  using nianbao::batch::agency_key;
  EXPECT_EQ(agency_key("平潭综合实验区 管委会"), agency_key("平潭综合实验区管委会"));
  EXPECT_EQ(agency_key("东湖县（交通）局"), agency_key("东湖县(交通)局"));
  EXPECT_EQ(agency_key("东湖县“交通”局·"), agency_key("东湖县交通局"));
  EXPECT_NE(agency_key("东湖县交通局"), agency_key("西山县交通局"));
}
