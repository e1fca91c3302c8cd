// Running headers, footers and page numbers ("-3-", "第 3 页 共 6 页") of a PDF: printed on
// every page at the same place, they are not part of the report's text and must not break a
// paragraph that continues on the next page.
#pragma once

#include <vector>

#include "extract/model/model.h"

namespace nianbao {

struct PdfPageLines {
  double height = 0;  // page height in points
  std::vector<Line> lines;
  std::vector<Ruling> rulings;
};

// Removes the furniture lines from every page, in place; a line inside a ruled table of its
// page is never furniture.
void remove_furniture(std::vector<PdfPageLines>& pages);

}  // namespace nianbao
