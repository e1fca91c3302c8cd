// Hostile plain-text inputs through the command line, each with its exact outcome: a report
// with a few bytes no encoding reads is read with them replaced and their lines named, one that
// is mostly such bytes is refused as before, and single lines of megabytes are answered, not
// searched for minutes (how fast: docs/PERFORMANCE.md; no test here asserts a duration).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

const std::string kSeed = "samples/helan-culture-tourism-2020.txt";

class HostileText : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::fresh_dir("hostile_text"); }
  void TearDown() override { test::run("rm -rf " + dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  // `check --format json` of `path`, under the default limits but time: a sanitizer build reads
  // the 10 MB lines thirty times slower than a release build, and that is not what is tested.
  json check(const std::string& path, int* status) {
    std::string out;
    *status = test::run("timeout 900 " + test::binary() + " check --format json --timeout 0 " + path +
                            " 2>/dev/null",
                        &out);
    return json::parse(out.empty() ? "{}" : out);
  }
  std::string dir_;
};

// `text` with `bytes` put at the end of (1-based) line `line`.
std::string at_end_of_line(std::string text, int line, const std::string& bytes) {
  size_t at = 0;
  for (int n = 1; n <= line; ++n) at = text.find('\n', n == 1 ? 0 : at + 1);
  EXPECT_NE(at, std::string::npos);
  return text.insert(at, bytes);
}

// The findings of `d` but `rule`'s.
json findings_but(const json& d, const std::string& rule) {
  json out = json::array();
  for (const auto& f : d["findings"])
    if (f["rule"] != rule) out.push_back(f);
  return out;
}

// Five bytes valid in no encoding on two prose lines of the seed report (UTF-8): read, the bad
// bytes replaced by U+FFFD, one warning naming their count and lines at the first of them, and
// everything else as in the clean file: the same tables cell by cell, the same findings.
TEST_F(HostileText, StrayBytesInUtf8AreReplacedAndTheReportIsRead) {
  const std::string seed = test::read_file(test::source_path(kSeed));
  const std::string text = at_end_of_line(at_end_of_line(seed, 21, "\xff\xfe"), 33, "\x80\xff\xfe");
  int status = 0, clean_status = 0;
  json d = check(write("stray.txt", text), &status);
  json clean = check(test::source_path(kSeed), &clean_status);
  EXPECT_EQ(status, clean_status);  // a warning adds no error
  ASSERT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  json said = json::array();
  for (const auto& f : d["findings"])
    if (f["rule"] == "structure.invalid_bytes") said.push_back(f);
  ASSERT_EQ(said.size(), 1u) << d["findings"].dump();
  EXPECT_EQ(said[0]["severity"], "warning");
  EXPECT_EQ(said[0]["page"], 1);
  EXPECT_EQ(said[0]["line"], 21);
  EXPECT_EQ(said[0]["message"],
            "第 21, 33 行有 5 处字节无法按文件的编码解读，已替换为“\uFFFD”，这些行的文字和数字可能不完整");
  EXPECT_EQ(d["report"]["tables"], clean["report"]["tables"]);
  EXPECT_EQ(d["report"]["year"], 2020);
  EXPECT_EQ(d["report"]["agency"], clean["report"]["agency"]);
  EXPECT_EQ(findings_but(d, "structure.invalid_bytes"), clean["findings"]);
  // The cells the seed prints: 政府集中采购 1 and 2315831.33 元.
  EXPECT_EQ(d["report"]["tables"]["proactive"]["values"]["procurement.items"], 1);
  EXPECT_EQ(d["report"]["tables"]["proactive"]["values"]["procurement.amount_yuan"], 2315831.33);
}

// The same report saved as GB18030 with two bytes no encoding reads: read as GB18030, like its
// UTF-8 original but for the warning.
TEST_F(HostileText, StrayBytesInGb18030AreReplacedAndTheReportIsRead) {
  const std::string gbk = dir_ + "/gbk.txt";
  ASSERT_EQ(test::run("iconv -f UTF-8 -t GB18030 " + test::source_path(kSeed) + " > " + gbk), 0);
  const std::string text = at_end_of_line(test::read_file(gbk), 15, "\x80\xff");
  int status = 0, clean_status = 0;
  json d = check(write("stray-gbk.txt", text), &status);
  json clean = check(gbk, &clean_status);
  EXPECT_EQ(status, clean_status);
  ASSERT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  json said = json::array();
  for (const auto& f : d["findings"])
    if (f["rule"] == "structure.invalid_bytes") said.push_back(f);
  ASSERT_EQ(said.size(), 1u) << d["findings"].dump();
  EXPECT_EQ(said[0]["line"], 15);
  EXPECT_EQ(said[0]["message"],
            "第 15 行有 2 处字节无法按文件的编码解读，已替换为“\uFFFD”，这些行的文字和数字可能不完整");
  EXPECT_EQ(d["report"]["tables"], clean["report"]["tables"]);
  EXPECT_EQ(findings_but(d, "structure.invalid_bytes"), clean["findings"]);
}

// The bound, at the seed's size: eight bad sequences and one per 1 000 bytes of the file. Twenty
// bytes in a file of 12 400 are read; twenty-one (in 12 401) are not: that is no stray damage.
TEST_F(HostileText, TheBoundOnReplacedBytesIsEightAndOnePerThousandBytes) {
  const std::string seed = test::read_file(test::source_path(kSeed));
  auto damaged = [&](int bytes) {
    std::string text = seed;
    for (int i = 0; i < bytes; ++i) text = at_end_of_line(text, 11 + 2 * (i % 10), "\xff");
    return text;
  };
  int status = 0;
  const std::string twenty = damaged(20);
  ASSERT_EQ(twenty.size() / 1000, 12u);
  json d = check(write("twenty.txt", twenty), &status);
  ASSERT_EQ(d["status"], "ok") << d.dump().substr(0, 300);
  bool said = false;
  for (const auto& f : d["findings"])
    if (f["rule"] == "structure.invalid_bytes") {
      said = true;
      EXPECT_EQ(f["message"], "第 11, 13, 15, 17, 19, 21, 23, 25, 27, 29 行有 20 处字节无法按文件的编码解读，"
                              "已替换为“\uFFFD”，这些行的文字和数字可能不完整");
    }
  EXPECT_TRUE(said) << d["findings"].dump();
  const std::string path = write("twenty-one.txt", damaged(21));
  d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "encoding");
  EXPECT_EQ(d["error"]["message"], path + ": 无法解码文本，既不是 UTF-8 也不是 GB18030/GBK "
                                          "(cannot decode the text: neither UTF-8 nor GB18030/GBK)");
}

// A file that is mostly bad bytes (every 40th byte of the seed) is refused as before.
TEST_F(HostileText, MostlyInvalidTextIsStillAnEncodingError) {
  std::string text = test::read_file(test::source_path(kSeed));
  for (size_t at = 100; at < text.size(); at += 40) text[at] = '\xff';
  int status = 0;
  const std::string path = write("garbage.txt", text);
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "encoding");
  EXPECT_EQ(d["error"]["message"], path + ": 无法解码文本，既不是 UTF-8 也不是 GB18030/GBK "
                                          "(cannot decode the text: neither UTF-8 nor GB18030/GBK)");
}

// Single lines of 10 MB that hold no report: each is answered no_report, with its reason.
const std::string kNoReport = "文件中没有政府信息公开工作年度报告的内容 (no open-government-information annual report found)";

TEST_F(HostileText, TenMegabyteLineOfDigitsIsNoReport) {
  int status = 0;
  const std::string path = write("digits.txt", std::string(10'000'000, '7') + "\n");
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
  EXPECT_EQ(d["error"]["message"], path + ": " + kNoReport);
}

// One Chinese character in front: the line goes through segmentation and table rebuilding.
TEST_F(HostileText, TenMegabyteLineOfDigitsAfterAWordIsNoReport) {
  int status = 0;
  const std::string path = write("year-digits.txt", "年" + std::string(10'000'000, '7') + "\n");
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
  EXPECT_EQ(d["error"]["message"], path + ": " + kNoReport);
}

TEST_F(HostileText, TenMegabyteLineOfCommaSeparatedNumbersIsNoReport) {
  std::string line = "年度报告";
  for (int n = 1; line.size() < 10'000'000; ++n) line += std::to_string(n) + ",";
  int status = 0;
  const std::string path = write("numbers.txt", line + "\n");
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
  EXPECT_EQ(d["error"]["message"], path + ": " + kNoReport);
}

TEST_F(HostileText, TenMegabyteLineOfChineseWithoutPunctuationIsNoReport) {
  const std::string words[] = {"政府", "信息", "公开", "申请", "办理", "结果", "复议", "诉讼", "本年", "结转"};
  std::string line;
  for (size_t n = 0; line.size() < 10'000'000; n = (n * 7 + 3) % 10) line += words[n];
  int status = 0;
  const std::string path = write("chinese.txt", line + "\n");
  json d = check(path, &status);
  EXPECT_EQ(status, 3);
  EXPECT_EQ(d["error"]["code"], "no_report");
  EXPECT_EQ(d["error"]["message"], path + ": " + kNoReport);
}

}  // namespace
}  // namespace nianbao
