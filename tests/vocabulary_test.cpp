// The vocabulary every reader shares (extract/normalize/vocabulary.h) and the one decision on a
// row of another format version (extract/tables/stand_in_rows.h): written once, so a text,
// HTML, Word and PDF copy of one table read alike (tests/html_renderings_test.cpp checks the
// readers end to end).
#include <gtest/gtest.h>

#include "extract/normalize/vocabulary.h"
#include "extract/rules/rules.h"
#include "extract/tables/stand_in_rows.h"
#include "test_paths.h"

using namespace nianbao;

TEST(Vocabulary, PlaceholdersOfEveryKind) {
  for (const char* p : {"/", "\\", "无", "-", "--", "—", "———", "－", " / ", "\u3000———\u3000", "–"})
    EXPECT_TRUE(is_placeholder(p)) << p;
  for (const char* p : {"", "0", "-1", "1-", "无法", "/3", "不详", "N/A"}) EXPECT_FALSE(is_placeholder(p)) << p;
}

TEST(Vocabulary, TrimTakesChineseAndWebSpaces) {
  EXPECT_EQ(trim("\u3000\u300012 \t"), "12");
  EXPECT_EQ(trim("\u00a0无\u00a0"), "无");
  EXPECT_EQ(trim("\xEF\xBB\xBF标题"), "标题");
  EXPECT_EQ(trim_right("  正文\u3000"), "  正文");
  EXPECT_EQ(trim(" \u3000 "), "");
}

TEST(Vocabulary, ItemNumbers) {
  EXPECT_EQ(item_number_length("1.属于国家秘密"), 2u);
  EXPECT_EQ(item_number_length("(一)予以公开"), std::string("(一)").size());
  EXPECT_EQ(item_number_length("一、本年新收"), std::string("一、").size());
  EXPECT_EQ(item_number_length("12.5"), 0u);
  EXPECT_EQ(item_number_length("其他"), 0u);
}

namespace {

const SchemaTable& applications(const Rules& rules, const char* version) {
  return *rules.schema(version)->table("applications");
}

TableRow row(const std::string& key, bool found, bool printed) {
  TableRow r;
  r.key = key;
  r.found = found;
  if (printed) r.cells["total"].state = CellState::Value;
  return r;
}

std::vector<std::string> keys(const Table& t) {
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(r.key);
  return out;
}

// The 2021 applications rows, each not found, with `extra` appended.
Table table_2021(const SchemaTable& st, std::vector<TableRow> extra) {
  Table t;
  t.key = st.key;
  for (const auto& r : st.rows) t.rows.push_back(row(r.key, false, false));
  for (auto& r : extra) t.rows.push_back(std::move(r));
  return t;
}

}  // namespace

TEST(StandInRows, The2019OtherRowStandsForThe2021Group) {
  const Rules& rules = test::rules();
  const SchemaTable& st = applications(rules, "2021");
  std::vector<const Schema*> others{rules.schema("2019")};
  const SchemaRow* s = stand_in_row(st, others, "other");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->label, "（六）其他处理");
  EXPECT_EQ(stand_in_row(st, others, "granted"), nullptr);         // a row of this version
  EXPECT_EQ(stand_in_row(st, others, "other.misc"), nullptr);      // not a row of the other
  // The other way round nothing stands in: 2019 has no group a 2021 row names.
  EXPECT_EQ(stand_in_row(applications(rules, "2019"), {rules.schema("2021")}, "other.misc"), nullptr);

  // Looked for just before the rows it stands for.
  SchemaTable with = with_stand_ins(st, others);
  ASSERT_EQ(with.rows.size(), st.rows.size() + 1);
  int at = with.row_index("other");
  ASSERT_GE(at, 0);
  EXPECT_EQ(with.rows[static_cast<size_t>(at) + 1].key, "other.no_correction");
}

TEST(StandInRows, PrintedInPlaceOfItsGroupItTakesTheGroupsPlace) {
  const Rules& rules = test::rules();
  const SchemaTable& st = applications(rules, "2021");
  std::vector<const Schema*> others{rules.schema("2019")};
  Table t = table_2021(st, {row("other", true, true)});
  EXPECT_TRUE(stand_in_wanted(t, st, others));
  settle_stand_ins(t, st, others);
  EXPECT_TRUE(has_stand_in(t, st));
  std::vector<std::string> k = keys(t);
  EXPECT_EQ(std::count(k.begin(), k.end(), "other.misc"), 0);
  auto other = std::find(k.begin(), k.end(), "other");
  ASSERT_NE(other, k.end());
  EXPECT_EQ(*(other - 1), "rejected.confirmation");
  EXPECT_EQ(*(other + 1), "results_total");
  EXPECT_EQ(k.size(), st.rows.size() - 2);
}

TEST(StandInRows, DroppedWhenItsGroupIsPrintedOrItHoldsNothing) {
  const Rules& rules = test::rules();
  const SchemaTable& st = applications(rules, "2021");
  std::vector<const Schema*> others{rules.schema("2019")};
  // The group's heading over its own rows: the rows stay, the heading is not a row.
  Table t = table_2021(st, {row("other", true, true)});
  for (auto& r : t.rows)
    if (r.key == "other.misc") r.found = true;
  EXPECT_FALSE(stand_in_wanted(t, st, others));
  settle_stand_ins(t, st, others);
  EXPECT_FALSE(has_stand_in(t, st));
  EXPECT_EQ(t.rows.size(), st.rows.size());
  // Printed with nothing in it.
  Table blank = table_2021(st, {row("other", true, false)});
  settle_stand_ins(blank, st, others);
  EXPECT_EQ(keys(blank).size(), st.rows.size());
  // A row of another version that stands for nothing here.
  Table stray = table_2021(st, {row("denied.other_law", true, true)});
  settle_stand_ins(stray, st, others);
  EXPECT_FALSE(has_stand_in(stray, st));
}
