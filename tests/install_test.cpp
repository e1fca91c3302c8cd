// The installed program reads the installed rules: `cmake --install` into a prefix, then the
// program there, with no NIANBAO_RULES, takes <prefix>/share/nianbao/rules (changed here, so the
// change shows which directory was read) and not the rules/ of the tree it was built from; and its
// batch command, which loads the installed archive module.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

TEST(Install, TheInstalledProgramReadsTheInstalledRules) {
  const fs::path prefix = fs::path(testing::TempDir()) / "nianbao-install-test";
  fs::remove_all(prefix);
  std::string out;
  ASSERT_EQ(test::run("cmake --install '" + fs::path(test::binary()).parent_path().string() + "' --prefix '" +
                          prefix.string() + "' 2>&1",
                      &out),
            0)
      << out;
  const fs::path checks = prefix / "share" / "nianbao" / "rules" / "checks.toml";
  std::string text = test::read_file(checks.string());
  const std::string from = "doc_zh = \"第三部分";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "doc_zh = \"（本机修改）第三部分");
  std::ofstream(checks, std::ios::trunc) << text;

  ASSERT_EQ(test::run("env -u NIANBAO_RULES '" + (prefix / "bin" / "nianbao").string() + "' rules 2>&1", &out), 0)
      << out;
  EXPECT_NE(out.find("applications.balance\terror\t（本机修改）第三部分"), std::string::npos) << out;

  // batch lives in the archive module, installed under <prefix>/lib/nianbao: the installed
  // program finds it there, whatever directory it is run from.
  const fs::path results = prefix / "results.jsonl";
  EXPECT_EQ(test::run("cd / && env -u NIANBAO_RULES '" + (prefix / "bin" / "nianbao").string() + "' batch --out '" +
                          results.string() + "' '" + test::source_path("samples/rules/correct-2021.txt") + "' 2>&1",
                      &out),
            0)
      << out;
  EXPECT_NE(test::read_file(results.string()).find("\"status\":\"ok\""), std::string::npos);
  fs::remove_all(prefix);
}

}  // namespace
}  // namespace nianbao
