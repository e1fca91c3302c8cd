// The rule catalog (rules/checks.toml), its message templates and its errors; loading of the
// other rules files.
#include <gtest/gtest.h>

#include <functional>

#include "extract/model/errors.h"
#include "test_paths.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

const char* kOneRule =
    "[[rule]]\n"
    "id = \"a.b\"\n"
    "severity = \"warning\"\n"
    "severity_when = { placeholder = \"info\" }\n"
    "params = { limit = \"01-31\" }\n"
    "message_zh = \"{where}：{lhs} ≠ {rhs}，{{注}}\"\n"
    "message_en = \"{where}: {lhs} != {rhs} {unknown}\"\n"
    "doc_zh = \"说明\"\n"
    "doc_en = \"doc\"\n";

TEST(Catalog, ParsesOneRule) {
  Catalog c = Catalog::parse(kOneRule, "x.toml");
  ASSERT_EQ(c.rules().size(), 1u);
  const RuleInfo& r = c.rules()[0];
  EXPECT_EQ(r.id, "a.b");
  EXPECT_EQ(r.severity, Severity::Warning);
  EXPECT_EQ(r.severity_for("placeholder"), Severity::Info);
  EXPECT_EQ(r.severity_for("empty"), Severity::Warning);
  EXPECT_EQ(r.param("limit"), "01-31");
  EXPECT_EQ(r.param("none", "x"), "x");
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(c.severity("a.b.c", "placeholder"), Severity::Info);
  EXPECT_EQ(c.severity("z"), Severity::Error);
}

TEST(Catalog, SuffixFallback) {
  Catalog c = Catalog::parse(kOneRule, "x.toml");
  EXPECT_EQ(c.find("a.b"), &c.rules()[0]);
  EXPECT_EQ(c.find("a.b.visitors"), &c.rules()[0]);
  EXPECT_EQ(c.find("a.b.visitors.more"), &c.rules()[0]);
  EXPECT_EQ(c.find("a"), nullptr);
  EXPECT_EQ(c.find("a.bc"), nullptr);
  EXPECT_EQ(c.find(""), nullptr);
}

TEST(Catalog, FormatsMessagesPerLanguage) {
  Catalog c = Catalog::parse(kOneRule, "x.toml");
  Finding f;
  f.rule = "a.b.sub";
  f.args = {{"where_zh", "“总计”列"}, {"where_en", "column \"total\""}, {"where", "plain"},
            {"lhs", "12"}, {"rhs", "11"}};
  EXPECT_EQ(c.format_message(f, Lang::Zh), "“总计”列：12 ≠ 11，{注}");
  EXPECT_EQ(c.format_message(f, Lang::En), "column \"total\": 12 != 11 {unknown}");
  f.args.erase("where_en");
  EXPECT_EQ(c.format_message(f, Lang::En), "plain: 12 != 11 {unknown}");
  f.rule = "other";
  EXPECT_EQ(c.format_message(f, Lang::Zh),
            "other lhs=12 rhs=11 where=plain where_zh=“总计”列");
}

TEST(Catalog, MalformedTomlNamesFileAndLine) {
  EXPECT_EQ(test::rules_error_of([] { Catalog::parse("[[rule]]\nid = \"a\"\nseverity = \n", "x.toml"); })
                .rfind("x.toml:3: ", 0),
            0u);
}

TEST(Catalog, MissingFieldNamesFileAndEntry) {
  std::string text = kOneRule;
  text.erase(text.find("message_en"), text.find("doc_zh") - text.find("message_en"));
  EXPECT_EQ(test::rules_error_of([&] { Catalog::parse(text, "x.toml"); }),
            "x.toml:1: rule 'a.b': missing required field 'message_en'");
  EXPECT_EQ(test::rules_error_of([] { Catalog::parse("[[rule]]\nseverity = \"error\"\n", "x.toml"); }),
            "x.toml:1: rule entry 1: missing required field 'id'");
  std::string bad = kOneRule;
  bad.replace(bad.find("\"warning\""), 9, "\"fatal\"");
  EXPECT_EQ(test::rules_error_of([&] { Catalog::parse(bad, "x.toml"); }),
            "x.toml:1: rule 'a.b': field 'severity' must be error, warning or info, not 'fatal'");
  std::string twice = std::string(kOneRule) + kOneRule;
  EXPECT_EQ(test::rules_error_of([&] { Catalog::parse(twice, "x.toml"); }),
            "x.toml:10: rule 'a.b': duplicate rule id");
  EXPECT_EQ(test::rules_error_of([] { Catalog::load("/nonexistent/checks.toml"); }),
            "/nonexistent/checks.toml: cannot be read");
}

TEST(Catalog, ShippedFileCoversEveryRuleFamily) {
  Catalog c = Catalog::load(test::source_path("rules/checks.toml"));
  for (const char* id :
       {"applications.balance", "applications.row_total", "applications.results_total",
        "reviews.total", "table.missing_cell", "table.missing_row", "table.invalid_value",
        "text.table_mismatch", "text.sum_mismatch", "text.double_count", "meta.year_mismatch",
        "meta.late", "structure.missing_section", "structure.order",
        "structure.format_version", "structure.empty_section", "text.unfilled_blank",
        "archive.carry_over", "archive.copied", "archive.in_force", "archive.duplicate",
        "archive.missing_year"}) {
    const RuleInfo* r = c.find(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->id, id);
    EXPECT_FALSE(r->doc_zh.empty() || r->doc_en.empty()) << id;
  }
  EXPECT_EQ(c.find("text.sum_mismatch.visitors")->id, "text.sum_mismatch");
  EXPECT_EQ(c.severity("table.missing_cell", "placeholder"), Severity::Warning);
  EXPECT_EQ(c.severity("table.missing_cell", "empty"), Severity::Warning);
  EXPECT_EQ(c.severity("table.missing_row"), Severity::Error);
  EXPECT_EQ(c.severity("structure.order"), Severity::Warning);
  EXPECT_EQ(c.severity("meta.late"), Severity::Error);
}

TEST(Catalog, RulesLoadFromTheDirectory) {
  Rules r = Rules::load(test::source_path("rules"));
  EXPECT_GE(r.relations.all().size(), 4u);
  EXPECT_EQ(r.labels.row_name("applications", "carried_forward").zh, "四、结转下年度继续办理");
  EXPECT_EQ(r.labels.column_name("applications", "total").zh, "总计");
  EXPECT_EQ(r.labels.row_name("proactive", "normative_docs", "2019").zh, "规范性文件");
  EXPECT_EQ(r.labels.row_name("proactive", "normative_docs", "2021").zh, "行政规范性文件");
  EXPECT_EQ(r.labels.column_kind("proactive", "change"), ValueKind::Signed);
  EXPECT_EQ(r.labels.column_kind("proactive", "amount_wan"), ValueKind::Amount);
  EXPECT_EQ(r.labels.column_kind("applications", "total"), ValueKind::Count);
  EXPECT_EQ(r.labels.row_name("applications", "unknown_key").zh, "unknown_key");
  EXPECT_EQ(r.labels.table("applications")->schema_rows("2021").size(), 25u);
  EXPECT_EQ(r.labels.table("applications")->schema_rows("2019").size(), 23u);
  EXPECT_EQ(r.labels.section_name(5).zh, "五、存在的主要问题及改进情况");
}

TEST(Catalog, RelationWithoutCatalogEntryIsRefused) {
  std::string dir = ::testing::TempDir() + "/nianbao_rules_catalog_test";
  ASSERT_EQ(test::run("rm -rf '" + dir + "' && mkdir -p '" + dir + "' && cp " +
                      test::source_path("rules") + "/*.toml '" + dir + "'"),
            0);
  std::string extra =
      "\n[[relation]]\nid = \"zzz.unknown\"\ntable = \"reviews\"\nper = \"row\"\n"
      "left = [\"total\"]\nright = [\"upheld\"]\nleft_label = { zh = \"a\", en = \"a\" }\n"
      "right_label = { zh = \"b\", en = \"b\" }\n";
  ASSERT_EQ(test::run("printf '%s' '" + extra + "' >> '" + dir + "/relations.toml'"), 0);
  std::string err = test::rules_error_of([&] { Rules::load(dir); });
  EXPECT_NE(err.find("no entry for rule 'zzz.unknown'"), std::string::npos) << err;
  EXPECT_NE(err.find(dir + "/relations.toml:"), std::string::npos) << err;
}

TEST(Catalog, LabelsErrorsNameTheEntry) {
  EXPECT_EQ(test::rules_error_of([] {
              Labels::parse("[format_version]\n\"2019\" = { zh = \"2019年版\" }\n[cell_state]\n",
                            "l.toml");
            }),
            "l.toml:2: format_version.2019: missing required field 'en'");
}

}  // namespace
}  // namespace nianbao
