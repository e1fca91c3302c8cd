// Shards merged equal one run; the real Pingtan series; the content hash and agency grouping
// key. (The spreadsheet read back by LibreOffice is batch_xlsx_test.cpp.)
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
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

TEST(BatchCross, CrossReportPassReadsValuesWithoutFindingsOrCellProvenance) {
  using nianbao::batch::Store;
  Store store(":memory:");
  const nlohmann::ordered_json result = nlohmann::ordered_json::parse(R"({
    "schema": "nianbao/1", "file": "a.txt", "status": "ok",
    "report": {"agency": "东湖县交通运输局", "year": 2022, "format_version": "2021",
      "tables": {
        "proactive": {"values": {"regulations.issued": 1}, "cells": {"regulations.issued": {"text": "1", "page": 1}}},
        "applications": {"rows": [{"key": "new", "values": {"total": 5},
                                   "cells": {"total": {"text": "5", "line": 3}}}]}}},
    "findings": [{"rule": "table.sum", "severity": "error"}],
    "verified": [{"rule": "table.sum"}]})");
  store.put("s1", "a.txt", result, result.dump(), "正文");
  const auto full = store.reports();
  ASSERT_EQ(full.size(), 1u);
  EXPECT_EQ(full[0].result, result);
  const auto cross = store.reports(Store::Detail::Cross);
  ASSERT_EQ(cross.size(), 1u);
  const auto& r = cross[0].result;
  EXPECT_FALSE(r.contains("findings"));
  EXPECT_FALSE(r.contains("verified"));
  EXPECT_EQ(r["report"]["agency"], "东湖县交通运输局");
  EXPECT_EQ(r["report"]["tables"]["proactive"], nlohmann::ordered_json::parse(R"({"values": {"regulations.issued": 1}})"));
  EXPECT_EQ(r["report"]["tables"]["applications"]["rows"][0], nlohmann::ordered_json::parse(R"({"key": "new", "values": {"total": 5}})"));
  EXPECT_EQ(cross[0].prose, "正文");
}

TEST(BatchCross, RunWithoutDatabaseLeavesNoFileBehind) {
  // Without --db the workers write to a temporary database, removed with its journal files.
  const std::string dir = fresh_dir("no_db");
  const std::string tmp = dir + "/tmp";
  fs::create_directories(tmp);
  run("TMPDIR=" + tmp + " " + binary() + " batch -j 2 --out " + dir + "/r.jsonl " +
      nianbao::test::source_path("samples/archive/jiaotong-2021.txt") + " " +
      nianbao::test::source_path("samples/archive/jiaotong-2022.txt") + " 2>/dev/null");
  const json last = last_line(dir + "/r.jsonl");
  EXPECT_EQ(last["checked"], 2);
  EXPECT_TRUE(fs::is_empty(tmp)) << fs::directory_iterator(tmp)->path();
  fs::remove_all(dir);
}

TEST(BatchCross, WorkersStoreWhatTheyPrint) {
  // Each worker stores its results itself: the database holds, for every content, the very
  // line the run printed for the file it was checked under, and the cells of every report read.
  const std::string dir = fresh_dir("workers_store");
  run(binary() + " batch -j 2 --db " + dir + "/a.sqlite --out " + dir + "/r.jsonl " +
      nianbao::test::source_path("samples/archive") + " 2>/dev/null");
  std::ifstream in(dir + "/r.jsonl");
  std::map<std::string, std::string> printed;  // file -> its line
  std::set<std::string> contents, read;
  for (std::string line; std::getline(in, line);) {
    const json r = json::parse(line);
    if (!r.contains("sha256")) continue;
    printed[r["file"]] = line;
    contents.insert(r["sha256"]);
    if (r["status"] == "ok") read.insert(r["sha256"]);
  }
  EXPECT_EQ(printed.size(), 13u);
  const auto stored = rows(dir + "/a.sqlite", "SELECT json FROM reports");
  EXPECT_EQ(stored.size(), contents.size());
  for (std::string s : stored) {
    s.pop_back();  // the column separator
    EXPECT_EQ(s, printed[json::parse(s)["file"]]);
  }
  EXPECT_EQ(rows(dir + "/a.sqlite", "SELECT count(DISTINCT sha256) FROM cells"),
            std::multiset<std::string>{std::to_string(read.size()) + "|"});
  fs::remove_all(dir);
}
