// The pixels a JBIG2 picture's own data asks for. Poppler decodes a JBIG2 stream into a bitmap
// for its page and one for each region, of the sizes the stream's segments give, whatever size
// the PDF gives the picture: a few bytes can ask for a page of 100 000 × 100 000 pixels (1.25 GB)
// and a region as large, decoded pixel by pixel for minutes.
#pragma once

#include <string_view>

namespace nianbao {

// The pixels of the page and region bitmaps declared by the segment headers of `data`, a JBIG2
// stream as a PDF embeds it (segments one after another, no file header), all together; the
// headers after one that cannot be read (the data cut short, a length not given) are not known.
double jbig2_declared_pixels(std::string_view data);

}  // namespace nianbao
