#include "nianbao/locate.h"

#include <algorithm>

#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"

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

// The index of the line at `loc`, or of the last line before it; npos when none. An HTML
// document's lines are in reading order, their places increasing (source line, then block).
size_t line_at(const std::vector<const Line*>& lines, const Location& loc) {
  auto after = std::upper_bound(lines.begin(), lines.end(), loc,
                                [](const Location& l, const Line* line) { return l < line->loc; });
  return after == lines.begin() ? std::string::npos : static_cast<size_t>(after - lines.begin()) - 1;
}

// Whether a cell's text can name its row: a value cannot (a number, a placeholder such as "—";
// a row of values whose labels are merged cells printed on an earlier row starts with one).
bool names_a_row(const std::string& text) {
  const std::string c = compact(text);
  return !c.empty() && !parse_number(c) && !is_placeholder(c);
}

// The row's label: its first cell that can name it; "" when none can.
std::string row_label(const Line& line) {
  for (const std::string& c : line.cells)
    if (names_a_row(c)) return shortened(c, 30);
  return line.cells.empty() && names_a_row(line.text) ? shortened(line.text, 30) : "";
}

// The label of the table row at `at`, else of the nearest row above it in the same table that
// has one, else below it.
std::string row_label_near(const std::vector<const Line*>& lines, size_t at) {
  for (size_t i = at + 1; i-- > 0 && lines[i]->is_table_row();)
    if (std::string label = row_label(*lines[i]); !label.empty()) return label;
  for (size_t i = at + 1; i < lines.size() && lines[i]->is_table_row(); ++i)
    if (std::string label = row_label(*lines[i]); !label.empty()) return label;
  return shortened(lines[at]->text, 30);
}

}  // namespace

void locate_findings(const Document& doc, const Report& report, std::vector<Finding>& findings) {
  if (doc.format != InputFormat::Html) return;
  const std::vector<const Line*> lines = doc.all_lines();
  // prose[i]: the prose lines (paragraphs as a reader counts them, not table rows) before line i.
  std::vector<int> prose(lines.size() + 1, 0);
  for (size_t i = 0; i < lines.size(); ++i) prose[i + 1] = prose[i] + !lines[i]->is_table_row();
  for (Finding& f : findings) {
    if (!f.loc.known()) continue;
    const size_t at = line_at(lines, f.loc);
    if (at == std::string::npos) continue;
    Where w;
    // The nearest part heading at or above the place (parts may be printed out of order).
    const Section* part = nullptr;
    for (const Section& s : report.sections)
      if (s.first_line <= at && s.first_line < lines.size() && (!part || s.first_line > part->first_line)) part = &s;
    if (part) w.heading = shortened(lines[part->first_line]->text, 30);
    if (lines[at]->is_table_row())
      w.row = row_label_near(lines, at);
    else if (!part || at != part->first_line)
      w.paragraph = prose[at + 1] - (part ? prose[part->first_line + 1] : 0);
    f.where = w;
  }
}

}  // namespace nianbao
