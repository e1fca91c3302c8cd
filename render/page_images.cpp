#include "render/page_images.h"

#include <map>

namespace nianbao {

std::vector<std::pair<size_t, PageMark>> locate_findings(const CheckResult& r) {
  std::vector<std::pair<size_t, PageMark>> out;
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    PageMark mark;
    mark.findings = {i};
    Location loc = f.loc;
    const Cell* cell = nullptr;
    if (auto t = r.report.tables.find(f.table); t != r.report.tables.end() && !f.column.empty())
      if (const TableRow* row = t->second.row(f.row))
        if (auto c = row->cells.find(f.column); c != row->cells.end() && c->second.loc.known()) {
          cell = &c->second;
          loc = cell->loc;
        }
    if (cell && cell->box && cell->box->page == loc.page) {
      mark.page = loc.page;
      mark.cell = true;
      mark.box = cell->box->box;
    } else if (auto line = r.report.line_boxes.find(loc); line != r.report.line_boxes.end()) {
      mark.page = loc.page;
      mark.box = line->second;
    } else {
      continue;
    }
    out.emplace_back(i, mark);
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
