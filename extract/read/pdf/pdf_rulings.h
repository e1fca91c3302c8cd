// The ruling lines of a PDF page: the borders a table is drawn with. Word and LibreOffice stroke
// every cell border (`m … l S`), browsers fill thin rectangles; either way a table's cells are
// where its lines say, which word positions alone can only guess. They are collected from the
// paths Poppler paints while a page's text is read (pdf_document.h): horizontal and vertical
// strokes and thin filled rectangles, in device space.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/model/model.h"

class GfxState;

namespace nianbao {

// Whether a page's lines may be rows of a table (two lines or more with words apart like
// cells), so that its rulings are given to the table builders.
bool may_hold_table(const std::vector<Line>& lines);

// Whether the rulings of a page reach down to its end, so that a table may go on at the top of
// the next page (where only the rest of a row may be printed).
bool runs_on(const std::vector<Ruling>& rulings, double page_height);

// Collects the rulings of one page from the paths painted on it, in the device space of the
// text (points, origin at the top left of the page, y downwards).
class RulingCollector {
 public:
  // A new page of `width` × `height` device units: what was collected is dropped.
  void start(double width, double height);
  void stroke(const GfxState& state);
  void fill(const GfxState& state);
  // Whether the page drew more lines than a page of tables has (a drawing, or a hostile file):
  // collecting stopped, and its rulings are none.
  bool over() const { return over_; }
  // The rulings of the page; none when over().
  std::vector<Ruling> take();

 private:
  bool count(int n);
  void add(bool horizontal, double at, double a, double b);
  void segment(const GfxState& state, double ux0, double uy0, double ux1, double uy1);

  std::vector<Ruling> rulings_;
  size_t points_ = 0;
  bool over_ = false;
  double width_ = 0, height_ = 0;
};

}  // namespace nianbao
