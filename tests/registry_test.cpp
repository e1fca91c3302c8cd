// The check registry held to the rule catalog (rules/checks.toml) and to the samples:
// every rule id a check declares has its catalog entry, every catalog entry is triggered by a
// sample, and every rule id a sample triggers is declared by a check. The ids a sample triggers
// are read from what the program prints: `nianbao check --format json` over every report under
// samples/, and `nianbao batch` over samples/archive for the checks across reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/batch/cross.h"
#include "test_paths.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using batch::cross_checks;
using batch::cross_rules;
using batch::program_rules;

// Catalog entries no input can trigger, each with the reason. An entry leaves this list when a
// sample triggers it (the test below fails until then).
const std::map<std::string, std::string> kUnreachable = {
    {"applications.row_total.org_subtotal",
     "the tables are rebuilt with the columns of the format only, so a report's own "
     "法人或其他组织小计 column is never read as a column of its own"},
};

// Every report under samples/ (the expected outputs and the generator beside them are not).
std::vector<std::string> sample_reports() {
  std::vector<std::string> out;
  const fs::path root = test::source_path("samples");
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".docx" || ext == ".pdf")
      out.push_back("samples/" + fs::relative(e.path(), root).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Each line of a command's output, parsed.
std::vector<json> json_lines(const std::string& command) {
  std::string out;
  test::run("cd " + test::source_path("") + " && " + command + " 2>/dev/null", &out);
  std::vector<json> lines;
  size_t at = 0;
  for (size_t nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1)
    if (nl > at) lines.push_back(json::parse(out.substr(at, nl - at)));
  return lines;
}

// Rule id -> the samples that trigger it: findings and verified statements (whose catalog entry
// is verified_rule(rule)) of every report, and the cross-report findings of the archive.
std::map<std::string, std::set<std::string>> triggered() {
  std::map<std::string, std::set<std::string>> ids;
  std::string files;
  for (const auto& f : sample_reports()) files += " " + f;
  const auto reports = json_lines(test::binary() + " check --format json" + files);
  EXPECT_EQ(reports.size(), sample_reports().size());
  for (const json& r : reports) {
    EXPECT_EQ(r.value("status", ""), "ok") << r.dump();
    for (const json& f : r.value("findings", json::array())) ids[f["rule"]].insert(r["file"]);
    for (const json& v : r.value("verified", json::array()))
      ids[verified_rule(v["rule"])].insert(r["file"]);
  }
  const auto batch = json_lines(test::binary() + " batch samples/archive");
  EXPECT_FALSE(batch.empty());
  if (!batch.empty()) {
    EXPECT_EQ(batch.back().value("kind", ""), "archive");
    for (const json& f : batch.back().value("findings", json::array())) ids[f["rule"]].insert(f["file"]);
  }
  return ids;
}

const std::map<std::string, std::set<std::string>>& triggered_once() {
  static const auto ids = triggered();
  return ids;
}

std::vector<std::string> catalog_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo& r : test::rules().catalog.rules()) ids.push_back(r.id);
  return ids;
}

TEST(Registry, EveryDeclaredRuleHasItsOwnCatalogEntry) {
  const auto declared = program_rules(test::rules());
  ASSERT_GT(declared.size(), 30u);
  for (const auto& id : declared) {
    const RuleInfo* entry = test::rules().catalog.find(id);
    ASSERT_NE(entry, nullptr) << id << " is declared by a check but has no entry in rules/checks.toml";
    EXPECT_EQ(entry->id, id) << id << " is worded only by the entry of its parent " << entry->id;
  }
}

TEST(Registry, CrossReportRulesAreDeclaredToo) {
  const auto all = program_rules(test::rules());
  const auto checks = reported_rules(test::rules());
  for (const auto& id : cross_rules()) {
    EXPECT_EQ(id.rfind("archive.", 0), 0u) << id;
    EXPECT_TRUE(std::binary_search(all.begin(), all.end(), id)) << id;
    EXPECT_FALSE(std::binary_search(checks.begin(), checks.end(), id)) << id << " is declared twice";
  }
  EXPECT_EQ(cross_checks().size(), 7u);
}

TEST(Registry, EveryCatalogEntryIsTriggeredBySomeSample) {
  const auto& ids = triggered_once();
  // The entry a triggered id is worded by: itself, or its longest parent with an entry.
  std::set<std::string> covered;
  for (const auto& [id, files] : ids)
    if (const RuleInfo* entry = test::rules().catalog.find(id)) covered.insert(entry->id);
  for (const auto& id : catalog_ids()) {
    if (kUnreachable.count(id)) {
      EXPECT_FALSE(covered.count(id)) << id << " is triggered now: take it off kUnreachable";
      continue;
    }
    EXPECT_TRUE(covered.count(id)) << "no sample triggers " << id
                                   << " (add one to tools/make-samples and regenerate)";
  }
  for (const auto& [id, why] : kUnreachable)
    EXPECT_NE(test::rules().catalog.find(id), nullptr) << id << " is not in the catalog any more";
}

TEST(Registry, EveryRuleASampleTriggersIsDeclaredByACheck) {
  const auto declared = program_rules(test::rules());
  const auto& ids = triggered_once();
  ASSERT_FALSE(ids.empty());
  for (const auto& [id, files] : ids)
    EXPECT_TRUE(std::binary_search(declared.begin(), declared.end(), id))
        << id << " (from " << *files.begin() << ") is declared by no check";
}

}  // namespace
}  // namespace nianbao

namespace nianbao {
namespace {

// The severities of a prose figure against the table are given by the statement that read the
// figure (rules/prose.toml): every kind named must be a statement, and every statement that
// names one figure of the tables beyond doubt makes a difference an error.
TEST(Registry, TableMismatchSeveritiesNameStatements) {
  const Rules& rules = test::rules();
  const RuleInfo* entry = rules.catalog.find("text.table_mismatch");
  ASSERT_NE(entry, nullptr);
  std::set<std::string> statements;
  for (const StatementRule& s : rules.prose.statements) statements.insert(s.id);
  for (const auto& [kind, severity] : entry->severity_when) EXPECT_TRUE(statements.count(kind)) << kind;
  EXPECT_EQ(entry->severity, Severity::Warning);
  for (const char* certain : {"denied", "unavailable", "granted_and_partly", "review", "litigation.upheld"})
    EXPECT_EQ(rules.catalog.severity("text.table_mismatch", certain), Severity::Error) << certain;
  for (const char* uncertain : {"new", "results", "handled"})
    EXPECT_EQ(rules.catalog.severity("text.table_mismatch", uncertain), Severity::Warning) << uncertain;
}

}  // namespace
}  // namespace nianbao
