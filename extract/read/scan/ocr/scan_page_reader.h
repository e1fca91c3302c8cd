// One scanned page read: straightened, its ruling lines found, its ruled tables cut into cells
// as a text PDF's are (grid_geometry.h), each figure cell read with the other figures of its
// row, each label cell read in Chinese, and the prose around the tables read line by line. What
// comes out is words and rulings in page points, as the text layer of a PDF gives them.
#pragma once

#include "extract/read/scan/ocr/cell_reader.h"
#include "extract/read/scan/scan_reader.h"

namespace nianbao {

class ScanPageReader : public ScanReader {
 public:
  explicit ScanPageReader(const std::string& tessdata_dir = {}) : cells_(tessdata_dir) {}
  bool ready() const { return cells_.ready(); }
  const std::string& error() const { return cells_.error(); }
  ScannedPage read(const GreyImage& page) override;

 private:
  CellReader cells_;
};

}  // namespace nianbao
