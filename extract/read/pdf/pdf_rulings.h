// The ruling lines of a PDF page: the borders a table is drawn with. Word and LibreOffice stroke
// every cell border (`m … l S`), browsers fill thin rectangles; either way a table's cells are
// where its lines say, which word positions alone can only guess. Poppler's text extraction
// does not report them, so the page's content is walked once more with Poppler's core, keeping
// only horizontal and vertical strokes and thin filled rectangles.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/model/model.h"

namespace nianbao {

// Whether a page's lines may be rows of a table (two lines or more with words apart like
// cells), so that its rulings are worth reading: walking a page again costs about what
// extracting its text did.
bool may_hold_table(const std::vector<Line>& lines);

// Whether the rulings of a page reach down to its end, so that a table may go on at the top of
// the next page (where only the rest of a row may be printed).
bool runs_on(const std::vector<Ruling>& rulings, double page_height);

class PdfRulingReader {
 public:
  // Opens the PDF in `bytes` (kept by the caller while this reader lives) with Poppler's core.
  // Must be used while a poppler::document is open (it sets up Poppler's global state and its
  // error handler). A file Poppler's core cannot open gives pages without rulings.
  explicit PdfRulingReader(const std::string& bytes);
  ~PdfRulingReader();
  PdfRulingReader(const PdfRulingReader&) = delete;
  PdfRulingReader& operator=(const PdfRulingReader&) = delete;

  // The rulings of page `index` (0-based), in the coordinates of poppler-cpp's text boxes
  // (points, origin at the top left of the crop box). None when the page cannot be walked or
  // draws more lines than a page of tables has (a drawing, or a hostile file): tables are then
  // rebuilt from word positions alone.
  std::vector<Ruling> page(int index);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nianbao
