// The PDF behind a Document, kept in it (PageSource) so that its pages can be drawn later
// without reading the file again. Drawing uses Poppler's own renderer (Splash), as pdftoppm
// does; the document is opened the first time a page is drawn (most checks draw none).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "extract/model/page_source.h"
#include "extract/read/scan/grey_image.h"

namespace nianbao {

// The most pixels a page is drawn with: an A2 page at 300 dpi is 35 million. Drawn in grey a
// page of them is 40 MB, and the reader of scanned pages keeps a few copies of it.
inline constexpr double kMaxDrawnPixels = 40e6;

class PdfPageSource : public PageSource {
 public:
  // Keeps the PDF's `bytes` (poppler reads from them for as long as the document lives).
  explicit PdfPageSource(std::string bytes);
  ~PdfPageSource() override;
  PdfPageSource(const PdfPageSource&) = delete;
  PdfPageSource& operator=(const PdfPageSource&) = delete;

  // The file's bytes.
  const std::string& bytes() const { return bytes_; }
  int pages() const override;
  std::optional<RenderedPage> render(int page, double dpi) const override;
  // Page `page` (1-based) drawn in grey at `dpi`, as the scanned-page reader reads it; nothing
  // when it cannot be drawn.
  std::optional<GreyImage> render_grey(int page, double dpi) const;
  // `dpi`, or less where page `page` (1-based) drawn at `dpi` would be more than
  // kMaxDrawnPixels: no page is drawn larger (a page of a poster, or a page box of metres).
  double fitting_dpi(int page, double dpi) const;

  // What a page shows drawn coarsely in grey: something darker than a threshold, nothing, or
  // nothing while Poppler complained as it drew (a picture it could not decode).
  enum class Ink { some, none, undecodable };
  // `page` (1-based) drawn in grey at `dpi` (less on a very large page), ink being darker than
  // `threshold` (0-255).
  Ink ink(int page, double dpi, int threshold) const;

 private:
  struct Drawing;
  std::string bytes_;
  mutable std::once_flag opened_;
  mutable std::unique_ptr<Drawing> drawing_;
  mutable std::mutex lock_;  // a document is not drawn from two threads at once

  // The document, opened on the first call; null when it cannot be opened.
  Drawing* opened() const;
};

}  // namespace nianbao
