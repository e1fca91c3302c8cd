// Specks of a scan taken off the page before it is read: the dust and sensor noise of an office
// scanner leaves dots of a pixel or two all over the page, and one inside the ring of a "0" is
// read as a "9", a dozen around a label make Tesseract read characters that are not there.
#pragma once

#include "extract/read/scan/grey_image.h"

namespace nianbao {

// Paints paper (255) every speck of `img`: a group of touching pixels darker than `threshold`
// (ink_threshold) no wider nor taller than 0.012 inch (2 px at 200 dpi, 1 at 150), touching no
// other ink. The smallest mark a report prints, the point of "12.5" in 9 pt type, is 1 pt
// (0.014 inch) across, so nothing printed goes. Gives the number of specks taken off.
int despeckle(GreyImage& img, int threshold);

}  // namespace nianbao
