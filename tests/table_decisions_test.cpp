// What both table rebuilders (text and PDF positions) decide alike: the format the tables are
// read in, whether a table built is one, which tables a report keeps, and the cell a value that
// cannot be placed gives.
#include <gtest/gtest.h>

#include "extract/rules/schema.h"
#include "extract/tables/table_cells.h"
#include "extract/tables/table_decisions.h"
#include "table_builder.h"
#include "test_paths.h"

using namespace nianbao;

namespace {

// Only the first `found` rows of `t` are found.
Table with_rows_found(Table t, size_t found) {
  for (size_t i = 0; i < t.rows.size(); ++i) t.rows[i].found = i < found;
  return t;
}

TableExtraction extraction(std::vector<Table> tables, const std::string& version) {
  TableExtraction x;
  x.format_version = version;
  for (auto& t : tables) x.tables[t.key] = std::move(t);
  return x;
}

std::vector<std::string> keys(const TableExtraction& x) {
  std::vector<std::string> out;
  for (const auto& [k, t] : x.tables) out.push_back(k);
  return out;
}

using Keys = std::vector<std::string>;

}  // namespace

TEST(TableFormat, LabelsOfOneVersionDecideIt) {
  TableFormat f = table_format(test::rules(), match_form("本年新制作数量 本年新公开数量 对外公开总数量"), 2023);
  EXPECT_EQ(f.version, "2019");
  ASSERT_NE(f.schema, nullptr);
  EXPECT_EQ(f.schema->version, "2019");
  ASSERT_EQ(f.others.size(), 1u);
  EXPECT_EQ(f.others.front()->version, "2021");
  EXPECT_EQ(table_format(test::rules(), match_form("本年制发件数 现行有效件数"), 2020).version, "2021");
}

TEST(TableFormat, WithoutLabelsTheYearDecides) {
  EXPECT_EQ(table_format(test::rules(), "", 2020).version, "2019");
  EXPECT_EQ(table_format(test::rules(), "", 2020).schema->version, "2019");
  EXPECT_EQ(table_format(test::rules(), "", 2024).version, "2021");
  // No label and no year: the tables are still read, with the current format.
  TableFormat f = table_format(test::rules(), "", std::nullopt);
  EXPECT_EQ(f.version, "unknown");
  ASSERT_NE(f.schema, nullptr);
  EXPECT_EQ(f.schema->version, "2021");
}

TEST(TableFormat, ReportBefore2019WithoutLabelsHasNoTables) {
  TableFormat f = table_format(test::rules(), match_form("主动公开政府信息 条"), 2017);
  EXPECT_EQ(f.version, "unknown");
  EXPECT_EQ(f.schema, nullptr);
  // An early adopter printing the new labels is read in them.
  EXPECT_EQ(table_format(test::rules(), match_form("本年制发件数 本年废止件数"), 2018).version, "2021");
}

TEST(IsTable, AFewApplicationLabelsInProseAreNotPartThree) {
  const SchemaTable& apps = *(*test::rules().schema("2021")).table("applications");
  const SchemaTable& proactive = *(*test::rules().schema("2021")).table("proactive");
  EXPECT_FALSE(is_table(apps, with_rows_found(test::applications("2021"), 4)));
  EXPECT_TRUE(is_table(apps, with_rows_found(test::applications("2021"), 5)));
  EXPECT_TRUE(is_table(proactive, with_rows_found(test::proactive("2021"), 1)));
  EXPECT_FALSE(is_table(proactive, with_rows_found(test::proactive("2021"), 0)));
  EXPECT_EQ(rows_found(with_rows_found(test::proactive("2021"), 3)), 3);
}

TEST(SettleTables, WithPartThreeEveryTableFoundStays) {
  auto x = extraction({test::applications("2021"), with_rows_found(test::proactive("2021"), 1),
                       test::reviews()},
                      "2021");
  settle_tables(x, test::rules(), 2023);
  EXPECT_EQ(keys(x), (Keys{"applications", "proactive", "reviews"}));
  EXPECT_EQ(x.format_version, "2021");
}

TEST(SettleTables, From2019TheOtherTablesStayWhenPartThreeIsMissing) {
  // Part 3 published as a picture: parts 2 and 4 are still the format's tables, whether read
  // from text or from a PDF's positions.
  auto x = extraction({test::proactive("2021"), test::reviews()}, "2021");
  settle_tables(x, test::rules(), 2023);
  EXPECT_EQ(keys(x), (Keys{"proactive", "reviews"}));
  EXPECT_EQ(x.format_version, "2021");
}

TEST(SettleTables, WithoutPartThreeASparseTableIsProse) {
  Table sparse = test::proactive("2021");
  sparse = with_rows_found(sparse, sparse.rows.size() / 2 - 1);
  auto x = extraction({sparse, test::reviews()}, "2021");
  settle_tables(x, test::rules(), 2022);
  EXPECT_EQ(keys(x), (Keys{"reviews"}));
  EXPECT_EQ(x.format_version, "2021");

  auto only_sparse = extraction({sparse}, "2021");
  settle_tables(only_sparse, test::rules(), 2022);
  EXPECT_TRUE(only_sparse.tables.empty());
  EXPECT_EQ(only_sparse.format_version, "unknown");
}

TEST(SettleTables, WithoutPartThreeAReportNotKnownToBeOf2019OnHasNoTables) {
  for (std::optional<int> year : {std::optional<int>(2018), std::optional<int>()}) {
    auto x = extraction({test::proactive("2021"), test::reviews()}, "2021");
    settle_tables(x, test::rules(), year);
    EXPECT_TRUE(x.tables.empty());
    EXPECT_EQ(x.format_version, "unknown");
  }
}

TEST(PlacedCell, ValuesThatCannotBePlacedMakeTheCellUnreadable) {
  const SchemaColumn& col = *(*test::rules().schema("2021")).table("applications")->column("total");
  Location loc{4, 12};
  Cell read = placed_cell(std::string("17"), col, loc, true);
  EXPECT_EQ(read.state, CellState::Value);
  EXPECT_EQ(read.value, 17);
  EXPECT_EQ(read.loc.line, 12);
  Cell unplaced = placed_cell(std::nullopt, col, loc, true);
  EXPECT_EQ(unplaced.state, CellState::Unreadable);
  EXPECT_FALSE(unplaced.value);
  EXPECT_EQ(unplaced.loc.page, 4);
  EXPECT_EQ(placed_cell(std::nullopt, col, loc, false).state, CellState::Empty);
}

TEST(SchemaApplicants, PartThreeApplicantColumnsComeFromTheSchema) {
  for (const char* version : {"2019", "2021"}) {
    const SchemaTable& apps = *(*test::rules().schema(version)).table("applications");
    EXPECT_EQ(apps.applicant_columns(), (Keys{"natural_person", "commercial", "research",
                                              "social_org", "legal_service", "other_org"}));
    EXPECT_EQ(apps.applicant_columns("organisation"),
              (Keys{"commercial", "research", "social_org", "legal_service", "other_org"}));
    EXPECT_TRUE((*test::rules().schema(version)).table("reviews")->applicant_columns().empty());
  }
}
