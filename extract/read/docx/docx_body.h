// The body of a DOCX (word/document.xml) as lines: a paragraph per line (a manual line break
// starts another), a table row per line with its cells as a grid (extract/read/html/html_grid.h).
//
// Location: `line` is the number of the block in the body, counting every paragraph (empty
// ones too, as the author pressed Enter) and every table row once; `page` counts page breaks:
// the breaks Word recorded when it last laid the document out (w:lastRenderedPageBreak) when
// the file has them, otherwise the explicit ones (page breaks, “page break before”, section
// breaks that start a new page).
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "extract/read/docx/docx_numbering.h"
#include "extract/model/model.h"

namespace nianbao {

struct DocxBody {
  std::vector<Line> lines;
  struct Image {
    size_t before = 0;  // index of the line that follows it
    int paragraph = 0;
  };
  std::vector<Image> images;  // pictures (w:drawing, w:pict) in reading order
  int pages = 1;
};

DocxBody read_docx_body(const xmlDoc* document, DocxNumbering& numbering);

}  // namespace nianbao
