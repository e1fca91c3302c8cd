// Page images of a PDF report with the places of the findings boxed: the offending table
// cells and prose lines, located through the word boxes the PDF reader keeps.
#pragma once

#include <string>
#include <vector>

#include "extract/model/model.h"
#include "extract/model/check_result.h"
#include "extract/rules/headings.h"

namespace nianbao {

struct Rules;

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
// without one. `doc` is the PDF as the reader returned it.
std::vector<std::pair<size_t, PageMark>> locate_findings(const CheckResult& r, const Document& doc);

// Reads the PDF again, renders every page carrying a mark at `dpi` and returns the images.
// Empty for other formats or when the file cannot be rendered (the report still shows the
// tables and findings). Temporary files live in a private directory removed before returning.
std::vector<PageImage> render_page_images(const CheckResult& r, const HeadingRules& headings, double dpi = 110);

std::string base64(const std::string& bytes);

}  // namespace nianbao
