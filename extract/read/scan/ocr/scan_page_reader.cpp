#include "extract/read/scan/ocr/scan_page_reader.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "extract/read/scan/cell_ink.h"
#include "extract/read/scan/despeckle.h"
#include "extract/read/scan/image_lines.h"
#include "extract/tables/grid/grid_geometry.h"

namespace nianbao {

namespace {

// Below this the page is read as it is: turning it costs more than the skew disturbs.
constexpr double kMinSkew = 0.05;
// How far inside its borders a cell's ink is looked for, in pixels: what is left of a border.
constexpr int kCellInset = 3;
// A text line's glyphs stand about this share of its font size tall (Chinese characters and
// digits alike), which the line builder and the title finder read sizes from.
constexpr double kInkToFontSize = 0.8;

struct Scale {
  double points_per_pixel;
  Box box(const PixelBox& b) const {
    return {b.x0 * points_per_pixel, b.y0 * points_per_pixel, b.x1 * points_per_pixel, b.y1 * points_per_pixel};
  }
  PixelBox pixels(const Box& b) const {
    return {static_cast<int>(std::lround(b.x0 / points_per_pixel)), static_cast<int>(std::lround(b.y0 / points_per_pixel)),
            static_cast<int>(std::lround(b.x1 / points_per_pixel)), static_cast<int>(std::lround(b.y1 / points_per_pixel))};
  }
};

PdfWord word(std::string text, const PixelBox& ink, const Scale& s) {
  PdfWord w;
  w.text = std::move(text);
  w.box = s.box(ink);
  w.font_size = (w.box.y1 - w.box.y0) / kInkToFontSize;
  w.baseline = w.box.y1;
  return w;
}

PixelBox inset(const PixelBox& b, int by) { return {b.x0 + by, b.y0 + by, b.x1 - by, b.y1 - by}; }

// A cell of a ruled table as the page shows it: its box in pixels and the lines of text in it.
struct InkCell {
  const RuledCell* cell = nullptr;
  PixelBox whole;  // between its borders, as the reader takes it
  PixelBox box;    // inside what is left of its borders, where its ink is looked at
  std::vector<PixelBox> bands;
  bool figure = false;  // one line of text shaped like digits
};

// The rows of `t` that print figures: two cells or more shaped like them.
std::map<int, int> figure_rows(const std::vector<InkCell>& cells) {
  std::map<int, int> figures_in_row;
  for (const InkCell& c : cells)
    if (c.figure && c.cell->c1 - c.cell->c0 == 1) ++figures_in_row[c.cell->r0];
  for (auto it = figures_in_row.begin(); it != figures_in_row.end();) it = it->second < 2 ? figures_in_row.erase(it) : std::next(it);
  return figures_in_row;
}

// The value columns of `t`: from the first whose cells on the rows of figures mostly look like
// figures to the right edge, as the labels of these tables stand left of their values (a column
// of signed changes, "+3" "-1", looks like words and is one of them). A header over the values,
// however many rows it takes, is no vote; a label that happens to look like a figure (narrow
// characters) is in a column of labels.
std::vector<bool> figure_columns(const RuledTable& t, const std::vector<InkCell>& cells, const std::map<int, int>& rows) {
  std::vector<int> figures(static_cast<size_t>(t.cols()), 0), words(static_cast<size_t>(t.cols()), 0);
  for (const InkCell& c : cells) {
    if (c.bands.empty() || c.cell->c1 - c.cell->c0 != 1 || !rows.count(c.cell->r0)) continue;
    (c.figure ? figures : words)[static_cast<size_t>(c.cell->c0)]++;
  }
  std::vector<bool> out(static_cast<size_t>(t.cols()));
  for (size_t i = 0; i < out.size(); ++i) out[i] = figures[i] > words[i] || (i > 0 && out[i - 1]);
  return out;
}

// The reading of a figure cell as a word: its figure, or what was seen with U+FFFD, the mark of
// a character that could not be read (the table builders make such a cell unreadable, the
// tool's failure, not the report's).
std::string figure_text(const NumberRead& r) {
  if (r.figure) return *r.figure;
  return r.seen + std::string(kUnreadMark);
}

}  // namespace

ScannedPage ScanPageReader::read(const GreyImage& original) {
  ScannedPage out;
  out.skew_degrees = estimate_skew(original);
  GreyImage straight = std::abs(out.skew_degrees) >= kMinSkew ? rotated(original, out.skew_degrees) : original;
  despeckle(straight, ink_threshold(straight));
  const Scale scale{72.0 / straight.dpi};
  const std::vector<ImageSegment> segments = find_ruling_lines(straight);
  for (const ImageSegment& s : segments)
    out.rulings.push_back(Ruling{s.horizontal, s.at * scale.points_per_pixel, s.from * scale.points_per_pixel,
                                 s.to * scale.points_per_pixel});
  GreyImage clean = straight;
  erase_lines(clean, segments);

  out.confidence = 100;
  GreyImage prose = clean;  // the page with its tables blanked out, for the lines around them
  for (const RuledTable& t : ruled_tables(out.rulings)) {
    const PixelBox table_box = scale.pixels(t.box);
    for (int y = std::max(0, table_box.y0); y < std::min(prose.height, table_box.y1); ++y)
      for (int x = std::max(0, table_box.x0); x < std::min(prose.width, table_box.x1); ++x) prose.at(x, y) = 255;

    std::vector<InkCell> cells;
    for (const RuledCell& rc : t.cells) {
      InkCell c;
      c.cell = &rc;
      c.whole = scale.pixels(rc.box);
      c.box = inset(c.whole, kCellInset);
      if (c.box.empty()) continue;
      c.bands = text_bands(clean, c.box);
      c.figure = c.bands.size() == 1 && looks_like_figure(clean, c.bands.front());
      cells.push_back(std::move(c));
    }
    const std::map<int, int> with_figures = figure_rows(cells);
    const std::vector<bool> figure_column = figure_columns(t, cells, with_figures);
    // The figures of each row of the table, read together.
    std::map<int, std::vector<const InkCell*>> rows;
    for (const InkCell& c : cells) {
      if (c.bands.empty()) continue;
      bool in_figures = true;
      for (int col = c.cell->c0; col < c.cell->c1; ++col) in_figures = in_figures && figure_column[static_cast<size_t>(col)];
      // On a row of figures, a cell of a column of figures is read as one whatever its shape
      // ("-1" set as one glyph): what is not a plain number comes out unreadable, not as words.
      // A cell shaped like a figure right of the labels is one too, even alone on its row (the
      // amount of fees, "12.5", is the only figure of its row).
      const bool right_of_labels = c.cell->c0 > 0;
      if ((in_figures && (c.figure || with_figures.count(c.cell->r0))) || (c.figure && right_of_labels)) {
        rows[c.cell->r0].push_back(&c);
        continue;
      }
      // A label: its lines read as one text, placed on its first line (a label's box over
      // several rows would be taken for a line of its own by the line builder).
      std::string text = cells_.read_label(clean, c.whole);
      if (text.empty()) continue;
      out.words.push_back(word(std::move(text), c.bands.front(), scale));
    }
    for (const auto& [row, figures] : rows) {
      std::vector<PixelBox> boxes;
      for (const InkCell* c : figures) boxes.push_back(c->whole);
      const std::vector<NumberRead> reads = cells_.read_numbers(clean, boxes);
      for (size_t i = 0; i < figures.size() && i < reads.size(); ++i) {
        const NumberRead& r = reads[i];
        if (r.blank) continue;
        out.words.push_back(word(figure_text(r), figures[i]->bands.front(), scale));
        if (r.figure) {
          ++out.numbers_read;
          out.confidence = std::min(out.confidence, r.confidence);
        } else {
          out.unread.push_back(UnreadCell{scale.box(figures[i]->box), r.seen});
        }
      }
    }
  }
  for (TextLineRead& line : cells_.read_lines(prose, PixelBox{0, 0, prose.width, prose.height}))
    if (!line.text.empty()) out.words.push_back(word(std::move(line.text), line.box, scale));
  if (out.numbers_read == 0) out.confidence = 0;
  return out;
}

}  // namespace nianbao
