// The ruling lines of a table on a page image: a scanned report holds only pictures of its
// pages, so the borders a grid builder cuts the table with must be found on the pixels. The
// page is first made straight (a scanner feeds paper a little askew), then its long thin dark
// runs are taken as lines and the strokes of characters are left out.
#pragma once

#include <vector>

#include "extract/read/scan/grey_image.h"

namespace nianbao {

// A ruling line found on an image, in pixels: horizontal at row `at` from column `from` to `to`
// ([from, to)), or vertical at column `at` from row `from` to `to`; `thickness` in pixels, the
// line being centred on `at`.
struct ImageSegment {
  bool horizontal = true;
  int at = 0, from = 0, to = 0, thickness = 1;
  int length() const { return to - from; }
  bool operator==(const ImageSegment&) const = default;
};

// The grey level below which a pixel is ink on this page: Otsu's threshold over the histogram,
// moved half way towards the paper, because a thin line drawn between two pixel rows (a hairline,
// or any line once the page has been rotated) is only half as dark in each. 0 (nothing is ink)
// on a page without ink: blank, or paper grain alone.
int ink_threshold(const GreyImage& img);

// The skew of a page in degrees, positive when its content is turned counter-clockwise as seen
// on screen (the right end of a row of text higher than its left end). Found as the angle at
// which the ink of the page falls into the sharpest rows: its long horizontal lines when it has
// any, as they concentrate the most ink in one row, its rows of text otherwise. Searched within
// ±3°; 0 when the page has no ink or no angle stands out.
double estimate_skew(const GreyImage& img);

// `img` turned by `degrees` clockwise about its centre, so that a page of skew `degrees` (see
// estimate_skew) comes out straight: rotated(img, estimate_skew(img)). A negative angle skews a
// straight page. Same size and dpi; bilinear; white where nothing comes in.
GreyImage rotated(const GreyImage& img, double degrees);

// The ruling lines of a straight page, horizontal ones first, each group by `at` then `from`.
// Ink is what is darker than ink_threshold. Dark runs along rows and columns, bridged over gaps
// of 0.01 inch where the ink resumes for longer than the gap (pixels a scanner dropped, but not a
// speck between two strokes of text); runs of neighbouring rows that touch make one piece, a
// thick line (up to 0.04 inch) reported once at its centre, wider dark areas (a filled cell, a
// picture) dropped; collinear pieces that nearly meet (gap up to 0.05 inch: a line broken by the
// scan, drawn per cell) joined.
// A horizontal line is at least 0.35 inch long and holds a piece of at least 0.25 inch (longer
// than a stroke of a character of body text or headings: a row of characters whose strokes
// nearly meet is not a line).
// A vertical line is at least 0.12 inch long, since vertical borders are often drawn one row
// high. Its pieces are not joined across a horizontal line where it stops, and a short end
// beyond the last horizontal line it crosses is cut off (a stroke of the text under the table
// or in the next row, touching the border). One with no piece 0.3 inch long is kept only where
// it runs from a horizontal line to another (both ends within 0.01 inch) and its ink is joined
// to nothing reaching sideways (a stroke of a character, at most ~0.2 inch tall, stands inside
// its cell, and when the text is set tight it touches a line at one end, or is joined to other
// strokes).
// Every line has paper on both sides along at least 85% of its length (not counting where other
// lines cross it): a row of characters run together by a blurred scan has not.
// An image whose dpi is not set is taken as 200 dpi.
std::vector<ImageSegment> find_ruling_lines(const GreyImage& img);

// The pixels of `segments` painted white, with a margin of one pixel around their thickness and
// beyond their ends, so that the text of a cell can be read without its borders.
void erase_lines(GreyImage& img, const std::vector<ImageSegment>& segments);

// The part of `img` inside `box`, clipped to the image (empty when they do not meet); same dpi.
GreyImage crop(const GreyImage& img, const PixelBox& box);

}  // namespace nianbao
