// Lines of a PDF page from its words: which lines are table rows, and their cells, when a
// table is drawn without lines and set tight (extract/read/pdf/pdf_lines.h).
#include "extract/read/pdf/pdf_lines.h"

#include <gtest/gtest.h>

#include "test_paths.h"

namespace nianbao {
namespace {

constexpr double kFont = 12;

// A word of one line at `top`, from x0, each character one em wide.
PdfWord word(const std::string& text, double x0, double top, size_t chars) {
  PdfWord w;
  w.text = text;
  w.box = Box{x0, top, x0 + kFont * static_cast<double>(chars), top + kFont};
  w.font_size = kFont;
  w.baseline = top + 0.85 * kFont;
  return w;
}

std::vector<Line> lines_of(std::vector<PdfWord> words) { return build_lines(std::move(words), test::rules().headings); }

// "行政许可 1520": a one-column table without lines, its figure a quarter em after the label.
TEST(PdfLines, FigureAQuarterEmAfterAShortLabelIsItsCell) {
  auto lines = lines_of({word("行政许可", 64, 100, 4), word("1520", 64 + 48 + 3, 100, 2)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].cells, (std::vector<std::string>{"行政许可", "1520"}));
}

// Signed figures (a 2019 part-2 row: 上一年项目数量, 本年增/减, 处理决定数量) are figures too.
TEST(PdfLines, SignedFiguresAfterALabelAreItsCells) {
  auto lines = lines_of({word("行政许可", 20, 100, 4), word("12", 20 + 48 + 4, 100, 1), word("+1", 20 + 48 + 4 + 12 + 4, 100, 1),
                         word("1520", 20 + 48 + 4 + 12 + 4 + 12 + 4, 100, 2)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].cells, (std::vector<std::string>{"行政许可", "12", "+1", "1520"}));
}

// A row of the applications table set tight: the label (a comma in it) and its seven figures.
TEST(PdfLines, SevenFiguresAfterALabelWithACommaAreARow) {
  std::vector<PdfWord> w{word("（二）部分公开（区分处理的，只计这一情形）", 20, 100, 22)};
  double x = 20 + 22 * kFont;
  for (const char* v : {"3", "0", "0", "0", "0", "0", "3"}) {
    x += 4;
    w.push_back(word(v, x, 100, 1));
    x += kFont;
  }
  auto lines = lines_of(w);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].cells.size(), 8u);
  EXPECT_EQ(lines[0].cells.front(), "（二）部分公开（区分处理的，只计这一情形）");
}

// Prose wrapped right after a figure stays prose: a sentence ended on the line, a figure
// followed by its unit, a long line.
TEST(PdfLines, ProseEndingWithAFigureIsNoRow) {
  auto after_sentence = lines_of({word("答复），均在法定期限内予以答复。政府信息公开行政复议", 20, 100, 26),
                                  word("351", 20 + 26 * kFont + 3, 100, 2)});
  ASSERT_EQ(after_sentence.size(), 1u);
  EXPECT_TRUE(after_sentence[0].cells.empty());
  auto with_unit = lines_of({word("全年共收到申请", 20, 100, 7), word("75", 20 + 84 + 3, 100, 1),
                             word("件", 20 + 84 + 3 + kFont + 3, 100, 1)});
  ASSERT_EQ(with_unit.size(), 1u);
  EXPECT_TRUE(with_unit[0].cells.empty());
  auto long_line = lines_of({word("本机关全年主动公开各类政府信息数量", 20, 100, 17), word("1520", 20 + 17 * kFont + 3, 100, 2)});
  ASSERT_EQ(long_line.size(), 1u);
  EXPECT_TRUE(long_line[0].cells.empty());
}

}  // namespace
}  // namespace nianbao
