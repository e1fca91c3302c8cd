#include "extract/read/scan/despeckle.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace nianbao {

namespace {

constexpr double kSpeckInch = 0.012;

}  // namespace

int despeckle(GreyImage& img, int threshold) {
  if (img.empty() || threshold <= 0) return 0;
  const double dpi = img.dpi > 0 ? img.dpi : 200;
  const int largest = std::max(1, static_cast<int>(kSpeckInch * dpi));
  const int w = img.width, h = img.height;
  auto dark = [&](int x, int y) { return img.at(x, y) < threshold; };
  // 0: not seen; 1: part of a group already measured.
  std::vector<std::uint8_t> seen(img.pixels.size(), 0);
  std::vector<int> stack;
  int specks = 0;
  for (int y0 = 0; y0 < h; ++y0)
    for (int x0 = 0; x0 < w; ++x0) {
      const std::size_t start = static_cast<std::size_t>(y0) * w + x0;
      if (seen[start] || !dark(x0, y0)) continue;
      // The whole group is walked, so that its pixels are not started from again.
      seen[start] = 1;
      stack.assign(1, static_cast<int>(start));
      int gx0 = x0, gx1 = x0, gy0 = y0, gy1 = y0;
      while (!stack.empty()) {
        const int p = stack.back();
        stack.pop_back();
        const int x = p % w, y = p / w;
        gx0 = std::min(gx0, x), gx1 = std::max(gx1, x), gy0 = std::min(gy0, y), gy1 = std::max(gy1, y);
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const std::size_t q = static_cast<std::size_t>(ny) * w + nx;
            if (!seen[q] && dark(nx, ny)) {
              seen[q] = 1;
              stack.push_back(static_cast<int>(q));
            }
          }
      }
      if (gx1 - gx0 + 1 > largest || gy1 - gy0 + 1 > largest) continue;
      // With the grey pixels around it, which a reader with a paler idea of ink would still see.
      for (int y = std::max(0, gy0 - 1); y <= std::min(h - 1, gy1 + 1); ++y)
        for (int x = std::max(0, gx0 - 1); x <= std::min(w - 1, gx1 + 1); ++x) img.at(x, y) = 255;
      ++specks;
    }
  return specks;
}

}  // namespace nianbao
