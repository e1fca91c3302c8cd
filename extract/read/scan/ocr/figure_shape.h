// Whether what Tesseract read in a figure cell is what the ink there shows: the cell's ink (its
// marks, ruling lines and specks left out) and the characters read from it, each with where it
// stood, held against the shapes of the characters of a figure. The cell reader gives a figure
// only where they agree (cell_reader.h).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/read/scan/grey_image.h"

namespace nianbao {

// A pixel darker than this is ink. Scans and JPEG leave ink at 0..100 and paper at 200..255;
// the edges of strokes fall between.
inline constexpr std::uint8_t kDark = 140;

// The ink of a cell, ruling lines and specks left out.
struct CellInk {
  GreyImage image;               // the box of the ink, what is not ink painted white
  std::vector<PixelBox> blobs;   // in `image`
  bool blank() const { return blobs.empty(); }
};

// What one cell got from one read of its row's strip.
struct CellRead {
  std::string text;
  double confidence = 100;
  std::vector<std::pair<double, double>> spans;  // where its characters were, in the cell's ink
  bool stray = false;  // a character read in the white between cells next to it
};

// A figure as tables print it: a number, signed or not, with a decimal point or thousands
// commas ("12", "-2", "+3", "12.5", "1,250"), or a placeholder alone ("/", "-").
bool is_figure_text(const std::string& s);

// Whether the ink under the characters of `read` has the shape of what was read, the row's
// digits being `digit_height` tall: a placeholder ("/", "-") alone in its cell and shaped like
// one; otherwise digits that each print one mark of the full height, no wider than a digit
// prints, as many as their width holds, a sign left of them at mid height ("-" a flat bar, "+"
// as wide as tall), a point or a comma a small mark at their foot. Whatever else is in the cell
// (a speck taken for a character, a character the reads missed) makes it false.
bool fits(const CellInk& ink, const CellRead& read, double digit_height);

}  // namespace nianbao
