// The command line's usage errors, in Chinese and with --lang en in English, and where `check`
// writes its output (-o, --output-dir): an HTML report is a whole page, one per file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

class CliUsage : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "nianbao_cli_usage_" + std::to_string(::getpid());
    test::run("rm -rf " + dir_ + " && mkdir -p " + dir_ + "/a " + dir_ + "/b");
    for (const char* d : {"a", "b"})
      test::run("cp " + test::source_path("samples/rules/applications-balance.txt") + " " + dir_ + "/" + d + "/r.txt");
  }
  void TearDown() override { test::run("rm -rf " + dir_); }

  // Runs nianbao in the test's directory: exit status, and what it printed on stderr alone.
  int run(const std::string& args, std::string* err, std::string* out = nullptr) {
    int status = test::run("cd " + dir_ + " && " + test::binary() + " " + args + " 2>&1 >stdout.txt", err);
    if (out) *out = read("stdout.txt");
    return status;
  }
  std::string read(const std::string& name) {
    std::ifstream in(dir_ + "/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string dir_;
};

TEST_F(CliUsage, UsageErrorsAreChineseWithWhatToTypeAndExitTwo) {
  std::string err, out;
  EXPECT_EQ(run("frob", &err, &out), 2);
  EXPECT_EQ(err, "nianbao: 未知的子命令“frob”：可用的子命令为 check、batch、merge、serve、rules\n"
                 "运行 “nianbao --help” 查看用法。\n");
  EXPECT_EQ(out, "");
  EXPECT_EQ(run("", &err), 2);
  EXPECT_EQ(err, "nianbao: 缺少子命令：请写 check、batch、merge、serve、rules 之一\n运行 “nianbao --help” 查看用法。\n");
  EXPECT_EQ(run("check", &err), 2);
  EXPECT_EQ(err, "nianbao: 缺少必需的参数 FILE\n运行 “nianbao check --help” 查看用法。\n");
  EXPECT_EQ(run("check --format xml a/r.txt", &err), 2);
  EXPECT_EQ(err, "nianbao: 参数 --format 的值“xml”无效：可选 text,json,html\n运行 “nianbao check --help” 查看用法。\n");
  EXPECT_EQ(run("check --timeout -1 a/r.txt", &err), 2);
  EXPECT_EQ(err, "nianbao: 参数 --timeout 的值 -1 不能小于 0\n运行 “nianbao check --help” 查看用法。\n");
  EXPECT_EQ(run("check --frob a/r.txt", &err), 2);
  EXPECT_EQ(err, "nianbao: 无法识别的参数：--frob\n运行 “nianbao check --help” 查看用法。\n");
}

TEST_F(CliUsage, UsageErrorsAreEnglishWithLangEn) {
  std::string err;
  EXPECT_EQ(run("frob --lang en", &err), 2);
  EXPECT_EQ(err, "nianbao: unknown subcommand \"frob\": the subcommands are check, batch, merge, serve, rules\n"
                 "Run \"nianbao --help\" for the options.\n");
  EXPECT_EQ(run("check --lang en --format xml a/r.txt", &err), 2);
  EXPECT_EQ(err, "nianbao: --format: \"xml\" is not one of text,json,html\nRun \"nianbao check --help\" for the options.\n");
}

TEST_F(CliUsage, HtmlOfSeveralFilesNeedsAnOutputDirectory) {
  std::string err, out;
  EXPECT_EQ(run("check --format html a/r.txt b/r.txt", &err, &out), 2);
  EXPECT_EQ(err, "nianbao: --format html 为每份报告生成一个完整的网页：检查多个文件时请用 --output-dir 目录\n");
  EXPECT_EQ(out, "");
  // One page per report; two reports of one name keep apart.
  EXPECT_EQ(run("check --format html --output-dir pages a/r.txt b/r.txt", &err, &out), 1);
  EXPECT_EQ(err, "nianbao: 已写入 pages/r.html\nnianbao: 已写入 pages/r-2.html\n");
  EXPECT_EQ(out, "");
  for (const char* page : {"pages/r.html", "pages/r-2.html"}) {
    const std::string html = read(page);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << page;
    EXPECT_EQ(html.find("<!DOCTYPE html>", 1), std::string::npos) << page << ": one document per file";
  }
}

TEST_F(CliUsage, OutputFileTakesWhatStandardOutputWouldHave) {
  std::string err, expected;
  EXPECT_EQ(run("check --format json a/r.txt", &err, &expected), 1);
  std::string out;
  EXPECT_EQ(run("check --format json -o result.jsonl a/r.txt", &err, &out), 1);
  EXPECT_EQ(out, "");
  EXPECT_EQ(read("result.jsonl"), expected);
  EXPECT_EQ(run("check --format html -o one.html a/r.txt", &err, &out), 1);
  EXPECT_EQ(read("one.html").rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(run("check -o x.txt --output-dir d a/r.txt", &err), 2);
  EXPECT_EQ(err, "nianbao: 参数 --output 与 --output-dir 不能同时使用\n运行 “nianbao check --help” 查看用法。\n");
}

}  // namespace
}  // namespace nianbao
