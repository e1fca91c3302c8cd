// Reading the cells of a scanned table: the table pages of generated reports drawn as a scanner
// would give them (grey, 150 to 300 dpi, JPEG-damaged), the grid and the true text of every cell
// taken from the same PDF's text layer. A figure is read right or not at all, never wrong.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "extract/read/pdf/pdf_reader.h"
#include "extract/read/scan/ocr/cell_reader.h"
#include "extract/tables/grid/grid_geometry.h"
#include "test_paths.h"

namespace nianbao {
namespace {

const std::vector<std::string> kPdfs = {"made_2021_hard.pdf", "made_2019_vertical.pdf"};

std::string pdf_path(const std::string& name) { return test::source_path("tests/data/pdf/" + name); }

// A binary PGM (P5, 8 bits), as pdftoppm -gray and ImageMagick write it.
GreyImage read_pgm(const std::string& path, double dpi) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  in >> magic;
  auto number = [&] {
    in >> std::ws;
    while (in.peek() == '#') {
      std::string comment;
      std::getline(in, comment);
      in >> std::ws;
    }
    int v = 0;
    in >> v;
    return v;
  };
  int w = number(), h = number(), max = number();
  in.get();
  if (magic != "P5" || w <= 0 || h <= 0 || max != 255) {
    ADD_FAILURE() << path << ": not an 8-bit PGM";
    return {};
  }
  GreyImage g(w, h, dpi);
  in.read(reinterpret_cast<char*>(g.pixels.data()), static_cast<std::streamsize>(g.pixels.size()));
  EXPECT_TRUE(in) << path << ": short PGM";
  return g;
}

// Page `page` of a PDF drawn in grey at `dpi`; with `jpeg_quality`, saved as a JPEG of that
// quality and read back, as a scanner that compresses hard delivers it.
GreyImage render(const std::string& pdf, int page, int dpi, int jpeg_quality = 0) {
  // Per process: ctest runs the tests of this file side by side.
  std::string base = testing::TempDir() + "cell_reader_page_" + std::to_string(::getpid());
  std::string command = "pdftoppm -gray -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
                        std::to_string(page) + " -singlefile " + pdf + " " + base;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::string pgm = base + ".pgm";
  if (jpeg_quality > 0) {
    std::string jpg = base + ".jpg";
    command = "convert " + pgm + " -quality " + std::to_string(jpeg_quality) + " " + jpg + " && convert " + jpg +
              " " + pgm;
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
  return read_pgm(pgm, dpi);
}

bool has_chinese(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

// A cell of a ruled table with the text printed in it.
struct TruthCell {
  Box box;  // points
  std::string text;
};

// The rows of the ruled tables of one page: for each, its cells (those starting on that row).
struct TablePage {
  std::string pdf;
  int page = 0;
  std::vector<std::vector<TruthCell>> rows;
};

std::vector<TablePage> table_pages() {
  std::vector<TablePage> out;
  for (const std::string& name : kPdfs) {
    Document doc = read_pdf_file(pdf_path(name), test::rules().headings);
    for (const Page& page : doc.pages) {
      TablePage tp{name, page.number, {}};
      for (const RuledTable& t : ruled_tables(page.rulings))
        for (int r = 0; r < t.rows(); ++r) {
          std::vector<TruthCell> row;
          for (const RuledCell& c : t.cells) {
            if (c.r0 != r) continue;
            TruthCell cell{c.box, {}};
            for (const Line& line : page.lines)
              for (const Span& s : line.spans) {
                double x = (s.box.x0 + s.box.x1) / 2, y = (s.box.y0 + s.box.y1) / 2;
                if (x > c.box.x0 && x < c.box.x1 && y > c.box.y0 && y < c.box.y1) cell.text += s.text;
              }
            cell.text = without_spaces(cell.text);
            row.push_back(cell);
          }
          tp.rows.push_back(row);
        }
      if (!tp.rows.empty()) out.push_back(tp);
    }
  }
  return out;
}

const std::vector<TablePage>& pages() {
  static const std::vector<TablePage> loaded = table_pages();
  return loaded;
}

PixelBox pixels(const Box& b, double dpi) {
  double k = dpi / 72;
  return {static_cast<int>(std::lround(b.x0 * k)), static_cast<int>(std::lround(b.y0 * k)),
          static_cast<int>(std::lround(b.x1 * k)), static_cast<int>(std::lround(b.y1 * k))};
}

CellReader& reader() {
  static CellReader r;
  return r;
}

struct Tally {
  int read = 0, unreadable = 0, wrong = 0, blank = 0, others = 0, others_read = 0, rows = 0;
  std::clock_t cpu = 0;
};

// Every number cell, empty cell and other figure ("12.5", "-2", "/") of every table row, read
// from the pages drawn at `dpi`: a number is its true digits or unreadable, an empty cell is
// blank, and another figure is read as printed or unreadable, never as something else.
Tally read_all_numbers(int dpi, int jpeg_quality = 0, int shift = 0) {
  Tally t;
  for (const TablePage& tp : pages()) {
    GreyImage image = render(pdf_path(tp.pdf), tp.page, dpi, jpeg_quality);
    for (const auto& row : tp.rows) {
      std::vector<PixelBox> boxes;
      std::vector<const TruthCell*> truth;
      for (const TruthCell& c : row)
        if (!has_chinese(c.text)) {
          PixelBox b = pixels(c.box, dpi);
          boxes.push_back({b.x0 + shift, b.y0 + shift, b.x1 + shift, b.y1 + shift});
          truth.push_back(&c);
        }
      if (boxes.empty()) continue;
      std::clock_t start = std::clock();
      std::vector<NumberRead> reads = reader().read_numbers(image, boxes);
      t.cpu += std::clock() - start;
      ++t.rows;
      for (std::size_t i = 0; i < reads.size(); ++i) {
        const std::string& want = truth[i]->text;
        const NumberRead& r = reads[i];
        std::string where = tp.pdf + " page " + std::to_string(tp.page) + " cell \"" + want + "\" at " +
                            std::to_string(boxes[i].x0) + "," + std::to_string(boxes[i].y0);
        if (want.empty()) {
          EXPECT_TRUE(r.blank) << where << " seen \"" << r.seen << "\"";
          EXPECT_FALSE(r.figure) << where;
          ++t.blank;
        } else if (all_digits(want)) {
          EXPECT_FALSE(r.blank) << where;
          if (!r.figure) {
            ++t.unreadable;
            std::cout << "  unreadable: " << where << " seen \"" << r.seen << "\" confidence " << r.confidence << "\n";
          } else if (*r.figure == want) {
            ++t.read;
          } else {
            ++t.wrong;
            ADD_FAILURE() << where << " read as " << *r.figure << " confidence " << r.confidence;
          }
        } else {
          // Never another figure: "12.5" is not 125, "/" not 1.
          if (r.figure) {
            EXPECT_EQ(*r.figure, want) << where;
            t.others_read += *r.figure == want;
          }
          ++t.others;
        }
      }
    }
  }
  int numbers = t.read + t.unreadable + t.wrong;
  std::cout << dpi << " dpi" << (jpeg_quality ? " JPEG " + std::to_string(jpeg_quality) : std::string()) << ": "
            << numbers << " numbers, " << t.read << " read, " << t.unreadable << " unreadable, " << t.wrong
            << " wrong; " << t.blank << " blank; " << t.others << " signed, decimal or placeholders, " << t.others_read << " read; CPU "
            << 1000.0 * static_cast<double>(t.cpu) / CLOCKS_PER_SEC / std::max(1, t.rows) << " ms per row\n";
  EXPECT_GT(numbers, 300);
  // "12.5", "+3", "-2", "/": read as printed or unreadable, never taken for another figure.
  EXPECT_GE(t.others, 5);
  return t;
}

double read_share(const Tally& t) {
  return static_cast<double>(t.read) / std::max(1, t.read + t.unreadable + t.wrong);
}

TEST(CellReader, LoadsItsLanguages) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  CellReader missing("/nonexistent/tessdata");
  EXPECT_FALSE(missing.ready());
  EXPECT_NE(missing.error().find("/nonexistent/tessdata"), std::string::npos) << missing.error();
}

TEST(CellReader, NumbersAt150Dpi) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  Tally t = read_all_numbers(150);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(read_share(t), 0.99);
  EXPECT_EQ(t.others_read, t.others);
}

TEST(CellReader, NumbersAt200Dpi) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  Tally t = read_all_numbers(200);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(read_share(t), 0.99);
  EXPECT_EQ(t.others_read, t.others);
}

TEST(CellReader, NumbersAt300Dpi) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  Tally t = read_all_numbers(300);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(read_share(t), 0.99);
  EXPECT_EQ(t.others_read, t.others);
}

TEST(CellReader, NumbersOfAJpegDamagedScan) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  Tally t = read_all_numbers(200, 60);
  EXPECT_EQ(t.wrong, 0);
  EXPECT_GE(read_share(t), 0.95);
}

// The grid of a scan is found from the image and may be off by a line's width: the ruling lines
// then run inside the cells' boxes. (At 3 px off, 1 pt, the tightest rows lose the edge of
// their digits and some 5 % of the cells are unreadable, none wrong.)
TEST(CellReader, NumbersWithTheGridAFewPixelsOff) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  for (int shift : {-2, 2}) {
    Tally t = read_all_numbers(200, 0, shift);
    EXPECT_EQ(t.wrong, 0);
    EXPECT_GE(read_share(t), 0.99);
  }
}

TEST(CellReader, BlankPageAndCellsOutsideIt) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  GreyImage white(400, 300, 200);
  std::vector<NumberRead> reads = reader().read_numbers(white, {{10, 10, 100, 60}, {350, 250, 500, 400}, {0, 0, 0, 0}});
  ASSERT_EQ(reads.size(), 3u);
  for (const NumberRead& r : reads) {
    EXPECT_TRUE(r.blank);
    EXPECT_FALSE(r.figure);
  }
  EXPECT_EQ(reader().read_label(white, {10, 10, 100, 60}), "");
  EXPECT_TRUE(reader().read_lines(white, {0, 0, 400, 300}).empty());
}

TEST(CellReader, Labels) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  constexpr int kDpi = 200;
  int labels = 0, exact = 0;
  std::clock_t cpu = 0;
  for (const TablePage& tp : pages()) {
    GreyImage image = render(pdf_path(tp.pdf), tp.page, kDpi);
    for (const auto& row : tp.rows)
      for (const TruthCell& c : row) {
        if (!has_chinese(c.text)) continue;
        std::clock_t start = std::clock();
        std::string got = reader().read_label(image, pixels(c.box, kDpi));
        cpu += std::clock() - start;
        ++labels;
        if (got == c.text)
          ++exact;
        else
          std::cout << "  label \"" << c.text << "\" read \"" << got << "\"\n";
      }
  }
  std::cout << labels << " labels, " << exact << " read exactly; CPU "
            << 1000.0 * static_cast<double>(cpu) / CLOCKS_PER_SEC / std::max(1, labels) << " ms per label\n";
  EXPECT_GT(labels, 100);
  // 171 of 176: chi_sim takes 逾 for 让 or 庆, 减 for 城 after a slash, now and then 关 for 天.
  EXPECT_GE(exact, 0.95 * labels);
}

std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t v = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += v;
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The prose above the first table of a page: as many lines read as printed, each where it was
// printed, nearly every character right.
TEST(CellReader, ProseLines) {
  ASSERT_TRUE(reader().ready()) << reader().error();
  constexpr int kDpi = 200;
  std::string pdf = pdf_path("made_2021_hard.pdf");
  Document doc = read_pdf_file(pdf, test::rules().headings);
  const Page& page = doc.pages.at(1);
  std::vector<RuledTable> tables = ruled_tables(page.rulings);
  ASSERT_FALSE(tables.empty());
  std::vector<const Line*> printed;
  std::optional<Box> region;
  for (const Line& line : page.lines) {
    if (!line.box || line.box->y1 > tables.front().box.y0 || printed.size() == 8) continue;
    printed.push_back(&line);
    region = region ? region->united(*line.box) : *line.box;
  }
  ASSERT_GE(printed.size(), 5u);
  GreyImage image = render(pdf, page.number, kDpi);
  std::clock_t start = std::clock();
  std::vector<TextLineRead> lines = reader().read_lines(image, pixels(*region, kDpi));
  std::cout << printed.size() << " lines of prose: CPU "
            << 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC << " ms\n";
  ASSERT_EQ(lines.size(), printed.size());
  std::size_t chars = 0, errors = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    PixelBox want = pixels(*printed[i]->box, kDpi);
    int middle = (lines[i].box.y0 + lines[i].box.y1) / 2;
    EXPECT_TRUE(middle > want.y0 && middle < want.y1) << lines[i].text;
    std::u32string truth = code_points(without_spaces(printed[i]->text));
    chars += truth.size();
    errors += edit_distance(truth, code_points(lines[i].text));
    std::cout << "  " << lines[i].text << " (" << lines[i].confidence << ")\n";
  }
  EXPECT_LE(errors, chars / 20) << errors << " of " << chars << " characters wrong";
}

}  // namespace
}  // namespace nianbao
