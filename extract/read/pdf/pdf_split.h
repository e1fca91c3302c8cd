// Words printed across a table border. Poppler makes a word of glyphs set close together, and
// two cells' texts can be that close when a column is narrow ("1" | "2315831.33元" read as
// "12315831.33元"): a word crossed by a vertical ruling is cut there, glyph by glyph, so that
// each cell gets its own text.
#pragma once

#include <vector>

#include "extract/model/model.h"
#include "extract/read/pdf/pdf_lines.h"

namespace nianbao {

// Cuts the words that a vertical ruling crosses (through their middle) where it crosses them;
// a word without glyph boxes is left whole. Returns whether any word was cut.
bool split_at_rulings(std::vector<PdfWord>& words, const std::vector<Ruling>& rulings);

}  // namespace nianbao
