// The per-file limits as users meet them on the command line: each one exceeded is one clear
// line naming the file, the limit and its flag, exit status 3, and the next file is still
// checked; 0 turns a limit off.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_paths.h"
#include "app/isolate/asan.h"

namespace nianbao {
namespace {

using nlohmann::json;

const std::string kPdf = "jiangsu_huaian_hongzequ_2024.pdf";  // 5 pages

class Limits : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "nianbao_limits_" + std::to_string(::getpid());
    test::run("rm -rf " + dir_ + " && mkdir -p " + dir_);
  }
  void TearDown() override { test::run("rm -rf " + dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // `check --format json FLAGS FILES`: one parsed object per file, in order.
  std::vector<json> check(const std::string& args, int* status) {
    std::string out;
    *status = test::run("timeout 120 " + test::binary() + " check --format json " + args + " 2>/dev/null", &out);
    std::vector<json> objects;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) objects.push_back(json::parse(line));
    return objects;
  }
  std::string slow_report() {
    const std::string path = dir_ + "/slow.txt";
    test::write_slow_report(path);
    return path;
  }
  std::string dir_;
};

TEST_F(Limits, FileSizeNamesTheFlagAndTheNextFileIsStillChecked) {
  const std::string big = write("big.txt", "某某局2023年政府信息公开工作年度报告\n" + std::string(2u << 20, 'a') + "\n");
  const std::string seed = test::source_path("samples/helan-culture-tourism-2020.txt");
  int status = 0;
  auto d = check("--max-file-mb 1 " + big + " " + seed, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["error"]["code"], "too_large");
  EXPECT_EQ(d[0]["error"]["message"], big + ": 文件大小 2.1 MB 超过上限 1 MB（可用 --max-file-mb 调整） (file size "
                                            "2.1 MB is over the limit of 1 MB; raise it with --max-file-mb)");
  EXPECT_EQ(d[1]["status"], "ok");
  EXPECT_EQ(d[1]["report"]["year"], 2020);
  // 0 is no limit.
  d = check("--max-file-mb 0 " + big, &status);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["status"], "ok");
}

TEST_F(Limits, PagesOfAPdfAreCountedBeforeReading) {
  int status = 0;
  const std::string pdf = test::corpus_path(kPdf);
  auto d = check("--max-pages 4 " + pdf, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "too_many_pages");
  EXPECT_EQ(d[0]["error"]["message"], pdf + ": 页数 5 超过上限 4（可用 --max-pages 调整） (page count 5 is over the "
                                            "limit of 4; raise it with --max-pages)");
  d = check("--max-pages 5 " + pdf, &status);
  EXPECT_EQ(d[0]["status"], "ok");
}

TEST_F(Limits, PagesOfATextCopyAreItsPageNumberLines) {
  const std::string text = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n- 1 -\n正文。\n- 2 -\n正文。\n- 3 -\n";
  int status = 0;
  auto d = check("--max-pages 2 " + write("pages.txt", text), &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "too_many_pages");
}

TEST_F(Limits, InflatedSizeOfADocxNamesTheFlag) {
  int status = 0;
  const std::string bomb = test::source_path("tests/data/docx/bomb.docx");  // 300 MB inflated
  auto d = check("--max-inflated-mb 5 " + bomb, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "too_large_inflated");
  EXPECT_EQ(d[0]["error"]["message"], bomb + ": 解压后的大小（疑似压缩炸弹）超过上限 5 MB（可用 --max-inflated-mb 调整） "
                                             "(the size when inflated (a zip bomb?) is over the limit of 5 MB; raise "
                                             "it with --max-inflated-mb)");
}

TEST_F(Limits, TimePerFileStopsALongCheckAndTheNextFileIsStillChecked) {
  const std::string slow = slow_report();
  const std::string seed = test::source_path("samples/helan-culture-tourism-2020.txt");
  int status = 0;
  auto d = check("--timeout 1 " + slow + " " + seed, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0]["error"]["code"], "timeout");
  EXPECT_EQ(d[0]["error"]["message"], slow + ": 检查用时超过上限 1 秒（可用 --timeout 调整） (checking took longer "
                                             "than the limit of 1 s; raise it with --timeout)");
  EXPECT_EQ(d[1]["status"], "ok");
  EXPECT_EQ(d[1]["report"]["year"], 2020);
}

// One report alone is checked without a child process: the limit is met all the same, answered
// in the format asked for, and the status is the same.
TEST_F(Limits, TimePerFileStopsTheCheckOfOneReportAlone) {
  const std::string slow = slow_report();
  int status = 0;
  auto d = check("--timeout 1 " + slow, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["status"], "error");
  EXPECT_EQ(d[0]["error"]["code"], "timeout");
  std::string out;
  EXPECT_EQ(test::run(test::binary() + " check --color never --lang en --timeout 1 " + slow + " 2>/dev/null", &out), 3);
  EXPECT_EQ(out, slow + ": error[read.timeout]: 检查用时超过上限 1 秒（可用 --timeout 调整） (checking took longer than the limit of 1 s; "
                     "raise it with --timeout)\n");
}

TEST_F(Limits, MemoryPerFileIsOutOfMemoryNotACrash) {
  if (NIANBAO_ASAN) GTEST_SKIP() << "AddressSanitizer reserves the address space a limit would count";
  int status = 0;
  const std::string pdf = test::corpus_path(kPdf);
  auto d = check("--max-memory-mb 40 " + pdf, &status);
  EXPECT_EQ(status, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]["error"]["code"], "out_of_memory");
  EXPECT_EQ(d[0]["error"]["message"], pdf + ": 检查所需内存超过上限 40 MB（可用 --max-memory-mb 调整） (checking "
                                            "needs more memory than the limit of 40 MB; raise it with --max-memory-mb)");
}

TEST_F(Limits, TextOutputIsOneLinePerRefusedFile) {
  std::string out;
  const std::string pdf = test::corpus_path(kPdf);
  int status = test::run(test::binary() + " check --color never --max-pages 1 " + pdf + " 2>/dev/null", &out);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(out, pdf + ": error[read.too_many_pages]: 页数 5 超过上限 1（可用 --max-pages 调整） (page count 5 is "
                       "over the limit of 1; raise it with --max-pages)\n");
}

TEST_F(Limits, NegativeOrWordValuesAreUsageErrors) {
  EXPECT_EQ(test::run(test::binary() + " check --max-pages -1 x.txt >/dev/null 2>&1"), 2);
  EXPECT_EQ(test::run(test::binary() + " check --timeout soon x.txt >/dev/null 2>&1"), 2);
}

}  // namespace
}  // namespace nianbao
