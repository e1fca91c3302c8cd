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

// "text-sum_mismatch-percent.txt" raises text.sum_mismatch.percent and nothing else (so does
// "text-sum_mismatch--total.txt" text.sum_mismatch);
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
    // "text-sum_mismatch--total": a second case of text.sum_mismatch.
    std::string rule = name.substr(0, name.find("--"));
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

// The prose samples rendered as web pages and Word documents (tools/make-renderings) give the
// same findings, agency and year as the text they were rendered from.
TEST(ProseSamples, HtmlAndDocxRenderingsGiveWhatTheTextGives) {
  auto essence = [](const json& d) {
    std::vector<std::string> out{d["report"]["agency"].dump(), d["report"]["year"].dump()};
    for (const auto& f : d["findings"])
      out.push_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() + " " +
                    f["message"].get<std::string>());
    std::sort(out.begin() + 2, out.end());
    return out;
  };
  auto names = samples();
  ASSERT_GE(names.size(), 31u);
  for (const auto& name : names) {
    const auto text = essence(json::parse(check("--format json samples/prose/" + name + ".txt")));
    for (const char* kind : {"html", "docx"}) {
      const std::string file = std::string("samples/") + kind + "/prose/" + name + "." + kind;
      EXPECT_EQ(essence(json::parse(check("--format json " + file))), text) << file;
    }
  }
}

// Each finding of the outcome, total, count-blank, placeholder, agency and year checks points at its
// paragraph in every rendering: the editor line of the text and of the web page, the paragraph
// as Word numbers it (part 5 is on page 2, after the page break before part 3).
TEST(ProseSamples, NewChecksPointIntoEachRendering) {
  struct Place {
    std::string file, rule;
    int page, line;
  };
  const std::vector<Place> places = {
      {"samples/prose/text-table_mismatch-outcome.txt", "text.table_mismatch.outcome", 1, 15},
      {"samples/html/prose/text-table_mismatch-outcome.html", "text.table_mismatch.outcome", 1, 26},
      {"samples/docx/prose/text-table_mismatch-outcome.docx", "text.table_mismatch.outcome", 1, 8},
      {"samples/prose/text-sum_mismatch--total.txt", "text.sum_mismatch", 1, 11},
      {"samples/html/prose/text-sum_mismatch--total.html", "text.sum_mismatch", 1, 23},
      {"samples/docx/prose/text-sum_mismatch--total.docx", "text.sum_mismatch", 1, 6},
      {"samples/prose/text-unfilled_blank--count.txt", "text.unfilled_blank", 1, 11},
      {"samples/html/prose/text-unfilled_blank--count.html", "text.unfilled_blank", 1, 23},
      {"samples/docx/prose/text-unfilled_blank--count.docx", "text.unfilled_blank", 1, 6},
      {"samples/prose/text-placeholder.txt", "text.placeholder", 1, 79},
      {"samples/html/prose/text-placeholder.html", "text.placeholder", 1, 418},
      {"samples/docx/prose/text-placeholder.docx", "text.placeholder", 2, 65},
      {"samples/prose/meta-no_agency.txt", "meta.no_agency", 1, 1},
      {"samples/html/prose/meta-no_agency.html", "meta.no_agency", 1, 14},
      {"samples/docx/prose/meta-no_agency.docx", "meta.no_agency", 1, 1},
      {"samples/prose/meta-no_year.txt", "meta.no_year", 1, 1},
      {"samples/html/prose/meta-no_year.html", "meta.no_year", 1, 14},
      {"samples/docx/prose/meta-no_year.docx", "meta.no_year", 1, 1},
  };
  for (const auto& p : places) {
    json d = json::parse(check("--format json " + p.file));
    ASSERT_EQ(d["findings"].size(), 1u) << p.file << ": " << d["findings"].dump();
    const json& f = d["findings"][0];
    EXPECT_EQ(f["rule"], p.rule) << p.file;
    EXPECT_EQ(f["page"], p.page) << p.file;
    EXPECT_EQ(f["line"], p.line) << p.file;
  }
}

// The outcome claim names what contradicts it; the count left blank is not also a sum that
// fails; the parts before 共计 are summed; a report naming no agency is a note, not an error.
TEST(ProseSamples, NewChecksSayWhatIsWrong) {
  json outcome = json::parse(check("--format json samples/prose/text-table_mismatch-outcome.txt"))["findings"][0];
  EXPECT_EQ(outcome["severity"], "error");
  EXPECT_EQ(outcome["expected"], 0);
  EXPECT_EQ(outcome["actual"], 2);
  EXPECT_NE(outcome["message"].get<std::string>().find("称“均获维持”，但表格“行政复议”“尚未审结”为 1，表格行政诉讼两组“结果纠正”之和为 1"),
            std::string::npos)
      << outcome.dump();
  json total = json::parse(check("--format json samples/prose/text-sum_mismatch--total.txt"))["findings"][0];
  EXPECT_EQ(total["expected"], 348);
  EXPECT_EQ(total["actual"], 356);
  json agency = json::parse(check("--format json samples/prose/meta-no_agency.txt"))["findings"][0];
  EXPECT_EQ(agency["severity"], "info");
  // A verified outcome is listed with -v.
  EXPECT_NE(check("-v samples/prose/ok-all-statements.txt")
                .find(":15: verified[text.table_mismatch.outcome]: 正文“全年未发生行政复议被纠错的情况”称“未发生行政复议被纠错”，与表格相符"),
            std::string::npos);
}

}  // namespace
}  // namespace nianbao
