// Cutting flattened digit runs (平潭 portal dumps) back into cells with the table's sums.
#include <gtest/gtest.h>

#include "extract/tables/digit_split.h"

using namespace nianbao;

namespace {
// An application-table row: six applicant columns and their 总计.
SplitRow app_row() {
  SplitRow r;
  r.columns.assign(7, SplitColumn{});
  r.sums.push_back({{6}, {0, 1, 2, 3, 4, 5}});
  return r;
}
SplitRow review_group() {
  SplitRow r;
  r.columns.assign(5, SplitColumn{});
  r.sums.push_back({{4}, {0, 1, 2, 3}});
  return r;
}
using Cut = std::vector<std::string>;
}  // namespace

TEST(DigitSplit, RowTotalMakesTheCutUnique) {
  // 平潭 2019 "230 000023" with its stray space removed.
  auto cuts = split_run("230000023", {app_row()});
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0], (Cut{"23", "0", "0", "0", "0", "0", "23"}));
  // 平潭 2021 一、本年新收 "640020470".
  cuts = split_run("640020470", {app_row()});
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0], (Cut{"64", "0", "0", "2", "0", "4", "70"}));
}

TEST(DigitSplit, NoLeadingZeros) {
  EXPECT_EQ(split_run("0000000", {app_row()}).size(), 1u);
  EXPECT_TRUE(split_run("01", {SplitRow{{SplitColumn{}}, {}}}).empty());
}

TEST(DigitSplit, ThreeReviewGroups) {
  // 平潭 2024 part 4: the only cut where every group's 总计 is the sum of its four results.
  auto cuts = split_run("21317000001324019", {review_group(), review_group(), review_group()});
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0], (Cut{"2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0",
                          "19"}));
}

TEST(DigitSplit, AmbiguousCellsAreNotAgreed) {
  auto cuts = split_run("110000011", {app_row()});
  ASSERT_EQ(cuts.size(), 2u);  // 11,0,…,11 and 1,10,0,…,11
  auto agreed = agreed_cells(cuts);
  EXPECT_FALSE(agreed[0]);
  EXPECT_FALSE(agreed[1]);
  EXPECT_EQ(agreed[2], "0");
  EXPECT_EQ(agreed[6], "11");
}

TEST(DigitSplit, SignedChangeColumn) {
  // 平潭 2020 行政处罚 "2648-18538": 上一年项目数量 | 本年增/减 | 处理决定数量.
  SplitRow r;
  r.columns = {SplitColumn{}, SplitColumn{true, false}, SplitColumn{}};
  auto agreed = agreed_cells(split_run("2648-18538", {r}));
  ASSERT_EQ(agreed.size(), 3u);
  EXPECT_EQ(agreed[0], "2648");
  EXPECT_FALSE(agreed[1]);
  EXPECT_FALSE(agreed[2]);
  // 行政事业性收费 "35-15": 上一年项目数量 | 本年增/减.
  r.columns = {SplitColumn{}, SplitColumn{true, false}};
  auto cuts = split_run("35-15", {r});
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0], (Cut{"35", "-15"}));
}

TEST(DigitSplit, DecimalAmount) {
  SplitRow r;
  r.columns = {SplitColumn{}, SplitColumn{false, true}};
  auto cuts = split_run("12.5", {r});
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0], (Cut{"1", "2.5"}));
  EXPECT_GT(split_run("13575394432.52", {r}).size(), 1u);  // 平潭 2019 采购: not decidable
}

TEST(DigitSplit, ACraftedRunIsGivenUpNotSearchedForMinutes) {
  // Twenty rows of fives: no sum prunes before each row's end, and there are astronomically many
  // ways to cut them. The search stops and says nothing rather than take minutes or guess.
  std::vector<SplitRow> rows(20, app_row());
  EXPECT_TRUE(split_run(std::string(300, '5'), rows).empty());
  // Forty cells without sums over sixty digits: cuts abound (the first is found at once), but
  // asked for more of them than its step bound allows, the search gives up and returns none:
  // a cut is only trusted when the whole search was made, however long a machine would take.
  SplitRow unsummed;
  unsummed.columns.assign(2, SplitColumn{});
  const std::vector<SplitRow> free_rows(20, unsummed);
  const std::string ones(60, '1');
  EXPECT_EQ(split_run(ones, free_rows, 1).size(), 1u);
  EXPECT_TRUE(split_run(ones, free_rows, 1'000'000).empty());
}
