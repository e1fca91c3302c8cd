#include "nianbao/locate.h"

#include <algorithm>

#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

// At most `max` characters of the printed text, trimmed; "…" where cut.
std::string shortened(const std::string& text, size_t max) {
  std::string t = compact(text);
  if (utf8_length(t) <= max) return t;
  size_t bytes = 0;
  for (size_t n = 0; n < max && bytes < t.size(); ++n) {
    unsigned char c = static_cast<unsigned char>(t[bytes]);
    bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return t.substr(0, std::min(bytes, t.size())) + "…";
}

// The index of the line at `loc`, or of the last line before it; npos when none.
size_t line_at(const std::vector<const Line*>& lines, const Location& loc) {
  size_t found = std::string::npos;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i]->loc == loc) return i;
    if (lines[i]->loc < loc) found = i;
  }
  return found;
}

std::string row_label(const Line& line) {
  for (const std::string& c : line.cells)
    if (!compact(c).empty()) return shortened(c, 30);
  return shortened(line.text, 30);
}

}  // namespace

void locate_findings(const Document& doc, const Report& report, std::vector<Finding>& findings) {
  if (doc.format != InputFormat::Html) return;
  const std::vector<const Line*> lines = doc.all_lines();
  for (Finding& f : findings) {
    if (!f.loc.known()) continue;
    const size_t at = line_at(lines, f.loc);
    if (at == std::string::npos) continue;
    Where w;
    size_t start = 0;  // the heading's line, or the top
    bool under_heading = false;
    for (const Section& s : report.sections)
      if (s.first_line <= at && s.first_line < lines.size()) {
        w.heading = shortened(lines[s.first_line]->text, 30);
        start = s.first_line;
        under_heading = true;
      }
    if (lines[at]->is_table_row()) {
      w.row = row_label(*lines[at]);
    } else if (!under_heading || at != start) {
      // Paragraphs counted as a reader counts them: prose lines, not table rows.
      for (size_t i = under_heading ? start + 1 : 0; i <= at; ++i) w.paragraph += !lines[i]->is_table_row();
    }
    f.where = w;
  }
}

}  // namespace nianbao
