// The loaded PDF behind a Document: the reader reads its pages through it, and keeps it in the
// Document (PageSource) so that the pages can be drawn later without reading the file again.
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
  // Loads the PDF from `bytes`, which it keeps (poppler reads from them for as long as the
  // document lives). document() is null when poppler cannot open them.
  explicit PdfPageSource(std::string bytes);
  ~PdfPageSource() override;
  PdfPageSource(const PdfPageSource&) = delete;
  PdfPageSource& operator=(const PdfPageSource&) = delete;

  const poppler::document* document() const { return doc_.get(); }
  // The file's bytes, for readers that walk the same pages with Poppler's core.
  const std::string& bytes() const { return bytes_; }
  int pages() const override;
  std::optional<RenderedPage> render(int page, double dpi) const override;

 private:
  std::string bytes_;
  std::unique_ptr<poppler::document> doc_;
  mutable std::mutex drawing_;  // poppler documents are not drawn from two threads at once
};

}  // namespace nianbao
