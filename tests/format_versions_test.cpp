// Format versions are data: every rules/schema-*.toml is a version, its `since` says which report
// years must use it. A new format is added by dropping its schema file into a rules directory
// (here a 2027 format: the 2021 one with one row renamed), with no change to the program.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "extract/tables/format_version.h"
#include "test_paths.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' is not in the text";
  while (at != std::string::npos) {
    text.replace(at, from.size(), to);
    at = text.find(from, at + to.size());
  }
  return text;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

class FormatVersions : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) / ("nianbao-versions-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "rules");
    for (const auto& f : fs::directory_iterator(test::source_path("rules"))) fs::copy(f.path(), dir_ / "rules");
    // The 2027 format as a user would add it: the 2021 schema with its own version, year, name
    // and one row renamed, whose new label is a signal of the new format.
    std::string schema = test::read_file(test::source_path("rules/schema-2021.toml"));
    schema = replaced(schema, "version = \"2021\"\nsince = 2021\nname = { zh = \"2021年版\", en = \"2021\" }",
                      "version = \"2027\"\nsince = 2027\nname = { zh = \"2027年版\", en = \"2027\" }");
    schema = replaced(schema, "signals = [", "signals = [\"依法查询事项\", ");
    schema = replaced(schema, "label = \"8.属于行政查询事项\"", "label = \"8.属于依法查询事项\"");
    schema = replaced(schema, "match = [\"属于行政查询事项\", \"行政查询事项\"]", "match = [\"属于依法查询事项\", \"依法查询事项\"]");
    write(dir_ / "rules" / "schema-2027.toml", schema);

    // A correct 2021-format report of 2023, and the same report for 2027 in the 2027 format.
    const std::string report = test::read_file(test::source_path("samples/rules/correct-2021.txt"));
    write(dir_ / "report-2023.txt", report);
    std::string r2027 = replaced(replaced(report, "2024年1月20日", "2028年1月20日"), "2023", "2027");
    write(dir_ / "report-2027.txt", replaced(r2027, "8.属于行政查询事项", "8.属于依法查询事项"));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `nianbao [--rules DIR] check --format json FILE` as a user runs it.
  json check(const std::string& file, bool new_rules) {
    std::string out;
    std::string rules = new_rules ? " --rules '" + (dir_ / "rules").string() + "'" : "";
    test::run(test::binary() + rules + " check --format json '" + (dir_ / file).string() + "' 2>&1", &out);
    return json::parse(out);
  }

  fs::path dir_;
};

std::vector<std::string> rules_of(const json& d) {
  std::vector<std::string> out;
  for (const auto& f : d["findings"]) out.push_back(f["rule"].get<std::string>() + " " + f.value("row", ""));
  return out;
}

const json* row(const json& d, const std::string& key) {
  for (const auto& r : d["report"]["tables"]["applications"]["rows"])
    if (r["key"] == key) return &r;
  return nullptr;
}

TEST_F(FormatVersions, A2027ReportIsReadAndCheckedAgainstTheSchemaDroppedIntoTheRules) {
  const json d = check("report-2027.txt", true);
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["report"]["year"], 2027);
  EXPECT_EQ(d["report"]["format_version"], "2027");
  EXPECT_EQ(rules_of(d), std::vector<std::string>{}) << d.dump();
  const json* renamed = row(d, "denied.query");
  ASSERT_NE(renamed, nullptr);
  EXPECT_EQ((*renamed)["label"], "8.属于依法查询事项");
  EXPECT_EQ((*renamed)["values"]["total"], 0);
  EXPECT_EQ((*row(d, "new"))["values"]["total"], 26);
}

TEST_F(FormatVersions, WithoutTheNewSchemaTheRenamedRowIsMissing) {
  const json d = check("report-2027.txt", false);
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["report"]["format_version"], "2021");
  EXPECT_EQ(rules_of(d), std::vector<std::string>{"table.missing_row denied.query"}) << d.dump();
}

TEST_F(FormatVersions, EarlierYearsKeepTheirFormatBesideTheNewOne) {
  const json d = check("report-2023.txt", true);
  ASSERT_EQ(d["status"], "ok") << d.dump();
  EXPECT_EQ(d["report"]["format_version"], "2021");
  EXPECT_EQ(rules_of(d), std::vector<std::string>{}) << d.dump();
}

TEST_F(FormatVersions, TheYearDecidesWhichVersionARequires) {
  const Rules rules = Rules::load((dir_ / "rules").string());
  ASSERT_EQ(rules.schemas.size(), 3u);
  EXPECT_EQ(rules.required_version(2018), "pre2019");
  EXPECT_EQ(rules.required_version(2019), "2019");
  EXPECT_EQ(rules.required_version(2020), "2019");
  EXPECT_EQ(rules.required_version(2021), "2021");
  EXPECT_EQ(rules.required_version(2026), "2021");
  EXPECT_EQ(rules.required_version(2027), "2027");
  EXPECT_EQ(rules.labels.format_version_name("2027").zh, "2027年版");
  // The labels of one version decide; on a tie the year does.
  EXPECT_EQ(decide_version(count_signals(match_form("依法查询事项 本年制发件数"), rules), rules, 2024), "2027");
  EXPECT_EQ(decide_version(count_signals(match_form("本年制发件数"), rules), rules, 2024), "2021");
  EXPECT_EQ(decide_version(count_signals(match_form("本年制发件数"), rules), rules, 2030), "2027");
  EXPECT_EQ(decide_version(count_signals(match_form("本年制发件数"), rules), rules, std::nullopt), "unknown");
  EXPECT_EQ(decide_version(count_signals("", rules), rules, 2020), "2019");
}

TEST_F(FormatVersions, TwoSchemasForOneVersionOrYearAreRefused) {
  write(dir_ / "rules" / "schema-2027b.toml", test::read_file((dir_ / "rules" / "schema-2027.toml").string()));
  std::string out;
  EXPECT_EQ(test::run(test::binary() + " --rules '" + (dir_ / "rules").string() + "' rules 2>&1", &out), 2);
  EXPECT_NE(out.find("schema-2027b.toml: version \"2027\" is also that of"), std::string::npos) << out;
}

}  // namespace
}  // namespace nianbao
