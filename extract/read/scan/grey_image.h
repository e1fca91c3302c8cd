// A page drawn in grey, as the scanned-page reader works on it: one byte per pixel, 0 black and
// 255 white, rows top to bottom. Pixel boxes are half-open: [x0, x1) × [y0, y1).
#pragma once

#include <cstdint>
#include <vector>

namespace nianbao {

struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool operator==(const PixelBox&) const = default;
};

struct GreyImage {
  int width = 0, height = 0;
  double dpi = 0;  // pixels per inch of the page: a PDF point is dpi / 72 pixels
  std::vector<std::uint8_t> pixels;  // width * height, row-major

  GreyImage() = default;
  GreyImage(int w, int h, double d, std::uint8_t fill = 255)
      : width(w), height(h), dpi(d), pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), fill) {}
  std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
  std::uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
  bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace nianbao
