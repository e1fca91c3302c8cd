#include "extract/read/pdf/pdf_page_source.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <cstdint>
#include <cstring>

#include "extract/read/pdf/png_write.h"

namespace nianbao {

PdfPageSource::PdfPageSource(std::string bytes) : bytes_(std::move(bytes)) {}

const poppler::document* PdfPageSource::document() const {
  std::call_once(opened_, [this] {
    if (bytes_.size() <= static_cast<size_t>(INT_MAX))
      doc_.reset(poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size())));
  });
  return doc_.get();
}

PdfPageSource::~PdfPageSource() = default;

int PdfPageSource::pages() const {
  const poppler::document* d = document();
  return d && !d->is_locked() ? d->pages() : 0;
}

std::optional<RenderedPage> PdfPageSource::render(int page, double dpi) const {
  std::lock_guard<std::mutex> lock(drawing_);
  if (page < 1 || page > pages()) return std::nullopt;
  std::unique_ptr<poppler::page> p(doc_->create_page(page - 1));
  if (!p) return std::nullopt;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image img = renderer.render_page(p.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return std::nullopt;
  // ARGB32: one native-endian 32-bit word 0xAARRGGBB per pixel.
  const int w = img.width(), h = img.height();
  std::string rgb(static_cast<size_t>(w) * static_cast<size_t>(h) * 3, '\0');
  const char* data = img.const_data();
  size_t at = 0;
  for (int y = 0; y < h; ++y) {
    const char* row = data + static_cast<size_t>(y) * static_cast<size_t>(img.bytes_per_row());
    for (int x = 0; x < w; ++x) {
      std::uint32_t px;
      std::memcpy(&px, row + static_cast<size_t>(x) * 4, 4);
      rgb[at++] = static_cast<char>((px >> 16) & 0xff);
      rgb[at++] = static_cast<char>((px >> 8) & 0xff);
      rgb[at++] = static_cast<char>(px & 0xff);
    }
  }
  poppler::rectf rect = p->page_rect();
  return RenderedPage{rect.width(), rect.height(), png_from_rgb(w, h, rgb)};
}

}  // namespace nianbao
