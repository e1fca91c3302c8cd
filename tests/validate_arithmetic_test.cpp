// The arithmetic relations of rules/relations.toml over hand-built tables.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/model/errors.h"
#include "table_builder.h"
#include "test_paths.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

using test::applications;
using test::reviews;
using test::set;


Report report_with(const std::string& version) {
  Report r;
  r.meta.format_version = version;
  r.meta.year = version == "2019" ? 2020 : 2022;
  r.tables["applications"] = applications(version);
  r.tables["reviews"] = reviews();
  return r;
}

class ArithmeticTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new Rules(Rules::load(test::source_path("rules"))); }
  static void TearDownTestSuite() { delete rules_; }

  std::vector<Finding> run(const Report& r) {
    std::vector<Finding> out;
    checks::arithmetic(r, *rules_, out);
    return out;
  }
  std::vector<Finding> only(const std::vector<Finding>& all, const std::string& rule) {
    std::vector<Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const Finding& f) { return f.rule == rule; });
    return out;
  }
  std::string zh(const Finding& f) { return rules_->catalog.format_message(f, Lang::Zh); }
  std::string en(const Finding& f) { return rules_->catalog.format_message(f, Lang::En); }
  static Rules* rules_;
};
Rules* ArithmeticTest::rules_ = nullptr;

TEST_F(ArithmeticTest, AllZeroTablesHoldInBothVersions) {
  EXPECT_TRUE(run(report_with("2019")).empty());
  EXPECT_TRUE(run(report_with("2021")).empty());
}

TEST_F(ArithmeticTest, BalanceBrokenInOneColumn) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  set(t, "new", "natural_person", 12);
  set(t, "new", "total", 12);
  for (const char* row : {"granted", "results_total"}) {
    set(t, row, "natural_person", 11);
    set(t, row, "total", 11);
  }
  auto found = run(r);
  ASSERT_EQ(found.size(), 2u);  // natural_person and total, nothing else
  const Finding& f = found[1];
  EXPECT_EQ(f.rule, "applications.balance");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.table, "applications");
  EXPECT_EQ(f.row, "carried_forward");
  EXPECT_EQ(f.column, "total");
  EXPECT_EQ(f.expected, 1);
  EXPECT_EQ(f.actual, 0);
  EXPECT_EQ(f.loc, (Location{4, 12 + 25 - 1}));  // the carried_forward row, last of 25
  EXPECT_EQ(zh(f), "“总计”列：一+二 = 12，三(七)+四 = 11，相差 1");
  EXPECT_EQ(en(f),
            "column \"total\": new+carried over = 12, results total+carried forward = 11, "
            "difference 1");
  EXPECT_EQ(found[0].column, "natural_person");
  EXPECT_EQ(zh(found[0]), "“自然人”列：一+二 = 12，三(七)+四 = 11，相差 1");
}

TEST_F(ArithmeticTest, ResultsTotalCountsTheOtherRowsOfEachVersion) {
  for (const std::string version : {"2019", "2021"}) {
    Report r = report_with(version);
    Table& t = r.tables["applications"];
    const std::string row = version == "2019" ? "other" : "other.misc";
    set(t, row, "natural_person", 5);
    set(t, row, "total", 5);
    auto found = only(run(r), "applications.results_total");
    ASSERT_EQ(found.size(), 2u) << version;
    const Finding& f = found[0];
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(f.row, "results_total");
    EXPECT_EQ(f.column, "natural_person");
    EXPECT_EQ(f.expected, 5);
    EXPECT_EQ(f.actual, 0);
    int results_line = version == "2019" ? 12 + 21 : 12 + 23;
    EXPECT_EQ(f.loc, (Location{4, results_line})) << version;
    EXPECT_EQ(zh(f), "“自然人”列：(七)总计 = 0，(一)至(六)之和 = 5，相差 5");
  }
}

TEST_F(ArithmeticTest, RowTotal) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  for (const char* row : {"new", "granted", "results_total"}) {
    set(t, row, "natural_person", 4);
    set(t, row, "total", 5);
  }
  auto all = run(r);
  auto found = only(all, "applications.row_total");
  EXPECT_EQ(found.size(), all.size());  // columns still balance
  ASSERT_EQ(found.size(), 3u);
  const Finding& f = found[0];
  EXPECT_EQ(f.row, "new");
  EXPECT_EQ(f.column, "total");
  EXPECT_EQ(f.expected, 4);
  EXPECT_EQ(f.actual, 5);
  EXPECT_EQ(f.loc, (Location{4, 12}));
  EXPECT_EQ(zh(f), "“一、本年新收政府信息公开申请数量”行：总计 = 5，各申请人之和 = 4，相差 1");
  EXPECT_EQ(en(f), "row \"new applications\": total = 5, sum of applicants = 4, difference 1");
}

TEST_F(ArithmeticTest, MissingCellIsNotEvaluated) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  set(t, "new", "natural_person", 3);  // would break balance and row_total ...
  Cell& c = t.row("new")->cells.at("total");
  c.value.reset();  // ... but the total is blank
  c.state = CellState::Empty;
  c.text.clear();
  auto found = run(r);
  // Only the natural_person column is judged: total column and the row are not.
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "applications.balance");
  EXPECT_EQ(found[0].column, "natural_person");
  auto all = validate(r, *rules_);
  EXPECT_EQ(only(all, "table.missing_cell").size(), 1u);
}

TEST_F(ArithmeticTest, AbsentRowSkipsItsRelations) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  set(t, "granted", "natural_person", 1);
  set(t, "granted", "total", 1);
  EXPECT_EQ(only(run(r), "applications.results_total").size(), 2u);
  TableRow* misc = t.row("other.misc");
  misc->found = false;
  misc->cells.clear();
  EXPECT_TRUE(run(r).empty());
  auto all = validate(r, *rules_);
  auto missing = only(all, "table.missing_row");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].row, "other.misc");
}

TEST_F(ArithmeticTest, ReviewsTotalPerGroup) {
  Report r = report_with("2021");
  Table& t = r.tables["reviews"];
  set(t, "litigation_direct", "upheld", 1);
  set(t, "litigation_direct", "corrected", 1);
  set(t, "litigation_direct", "total", 3);
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "reviews.total");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.table, "reviews");
  EXPECT_EQ(f.row, "litigation_direct");
  EXPECT_EQ(f.column, "total");
  EXPECT_EQ(f.expected, 2);
  EXPECT_EQ(f.actual, 3);
  EXPECT_EQ(f.loc, (Location{5, 7}));
  EXPECT_EQ(zh(f),
            "“行政诉讼（未经复议直接起诉）”行：总计 = 3，维持+纠正+其他+尚未审结 = 2，相差 1");
}

TEST_F(ArithmeticTest, OrganisationSubtotalWhenPresent) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  t.columns.insert(t.columns.end() - 1, "org_subtotal");
  for (TableRow& row : t.rows) {
    Cell c;
    c.value = 0;
    c.state = CellState::Value;
    c.loc = row.loc;
    row.cells["org_subtotal"] = c;
  }
  set(t, "carried_over", "org_subtotal", 2);
  set(t, "carried_forward", "org_subtotal", 2);
  auto found = run(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "applications.row_total.org_subtotal");
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].row, "carried_over");
  EXPECT_EQ(zh(found[0]),
            "“二、上年结转政府信息公开申请数量”行：法人或其他组织小计 = 2，"
            "各类法人或其他组织之和 = 0，相差 2");
}

TEST_F(ArithmeticTest, DecimalsAreShownAsPrinted) {
  EXPECT_EQ(checks::format_number(12), "12");
  EXPECT_EQ(checks::format_number(-3), "-3");
  EXPECT_EQ(checks::format_number(0.25), "0.25");
  EXPECT_EQ(checks::format_number(25.1), "25.1");
}

TEST_F(ArithmeticTest, RelationsFileFormat) {
  Relations rel = Relations::parse(
      "[[relation]]\nid = \"x.sum\"\ntable = \"t\"\nper = \"row\"\nleft = [\"a\"]\n"
      "right = [\"b.*\"]\nleft_label = { zh = \"甲\", en = \"a\" }\n"
      "right_label = { zh = \"乙\", en = \"b\" }\ntolerance = 0.01\n",
      "r.toml");
  ASSERT_EQ(rel.all().size(), 1u);
  EXPECT_EQ(rel.all()[0].check, "a");
  EXPECT_EQ(rel.all()[0].per, Relation::Per::Row);
  EXPECT_DOUBLE_EQ(rel.all()[0].tolerance, 0.01);
  try {
    Relations::parse("[[relation]]\nid = \"x\"\ntable = \"t\"\nper = \"column\"\n"
                     "left = [\"a\", \"b\"]\nright = [\"c\"]\n"
                     "left_label = { zh = \"甲\", en = \"a\" }\n"
                     "right_label = { zh = \"乙\", en = \"b\" }\n",
                     "r.toml");
    FAIL() << "no error";
  } catch (const RulesError& e) {
    EXPECT_EQ(std::string(e.what()),
              "r.toml:1: relation 'x': field 'check' is required when 'left' is not a single key");
  }
  EXPECT_TRUE(glob_match("denied.*", "denied.state_secret"));
  EXPECT_FALSE(glob_match("denied.*", "denied"));
  EXPECT_FALSE(glob_match("other.*", "other"));
  EXPECT_TRUE(glob_match("other", "other"));
  EXPECT_TRUE(glob_match("*.total", "review.total"));
}

}  // namespace
}  // namespace nianbao
