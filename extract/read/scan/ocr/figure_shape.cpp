#include "extract/read/scan/ocr/figure_shape.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace nianbao {

namespace {

// One character read and the ink under it, in the cell's ink image.
struct Mark {
  char c = 0;
  PixelBox box{0, 0, 0, 0};
};

// The ink of a cell in columns, left to right: blobs whose spans across overlap are one column
// (the parts of a broken digit, a speck above a digit), and a column is one character or, where
// digits print touching, several.
std::vector<PixelBox> ink_columns(const CellInk& ink) {
  std::vector<PixelBox> blobs = ink.blobs;
  std::sort(blobs.begin(), blobs.end(), [](const PixelBox& a, const PixelBox& b) { return a.x0 < b.x0; });
  std::vector<PixelBox> out;
  for (const PixelBox& b : blobs) {
    if (!out.empty() && b.x0 < out.back().x1) {
      PixelBox& c = out.back();
      c = {c.x0, std::min(c.y0, b.y0), std::max(c.x1, b.x1), std::max(c.y1, b.y1)};
    } else {
      out.push_back(b);
    }
  }
  return out;
}

// The marks of a read: the ink columns given to the characters in order. Tesseract's boxes of
// the characters are rough (a "1" boxed over half of the "3" beside it), so they only decide
// where the counts differ: a column per character paired in order; fewer columns (digits
// printed touching) each cut evenly among the characters whose middles lie nearest it, and as
// wide as that many digits print (half their height each), or one wide digit was read as two;
// more columns (a character in pieces apart) each joined to the character nearest it. None
// when a character has no ink or the order does not hold.
std::optional<std::vector<Mark>> marks_of(const CellInk& ink, const CellRead& read, double digit_height) {
  if (read.spans.size() != read.text.size() || read.text.empty()) return std::nullopt;
  const std::vector<PixelBox> columns = ink_columns(ink);
  const std::size_t n = read.text.size();
  std::vector<Mark> marks(n);
  for (std::size_t i = 0; i < n; ++i) marks[i].c = read.text[i];
  auto middle = [&](std::size_t i) { return (read.spans[i].first + read.spans[i].second) / 2.0; };
  auto distance = [](const PixelBox& c, double x) { return std::max({0.0, c.x0 - x, x - c.x1}); };
  auto nearest = [&](double x) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < columns.size(); ++k)
      if (distance(columns[k], x) < distance(columns[best], x)) best = k;
    return best;
  };
  if (columns.size() == n) {
    for (std::size_t i = 0; i < n; ++i) marks[i].box = columns[i];
  } else if (columns.size() < n) {
    std::vector<std::vector<std::size_t>> in(columns.size());
    std::size_t last = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t k = nearest(middle(i));
      if (k < last) return std::nullopt;
      last = k;
      in[k].push_back(i);
    }
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const PixelBox& c = columns[k];
      const auto parts = static_cast<int>(in[k].size());
      if (parts == 0 || c.width() < 0.5 * digit_height * parts) return std::nullopt;
      for (int p = 0; p < parts; ++p)
        marks[in[k][static_cast<std::size_t>(p)]].box = {c.x0 + c.width() * p / parts, c.y0, c.x0 + c.width() * (p + 1) / parts, c.y1};
    }
  } else {
    std::vector<bool> inked(n, false);
    std::size_t last = 0;
    for (const PixelBox& c : columns) {
      const double mid = (c.x0 + c.x1) / 2.0;
      std::size_t best = 0;
      for (std::size_t i = 1; i < n; ++i)
        if (std::abs(middle(i) - mid) < std::abs(middle(best) - mid)) best = i;
      if (best < last) return std::nullopt;
      last = best;
      PixelBox& m = marks[best].box;
      m = inked[best] ? PixelBox{std::min(m.x0, c.x0), std::min(m.y0, c.y0), std::max(m.x1, c.x1), std::max(m.y1, c.y1)} : c;
      inked[best] = true;
    }
    if (std::find(inked.begin(), inked.end(), false) != inked.end()) return std::nullopt;
  }
  return marks;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether the ink of a slash leans as one does: its top half further right than its bottom half.
bool leans_right(const CellInk& ink, const PixelBox& b) {
  double top = 0, bottom = 0;
  int top_n = 0, bottom_n = 0;
  const int middle = (b.y0 + b.y1) / 2;
  for (int y = b.y0; y < b.y1; ++y)
    for (int x = b.x0; x < b.x1; ++x)
      if (ink.image.at(x, y) < kDark) {
        if (y < middle) top += x, ++top_n;
        else bottom += x, ++bottom_n;
      }
  return top_n > 0 && bottom_n > 0 && top / top_n - bottom / bottom_n >= 0.15 * b.height();
}

}  // namespace

bool is_figure_text(const std::string& s) {
  if (s == "/" || s == "-") return true;
  std::size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
  const std::size_t first = i;
  int group = 0;  // digits since the last comma
  bool comma = false, point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++group;
      continue;
    }
    if (c == ',' && !point && group > 0 && group <= 3 && (comma ? group == 3 : true)) {
      comma = true;
      group = 0;
      continue;
    }
    if (c == '.' && !point && group > 0 && (!comma || group == 3)) {
      point = true;
      group = 0;
      continue;
    }
    return false;
  }
  return i > first && group > 0 && (!comma || point || group == 3);
}

bool fits(const CellInk& ink, const CellRead& read, double digit_height) {
  if (!is_figure_text(read.text)) return false;
  const std::optional<std::vector<Mark>> marks = marks_of(ink, read, digit_height);
  if (!marks) return false;
  const double row = digit_height;
  if (read.text == "/") {
    const PixelBox& b = marks->front().box;
    return b.height() >= 0.75 * row && b.height() <= 1.6 * row && b.width() >= 0.2 * b.height() &&
           b.width() <= 0.9 * b.height() && leans_right(ink, b);
  }
  if (read.text == "-") {
    const PixelBox& b = marks->front().box;
    return b.height() <= 0.3 * row && b.width() >= 0.3 * row && b.width() <= 2.5 * row;
  }
  // The digits' own top and bottom are where the others are measured from.
  int top = ink.image.height, bottom = 0, left = ink.image.width, right = 0, digits = 0, points = 0;
  for (const Mark& m : *marks) {
    if (!is_digit(m.c)) {
      points += m.c == '.' || m.c == ',';
      continue;
    }
    ++digits;
    top = std::min(top, m.box.y0), bottom = std::max(bottom, m.box.y1);
    left = std::min(left, m.box.x0), right = std::max(right, m.box.x1);
  }
  const double h = bottom - top;
  // Digits print the height of the row's digits: a cell of other height holds something else.
  if (h < 0.8 * row || h > 1.25 * row) return false;
  // A digit prints at most 0.85 of its height wide (0.55..0.8 in the fonts of reports, a "1"
  // 0.3), a number of n digits at most n advances of 0.9 (and a point or comma 0.4 each);
  // "11" is still an advance and a stroke.
  const double n = digits, width = right - left;
  if (width > (n == 1 ? 0.85 : 0.9 * n) * h + 0.4 * points * h) return false;
  if (n >= 2 && width < (n - 1) * 0.45 * h) return false;
  for (const Mark& m : *marks) {
    const PixelBox& b = m.box;
    const double mid_y = (b.y0 + b.y1) / 2.0 - top;
    if (is_digit(m.c)) {
      if (b.height() < 0.75 * h || b.width() > 0.85 * h) return false;
    } else if (m.c == '-' || m.c == '+') {
      const bool flat = m.c == '-';
      if (b.x1 > left || mid_y < 0.3 * h || mid_y > 0.75 * h) return false;
      if (flat && (b.height() > 0.3 * h || b.width() < 0.2 * h || b.width() > h)) return false;
      if (!flat && (b.height() < 0.35 * h || b.height() > 0.95 * h || b.width() < 0.35 * h || b.width() > 0.95 * h))
        return false;
    } else {  // '.' or ','
      if (b.width() > 0.35 * h || b.height() > 0.45 * h || b.y0 - top < 0.55 * h || b.y1 - top < 0.8 * h) return false;
      if (m.c == '.' && b.height() > 0.3 * h) return false;
    }
  }
  return true;
}


}  // namespace nianbao
