// What the ink inside a box of a scanned page looks like, before any of it is read: whether
// there is any, where it is, the lines of text it makes, and whether it is shaped like a figure
// (digits: narrow glyphs) or like words (Chinese characters: about as wide as they are tall).
// The reader uses it to send each cell to the right reading, digits or Chinese.
#pragma once

#include <vector>

#include "extract/read/scan/grey_image.h"

namespace nianbao {

// Grey level below which a pixel is ink.
inline constexpr int kInkLevel = 128;

struct Ink {
  PixelBox box;    // the smallest box holding every ink pixel; empty when there is none
  int pixels = 0;  // how many
};

// The ink inside `box` (clipped to the image), ignoring specks of fewer than `min_pixels` ink
// pixels in total.
Ink ink_in(const GreyImage& img, const PixelBox& box, int min_pixels = 6);

// The lines of text inside `box`: bands of rows with ink separated by blank rows, each as the
// box of its ink, top to bottom.
std::vector<PixelBox> text_bands(const GreyImage& img, const PixelBox& box);

// Whether the ink of `box` (one band of text) reads as a figure: every glyph (a run of columns
// with ink between blank columns) narrower than it is tall, as digits are and Chinese
// characters are not.
bool looks_like_figure(const GreyImage& img, const PixelBox& ink);

}  // namespace nianbao
