#include "extract/read/pdf/pdf_reader.h"

#include <algorithm>
#include <memory>
#include <string_view>

#include "extract/model/errors.h"
#include "extract/read/input_file.h"
#include "extract/read/pdf/pdf_document.h"
#include "extract/read/pdf/pdf_furniture.h"
#include "extract/read/pdf/pdf_page_source.h"
#include "extract/read/pdf/pdf_lines.h"
#include "extract/read/pdf/pdf_rulings.h"
#include "extract/read/pdf/pdf_split.h"
#include "extract/read/pdf/pdf_text_check.h"
#include "extract/read/scan/scan_reader.h"

namespace nianbao {

namespace {

// A page without text is rendered this coarsely to see whether anything is printed on it
// (a scan) or it is blank: enough to see a page of text, cheap for a few pages.
constexpr double kInkDpi = 12.0;
constexpr int kInkThreshold = 200;  // gray level below which a pixel is ink
// Scanned pages among the pages that are not blank beyond which the report cannot be checked:
// with half its pages images, its parts and tables are mostly unreadable.
constexpr double kMaxScannedShare = 0.5;
// A page without text whose pictures declare more pixels than this is not drawn: an A3 page
// scanned at 1200 dpi is 280 million, decoded in about a second, while a picture that declares
// billions in a few bytes of data (a JBIG2 region of 100 000 × 100 000) would be decoded for
// minutes in gigabytes. Such a page is a scanned page not read.
constexpr double kMaxPicturePixels = 400e6;

std::string_view head(const std::string& bytes, size_t n) { return std::string_view(bytes).substr(0, n); }
std::string_view tail(const std::string& bytes, size_t n) {
  return std::string_view(bytes).substr(bytes.size() > n ? bytes.size() - n : 0);
}

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

// A page's words made into lines, with its rulings where a table may be.
void lay_out(PdfPageLines& here, std::vector<PdfWord> words, std::vector<Ruling> rulings,
             const PdfPageLines* before, const HeadingRules& headings) {
  here.lines = build_lines(words, headings);
  // The rulings are given to the table builders only where a table may be.
  if (may_hold_table(here.lines) || (before && runs_on(before->rulings, before->height))) {
    here.rulings = std::move(rulings);
    // Words set across a table border belong to two cells.
    if (split_at_rulings(words, here.rulings)) here.lines = build_lines(std::move(words), headings);
  }
}

// The scanned pages of one PDF read by OCR, the reader made on the first of them. Without the
// OCR module the pages stay unread, as scanned pages without a text layer.
class Scans {
 public:
  // Page `page`, drawn at the resolution reading wants (kScanDpi).
  ScannedPage* read(const PdfPageSource& source, int page) {
    if (!tried_) {
      tried_ = true;
      std::string why;
      reader_ = make_scan_reader(&why);
    }
    if (!reader_) return nullptr;
    // A page too large to be drawn at a resolution its figures can be read at (a poster, a page
    // box of metres) is not read.
    const double dpi = source.fitting_dpi(page, kScanDpi);
    if (dpi < kMinScanDpi) return nullptr;
    std::optional<GreyImage> image = source.render_grey(page, dpi);
    if (!image) return nullptr;
    last_ = reader_->read(*image);
    // Nothing read (a photograph, a page of noise): the page stays unread, as without OCR.
    if (last_.words.empty()) return nullptr;
    pages_.push_back(page);
    figures_ += last_.numbers_read;
    if (last_.numbers_read > 0) confidence_ = std::min(confidence_, last_.confidence);
    return &last_;
  }
  void note(SourceNotes& notes) const {
    notes.ocr_pages = pages_;
    notes.ocr_figures = figures_;
    notes.ocr_confidence = figures_ > 0 ? confidence_ : 0;
  }

 private:
  bool tried_ = false;
  std::unique_ptr<ScanReader> reader_;
  ScannedPage last_;
  std::vector<int> pages_;
  int figures_ = 0;
  double confidence_ = 100;
};

}  // namespace

Document read_pdf_bytes(std::string bytes, const std::string& path, const HeadingRules& headings,
                        const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  if (head(bytes, 1024).find("%PDF-") == std::string_view::npos)
    fail("not_a_pdf", path, "不是 PDF 文件", "not a PDF file");
  // A file cut short (an interrupted download) lacks its end marker; poppler rebuilds what it
  // can and complains: reading on would silently lose the rest of the report.
  const bool truncated = tail(bytes, 2048).find("%%EOF") == std::string_view::npos;
  // The bytes stay with the Document: its pages are drawn from them later.
  auto source = std::make_shared<const PdfPageSource>(std::move(bytes));
  PdfDocument pdf(source->bytes());
  if (pdf.status() == PdfDocument::Status::encrypted)
    fail("encrypted", path, "PDF 文件有打开密码，无法读取", "encrypted PDF with a user password");
  if (pdf.status() != PdfDocument::Status::ok)
    fail("damaged", path, "PDF 文件已损坏，无法打开", "damaged PDF, cannot be opened");
  if (truncated && pdf.open_errors() > 0)
    fail("damaged", path, "PDF 文件不完整或已损坏", "truncated or damaged PDF");
  int n = pdf.pages();
  if (n <= 0) fail("no_pages", path, "PDF 文件没有页面", "PDF has no pages");
  check_page_count(path, static_cast<std::uint64_t>(n), limits);

  Document doc;
  doc.path = path;
  doc.format = InputFormat::Pdf;
  doc.page_source = source;
  doc.properties = pdf.info();
  std::vector<PdfPageLines> pages(static_cast<size_t>(n));
  TextLayerCount count;
  int scanned = 0, blank = 0, broken = 0;
  std::vector<int> scanned_pages;
  Scans scans;
  for (int i = 0; i < n; ++i) {
    // One page at a time, its text and rulings read in one pass: its words become lines and
    // the page is released before the next.
    std::optional<PdfPageContent> content = pdf.page(i);
    if (!content) {
      ++broken;
      continue;
    }
    PdfPageLines& here = pages[static_cast<size_t>(i)];
    here.height = content->height;
    std::vector<PdfWord> words;
    words.reserve(content->words.size());
    for (PdfWord& w : content->words) {
      count.add(w.text);
      if (w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      words.push_back(std::move(w));
    }
    const PdfPageLines* before = i > 0 ? &pages[static_cast<size_t>(i) - 1] : nullptr;
    if (words.empty()) {
      using Ink = PdfPageSource::Ink;
      // A page not drawn is a picture, not read.
      const bool drawable = pdf.picture_pixels(i) <= kMaxPicturePixels;
      const Ink ink = drawable ? source->ink(i + 1, kInkDpi, kInkThreshold) : Ink::some;
      ScannedPage* read = nullptr;
      if (ink == Ink::none) {
        ++blank;
      } else if (ink == Ink::undecodable) {
        ++broken;  // a page whose picture cannot be decoded is a page that cannot be read
      } else if (drawable && (read = scans.read(*source, i + 1))) {
        // A picture of a page, read by OCR into words and rulings as a text layer gives them.
        lay_out(here, std::move(read->words), std::move(read->rulings), before, headings);
      } else {
        ++scanned;
        scanned_pages.push_back(i + 1);
      }
      continue;
    }
    lay_out(here, std::move(words), std::move(content->rulings), before, headings);
  }
  scans.note(doc.notes);
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
         "PDF 文字层是乱码（字体缺少正确的 Unicode 映射）：" + std::to_string(count.chars) + " 个字符中 " +
             std::to_string(count.wrong()) + " 个无法识别，" + std::to_string(count.han) + " 个汉字",
         "garbled text layer, fonts without a correct Unicode map: " + std::to_string(count.wrong()) + " of " +
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
