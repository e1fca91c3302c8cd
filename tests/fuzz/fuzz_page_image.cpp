// The reading of a scanned page's image before any OCR: skew, ruling lines, the cells they make
// and the ink in each. The input is a page: two bytes of width and one of a dpi step, then the
// pixels row by row (a short last row is padded white), at most 600 × 600 pixels.
#include <algorithm>

#include "extract/read/scan/cell_ink.h"
#include "extract/read/scan/image_lines.h"
#include "extract/tables/grid/grid_geometry.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  if (size < 3) return 0;
  const int width = std::clamp(int(data[0]) | (int(data[1]) << 8), 1, 600);
  const double dpi = 50.0 + 10.0 * (data[2] % 26);
  const size_t pixels = size - 3;
  const int height = std::clamp(static_cast<int>((pixels + width - 1) / width), 1, 600);
  GreyImage img(width, height, dpi);
  std::copy_n(data + 3, std::min(pixels, img.pixels.size()), img.pixels.begin());
  const double skew = estimate_skew(img);
  const GreyImage straight = rotated(img, skew);
  const std::vector<ImageSegment> segments = find_ruling_lines(straight);
  std::vector<Ruling> rulings;
  for (const ImageSegment& s : segments) rulings.push_back(Ruling{s.horizontal, double(s.at), double(s.from), double(s.to)});
  GreyImage clean = straight;
  erase_lines(clean, segments);
  for (const RuledTable& t : ruled_tables(rulings))
    for (const RuledCell& c : t.cells) {
      const PixelBox box{int(c.box.x0), int(c.box.y0), int(c.box.x1), int(c.box.y1)};
      for (const PixelBox& band : text_bands(clean, box)) (void)looks_like_figure(clean, band);
      (void)crop(clean, box);
    }
  return 0;
}
