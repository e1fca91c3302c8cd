// The command line as users and their scripts meet it: bad inputs, exit codes, JSON Lines.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "nianbao_cli_" + std::to_string(::getpid());
    test::run("rm -rf " + dir_ + " && mkdir -p " + dir_);
    write("empty.txt", "");
    write("empty.pdf", "");
    std::string binary(4096, '\0');
    for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) % 256);
    write("binary.txt", binary);
    write("noreport.txt", "今天天气很好。\n我们去公园散步，看到了很多花。\n");
    test::run("cp " + test::source_path("samples/helan-culture-tourism-2020.txt") + " " + dir_ + "/good.txt");
  }
  void TearDown() override { test::run("rm -rf " + dir_); }

  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << bytes;
  }
  int check(const std::string& args, std::string* out) {
    return test::run("cd " + dir_ + " && " + test::binary() + " check --color never " + args + " 2>&1", out);
  }
  std::string dir_;
};

TEST_F(Cli, EachBadInputIsOneClearLineWithExitStatus3) {
  struct Case {
    std::string file, line;
  };
  std::vector<Case> cases = {
      {"empty.txt", "empty.txt: error[read.empty]: 文件为空 (empty file)\n"},
      {"binary.txt", "binary.txt: error[read.binary]: 二进制文件，不是文本报告 (binary file, not a text report)\n"},
      {"noreport.txt",
       "noreport.txt: error[read.no_report]: 文件中没有政府信息公开工作年度报告的内容 "
       "(no open-government-information annual report found)\n"},
      {"missing.txt", "missing.txt: error[read.not_found]: 文件不存在 (no such file)\n"},
      {"empty.pdf", "empty.pdf: error[read.empty]: 文件为空 (empty file)\n"},
      {".",
       ".: error[read.not_a_file]: 是目录，不是文件；检查目录中的全部报告请用 nianbao batch . "
       "(a directory: to check every report in it, use nianbao batch)\n"},
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_EQ(check(c.file, &out), 3) << c.file;
    EXPECT_EQ(out, c.line);
  }
}

TEST_F(Cli, AGoodFileIsStillReportedNextToAMissingOne) {
  std::string out;
  EXPECT_EQ(check("good.txt missing.txt", &out), 3);
  EXPECT_NE(out.find("good.txt:1:99: warning[table.missing_cell]"), std::string::npos) << out;
  EXPECT_NE(out.find("good.txt: 贺兰县文化旅游广电局 2020 年度报告，格式 2019：0 个错误，2 个警告，0 条提示"),
            std::string::npos);
  EXPECT_NE(out.find("missing.txt: error[read.not_found]"), std::string::npos);
}

TEST_F(Cli, JsonLinesOneObjectPerFileInOrderWithErrorObjects) {
  std::string out;
  EXPECT_EQ(check("--format json missing.txt good.txt", &out), 3);
  std::istringstream lines(out);
  std::string first, second, extra;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_FALSE(std::getline(lines, extra));
  json a = json::parse(first), b = json::parse(second);
  EXPECT_EQ(a["schema"], "nianbao/1");
  EXPECT_EQ(a["status"], "error");
  EXPECT_EQ(a["error"]["code"], "not_found");
  EXPECT_EQ(b["status"], "ok");
  EXPECT_EQ(b["file"], "good.txt");
  EXPECT_EQ(b["input_format"], "text");
}

TEST_F(Cli, ExitStatusZeroWithoutErrorsOneWithErrorsTwoOnUsage) {
  std::string out;
  EXPECT_EQ(check("good.txt", &out), 0);
  test::run("cp " + test::source_path("samples/rules/applications-balance.txt") + " " + dir_ + "/bad.txt");
  EXPECT_EQ(check("bad.txt", &out), 1);
  EXPECT_EQ(check("--format xml good.txt", &out), 2);
  EXPECT_EQ(test::run(test::binary() + " 2>/dev/null", &out), 2);
}

TEST_F(Cli, EnglishMessagesWithLangEn) {
  std::string out;
  check("--lang en good.txt", &out);
  EXPECT_NE(out.find("good.txt:1:99: warning[table.missing_cell]: table \"reconsideration and litigation\": 5 "
                     "cell(s) are blank: row \"administrative reconsideration\", all 5 columns."),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("good.txt: 贺兰县文化旅游广电局, report for 2020, format 2019: 0 error(s), 2 warning(s)"),
            std::string::npos);
}

TEST_F(Cli, MalformedRulesFileIsAnErrorNamingFileAndLine) {
  test::run("cp -r " + test::source_path("rules") + " " + dir_ + "/rules");
  write("rules/relations.toml", "[[relation]]\nid = \"applications.balance\"\ntable = \n");
  std::string out;
  EXPECT_EQ(test::run(test::binary() + " --rules " + dir_ + "/rules check " + dir_ + "/good.txt 2>&1", &out), 2);
  EXPECT_NE(out.find(dir_ + "/rules/relations.toml:3"), std::string::npos) << out;
}

}  // namespace
}  // namespace nianbao
