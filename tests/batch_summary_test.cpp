// What batch and merge say on standard error when they end, with standard error not a terminal
// (a log file, a scheduler): files, reports, reports with errors, every unreadable file named
// with its reason (the first ten by name, then how many), and where each output went.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "test_paths.h"

namespace fs = std::filesystem;
using nlohmann::json;
using nianbao::test::read_jsonl;
using nianbao::test::binary;
using nianbao::test::fresh_dir;
using nianbao::test::read_file;
using nianbao::test::run;

namespace {

const std::string kArchive = "tests/data/archive";

// The lines a run of `r.jsonl` must end with: counted from the results themselves.
std::string expected_summary(const std::string& command, const std::vector<json>& lines, const std::string& counts,
                             const std::string& outputs) {
  std::set<std::string> reports, with_errors;
  std::vector<std::pair<std::string, std::string>> unreadable;  // file, "message（code）"
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const json& r = lines[i];
    const std::string file = r["file"];
    if (r["status"] != "ok") {
      std::string message = r["error"]["message"];
      if (message.rfind(file + ": ", 0) == 0) message = message.substr(file.size() + 2);
      unreadable.emplace_back(file, message + "（" + r["error"]["code"].get<std::string>() + "）");
      continue;
    }
    reports.insert(r["sha256"].get<std::string>());
    for (const auto& f : r["findings"])
      if (f["severity"] == "error") with_errors.insert(r["sha256"].get<std::string>());
  }
  const json& archive = lines.back()["findings"];
  size_t archive_errors = 0;
  for (const auto& f : archive) archive_errors += f["severity"] == "error";
  std::ostringstream o;
  o << "nianbao " << command << " 完成：文件 " << lines.size() - 1 << " 个" << counts << "，报告 " << reports.size()
    << " 份，其中有错误的 " << with_errors.size() << " 份；无法读取 " << unreadable.size() << " 个；跨报告问题 "
    << archive.size() << " 条（错误 " << archive_errors << " 条）\n";
  if (!unreadable.empty()) {
    std::sort(unreadable.begin(), unreadable.end());
    o << "无法读取的文件：\n";
    for (size_t i = 0; i < unreadable.size() && i < 10; ++i)
      o << "  " << unreadable[i].first << "：" << unreadable[i].second << "\n";
    if (unreadable.size() > 10) o << "  等，共 " << unreadable.size() << " 个（全部见结果中 \"status\": \"error\" 的行）\n";
  }
  o << "输出：\n" << outputs;
  return o.str();
}

}  // namespace

TEST(BatchSummary, RunEndsWithFilesReportsUnreadableAndWhereTheOutputsWent) {
  const std::string dir = fresh_dir("summary_batch");
  const std::string args = " -j 2 --out " + dir + "/r.jsonl --db " + dir + "/a.sqlite --xlsx " + dir +
                           "/s.xlsx --html-dir " + dir + "/html " + kArchive;
  EXPECT_EQ(run(binary() + " batch" + args + " 2>" + dir + "/err.txt"), 3);
  auto lines = read_jsonl(dir + "/r.jsonl");
  ASSERT_GT(lines.size(), 20u);
  const std::string outputs = "  结果（JSON Lines）：" + dir + "/r.jsonl\n  数据库：" + dir + "/a.sqlite\n  汇总表格：" + dir +
                              "/s.xlsx\n  汇总页：" + dir + "/html/index.html\n";
  const std::string expected = expected_summary(
      "batch", lines, "（本次检查 " + std::to_string(lines.back()["checked"].get<int>()) + " 个，取自数据库 0 个）", outputs);
  EXPECT_EQ(read_file(dir + "/err.txt"), expected);
  // The archive has eleven unreadable files: ten named, then the count.
  EXPECT_NE(expected.find("  等，共 11 个"), std::string::npos) << expected;
  EXPECT_NE(expected.find("tests/data/archive/broken_encrypted.pdf：PDF 文件有打开密码"), std::string::npos) << expected;

  // A rerun takes everything from the database and says so.
  EXPECT_EQ(run(binary() + " batch" + args + " 2>" + dir + "/err2.txt"), 3);
  lines = read_jsonl(dir + "/r.jsonl");
  EXPECT_EQ(read_file(dir + "/err2.txt"),
            expected_summary("batch", lines,
                             "（本次检查 0 个，取自数据库 " + std::to_string(lines.back()["skipped"].get<int>()) + " 个）",
                             outputs));

  // merge says the same of the merged database; results on standard output are said to be there.
  EXPECT_EQ(run(binary() + " merge --db " + dir + "/m.sqlite " + dir + "/a.sqlite >" + dir + "/m.jsonl 2>" + dir +
                "/err3.txt"),
            3);
  auto merged = read_jsonl(dir + "/m.jsonl");
  EXPECT_EQ(read_file(dir + "/err3.txt"),
            expected_summary("merge", merged, "", "  结果（JSON Lines）：标准输出\n  数据库：" + dir + "/m.sqlite\n"));
  fs::remove_all(dir);
}

TEST(BatchSummary, ACleanRunListsNoUnreadableFiles) {
  const std::string dir = fresh_dir("summary_clean");
  EXPECT_EQ(run(binary() + " batch --out " + dir + "/r.jsonl " + kArchive + "/a00_2021.txt " + kArchive +
                "/a00_2022.txt 2>" + dir + "/err.txt"),
            0);
  EXPECT_EQ(read_file(dir + "/err.txt"),
            "nianbao batch 完成：文件 2 个（本次检查 2 个，取自数据库 0 个），报告 2 份，其中有错误的 0 份；无法读取 0 个；"
            "跨报告问题 0 条（错误 0 条）\n输出：\n  结果（JSON Lines）：" + dir + "/r.jsonl\n");
  fs::remove_all(dir);
}
