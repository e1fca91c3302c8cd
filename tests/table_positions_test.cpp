// Tables rebuilt from the positions of words (a PDF whose tables are drawn without lines): a
// value that cannot be placed (under a column the format does not have) makes unreadable only
// the cell it may belong to; the rest of its row, and every other row, is read.
#include <gtest/gtest.h>

#include "extract/tables/positions/table_positions.h"
#include "test_paths.h"

namespace nianbao {
namespace {

Span span(std::string text, double x0, double x1, double y) { return Span{std::move(text), Box{x0, y, x1, y + 12}, 12}; }

Line line(int number, std::vector<Span> spans) {
  Line l;
  l.loc = {1, number};
  for (const auto& s : spans) {
    l.text += (l.text.empty() ? "" : " ") + s.text;
    l.cells.push_back(s.text);
  }
  if (l.cells.size() < 2) l.cells.clear();
  l.box = spans.front().box;
  for (const auto& s : spans) l.box = l.box->united(s.box);
  l.spans = std::move(spans);
  return l;
}

TEST(TablePositions, AValueThatCannotBePlacedMakesOnlyItsCellUnreadable) {
  Document doc;
  doc.format = InputFormat::Pdf;
  Page page;
  page.number = 1;
  page.lines = {line(1, {span("第二十条第（一）项", 50, 160, 100)}),
                line(2, {span("信息内容", 50, 98, 120), span("本年制发件数", 150, 222, 120),
                         span("本年废止件数", 250, 322, 120), span("说明", 350, 374, 120),
                         span("现行有效件数", 400, 472, 120)}),
                line(3, {span("规章", 50, 74, 140), span("2", 182, 188, 140), span("0", 282, 288, 140),
                         span("15", 430, 442, 140)}),
                // "7" stands under 说明, a column the format does not have, nearer 现行有效件数.
                line(4, {span("行政规范性文件", 50, 134, 160), span("5", 182, 188, 160), span("1", 282, 288, 160),
                         span("7", 366, 372, 160), span("40", 430, 442, 160)}),
                line(5, {span("第二十条第（五）项", 50, 160, 190)}),
                line(6, {span("信息内容", 50, 98, 210), span("本年处理决定数量", 150, 246, 210)}),
                line(7, {span("行政许可", 50, 98, 230), span("1234", 186, 210, 230)}),
                line(8, {span("第二十条第（六）项", 50, 160, 260)}),
                line(9, {span("信息内容", 50, 98, 280), span("本年处理决定数量", 150, 246, 280)}),
                line(10, {span("行政处罚", 50, 98, 300), span("56", 192, 204, 300)}),
                line(11, {span("行政强制", 50, 98, 320), span("3", 195, 201, 320)})};
  doc.pages.push_back(page);
  TableExtraction out = rebuild_tables_from_positions(doc, test::rules(), {}, 2023, {});
  ASSERT_TRUE(out.tables.count("proactive"))<< out.format_version;
  const Table& t = out.tables.at("proactive");
  const TableRow* regulations = t.row("regulations");
  const TableRow* docs = t.row("normative_docs");
  ASSERT_TRUE(regulations && docs);
  EXPECT_EQ(regulations->cells.at("issued").value, 2);
  EXPECT_EQ(regulations->cells.at("abolished").value, 0);
  EXPECT_EQ(regulations->cells.at("in_force").value, 15);
  EXPECT_EQ(docs->cells.at("issued").state, CellState::Value);
  EXPECT_EQ(docs->cells.at("issued").value, 5);
  EXPECT_EQ(docs->cells.at("abolished").value, 1);
  EXPECT_EQ(docs->cells.at("in_force").state, CellState::Unreadable);
  EXPECT_EQ(docs->cells.at("in_force").text, "7 40");  // what was printed stays visible
  EXPECT_EQ(t.row("licensing")->cells.at("decisions").value, 1234);
  EXPECT_EQ(t.row("enforcement")->cells.at("decisions").value, 3);
}

}  // namespace
}  // namespace nianbao
