// The PDF behind a Document, kept in it (PageSource) so that its pages can be drawn later
// without reading the file again. Drawing uses poppler-cpp; the document is opened the first
// time a page is drawn (most checks draw none).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "extract/model/page_source.h"

namespace poppler {
class document;
}

namespace nianbao {

class PdfPageSource : public PageSource {
 public:
  // Keeps the PDF's `bytes` (poppler reads from them for as long as the document lives).
  explicit PdfPageSource(std::string bytes);
  ~PdfPageSource() override;
  PdfPageSource(const PdfPageSource&) = delete;
  PdfPageSource& operator=(const PdfPageSource&) = delete;

  // The document opened with poppler-cpp (on the first call); null when it cannot be opened.
  const poppler::document* document() const;
  // The file's bytes.
  const std::string& bytes() const { return bytes_; }
  int pages() const override;
  std::optional<RenderedPage> render(int page, double dpi) const override;

 private:
  std::string bytes_;
  mutable std::once_flag opened_;
  mutable std::unique_ptr<poppler::document> doc_;
  mutable std::mutex drawing_;  // poppler documents are not drawn from two threads at once
};

}  // namespace nianbao
