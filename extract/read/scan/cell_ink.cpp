#include "extract/read/scan/cell_ink.h"

#include <algorithm>

namespace nianbao {

namespace {

PixelBox clipped(const GreyImage& img, const PixelBox& b) {
  return {std::max(0, b.x0), std::max(0, b.y0), std::min(img.width, b.x1), std::min(img.height, b.y1)};
}

bool ink(const GreyImage& img, int x, int y) { return img.at(x, y) < kInkLevel; }

}  // namespace

Ink ink_in(const GreyImage& img, const PixelBox& box, int min_pixels) {
  const PixelBox b = clipped(img, box);
  Ink out;
  out.box = {b.x1, b.y1, b.x0, b.y0};
  for (int y = b.y0; y < b.y1; ++y)
    for (int x = b.x0; x < b.x1; ++x)
      if (ink(img, x, y)) {
        ++out.pixels;
        out.box.x0 = std::min(out.box.x0, x);
        out.box.y0 = std::min(out.box.y0, y);
        out.box.x1 = std::max(out.box.x1, x + 1);
        out.box.y1 = std::max(out.box.y1, y + 1);
      }
  if (out.pixels < min_pixels) return Ink{};
  return out;
}

std::vector<PixelBox> text_bands(const GreyImage& img, const PixelBox& box) {
  const PixelBox b = clipped(img, box);
  std::vector<PixelBox> bands;
  int start = -1;
  auto close = [&](int end) {
    const Ink i = ink_in(img, {b.x0, start, b.x1, end});
    if (!i.box.empty()) bands.push_back(i.box);
    start = -1;
  };
  for (int y = b.y0; y < b.y1; ++y) {
    bool any = false;
    for (int x = b.x0; x < b.x1 && !any; ++x) any = ink(img, x, y);
    if (any && start < 0) start = y;
    if (!any && start >= 0) close(y);
  }
  if (start >= 0) close(b.y1);
  return bands;
}

bool looks_like_figure(const GreyImage& img, const PixelBox& ink_box) {
  const PixelBox b = clipped(img, ink_box);
  const int h = b.height();
  if (h <= 0) return false;
  int glyphs = 0, run = 0, top = b.y1, bottom = b.y0;
  // A digit is about 0.55 of its height wide, a Chinese character about 0.95: any glyph as wide
  // as 0.8 of the line's height makes the text words. A sign or a point ("-2", "12.5") is wide
  // for its height but low: it is no character, and the reading says what it is.
  const int widest = (h * 4) / 5;
  for (int x = b.x0; x <= b.x1; ++x) {
    bool any = false;
    if (x < b.x1)
      for (int y = b.y0; y < b.y1; ++y)
        if (ink(img, x, y)) {
          any = true;
          top = std::min(top, y);
          bottom = std::max(bottom, y + 1);
        }
    if (any) {
      ++run;
    } else if (run > 0) {
      const bool low = (bottom - top) * 5 < h * 2;
      if (run > widest && !low) return false;
      ++glyphs;
      run = 0;
      top = b.y1;
      bottom = b.y0;
    }
  }
  return glyphs > 0;
}

}  // namespace nianbao
