// table.missing_cell, table.missing_row and table.invalid_value over hand-built tables.
#include <gtest/gtest.h>

#include <map>

#include <algorithm>

#include "table_builder.h"
#include "test_paths.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

using test::applications;
using test::proactive;
using test::value_cell;


Report report_with(const std::string& version) {
  Report r;
  r.meta.format_version = version;
  r.meta.year = version == "2019" ? 2020 : 2022;
  r.tables["applications"] = applications(version);
  r.tables["proactive"] = proactive(version);
  return r;
}

class CellsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new Rules(Rules::load(test::source_path("rules"))); }
  static void TearDownTestSuite() { delete rules_; }
  std::vector<Finding> run(const Report& r) {
    std::vector<Finding> out;
    checks::cells(r, *rules_, out);
    return out;
  }
  std::string zh(const Finding& f) { return rules_->catalog.format_message(f, Lang::Zh); }
  std::string en(const Finding& f) { return rules_->catalog.format_message(f, Lang::En); }
  Cell& cell(Report& r, const std::string& table, const std::string& row,
             const std::string& col) {
    return r.tables[table].row(row)->cells.at(col);
  }
  static Rules* rules_;
};
Rules* CellsTest::rules_ = nullptr;

TEST_F(CellsTest, CompleteTablesHaveNoFinding) {
  EXPECT_TRUE(run(report_with("2019")).empty());
  EXPECT_TRUE(run(report_with("2021")).empty());
}

TEST_F(CellsTest, PlaceholderCell) {
  Report r = report_with("2021");
  Cell& c = cell(r, "applications", "new", "total");
  c.value.reset();
  c.state = CellState::Placeholder;
  c.text = "/";
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "table.missing_cell");
  EXPECT_EQ(f.severity, Severity::Warning);
  EXPECT_EQ(f.table, "applications");
  EXPECT_EQ(f.row, "new");
  EXPECT_EQ(f.column, "total");
  ASSERT_EQ(f.cells.size(), 1u);
  EXPECT_EQ(f.cells[0].text, "/");
  EXPECT_FALSE(f.reading);
  EXPECT_EQ(f.loc, (Location{4, 12}));
  EXPECT_FALSE(f.expected.has_value());
  EXPECT_EQ(zh(f),
            "“收到和处理政府信息公开申请情况”表有 1 个单元格填的不是数字：“一、本年新收政府信息公开申请数量”行"
            "“总计”列（印有“/”）。格式要求填写数字，没有的填 0");
  EXPECT_EQ(en(f),
            "table \"applications received and handled\": 1 cell(s) hold no number: row \"new applications\", "
            "column \"total\" (printed \"/\"). The format asks for a number, 0 when there is none");
}

TEST_F(CellsTest, EmptyAndUnreadableCells) {
  Report r = report_with("2019");
  Cell& blank = cell(r, "applications", "other", "research");
  blank.value.reset();
  blank.state = CellState::Empty;
  blank.text.clear();
  blank.loc = {4, 32};
  Cell& flat = cell(r, "applications", "carried_forward", "natural_person");
  flat.value.reset();
  flat.state = CellState::Unreadable;
  flat.text = "1 2";
  auto found = run(r);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].row, "other");
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(zh(found[0]),
            "“收到和处理政府信息公开申请情况”表有 1 个单元格空白：“（六）其他处理”行“科研机构”列。"
            "格式要求填写数字，没有的填 0");
  // A cell the tool could not read is said once for its table, as a note on the reading: it
  // never asks for a 0.
  EXPECT_EQ(found[1].rule, "table.unreadable");
  EXPECT_EQ(found[1].severity, Severity::Info);
  EXPECT_TRUE(found[1].reading);
  EXPECT_EQ(found[1].table, "applications");
  EXPECT_EQ(found[1].row, "carried_forward");
  EXPECT_EQ(found[1].column, "natural_person");
  EXPECT_EQ(found[1].loc, (Location{4, 34}));
  EXPECT_EQ(zh(found[1]),
            "本工具未能读取“收到和处理政府信息公开申请情况”表的 1 个单元格：“四、结转下年度继续办理”行"
            "“自然人”列（印有“1 2”）。原因：所印数字的位置不能确定它属于哪个单元格，或一个单元格中印有几个数字；"
            "按表内勾稽关系推算，“四、结转下年度继续办理”行“自然人”列应为 0（仅供核对原件，未作为单元格的值）。"
            "这些单元格未经核对，请对照原文查看");
}

// Several cells the tool could not read, in two tables: one finding per table, naming every
// cell by row and how many there are.
TEST_F(CellsTest, UnreadableCellsAreSaidOncePerTable) {
  Report r = report_with("2021");
  for (const char* col : {"natural_person", "commercial", "research", "social_org", "legal_service"}) {
    Cell& c = cell(r, "applications", "granted", col);
    c.value.reset();
    c.state = CellState::Unreadable;
    c.text.clear();
  }
  Cell& p = cell(r, "proactive", "regulations", "issued");
  p.value.reset();
  p.state = CellState::Unreadable;
  p.text = "3125";
  auto found = run(r);
  ASSERT_EQ(found.size(), 2u);
  std::map<std::string, std::string> said;
  for (const auto& f : found) {
    EXPECT_EQ(f.rule, "table.unreadable");
    said[f.table] = zh(f);
  }
  EXPECT_EQ(said["applications"],
            "本工具未能读取“收到和处理政府信息公开申请情况”表的 5 个单元格：“（一）予以公开”行“自然人”“商业企业”"
            "“科研机构”“社会公益组织”“法律服务机构”列。"
            "原因：所印数字的位置不能确定它属于哪个单元格，或一个单元格中印有几个数字；按表内勾稽关系推算，"
            "“（一）予以公开”行“自然人”列应为 0，“（一）予以公开”行“商业企业”列应为 0，“（一）予以公开”行“科研机构”列应为 0，"
            "“（一）予以公开”行“社会公益组织”列应为 0，“（一）予以公开”行“法律服务机构”列应为 0（仅供核对原件，未作为单元格的值）。"
            "这些单元格未经核对，请对照原文查看");
  EXPECT_NE(said["proactive"].find("“规章”行“本年制发件数”列（印有“3125”）"), std::string::npos) << said["proactive"];
}

// A figure OCR was not sure of on a scanned page: said as such, with the value the table's sums
// give it as a help to the reader (the cell stays unread: it is not put in the table). Where the
// sums disagree, or give a value the column cannot hold, nothing is suggested.
TEST_F(CellsTest, UnreadOcrFigureIsSaidWithTheValueTheSumsImply) {
  Report r = report_with("2021");
  r.notes.ocr_pages = {3};
  const double printed = *cell(r, "applications", "new", "natural_person").value;
  Cell& c = cell(r, "applications", "new", "natural_person");
  c.value.reset();
  c.state = CellState::Unreadable;
  c.unrecognised = true;
  c.text = "4?";
  c.loc = {3, 12};
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "table.unreadable");
  EXPECT_EQ(zh(found[0]), "本工具未能读取“收到和处理政府信息公开申请情况”表的 1 个单元格：“一、本年新收政府信息公开申请数量”行"
                          "“自然人”列（印有“4?”）。原因：扫描页的文字识别（OCR）未能确认所印的字符；按表内勾稽关系推算，"
                          "“一、本年新收政府信息公开申请数量”行“自然人”列应为 " + checks::format_number(printed) +
                          "（仅供核对原件，未作为单元格的值）。这些单元格未经核对，请对照原文查看");
  EXPECT_NE(en(found[0]).find("text recognition (OCR) of the scanned page"), std::string::npos) << en(found[0]);
  EXPECT_FALSE(r.tables["applications"].cell("new", "natural_person")->present());
  // The row total printed one more: the column's sum and the row's sum now disagree.
  cell(r, "applications", "new", "total").value = *cell(r, "applications", "new", "total").value + 1;
  found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(zh(found[0]).find("勾稽关系推算"), std::string::npos) << zh(found[0]);
  // Not on a scanned page: bytes that could not be decoded.
  r.notes.ocr_pages.clear();
  found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(zh(found[0]).find("原因：文件中此处的字节不能按其编码读出"), std::string::npos) << zh(found[0]);
}

// The blank cells of a table are one finding that names each: a column blank in every row as
// such, one blank in all rows but one by the row it leaves out, a few cells one by one.
TEST_F(CellsTest, BlankCellsOfATableAreOneFindingNamingEach) {
  Report r = report_with("2021");
  size_t rows = 0;
  for (auto& row : r.tables["applications"].rows) {
    ++rows;
    for (const char* col : {"research", "social_org", "other_org"}) {
      bool blank = std::string(col) == "research" || (std::string(col) == "social_org" && rows <= 2) ||
                   (std::string(col) == "other_org" && row.key != "new");
      if (!blank) continue;
      Cell& c = row.cells.at(col);
      c.value.reset();
      c.state = CellState::Empty;
    }
  }
  ASSERT_EQ(rows, 25u);
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "table.missing_cell");
  EXPECT_EQ(f.table, "applications");
  EXPECT_EQ(f.row, "");
  EXPECT_EQ(f.column, "");
  ASSERT_EQ(f.cells.size(), 25u + 2u + 24u);
  EXPECT_EQ(f.cells[0].row, "new");
  EXPECT_EQ(f.cells[0].column, "research");
  EXPECT_EQ(f.loc, r.tables["applications"].row("new")->cells.at("research").loc);
  EXPECT_EQ(zh(f),
            "“收到和处理政府信息公开申请情况”表有 51 个单元格空白：“科研机构”列各行（25 个）；“社会公益组织”列"
            "“一、本年新收政府信息公开申请数量”“二、上年结转政府信息公开申请数量”行；“其他”列除"
            "“一、本年新收政府信息公开申请数量”行外各行（24 个）。格式要求填写数字，没有的填 0");
  EXPECT_EQ(en(f),
            "table \"applications received and handled\": 51 cell(s) are blank: column \"research institution\", all 25 "
            "rows; column \"public-interest organisation\", rows \"new applications\", \"carried over from last year\"; "
            "column \"other organisation\", all rows but \"new applications\" (24). The format asks for a number, 0 "
            "when there is none");
}

TEST_F(CellsTest, CellAbsentFromAFoundRowIsPlacedAtTheRow) {
  Report r = report_with("2021");
  r.tables["applications"].row("granted")->cells.erase("legal_service");
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "table.missing_cell");
  EXPECT_EQ(found[0].row, "granted");
  EXPECT_EQ(found[0].column, "legal_service");
  EXPECT_EQ(found[0].loc, (Location{4, 14}));
  EXPECT_EQ(zh(found[0]),
            "“收到和处理政府信息公开申请情况”表有 1 个单元格空白：“（一）予以公开”行“法律服务机构”列。"
            "格式要求填写数字，没有的填 0");
}

TEST_F(CellsTest, MissingRows) {
  Report r = report_with("2021");
  Table& t = r.tables["applications"];
  // Absent from the table altogether: placed at the table.
  t.rows.erase(std::find_if(t.rows.begin(), t.rows.end(),
                            [](const TableRow& row) { return row.key == "other.no_fee"; }));
  // Flagged by the table reader: placed at the row, its cells not reported.
  TableRow* misc = t.row("other.misc");
  misc->found = false;
  misc->cells.clear();
  misc->loc = {4, 30};
  auto found = run(r);
  ASSERT_EQ(found.size(), 2u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule, "table.missing_row");
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_EQ(f.table, "applications");
  EXPECT_EQ(f.row, "other.no_fee");
  EXPECT_EQ(f.column, "");
  EXPECT_EQ(f.loc, (Location{4, 10}));
  EXPECT_EQ(zh(f),
            "“收到和处理政府信息公开申请情况”表缺少“（六）其他处理 "
            "2.申请人逾期未按收费通知要求缴纳费用”行");
  EXPECT_EQ(found[1].row, "other.misc");
  EXPECT_EQ(found[1].loc, (Location{4, 30}));
}

TEST_F(CellsTest, SingleOtherRowOfThe2019FormatStandsForItsThreeItems) {
  // A 2021 report printing "（六）其他处理" as one row, as in 2019 (洪泽区 2023/2024): its three
  // items are not missing; the layout is said once, at that row.
  Report r = report_with("2019");
  r.meta.format_version = "2021";
  r.tables.erase("proactive");
  r.tables["applications"].row("other")->label = "（六）其他处理";
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "structure.format_version.row");
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].row, "other");
  EXPECT_EQ(found[0].loc, r.tables["applications"].row("other")->loc);
  EXPECT_EQ(zh(found[0]), "“（六）其他处理”按另一版格式填为一行；2021年版格式要求分项填写");
}

TEST_F(CellsTest, ATableWithoutAnyNumberIsOneFinding) {
  Report r = report_with("2021");
  r.tables.erase("proactive");
  for (auto& row : r.tables["applications"].rows)
    for (auto& [col, c] : row.cells) {
      c.value.reset();
      c.text.clear();
      c.state = CellState::Empty;
    }
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "table.missing_cell");
  EXPECT_EQ(found[0].table, "applications");
  EXPECT_TRUE(found[0].row.empty());
  EXPECT_EQ(found[0].loc, (Location{4, 10}));
  EXPECT_EQ(zh(found[0]),
            "“收到和处理政府信息公开申请情况”表有 175 个单元格空白：全部单元格。格式要求填写数字，没有的填 0");
}

TEST_F(CellsTest, InvalidValues) {
  Report r = report_with("2021");
  cell(r, "applications", "granted", "natural_person") = value_cell(-2, {4, 14});
  cell(r, "applications", "partly_granted", "research") = value_cell(1.5, {4, 15});
  Cell& text = cell(r, "applications", "denied.query", "total");
  text.value.reset();
  text.state = CellState::Invalid;
  text.text = "若干";
  auto found = run(r);
  ASSERT_EQ(found.size(), 3u);
  for (const Finding& f : found) {
    EXPECT_EQ(f.rule, "table.invalid_value");
    EXPECT_EQ(f.severity, Severity::Error);
  }
  EXPECT_EQ(found[0].row, "granted");
  EXPECT_EQ(found[0].actual, -2);
  EXPECT_EQ(found[0].loc, (Location{4, 14}));
  EXPECT_EQ(zh(found[0]), "“（一）予以公开”行“自然人”列的值“-2”是负数");
  EXPECT_EQ(zh(found[1]), "“（二）部分公开”行“科研机构”列的值“1.5”不是整数");
  EXPECT_EQ(en(found[1]),
            "row \"(2) partly granted\", column \"research institution\": the value \"1.5\" is "
            "not a whole number");
  EXPECT_EQ(zh(found[2]), "“（三）不予公开 8.属于行政查询事项”行“总计”列的值“若干”不是数字");
}

TEST_F(CellsTest, SignedAndMoneyColumns) {
  Report r = report_with("2019");
  cell(r, "proactive", "licensing", "change") = value_cell(-3, {2, 7});
  cell(r, "proactive", "procurement", "amount_yuan") = value_cell(251000.5, {2, 12});
  EXPECT_TRUE(run(r).empty());
  cell(r, "proactive", "licensing", "previous") = value_cell(-3, {2, 7});
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(zh(found[0]), "“行政许可”行“上一年项目数量”列的值“-3”是负数");

  Report r21 = report_with("2021");
  cell(r21, "proactive", "fees", "amount_wan") = value_cell(1.25, {2, 10});
  EXPECT_TRUE(run(r21).empty());
  cell(r21, "proactive", "normative_docs", "issued") = value_cell(0.5, {2, 6});
  found = run(r21);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(zh(found[0]), "“行政规范性文件”行“本年制发件数”列的值“0.5”不是整数");
}

TEST_F(CellsTest, VersionPicksRowNames) {
  Report r = report_with("2019");
  Cell& c = cell(r, "proactive", "normative_docs", "made");
  c.value.reset();
  c.state = CellState::Placeholder;
  c.text = "—";
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(zh(found[0]),
            "“主动公开政府信息情况”表有 1 个单元格填的不是数字：“规范性文件”行“本年新制作数量”列（印有“—”）。"
            "格式要求填写数字，没有的填 0");
}

TEST_F(CellsTest, Pre2019TablesAreNotHeldToTheSchema) {
  Report r = report_with("2021");
  r.meta.format_version = "pre2019";
  r.meta.year = 2017;
  r.tables["applications"].rows.pop_back();
  Cell& c = cell(r, "applications", "new", "total");
  c.value.reset();
  c.state = CellState::Empty;
  EXPECT_TRUE(run(r).empty());
}

TEST_F(CellsTest, UnknownVersionUsesOnlyWhatTheTableSays) {
  Report r = report_with("2021");
  r.meta.format_version = "unknown";
  r.tables["applications"].rows.pop_back();  // not known to be missing
  EXPECT_TRUE(run(r).empty());
  r.tables["applications"].row("new")->found = false;
  auto found = run(r);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "table.missing_row");
}

}  // namespace
}  // namespace nianbao
