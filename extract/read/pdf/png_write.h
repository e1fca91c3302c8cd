// PNG encoding of an 8-bit RGB picture (zlib), for pages drawn in memory.
#pragma once

#include <string>

namespace nianbao {

// `rgb` holds `height` rows of `width` pixels, three bytes each (red, green, blue), no padding.
std::string png_from_rgb(int width, int height, const std::string& rgb);

}  // namespace nianbao
