// Page images of a PDF report with the places of the findings boxed: the offending table
// cells and prose lines, located through the boxes the report keeps.
#pragma once

#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/model/check_result.h"

namespace nianbao {

struct PageMark {
  int page = 0;          // 1-based: the page of the cell or line
  Box box;               // page coordinates (points, origin top-left)
  std::vector<size_t> findings;  // indices into CheckResult::findings
  bool cell = false;     // a table cell (else a line of prose)
};

struct PageImage {
  int page = 0;                  // 1-based
  double width = 0, height = 0;  // page size in points
  std::string png_base64;        // the rendered page
  std::vector<PageMark> marks;
};

// The box of each finding that has a place on a page, by finding index; nothing for findings
// without one. A cell's box where the report keeps it, else the box of the finding's line.
std::vector<std::pair<size_t, PageMark>> locate_findings(const CheckResult& r);

// Every page carrying a mark, drawn at `dpi` from the pages the reader kept with the report
// (Report::page_source): the input is not read again. Empty for sources without pages to draw.
std::vector<PageImage> render_page_images(const CheckResult& r, double dpi = 110);

std::string base64(const std::string& bytes);

}  // namespace nianbao
