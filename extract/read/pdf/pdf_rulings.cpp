#include "extract/read/pdf/pdf_rulings.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

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
// is one whose paths have more points than kMaxPoints. Both stop the walk of the page.
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

// Collects the rulings of one page as Poppler interprets its content.
class RulingCollector : public OutputDev {
 public:
  std::vector<Ruling> rulings;
  size_t points = 0;
  bool over = false;  // a limit was reached: what was collected is not the page
  double width = 0, height = 0;

  // The same device space as poppler-cpp's text extraction: y grows downwards.
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void startPage(int, GfxState* state, XRef*) override {
    rulings.clear();
    points = 0;
    over = false;
    width = state ? state->getPageWidth() : 0;
    height = state ? state->getPageHeight() : 0;
  }

  void stroke(GfxState* state) override {
    if (over || state->getStrokeOpacity() <= 0) return;
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    if (is_white(rgb)) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths() && !over; ++s) {
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

  void fill(GfxState* state) override { filled(state); }
  void eoFill(GfxState* state) override { filled(state); }

 private:
  bool count(int n) {
    points += static_cast<size_t>(std::max(0, n));
    if (points > kMaxPoints) over = true;
    return !over;
  }

  void add(bool horizontal, double at, double a, double b) {
    if (a > b) std::swap(a, b);
    // Only what lies on the page is printed.
    double extent = horizontal ? width : height, across = horizontal ? height : width;
    a = std::max(a, 0.0);
    b = std::min(b, extent);
    if (b - a < kMinLength || at < 0 || at > across) return;
    if (rulings.size() >= kMaxRulings) {
      over = true;
      return;
    }
    rulings.push_back({horizontal, at, a, b});
  }

  void segment(GfxState* state, double ux0, double uy0, double ux1, double uy1) {
    double x0, y0, x1, y1;
    state->transform(ux0, uy0, &x0, &y0);
    state->transform(ux1, uy1, &x1, &y1);
    if (std::fabs(y1 - y0) <= kStraight) add(true, (y0 + y1) / 2, x0, x1);
    else if (std::fabs(x1 - x0) <= kStraight) add(false, (x0 + x1) / 2, y0, y1);
  }

  // Each subpath thin enough to be a line: a rectangle, or the trapezoid a browser fills for one
  // side of a bevelled ("inset", "outset") border; what matters is that its box is thin.
  void filled(GfxState* state) {
    if (over || state->getFillOpacity() <= 0) return;
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (is_white(rgb)) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths() && !over; ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      if (!count(n) || n < 3 || n > kMaxFillPoints) continue;
      double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
      bool curved = false;
      for (int i = 0; i < n; ++i) {
        if (sub->getCurve(i)) curved = true;
        double x, y;
        state->transform(sub->getX(i), sub->getY(i), &x, &y);
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
      double w = x1 - x0, h = y1 - y0;
      if (curved || std::min(w, h) > kThinFill) continue;
      if (w >= h) add(true, (y0 + y1) / 2, x0, x1);
      else add(false, (x0 + x1) / 2, y0, y1);
    }
  }
};

void quiet(ErrorCategory, Goffset, const char*) {}

bool stop_walk(void* data) { return static_cast<RulingCollector*>(data)->over; }
bool skip_annotation(Annot*, void*) { return false; }

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

struct PdfRulingReader::Impl {
  // Poppler's global state stays up while this reader is used (it is shared with poppler-cpp,
  // which set it up and its error handler first).
  GlobalParamsIniter params{quiet};
  std::unique_ptr<PDFDoc> doc;
  RulingCollector out;
};

PdfRulingReader::PdfRulingReader(const std::string& bytes) : impl_(std::make_unique<Impl>()) {
  // From memory, as the text was read: Poppler reads a file through a buffer of 256 bytes, a
  // system call each, which would cost more than walking the pages.
  if (bytes.empty()) return;
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  impl_->doc = std::make_unique<PDFDoc>(stream);  // owns the stream
  if (!impl_->doc->isOk()) impl_->doc.reset();
}

PdfRulingReader::~PdfRulingReader() = default;

std::vector<Ruling> PdfRulingReader::page(int index) {
  if (!impl_->doc || index < 0 || index >= impl_->doc->getNumPages()) return {};
  RulingCollector& out = impl_->out;
  out.rulings.clear();
  out.over = false;
  // As poppler-cpp extracts text: 72 dpi, the crop box, the page's own rotation.
  impl_->doc->displayPageSlice(&out, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1,
                               stop_walk, &out, skip_annotation, nullptr);
  if (out.over) return {};
  return std::move(out.rulings);
}

}  // namespace nianbao
