#include "extract/read/pdf/pdf_split.h"

#include <algorithm>

namespace nianbao {

namespace {

// A ruling this close inside a word's edge is the border it was set against, not one crossing it.
constexpr double kEdge = 0.5;

// Byte offsets where the code points of `text` start, and its end.
std::vector<size_t> code_point_starts(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(text.size());
  return out;
}

}  // namespace

bool split_at_rulings(std::vector<PdfWord>& words, const std::vector<Ruling>& rulings) {
  std::vector<double> xs;  // the vertical rulings crossing a word
  bool any = false;
  std::vector<PdfWord> out;
  out.reserve(words.size());
  for (PdfWord& w : words) {
    xs.clear();
    double cy = (w.box.y0 + w.box.y1) / 2;
    for (const Ruling& r : rulings)
      if (!r.horizontal && r.at > w.box.x0 + kEdge && r.at < w.box.x1 - kEdge && r.from <= cy && cy <= r.to)
        xs.push_back(r.at);
    std::vector<size_t> starts = code_point_starts(w.text);
    if (xs.empty() || w.glyphs.size() + 1 != starts.size()) {
      out.push_back(std::move(w));
      continue;
    }
    std::sort(xs.begin(), xs.end());
    // Each glyph goes to the side of the rulings its centre is on.
    auto side = [&](const Box& g) {
      double cx = (g.x0 + g.x1) / 2;
      return std::upper_bound(xs.begin(), xs.end(), cx) - xs.begin();
    };
    size_t from = 0, pieces = 0;
    for (size_t i = 1; i <= w.glyphs.size(); ++i) {
      if (i < w.glyphs.size() && side(w.glyphs[i]) == side(w.glyphs[from])) continue;
      PdfWord piece;
      piece.text = w.text.substr(starts[from], starts[i] - starts[from]);
      piece.font_size = w.font_size;
      piece.box = {w.glyphs[from].x0, w.box.y0, w.glyphs[i - 1].x1, w.box.y1};
      piece.glyphs.assign(w.glyphs.begin() + static_cast<long>(from), w.glyphs.begin() + static_cast<long>(i));
      out.push_back(std::move(piece));
      from = i;
      ++pieces;
    }
    any = any || pieces > 1;
  }
  if (any) words = std::move(out);
  return any;
}

}  // namespace nianbao
