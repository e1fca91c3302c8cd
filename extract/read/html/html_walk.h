// Walking the parsed HTML page in reading order: prose lines (one per block, <br> breaks a
// line), table rows as grids, images, and the block containers every line sits in, from which
// html_content.h later picks the report. The first line of an ordered list's item starts with
// the number the browser draws beside it (html_lists.h) when it is a heading or a short line.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

#include "extract/read/html/html_parse.h"

namespace nianbao {

struct HtmlLine {
  std::string text;
  int line = 0;                    // source line of its first character
  std::vector<std::string> cells;  // a table row: its grid (html_grid.h); empty for prose
  int container = 0;               // innermost block container, index into HtmlFlow::parents
  size_t chars = 0, link_chars = 0;  // code points, and how many of them are link text
};

struct HtmlImage {
  size_t before = 0;  // index of the line that follows it
  int line = 0;
};

struct HtmlFlow {
  std::vector<HtmlLine> lines;
  std::vector<int> parents;  // container → enclosing container; -1 for the document
  std::vector<HtmlImage> images;
  std::string title;                 // <title>
  std::map<std::string, std::string> meta;  // <meta name=… content=…>, names lower-cased
};

// A table is laid out for data (the report's tables) when none of its cells holds another
// table or a long text, and some row has two cells; otherwise it is page layout and its cells
// are read as containers of prose.
HtmlFlow walk_html(const ParsedHtml& parsed);

}  // namespace nianbao
