#include "extract/read/pdf/pdf_rulings.h"

#include <GfxState.h>

#include <algorithm>
#include <cmath>

namespace nianbao {

namespace {

// A filled rectangle at most this thick (points) is a line; thicker fills are backgrounds.
constexpr double kThinFill = 2.0;
// A filled line has at most this many corners (a rectangle, a trapezoid).
constexpr int kMaxFillPoints = 6;
// A stroke whose ends differ by at most this much across its direction is straight.
constexpr double kStraight = 0.5;
// Shorter marks are dots, not lines.
constexpr double kMinLength = 1.0;
// A page with more lines than this is a drawing (or a hostile file), not a page of tables; so
// is one whose paths have more points than kMaxPoints: its rulings are none.
constexpr size_t kMaxRulings = 20000;
constexpr size_t kMaxPoints = 400000;
// A table reaching below this share of the page height may go on on the next page.
constexpr double kRunsOnShare = 0.7;
// How many lines end a page: a table row among them may be a table's first (see may_hold_table).
constexpr size_t kFootLines = 3;
// Colour components above this are white: a white line is not seen.
constexpr double kWhite = 0.95;

bool is_white(const GfxRGB& rgb) {
  return colToDbl(rgb.r) > kWhite && colToDbl(rgb.g) > kWhite && colToDbl(rgb.b) > kWhite;
}

}  // namespace

bool may_hold_table(const std::vector<Line>& lines) {
  auto row = [](const Line& l) { return l.cells.size() >= 2; };
  if (std::count_if(lines.begin(), lines.end(), row) >= 2) return true;
  // A table starting at the foot of the page: one row there (its head set close may read as
  // one cell), the rest on the next page; only a footer may follow it.
  size_t tail = std::min<size_t>(lines.size(), kFootLines);
  return std::any_of(lines.end() - static_cast<std::ptrdiff_t>(tail), lines.end(), row);
}

bool runs_on(const std::vector<Ruling>& rulings, double page_height) {
  double bottom = 0;
  for (const Ruling& r : rulings) bottom = std::max(bottom, r.horizontal ? r.at : r.to);
  return bottom >= kRunsOnShare * page_height;
}

void RulingCollector::start(double width, double height) {
  rulings_.clear();
  points_ = 0;
  over_ = false;
  width_ = width;
  height_ = height;
}

std::vector<Ruling> RulingCollector::take() {
  if (over_) return {};
  return std::move(rulings_);
}

void RulingCollector::stroke(const GfxState& state) {
  if (over_ || state.getStrokeOpacity() <= 0) return;
  GfxRGB rgb;
  state.getStrokeRGB(&rgb);
  if (is_white(rgb)) return;
  const GfxPath* path = state.getPath();
  for (int s = 0; s < path->getNumSubpaths() && !over_; ++s) {
    const GfxSubpath* sub = path->getSubpath(s);
    int n = sub->getNumPoints();
    if (!count(n)) return;
    for (int i = 1; i < n; ++i) {
      // A curve's control points and end are not straight edges.
      if (sub->getCurve(i) || sub->getCurve(i - 1)) continue;
      segment(state, sub->getX(i - 1), sub->getY(i - 1), sub->getX(i), sub->getY(i));
    }
    if (sub->isClosed() && n > 2 && !sub->getCurve(n - 1))
      segment(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0));
  }
}

// Each subpath thin enough to be a line: a rectangle, or the trapezoid a browser fills for one
// side of a bevelled ("inset", "outset") border; what matters is that its box is thin. What is
// painted is the subpath within the clip: WeasyPrint paints each side of a border as a whole
// frame (two rectangles filled even-odd) clipped to that side, a thin box only once clipped.
void RulingCollector::fill(const GfxState& state) {
  if (over_ || state.getFillOpacity() <= 0) return;
  GfxRGB rgb;
  state.getFillRGB(&rgb);
  if (is_white(rgb)) return;
  double cx0, cy0, cx1, cy1;
  state.getClipBBox(&cx0, &cy0, &cx1, &cy1);
  const GfxPath* path = state.getPath();
  for (int s = 0; s < path->getNumSubpaths() && !over_; ++s) {
    const GfxSubpath* sub = path->getSubpath(s);
    int n = sub->getNumPoints();
    if (!count(n) || n < 3 || n > kMaxFillPoints) continue;
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    bool curved = false;
    for (int i = 0; i < n; ++i) {
      if (sub->getCurve(i)) curved = true;
      double x, y;
      state.transform(sub->getX(i), sub->getY(i), &x, &y);
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
    x0 = std::max(x0, cx0);
    y0 = std::max(y0, cy0);
    x1 = std::min(x1, cx1);
    y1 = std::min(y1, cy1);
    double w = x1 - x0, h = y1 - y0;
    // Nothing of it painted (clipped away, or the inner edge of a clipped frame).
    if (w <= 0 || h <= 0) continue;
    if (curved || std::min(w, h) > kThinFill) continue;
    if (w >= h) add(true, (y0 + y1) / 2, x0, x1);
    else add(false, (x0 + x1) / 2, y0, y1);
  }
}

bool RulingCollector::count(int n) {
  points_ += static_cast<size_t>(std::max(0, n));
  if (points_ > kMaxPoints) over_ = true;
  return !over_;
}

void RulingCollector::add(bool horizontal, double at, double a, double b) {
  if (a > b) std::swap(a, b);
  // Only what lies on the page is printed.
  double extent = horizontal ? width_ : height_, across = horizontal ? height_ : width_;
  a = std::max(a, 0.0);
  b = std::min(b, extent);
  if (b - a < kMinLength || at < 0 || at > across) return;
  if (rulings_.size() >= kMaxRulings) {
    over_ = true;
    return;
  }
  rulings_.push_back({horizontal, at, a, b});
}

void RulingCollector::segment(const GfxState& state, double ux0, double uy0, double ux1, double uy1) {
  double x0, y0, x1, y1;
  state.transform(ux0, uy0, &x0, &y0);
  state.transform(ux1, uy1, &x1, &y1);
  if (std::fabs(y1 - y0) <= kStraight) add(true, (y0 + y1) / 2, x0, x1);
  else if (std::fabs(x1 - x0) <= kStraight) add(false, (x0 + x1) / 2, y0, y1);
}

}  // namespace nianbao
