#include "extract/read/pdf/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <string_view>

#include "extract/model/errors.h"
#include "extract/read/input_file.h"
#include "extract/read/pdf/pdf_furniture.h"
#include "extract/read/pdf/pdf_page_source.h"
#include "extract/read/pdf/pdf_lines.h"
#include "extract/read/pdf/pdf_rulings.h"
#include "extract/read/pdf/pdf_split.h"
#include "extract/read/pdf/pdf_text_check.h"

namespace nianbao {

namespace {

// A page without text is rendered this coarsely to see whether anything is printed on it
// (a scan) or it is blank: enough to see a page of text, cheap for a few pages.
constexpr double kInkDpi = 12.0;
constexpr int kInkThreshold = 200;  // gray level below which a pixel is ink
// Scanned pages among the pages that are not blank beyond which the report cannot be checked:
// with half its pages images, its parts and tables are mostly unreadable.
constexpr double kMaxScannedShare = 0.5;

// Poppler reports syntax problems on stderr; they are counted per thread instead, to tell a
// damaged file from a sound one.
thread_local int g_poppler_errors = 0;
void count_error(const std::string&, void*) { ++g_poppler_errors; }

std::string_view head(const std::string& bytes, size_t n) { return std::string_view(bytes).substr(0, n); }
std::string_view tail(const std::string& bytes, size_t n) {
  return std::string_view(bytes).substr(bytes.size() > n ? bytes.size() - n : 0);
}

std::string utf8(const poppler::ustring& u) {
  auto b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

bool has_ink(const poppler::page& page) {
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  poppler::image img = r.render_page(&page, kInkDpi, kInkDpi);
  if (!img.is_valid()) return false;
  const char* data = img.const_data();
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      if (static_cast<unsigned char>(data[y * img.bytes_per_row() + x]) < kInkThreshold)
        return true;
  return false;
}

void read_info(const poppler::document& d, Document& doc) {
  for (const char* key : {"Title", "Author", "Subject", "Creator", "Producer"}) {
    std::string v = utf8(d.info_key(key));
    if (!v.empty()) doc.properties[key] = v;
  }
  for (const char* key : {"CreationDate", "ModDate"}) {
    time_t t = d.info_date_t(key);
    if (t <= 0) continue;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    doc.properties[key] = buf;
  }
}

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

}  // namespace

Document read_pdf_bytes(std::string bytes, const std::string& path, const HeadingRules& headings,
                        const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  if (head(bytes, 1024).find("%PDF-") == std::string_view::npos)
    fail("not_a_pdf", path, "不是 PDF 文件", "not a PDF file");
  // A file cut short (an interrupted download) lacks its end marker; poppler rebuilds what it
  // can and complains: reading on would silently lose the rest of the report.
  const bool truncated = tail(bytes, 2048).find("%%EOF") == std::string_view::npos;
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(count_error, nullptr); });
  g_poppler_errors = 0;
  // The loaded document stays with the Document: its pages are drawn from it later.
  auto source = std::make_shared<const PdfPageSource>(std::move(bytes));
  const poppler::document* d = source->document();
  if (!d) fail("damaged", path, "PDF 文件已损坏，无法打开", "damaged PDF, cannot be opened");
  if (d->is_locked())
    fail("encrypted", path, "PDF 文件有打开密码，无法读取", "encrypted PDF with a user password");
  if (truncated && g_poppler_errors > 0)
    fail("damaged", path, "PDF 文件不完整或已损坏", "truncated or damaged PDF");
  int n = d->pages();
  if (n <= 0) fail("no_pages", path, "PDF 文件没有页面", "PDF has no pages");
  check_page_count(path, static_cast<std::uint64_t>(n), limits);

  Document doc;
  doc.path = path;
  doc.format = InputFormat::Pdf;
  doc.page_source = source;
  read_info(*d, doc);
  std::vector<PdfPageLines> pages(static_cast<size_t>(n));
  TextLayerCount count;
  int scanned = 0, blank = 0, broken = 0;
  std::vector<int> scanned_pages;
  PdfRulingReader rulings(source->bytes());
  for (int i = 0; i < n; ++i) {
    // One page at a time: its words become lines and the page is released before the next.
    std::unique_ptr<poppler::page> page(d->create_page(i));
    if (!page) {
      ++broken;
      continue;
    }
    pages[static_cast<size_t>(i)].height = page->page_rect().height();
    std::vector<PdfWord> words;
    // Without font info: asking poppler for it costs a third more than the whole text
    // extraction; the height of a word's box serves as its font size (the same for CJK text,
    // a little more for Latin digits), which is all the line and cell gaps need.
    for (auto& b : page->text_list()) {
      std::string t = utf8(b.text());
      count.add(t);
      if (t.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      auto r = b.bbox();
      std::vector<Box> glyphs = glyph_boxes(b, t);
      words.push_back({std::move(t), Box{r.left(), r.top(), r.right(), r.bottom()},
                       r.height(), std::move(glyphs)});
    }
    if (words.empty()) {
      if (has_ink(*page)) {
        ++scanned;
        scanned_pages.push_back(i + 1);
      } else {
        ++blank;
      }
      continue;
    }
    PdfPageLines& here = pages[static_cast<size_t>(i)];
    here.lines = build_lines(words, headings);
    const PdfPageLines* before = i > 0 ? &pages[static_cast<size_t>(i) - 1] : nullptr;
    if (may_hold_table(here.lines) || (before && runs_on(before->rulings, before->height))) {
      here.rulings = rulings.page(i);
      // Words set across a table border belong to two cells.
      if (split_at_rulings(words, here.rulings)) here.lines = build_lines(std::move(words), headings);
    }
  }
  if (broken > 0)
    fail("damaged", path, "PDF 文件已损坏：" + std::to_string(n) + " 页中 " + std::to_string(broken) + " 页无法读取",
         "damaged PDF: " + std::to_string(broken) + " of " + std::to_string(n) + " pages cannot be read");
  int printed = n - blank;
  if (scanned > 0 && (scanned == printed ||
                      static_cast<double>(scanned) > kMaxScannedShare * static_cast<double>(printed)))
    fail("no_text_layer", path,
         "扫描件，没有文字层：" + std::to_string(n) + " 页中 " + std::to_string(scanned) + " 页只有图像",
         "scanned PDF without a text layer: " + std::to_string(scanned) + " of " + std::to_string(n) + " pages");
  if (printed == 0) fail("no_text_layer", path, "PDF 文件所有页面都是空白", "every page of the PDF is blank");
  if (count.garbled())
    fail("garbled_text", path,
         "PDF 文字层是乱码（字体缺少 Unicode 映射）：" + std::to_string(count.chars) + " 个字符中 " +
             std::to_string(count.unreadable) + " 个无法识别，" + std::to_string(count.han) + " 个汉字",
         "garbled text layer, fonts without a Unicode map: " + std::to_string(count.unreadable) + " of " +
             std::to_string(count.chars) + " characters unreadable, " + std::to_string(count.han) + " Chinese");
  doc.notes.scanned_pages = std::move(scanned_pages);

  remove_furniture(pages);
  doc.pages.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    Page p;
    p.number = static_cast<int>(i) + 1;
    p.lines = std::move(pages[i].lines);
    p.rulings = std::move(pages[i].rulings);
    for (size_t k = 0; k < p.lines.size(); ++k) p.lines[k].loc = {p.number, static_cast<int>(k) + 1};
    doc.pages.push_back(std::move(p));
  }
  return doc;
}

Document read_pdf_file(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  return read_pdf_bytes(read_input_bytes(path, limits), path, headings, limits);
}

}  // namespace nianbao
