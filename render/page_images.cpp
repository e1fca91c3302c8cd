#include "render/page_images.h"

#include <map>

namespace nianbao {

std::vector<std::pair<size_t, PageMark>> locate_findings(const CheckResult& r) {
  std::vector<std::pair<size_t, PageMark>> out;
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    // The cells the finding names: those it groups, else its one cell.
    std::vector<std::pair<std::string, std::string>> named;
    for (const CellRef& c : f.cells) named.emplace_back(c.row, c.column);
    if (f.cells.empty() && !f.column.empty()) named.emplace_back(f.row, f.column);
    Location loc = f.loc;
    bool marked = false, located = false;
    auto t = r.report.tables.find(f.table);
    for (const auto& [row_key, column] : named) {
      if (t == r.report.tables.end()) break;
      const TableRow* row = t->second.row(row_key);
      auto c = row ? row->cells.find(column) : std::map<std::string, Cell>::const_iterator{};
      if (!row || c == row->cells.end() || !c->second.loc.known()) continue;
      const Cell& cell = c->second;
      if (!located) loc = cell.loc, located = true;
      if (!cell.box || cell.box->page != cell.loc.page) continue;
      PageMark mark;
      mark.findings = {i};
      mark.page = cell.loc.page;
      mark.cell = true;
      mark.box = cell.box->box;
      out.emplace_back(i, mark);
      marked = true;
    }
    if (marked) continue;
    if (auto line = r.report.line_boxes.find(loc); line != r.report.line_boxes.end()) {
      PageMark mark;
      mark.findings = {i};
      mark.page = loc.page;
      mark.box = line->second;
      out.emplace_back(i, mark);
    }
  }
  return out;
}

std::vector<PageImage> render_page_images(const CheckResult& r, double dpi) {
  std::vector<PageImage> images;
  if (!r.ok || !r.report.page_source) return images;
  std::map<int, PageImage> by_page;
  for (auto& [i, mark] : locate_findings(r)) {
    PageImage& img = by_page[mark.page];
    img.page = mark.page;
    img.marks.push_back(std::move(mark));
  }
  for (auto& [page, img] : by_page) {
    // A page that cannot be drawn is left out: the tables and findings are shown all the same.
    auto drawn = r.report.page_source->render(page, dpi);
    if (!drawn) continue;
    img.width = drawn->width;
    img.height = drawn->height;
    img.png_base64 = base64(drawn->png);
    images.push_back(std::move(img));
  }
  return images;
}

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                 static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += digits[(v >> s) & 63];
  }
  if (size_t rest = bytes.size() - i; rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += digits[(v >> 18) & 63];
    out += digits[(v >> 12) & 63];
    out += rest == 2 ? digits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace nianbao
