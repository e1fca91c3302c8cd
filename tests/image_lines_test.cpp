// Ruling lines found on page images (extract/read/scan/image_lines.h): drawn tables with text,
// broken lines and specks, turned a little as a scanner turns them, and a real page rendered by
// Poppler.
#include "extract/read/scan/image_lines.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

namespace nianbao {
namespace {

std::string describe(const std::vector<ImageSegment>& lines) {
  std::ostringstream out;
  for (const ImageSegment& s : lines)
    out << (s.horizontal ? "H" : "V") << " at " << s.at << " [" << s.from << ", " << s.to << ") thickness " << s.thickness << "\n";
  return out.str();
}

// A line as it must be found: `at` within `at_tolerance` pixels, its ends within `end_tolerance`.
struct Want {
  bool horizontal = true;
  int at = 0, from = 0, to = 0;
};

void expect_lines(const std::vector<ImageSegment>& found, const std::vector<Want>& want, int at_tolerance, int end_tolerance) {
  EXPECT_EQ(found.size(), want.size()) << describe(found);
  for (const Want& w : want) {
    int matches = 0;
    for (const ImageSegment& s : found)
      matches += s.horizontal == w.horizontal && std::abs(s.at - w.at) <= at_tolerance && std::abs(s.from - w.from) <= end_tolerance &&
                 std::abs(s.to - w.to) <= end_tolerance;
    EXPECT_EQ(matches, 1) << (w.horizontal ? "H" : "V") << " at " << w.at << " [" << w.from << ", " << w.to << ") among\n"
                          << describe(found);
  }
}

void fill(GreyImage& img, int x0, int y0, int x1, int y1, std::uint8_t value = 0) {
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) img.at(x, y) = value;
}

// A drawn table: 5 columns 1 inch wide, 12 rows 0.27 inch high, from (0.5, 0.6) inch on a page of
// 6.5 × 5 inches. The outer border, the line under the header row and the first column's right
// border are 4 px thick, the others 1 px. The line under row 1 starts at the second column (a
// header spanning two rows); the border between columns 3 and 4 is not drawn in rows 2 to 4 (merged
// cells); a border one row high splits column 4 in row 6. Every cell but that one holds "text":
// digits (small filled boxes), rows of short strokes nearly meeting, free vertical strokes as tall
// as a character, boxes with a cross.
struct Drawn {
  GreyImage lines_and_text, text;  // the page, and its text alone
  std::vector<Want> want;
};

Drawn draw_table(double dpi, bool broken) {
  auto in = [&](double inches) { return static_cast<int>(std::lround(inches * dpi)); };
  GreyImage page(in(6.5), in(5), dpi), text(in(6.5), in(5), dpi);
  constexpr int kCols = 5, kRows = 12;
  std::vector<int> xs, ys;
  for (int c = 0; c <= kCols; ++c) xs.push_back(in(0.5 + c));
  for (int r = 0; r <= kRows; ++r) ys.push_back(in(0.6 + 0.27 * r));
  auto vt = [&](int c) { return c == 0 || c == kCols || c == 1 ? 4 : 1; };
  auto ht = [&](int r) { return r == 0 || r == kRows || r == 1 ? 4 : 1; };
  // A line of thickness t centred on p covers [p - t/2, p - t/2 + t).
  auto lo = [](int p, int t) { return p - t / 2; };
  auto hi = [](int p, int t) { return p - t / 2 + t; };
  Drawn d;
  auto horizontal = [&](int r, int c0, int c1) {
    const int x0 = lo(xs[static_cast<size_t>(c0)], vt(c0)), x1 = hi(xs[static_cast<size_t>(c1)], vt(c1)), y = ys[static_cast<size_t>(r)];
    fill(page, x0, lo(y, ht(r)), x1, hi(y, ht(r)));
    d.want.push_back({true, y, x0, x1});
  };
  auto vertical = [&](int x, int t, int r0, int r1) {
    const int y0 = lo(ys[static_cast<size_t>(r0)], ht(r0)), y1 = hi(ys[static_cast<size_t>(r1)], ht(r1));
    fill(page, lo(x, t), y0, hi(x, t), y1);
    d.want.push_back({false, x, y0, y1});
  };
  for (int r = 0; r <= kRows; ++r) horizontal(r, r == 2 ? 1 : 0, kCols);
  for (int c = 0; c <= kCols; ++c) {
    const int x = xs[static_cast<size_t>(c)];
    if (c == 3) {
      vertical(x, vt(c), 0, 2);
      vertical(x, vt(c), 5, kRows);
    } else {
      vertical(x, vt(c), 0, kRows);
    }
  }
  const int split = (xs[4] + xs[5]) / 2;
  vertical(split, 1, 6, 7);
  if (broken) {
    // Gaps of 0.03 inch: in every other horizontal line, and in each long vertical one in the
    // middle of a row (not at a junction, where a vertical line may stop).
    for (int r = 0; r <= kRows; r += 2)
      for (double gx = 0.87; gx < 5.5; gx += 1.3) fill(page, in(gx), ys[static_cast<size_t>(r)] - 3, in(gx + 0.03), ys[static_cast<size_t>(r)] + 3, 255);
    for (int c = 0; c <= kCols; ++c)
      for (int r : {3, 8}) {
        if (c == 3 && r == 3) continue;
        const int y = ys[static_cast<size_t>(r)] + in(0.12);
        fill(page, xs[static_cast<size_t>(c)] - 3, y, xs[static_cast<size_t>(c)] + 3, y + in(0.03), 255);
      }
  }
  // Text, at least 0.06 inch from every border.
  const int stroke = std::max(2, in(0.01));
  for (int r = 0; r < kRows; ++r)
    for (int c = 0; c < kCols; ++c) {
      if (r == 6 && c == 4) continue;
      const int x0 = xs[static_cast<size_t>(c)] + in(0.1), ym = (ys[static_cast<size_t>(r)] + ys[static_cast<size_t>(r) + 1]) / 2;
      auto put = [&](int a0, int b0, int a1, int b1) {
        fill(page, a0, b0, a1, b1);
        fill(text, a0, b0, a1, b1);
      };
      switch ((r + c) % 4) {
        case 0:  // digits
          for (int k = 0; k < 3; ++k) put(x0 + in(0.09 * k), ym - in(0.05), x0 + in(0.09 * k + 0.06), ym + in(0.05));
          break;
        case 1:  // a row of characters whose horizontal strokes nearly meet: 0.82 inch in all
          for (int k = 0; k < 5; ++k) put(x0 + in(0.17 * k), ym, x0 + in(0.17 * k + 0.14), ym + stroke);
          break;
        case 2:  // vertical strokes as tall as a character, standing free
          for (int k = 0; k < 3; ++k) put(x0 + in(0.15 * k), ym - in(0.075), x0 + in(0.15 * k) + stroke, ym + in(0.075));
          break;
        default:  // a character: a box with a cross
          put(x0, ym - in(0.07), x0 + in(0.14), ym - in(0.07) + stroke);
          put(x0, ym + in(0.07) - stroke, x0 + in(0.14), ym + in(0.07));
          put(x0, ym - in(0.07), x0 + stroke, ym + in(0.07));
          put(x0 + in(0.14) - stroke, ym - in(0.07), x0 + in(0.14), ym + in(0.07));
          put(x0 + in(0.07), ym - in(0.1), x0 + in(0.07) + stroke, ym + in(0.1));
          put(x0 - in(0.03), ym, x0 + in(0.17), ym + stroke);
          break;
      }
    }
  d.lines_and_text = page;
  d.text = text;
  return d;
}

// Salt and pepper: a share of the pixels turned white, as many black.
void speckle(GreyImage& img, double share, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> u(0, 1);
  for (std::uint8_t& p : img.pixels) {
    const double v = u(random);
    if (v < share) p = 255;
    else if (v < 2 * share) p = 0;
  }
}

TEST(ImageLines, StraightTableAtEachResolution) {
  for (double dpi : {150.0, 200.0, 300.0}) {
    SCOPED_TRACE(dpi);
    Drawn d = draw_table(dpi, false);
    expect_lines(find_ruling_lines(d.lines_and_text), d.want, 1, 1);
  }
}

TEST(ImageLines, BrokenLinesAndSpecksOnAStraightPage) {
  for (double dpi : {150.0, 200.0, 300.0}) {
    SCOPED_TRACE(dpi);
    Drawn d = draw_table(dpi, true);
    speckle(d.lines_and_text, 0.01, 7);
    // A speck next to the end of a thin line, or dropped pixels just before it, move the end.
    expect_lines(find_ruling_lines(d.lines_and_text), d.want, 1, static_cast<int>(0.03 * dpi));
  }
}

// Turned counter-clockwise (a positive skew) and clockwise, with specks put on after turning as a
// scanner would: the skew is found within 0.1°, and the page turned back has every line within
// 2 px of its place (its ends within 0.03 inch) and nothing else.
TEST(ImageLines, SkewedScansAreStraightenedAndTheirLinesFound) {
  for (double dpi : {150.0, 200.0, 300.0})
    for (double degrees : {0.5, 1.0, 1.5, -1.0}) {
      SCOPED_TRACE(testing::Message() << dpi << " dpi, " << degrees << "°");
      Drawn d = draw_table(dpi, true);
      GreyImage scan = rotated(d.lines_and_text, -degrees);
      speckle(scan, 0.01, static_cast<unsigned>(dpi + degrees * 10));
      const double skew = estimate_skew(scan);
      EXPECT_NEAR(skew, degrees, 0.1);
      expect_lines(find_ruling_lines(rotated(scan, skew)), d.want, 2, static_cast<int>(0.03 * dpi));
    }
}

// The sign of the skew: a line whose right end is higher than its left has a positive skew, and
// rotated() with that skew makes it level.
TEST(ImageLines, SkewSign) {
  GreyImage img(1600, 600, 200);
  fill(img, 100, 299, 1500, 301);
  GreyImage turned = rotated(img, -2);
  auto first_dark_row = [&](int x) {
    for (int y = 0; y < turned.height; ++y)
      if (turned.at(x, y) < 128) return y;
    return -1;
  };
  // 2° over the 1200 px between the two columns: 42 px.
  EXPECT_NEAR(first_dark_row(200) - first_dark_row(1400), 42, 2);
  EXPECT_NEAR(estimate_skew(turned), 2.0, 0.05);
  EXPECT_NEAR(estimate_skew(img), 0.0, 0.05);
  const std::vector<ImageSegment> level = find_ruling_lines(rotated(turned, estimate_skew(turned)));
  expect_lines(level, {{true, 300, 100, 1500}}, 1, 3);
}

// A page of text without lines: its skew comes from its rows of characters.
TEST(ImageLines, SkewOfTextRows) {
  const double dpi = 200;
  GreyImage img(1300, 1600, dpi);
  std::mt19937 random(3);
  std::uniform_int_distribution<int> shape(0, 3);
  for (int row = 0; row < 30; ++row) {
    const int top = 100 + row * 46;  // 10.5 pt characters (29 px) at a line spacing of 1.6
    for (int x = 100; x + 29 < 1200; x += 31) {
      switch (shape(random)) {
        case 0:
          fill(img, x + 2, top + 4, x + 27, top + 7);
          fill(img, x + 13, top + 2, x + 16, top + 27);
          break;
        case 1:
          fill(img, x + 3, top + 3, x + 26, top + 26);
          fill(img, x + 6, top + 6, x + 23, top + 23, 255);
          break;
        case 2:
          for (int k = 0; k < 3; ++k) fill(img, x + 3, top + 4 + 9 * k, x + 26, top + 7 + 9 * k);
          break;
        default:
          fill(img, x + 8, top + 3, x + 11, top + 27);
          fill(img, x + 18, top + 3, x + 21, top + 27);
          fill(img, x + 3, top + 14, x + 26, top + 17);
          break;
      }
    }
  }
  EXPECT_TRUE(find_ruling_lines(img).empty()) << describe(find_ruling_lines(img));
  for (double degrees : {0.7, -1.2, 2.5}) {
    SCOPED_TRACE(degrees);
    EXPECT_NEAR(estimate_skew(rotated(img, -degrees)), degrees, 0.1);
  }
}

TEST(ImageLines, BlankAndSpeckledPagesHaveNoLinesAndNoSkew) {
  GreyImage blank(1000, 1200, 200);
  EXPECT_EQ(ink_threshold(blank), 0);
  EXPECT_EQ(estimate_skew(blank), 0);
  EXPECT_TRUE(find_ruling_lines(blank).empty());
  // Paper grain: greys from 235 to 255 are no ink.
  GreyImage grain(1000, 1200, 200);
  std::mt19937 random(5);
  for (std::uint8_t& p : grain.pixels) p = static_cast<std::uint8_t>(235 + random() % 21);
  EXPECT_EQ(ink_threshold(grain), 0);
  EXPECT_TRUE(find_ruling_lines(grain).empty());
  GreyImage specks(1000, 1200, 200);
  speckle(specks, 0.02, 11);
  EXPECT_EQ(estimate_skew(specks), 0);
  EXPECT_TRUE(find_ruling_lines(specks).empty()) << describe(find_ruling_lines(specks));
}

// Ink between paper at 230 and black text: the threshold lies half way between Otsu's split and
// the paper, so that a line drawn across two pixel rows at half its darkness is still ink.
TEST(ImageLines, ThresholdBetweenInkAndPaper) {
  GreyImage img(100, 100, 200, 230);
  fill(img, 10, 10, 90, 20, 20);
  const int t = ink_threshold(img);
  EXPECT_GT(t, 125);
  EXPECT_LE(t, 230);
  // Black on white: Otsu's split is anywhere in between, the middle taken (128), then half way
  // to the paper.
  GreyImage drawn(100, 100, 200);
  fill(drawn, 10, 10, 90, 20, 0);
  EXPECT_EQ(ink_threshold(drawn), 191);
}

TEST(ImageLines, FilledAreasAndThickBarsAreNotLines) {
  const double dpi = 200;
  GreyImage img(1200, 1000, dpi);
  fill(img, 100, 100, 500, 200);     // a filled cell, 2 × 0.5 inch
  fill(img, 100, 400, 900, 420);     // a bar 0.1 inch thick
  fill(img, 700, 100, 712, 300);     // a vertical bar 12 px wide
  fill(img, 100, 600, 900, 606);     // a line 6 px thick: still a line
  expect_lines(find_ruling_lines(img), {{true, 603, 100, 900}}, 1, 1);
}

// A border one row high is a line; a stroke as tall that stands free in its cell, or one that
// touches the line above only, is not; a vertical stroke as tall joined to other strokes between
// the two lines (a character set tight in its row) is not either.
TEST(ImageLines, ShortVerticalLinesOnlyBetweenHorizontalOnes) {
  const double dpi = 200;
  GreyImage img(1200, 600, dpi);
  fill(img, 100, 100, 1100, 101);
  fill(img, 100, 150, 1100, 151);  // a row of 0.25 inch
  fill(img, 300, 100, 301, 151);   // a border one row high
  fill(img, 500, 108, 502, 143);   // a free stroke inside the row
  fill(img, 700, 101, 702, 135);   // a stroke hanging from the line above
  fill(img, 900, 101, 902, 150);   // a stroke filling the row, joined to a horizontal stroke
  fill(img, 890, 120, 902, 122);
  fill(img, 600, 300, 602, 340);   // a free stroke 0.2 inch tall away from any line
  expect_lines(find_ruling_lines(img), {{true, 100, 100, 1100}, {true, 150, 100, 1100}, {false, 300, 100, 151}}, 0, 1);
}

// The gap under a line that stops is not bridged to the text beneath it.
TEST(ImageLines, VerticalLineStopsAtTheLineItMeets) {
  const double dpi = 200;
  GreyImage img(1200, 800, dpi);
  fill(img, 100, 100, 1100, 102);
  fill(img, 100, 300, 1100, 302);
  fill(img, 400, 100, 401, 302);   // a border from line to line
  fill(img, 399, 306, 402, 330);   // a stroke of a heading 4 px under the table, in line with it
  fill(img, 390, 316, 412, 318);
  expect_lines(find_ruling_lines(img), {{true, 101, 100, 1100}, {true, 301, 100, 1100}, {false, 400, 100, 302}}, 1, 1);
}

TEST(ImageLines, EraseLinesLeavesTheTextAlone) {
  for (double dpi : {150.0, 300.0}) {
    SCOPED_TRACE(dpi);
    Drawn d = draw_table(dpi, false);
    GreyImage img = d.lines_and_text;
    erase_lines(img, find_ruling_lines(img));
    EXPECT_TRUE(img.pixels == d.text.pixels);
    EXPECT_TRUE(find_ruling_lines(img).empty());
  }
  // A margin of a pixel around the thickness and beyond the ends, clipped to the image.
  GreyImage img(20, 20, 200, 0);
  erase_lines(img, {{true, 10, 5, 15, 3}, {false, 0, 0, 20, 1}});
  for (int y = 0; y < 20; ++y)
    for (int x = 0; x < 20; ++x) {
      const bool horizontal = y >= 8 && y <= 12 && x >= 4 && x < 16, vertical = x <= 1;
      EXPECT_EQ(img.at(x, y), horizontal || vertical ? 255 : 0) << x << "," << y;
    }
}

TEST(ImageLines, CropClipsToTheImage) {
  GreyImage img(10, 8, 300);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 10; ++x) img.at(x, y) = static_cast<std::uint8_t>(10 * y + x);
  GreyImage part = crop(img, {3, 2, 6, 5});
  ASSERT_EQ(part.width, 3);
  ASSERT_EQ(part.height, 3);
  EXPECT_EQ(part.dpi, 300);
  EXPECT_EQ(part.at(0, 0), 23);
  EXPECT_EQ(part.at(2, 2), 45);
  GreyImage edge = crop(img, {-4, 6, 2, 20});
  ASSERT_EQ(edge.width, 2);
  ASSERT_EQ(edge.height, 2);
  EXPECT_EQ(edge.at(1, 1), 71);
  EXPECT_TRUE(crop(img, {12, 0, 20, 5}).empty());
}

TEST(ImageLines, RotatedByZeroIsTheSameImage) {
  Drawn d = draw_table(150, true);
  EXPECT_TRUE(rotated(d.lines_and_text, 0).pixels == d.lines_and_text.pixels);
}

// A binary PGM as pdftoppm -gray writes it.
GreyImage read_pgm(const std::string& path, double dpi) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  if (magic != "P5" || width <= 0 || height <= 0 || max != 255) return {};
  GreyImage img(width, height, dpi);
  in.read(reinterpret_cast<char*>(img.pixels.data()), static_cast<std::streamsize>(img.pixels.size()));
  return in ? img : GreyImage{};
}

// Page 3 of made_2021_hard.pdf at 200 dpi (1654 × 2339): the end of the part-2 table (8 rows, a
// column border at 499 missing in its two merged rows) and the whole part-3 table, whose
// header rows and left-hand group columns have lines of several lengths. Every line was checked
// on the rendered page.
std::vector<Want> page_three_lines() {
  std::vector<Want> want;
  for (int y : {200, 231, 262, 293, 323, 354, 385, 415, 446}) want.push_back({true, y, 165, 1458});
  want.push_back({true, 806, 165, 1138});
  want.push_back({true, 837, 457, 1138});  // under 申请人情况
  want.push_back({true, 868, 554, 1041});  // under 法人或其他组织
  for (int y : {957, 1017, 1077}) want.push_back({true, y, 165, 1138});
  for (int y : {1108, 1226, 1853}) want.push_back({true, y, 220, 1138});  // right of 三、本年度办理结果
  for (int y : {1286, 1376, 1465, 1554, 1643, 1733, 1793, 1942, 2032}) want.push_back({true, y, 304, 1138});
  want.push_back({true, 2121, 165, 1138});
  for (int x : {165, 1457}) want.push_back({false, x, 200, 447});
  want.push_back({false, 499, 200, 232});
  want.push_back({false, 499, 261, 355});
  want.push_back({false, 499, 384, 447});
  for (int x : {165, 457, 1137}) want.push_back({false, x, 806, 2122});
  for (int x : {554, 1040}) want.push_back({false, x, 837, 2122});
  for (int x : {651, 749, 846, 943}) want.push_back({false, x, 867, 2122});
  want.push_back({false, 221, 1077, 2122});
  want.push_back({false, 304, 1226, 2122});
  return want;
}

class RenderedPage : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("nianbao_image_lines_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string prefix = (dir / "page").string();
    const std::string command = "pdftoppm -gray -r 200 -f 3 -l 3 -singlefile tests/data/pdf/made_2021_hard.pdf '" + prefix + "'";
    if (std::system(command.c_str()) == 0) page_ = read_pgm(prefix + ".pgm", 200);
    std::filesystem::remove_all(dir);
  }
  static GreyImage page_;
};

GreyImage RenderedPage::page_;

TEST_F(RenderedPage, LinesOfBothTables) {
  ASSERT_EQ(page_.width, 1654);
  ASSERT_EQ(page_.height, 2339);
  EXPECT_NEAR(estimate_skew(page_), 0, 0.05);
  // Measured on this page, on a 2-core machine busy with other builds: 8 to 13 ms for the fastest
  // of repeated calls, 20 to 30 ms for a single first call. Not asserted: it depends on the machine.
  const auto start = std::chrono::steady_clock::now();
  const std::vector<ImageSegment> lines = find_ruling_lines(page_);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "find_ruling_lines on a 200 dpi A4 page: " << ms << " ms\n";
  expect_lines(lines, page_three_lines(), 2, 2);
  // The rows of the part-2 table span 78% of the page's width, and nothing else is that wide.
  int wide = 0;
  for (const ImageSegment& s : lines) wide += s.horizontal && s.length() >= 0.6 * page_.width;
  EXPECT_EQ(wide, 9);
}

TEST_F(RenderedPage, TheSamePageScannedAskew) {
  ASSERT_FALSE(page_.empty());
  for (double degrees : {1.2, -0.6}) {
    SCOPED_TRACE(degrees);
    const GreyImage scan = rotated(page_, -degrees);
    const double skew = estimate_skew(scan);
    EXPECT_NEAR(skew, degrees, 0.1);
    expect_lines(find_ruling_lines(rotated(scan, skew)), page_three_lines(), 2, 3);
  }
}

}  // namespace
}  // namespace nianbao
