// The text of a scanned table's cells, read with Tesseract once the grid is known.
//
// Tesseract reads a lone digit badly (a cell alone: `1` read as `4`, a `0` dropped) and a whole
// page slowly and garbled; it reads a line of numbers well. So the value cells of one table row
// are cut out, their ruling lines painted out, and laid side by side in one strip read as one
// line; each character read is given back to the cell it came from. A figure is worth more
// unread than wrong: a cell is only given a value when two reads at different sizes agree and
// the width of its ink fits the digits read.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extract/read/scan/grey_image.h"

namespace tesseract {
class TessBaseAPI;
}

namespace nianbao {

// One figure cell as read: its figure, or nothing when it could not be read with confidence.
struct NumberRead {
  std::optional<std::string> figure;  // "0", "125", "-2", "12.5", "/": as printed, never a guess
  double confidence = 0;              // 0..100, Tesseract's, the lower of the two reads
  std::string seen;                   // what was read, for a message when unreadable ("1?5", "" for blank)
  bool blank = false;                 // the cell holds no ink at all (an empty cell, not unreadable)
};

struct TextLineRead {
  std::string text;
  PixelBox box;  // page pixels
  double confidence = 0;
};

// Tesseract, one engine per language created once (loading chi_sim takes ~100 ms); not
// thread-safe: one per thread.
class CellReader {
 public:
  explicit CellReader(const std::string& tessdata_dir = {});  // empty: Tesseract's default location
  ~CellReader();
  CellReader(const CellReader&) = delete;
  CellReader& operator=(const CellReader&) = delete;

  bool ready() const;  // false when a language could not be loaded (error() says why)
  const std::string& error() const;

  // The figures in one table row's value cells (page pixels, the boxes between the ruling
  // lines), in the order given: numbers with their signs, decimal points and commas, and the
  // placeholders "/" and "-". Each character is accepted only where the ink under it has its
  // shape (a point is a small mark at the digits' foot, a minus a bar at mid height), so that
  // "12.5" is never taken for "125" nor "/" for "1". An empty cell is blank, not unreadable.
  std::vector<NumberRead> read_numbers(const GreyImage& page, const std::vector<PixelBox>& cells);

  // The Chinese text of a label cell: its lines (a label may wrap, or stand one character per
  // line, or be printed turned a quarter) read as one line with chi_sim, spaces between
  // Chinese characters removed. "" for an empty cell.
  std::string read_label(const GreyImage& page, const PixelBox& cell);

  // The text lines of a region of prose (chi_sim, automatic page segmentation), each with its
  // box in page pixels, top to bottom.
  std::vector<TextLineRead> read_lines(const GreyImage& page, const PixelBox& region);

 private:
  std::unique_ptr<tesseract::TessBaseAPI> digits_;   // eng, limited to the characters of a figure
  std::unique_ptr<tesseract::TessBaseAPI> chinese_;  // chi_sim
  std::string error_;
};

}  // namespace nianbao
