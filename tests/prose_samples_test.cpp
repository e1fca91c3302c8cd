// The prose samples (samples/prose): each made to break one prose check prints exactly its
// expected output and raises that rule and no other; each correct variant, carrying qualified
// figures, figures of other years and of other subjects, raises nothing.
#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace nianbao {
namespace {

using nlohmann::json;

std::string check(const std::string& args) {
  std::string out;
  test::run("cd " + test::source_path("") + " && " + test::binary() + " check --color never " + args +
                " 2>/dev/null",
            &out);
  return out;
}

std::vector<std::string> samples() {
  std::vector<std::string> names;
  DIR* dir = opendir(test::source_path("samples/prose").c_str());
  if (!dir) return names;
  while (dirent* e = readdir(dir)) {
    std::string n = e->d_name;
    if (n.size() > 4 && n.substr(n.size() - 4) == ".txt") names.push_back(n.substr(0, n.size() - 4));
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ProseSamples, EachPrintsExactlyItsExpectedOutput) {
  auto names = samples();
  ASSERT_GE(names.size(), 18u);
  for (const auto& name : names) {
    std::string expected = test::read_file(test::source_path("samples/prose/" + name + ".expected"));
    EXPECT_EQ(check("samples/prose/" + name + ".txt"), expected) << name;
  }
}

// "text-sum_mismatch-percent.txt" raises text.sum_mismatch.percent and nothing else;
// "ok-text-sum_mismatch-percent.txt" raises nothing.
TEST(ProseSamples, EachBreaksItsCheckAndTheCorrectVariantIsQuiet) {
  for (const auto& name : samples()) {
    json d = json::parse(check("--format json samples/prose/" + name + ".txt"));
    std::set<std::string> rules;
    for (const auto& f : d["findings"]) rules.insert(f["rule"].get<std::string>());
    if (name.rfind("ok-", 0) == 0) {
      EXPECT_TRUE(rules.empty()) << name << ": " << d["findings"].dump();
      continue;
    }
    std::string rule = name;
    std::replace(rule.begin(), rule.end(), '-', '.');
    EXPECT_EQ(rules, std::set<std::string>{rule}) << name;
  }
}

TEST(ProseSamples, TheCorrectVariantsListWhatTheyConfirmed) {
  json d = json::parse(check("--format json samples/prose/ok-text-table_mismatch.txt"));
  std::vector<std::string> messages;
  for (const auto& v : d["verified"]) {
    EXPECT_TRUE(v.contains("rule") && v.contains("page") && v.contains("line")) << v.dump();
    messages.push_back(v["message"]);
  }
  auto has = [&](const std::string& part) {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("28 = 24 + 3 + 1")) << json(messages).dump();
  EXPECT_TRUE(has("中的 28件 与表格“一、本年新收”与“二、上年结转”总计之和 28 一致"));
  EXPECT_TRUE(has("中的 27件 与表格“（七）总计” 27 一致"));
}

TEST(ProseSamples, VerboseTextListsVerifiedStatements) {
  std::string out = check("-v samples/prose/ok-text-sum_mismatch-percent.txt");
  EXPECT_NE(out.find(":15: verified[text.sum_mismatch.percent]: 正文“全年共收到政府信息公开申请26件，其中予以公开13件"),
            std::string::npos)
      << out;
  EXPECT_EQ(check("samples/prose/ok-text-sum_mismatch-percent.txt").find("verified["), std::string::npos);
}

}  // namespace
}  // namespace nianbao
