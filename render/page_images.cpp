#include "render/page_images.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <sstream>

#include "extract/model/errors.h"
#include "extract/read/pdf/pdf_reader.h"

namespace nianbao {

namespace {

using LineIndex = std::map<std::pair<int, int>, const Line*>;

LineIndex index_lines(const Document& doc) {
  LineIndex m;
  for (const auto& p : doc.pages)
    for (const auto& l : p.lines)
      if (l.box) m[{l.loc.page, l.loc.line}] = &l;
  return m;
}

// The span of `line` that printed `cell`: several cells of a row may print the same text
// ("0" five times), so the k-th span with that text for the k-th such cell of the line.
std::optional<Box> cell_box(const Table& t, const TableRow& row, const std::string& col,
                            const Line& line) {
  auto it = row.cells.find(col);
  if (it == row.cells.end() || it->second.text.empty()) return std::nullopt;
  const Cell& cell = it->second;
  int k = 0;
  // Cells before this one on the same printed line with the same text (wide rows of part 4
  // put several table rows on one line, hence all rows, in column order).
  for (const auto& r : t.rows)
    for (const auto& c : t.columns) {
      if (&r == &row && c == col) goto counted;
      if (auto o = r.cells.find(c); o != r.cells.end() && o->second.loc == cell.loc &&
                                    o->second.text == cell.text)
        ++k;
    }
counted:
  for (const auto& s : line.spans)
    if (s.text == cell.text && k-- == 0) return s.box;
  return std::nullopt;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A directory only this process can read (mkdtemp creates it 0700), removed with its files.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "nianbao-pages-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

std::vector<std::pair<size_t, PageMark>> locate_findings(const CheckResult& r, const Document& doc) {
  std::vector<std::pair<size_t, PageMark>> out;
  LineIndex lines = index_lines(doc);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    PageMark mark;
    mark.findings = {i};
    Location loc = f.loc;
    const Table* t = nullptr;
    const TableRow* row = nullptr;
    if (auto ti = r.report.tables.find(f.table); ti != r.report.tables.end()) {
      t = &ti->second;
      row = t->row(f.row);
      if (row && !f.column.empty())
        if (auto c = row->cells.find(f.column); c != row->cells.end() && c->second.loc.known())
          loc = c->second.loc;
    }
    auto li = lines.find({loc.page, loc.line});
    if (li == lines.end()) continue;
    std::optional<Box> b;
    if (t && row && !f.column.empty()) b = cell_box(*t, *row, f.column, *li->second);
    mark.page = loc.page;
    mark.cell = b.has_value();
    mark.box = b ? *b : *li->second->box;
    out.emplace_back(i, mark);
  }
  return out;
}

std::vector<PageImage> render_page_images(const CheckResult& r, const HeadingRules& headings, double dpi) {
  std::vector<PageImage> images;
  if (!r.ok || r.format != InputFormat::Pdf) return images;
  try {
    Document doc = read_pdf_file(r.file, headings);
    std::map<int, PageImage> by_page;
    for (auto& [i, mark] : locate_findings(r, doc)) {
      int page = mark.page;
      by_page[page].page = page;
      by_page[page].marks.push_back(mark);
    }
    if (by_page.empty()) return images;
    std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(r.file));
    if (!pdf || pdf->is_locked()) return images;
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
    TempDir dir;
    if (dir.path.empty()) return images;
    for (auto& [page, img] : by_page) {
      if (page < 1 || page > pdf->pages()) continue;
      std::unique_ptr<poppler::page> p(pdf->create_page(page - 1));
      if (!p) continue;
      poppler::rectf rect = p->page_rect();
      img.width = rect.width();
      img.height = rect.height();
      poppler::image rendered = renderer.render_page(p.get(), dpi, dpi);
      std::string file = (dir.path / ("page-" + std::to_string(page) + ".png")).string();
      if (!rendered.is_valid() || !rendered.save(file, "png")) continue;
      img.png_base64 = base64(read_all(file));
      std::filesystem::remove(file);
      images.push_back(std::move(img));
    }
  } catch (const ReadError&) {
    images.clear();  // the tables and findings are shown all the same
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
