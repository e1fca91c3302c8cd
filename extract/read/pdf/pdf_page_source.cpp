#include "extract/read/pdf/pdf_page_source.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "extract/read/pdf/pdf_errors.h"
#include "extract/read/pdf/png_write.h"

namespace nianbao {

struct PdfPageSource::Drawing {
  GlobalParamsIniter params{count_poppler_error};
  std::unique_ptr<PDFDoc> doc;
};

PdfPageSource::PdfPageSource(std::string bytes) : bytes_(std::move(bytes)) {}

PdfPageSource::~PdfPageSource() = default;

PdfPageSource::Drawing* PdfPageSource::opened() const {
  std::call_once(opened_, [this] {
    auto d = std::make_unique<Drawing>();
    auto* stream = new MemStream(bytes_.data(), 0, static_cast<Goffset>(bytes_.size()), Object(objNull));
    d->doc = std::make_unique<PDFDoc>(stream);  // owns the stream
    if (d->doc->isOk()) drawing_ = std::move(d);
  });
  return drawing_.get();
}

int PdfPageSource::pages() const {
  const Drawing* d = opened();
  return d ? d->doc->getNumPages() : 0;
}

namespace {

// The pixels of page `page` of `doc` drawn at `dpi` (its crop box, as drawn).
double pixels_at(PDFDoc& doc, int page, double dpi) {
  const double scale = dpi / 72.0;
  return doc.getPageCropWidth(page) * scale * doc.getPageCropHeight(page) * scale;
}

// `dpi`, lowered so that page `page` of `doc` is drawn with kMaxDrawnPixels at most.
double fitting(PDFDoc& doc, int page, double dpi) {
  const double pixels = pixels_at(doc, page, dpi);
  return pixels > kMaxDrawnPixels ? dpi * std::sqrt(kMaxDrawnPixels / pixels) : dpi;
}

// Page `page` of `doc` drawn at `dpi` in `mode` on white, handed to `use`; false when it could
// not be drawn, or would be larger than kMaxDrawnPixels (a dpi not fitted). Antialiased, as a
// viewer shows the page.
bool draw(PDFDoc& doc, int page, double dpi, SplashColorMode mode, const std::function<void(SplashBitmap&)>& use) {
  if (pixels_at(doc, page, dpi) > kMaxDrawnPixels * 1.001) return false;
  SplashColor white = {255, 255, 255, 255};
  SplashOutputDev device(mode, 4, false, white, true);
  device.setFontAntialias(true);
  device.setVectorAntialias(true);
  device.startDoc(&doc);
  doc.displayPageSlice(&device, page, dpi, dpi, 0, false, true, false, -1, -1, -1, -1);
  SplashBitmap* bitmap = device.getBitmap();
  if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) return false;
  use(*bitmap);
  return true;
}

}  // namespace

std::optional<RenderedPage> PdfPageSource::render(int page, double dpi) const {
  std::lock_guard<std::mutex> lock(lock_);
  if (page < 1 || page > pages()) return std::nullopt;
  PDFDoc& doc = *drawing_->doc;
  std::string png;
  const bool drawn = draw(doc, page, fitting(doc, page, dpi), splashModeRGB8, [&](SplashBitmap& b) {
    const int w = b.getWidth(), h = b.getHeight();
    std::string rgb;
    rgb.reserve(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    const auto* data = reinterpret_cast<const char*>(b.getDataPtr());
    for (int y = 0; y < h; ++y)
      rgb.append(data + static_cast<size_t>(y) * static_cast<size_t>(b.getRowSize()), static_cast<size_t>(w) * 3);
    png = png_from_rgb(w, h, rgb);
  });
  if (!drawn) return std::nullopt;
  return RenderedPage{doc.getPageCropWidth(page), doc.getPageCropHeight(page), std::move(png)};
}

std::optional<GreyImage> PdfPageSource::render_grey(int page, double dpi) const {
  std::lock_guard<std::mutex> lock(lock_);
  if (page < 1 || page > pages()) return std::nullopt;
  GreyImage image;
  const bool drawn = draw(*drawing_->doc, page, dpi, splashModeMono8, [&](SplashBitmap& b) {
    image = GreyImage(b.getWidth(), b.getHeight(), dpi);
    const auto* data = b.getDataPtr();
    for (int y = 0; y < image.height; ++y)
      std::copy_n(data + static_cast<size_t>(y) * static_cast<size_t>(b.getRowSize()), image.width,
                  image.pixels.begin() + static_cast<std::ptrdiff_t>(y) * image.width);
  });
  if (!drawn) return std::nullopt;
  return image;
}

double PdfPageSource::fitting_dpi(int page, double dpi) const {
  std::lock_guard<std::mutex> lock(lock_);
  if (page < 1 || page > pages()) return dpi;
  return fitting(*drawing_->doc, page, dpi);
}

PdfPageSource::Ink PdfPageSource::ink(int page, double dpi, int threshold) const {
  std::lock_guard<std::mutex> lock(lock_);
  if (page < 1 || page > pages()) return Ink::none;
  PDFDoc& doc = *drawing_->doc;
  const int complaints_before = poppler_errors();
  bool dark = false;
  draw(doc, page, fitting(doc, page, dpi), splashModeMono8, [&](SplashBitmap& b) {
    const auto* data = b.getDataPtr();
    for (int y = 0; y < b.getHeight() && !dark; ++y)
      for (int x = 0; x < b.getWidth(); ++x)
        if (data[static_cast<size_t>(y) * static_cast<size_t>(b.getRowSize()) + static_cast<size_t>(x)] < threshold) {
          dark = true;
          break;
        }
  });
  if (dark) return Ink::some;
  // A page left white while Poppler complained is not known to be blank: what was to be drawn
  // on it (a JBIG2, JPEG 2000 or fax picture, an image with impossible parameters) could not be.
  return poppler_errors() > complaints_before ? Ink::undecodable : Ink::none;
}

}  // namespace nianbao
