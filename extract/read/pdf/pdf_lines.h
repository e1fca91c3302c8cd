// From the words of one PDF page (boxes in points, origin top-left) to its lines in reading
// order: words sharing a baseline make a line; a wide gap between words marks table cells.
#pragma once

#include <vector>

#include "extract/model/model.h"
#include "extract/rules/headings.h"

namespace nianbao {

// One word as Poppler's text extraction makes it: glyphs of one font size set close together on
// one baseline.
struct PdfWord {
  std::string text;
  Box box;
  double font_size = 0;  // the size the glyphs are drawn at (text matrix and CTM applied), points
  double baseline = 0;   // y of the baseline
  std::vector<Box> glyphs;  // one per code point of `text` when known (see pdf_split.h)
};

// The lines of a page, top to bottom, each with its words left to right in `spans`. `loc` is
// left for the caller (furniture is removed before lines are numbered). A line whose words
// are separated by a gap wider than a column gap gets `cells`; short lines printed among such
// rows (a label wrapped onto its own line, a group label printed one character per line) get a
// single cell, so that they are read as part of the table and not as prose.
std::vector<Line> build_lines(std::vector<PdfWord> words, const HeadingRules& headings);

}  // namespace nianbao
