#include "extract/read/scan/image_lines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <numbers>

namespace nianbao {

namespace {

// Lengths are in inches, so that a page reads the same at any resolution.
constexpr double kAssumedDpi = 200;        // for an image that does not say its resolution
constexpr double kScanGap = 0.01;          // gaps within a run: pixels a scanner dropped
constexpr double kRunMin = 0.05;           // shorter runs are parts of characters, never lines
constexpr double kJoinGap = 0.05;          // collinear pieces this close are one line
constexpr double kJoinOffset = 0.008;      // and this far apart across (at least 2 px)
constexpr double kMaxThickness = 0.04;     // thicker dark areas are fills, not lines (at least 6 px)
constexpr double kHorizontalMin = 0.35;    // a horizontal line's length
constexpr double kHorizontalPiece = 0.25;  // its longest unbroken piece: longer than a stroke
constexpr double kVerticalMin = 0.12;      // a vertical line's length: a border one row high
constexpr double kVerticalFree = 0.3;      // a vertical piece this long stands without horizontal lines
constexpr double kMeetSlack = 0.01;        // an end this close to a horizontal line meets it (at least 2 px)
// A line has ink beside it (a dark span across it wider than its own thickness plus this) at
// no more than kMaxBeside of its length: see share_beside.
constexpr int kBesideSlack = 3;
constexpr double kMaxBeside = 0.15;
constexpr double kAttachedInk = 0.02;   // see stands_apart
constexpr double kMaxSkew = 3;         // degrees searched by estimate_skew
constexpr double kMinRowContrast = 3;  // see estimate_skew
// Below this contrast between ink and paper a page has no ink: paper grain, a blank scan.
constexpr int kMinContrast = 64;

double dpi_of(const GreyImage& img) { return img.dpi > 0 ? img.dpi : kAssumedDpi; }

int px(double inches, double dpi) { return std::max(1, static_cast<int>(std::lround(inches * dpi))); }

// Ink as 1, paper as 0, row-major.
struct Ink {
  int width = 0, height = 0;
  std::vector<std::uint8_t> dark;
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * width + x] != 0; }
};

Ink ink_of(const GreyImage& img, int threshold) {
  Ink ink{img.width, img.height, std::vector<std::uint8_t>(img.pixels.size())};
  const std::uint8_t t = static_cast<std::uint8_t>(threshold);
  for (size_t i = 0; i < img.pixels.size(); ++i) ink.dark[i] = img.pixels[i] < t;
  return ink;
}

// A dark run along one scan line (a row for horizontal lines, a column for vertical ones):
// [from, to), gaps of up to the scan gap bridged where the ink resumes for longer than the gap.
// Runs are kept by line, then by `from`; `line_start[i]` is the index of the first run of line i.
struct Run {
  int line = 0, from = 0, to = 0;
};

struct Runs {
  std::vector<Run> runs;
  std::vector<size_t> line_start;  // lines + 1 entries
};

void index_lines(Runs& r, int lines) {
  r.line_start.assign(static_cast<size_t>(lines) + 1, r.runs.size());
  for (size_t i = r.runs.size(); i-- > 0;) r.line_start[static_cast<size_t>(r.runs[i].line)] = i;
  for (int l = lines; l-- > 0;)
    r.line_start[static_cast<size_t>(l)] = std::min(r.line_start[static_cast<size_t>(l)], r.line_start[static_cast<size_t>(l) + 1]);
}

// Whether the ink at `p` after a gap goes on for more than the gap (`n` pixels are left in the
// scan line, `step` apart): a line broken by dropped pixels resumes, while a speck in the gap
// between two strokes of text is too short to carry a run over to the next.
bool resumes(const std::uint8_t* p, int n, int step, int gap) {
  for (int k = 0; k <= gap && k < n; ++k)
    if (!p[static_cast<std::ptrdiff_t>(k) * step]) return false;
  return true;
}

Runs row_runs(const Ink& ink, int min_length, int gap) {
  Runs r;
  const int w = ink.width;
  for (int y = 0; y < ink.height; ++y) {
    const std::uint8_t* p = &ink.dark[static_cast<size_t>(y) * w];
    int x = 0;
    while (x < w) {
      const void* first = std::memchr(p + x, 1, static_cast<size_t>(w - x));
      if (!first) break;
      x = static_cast<int>(static_cast<const std::uint8_t*>(first) - p);
      int from = x, to = x + 1;
      for (x = to; x < w; ++x) {
        if (p[x]) {
          if (x > to && !resumes(p + x, w - x, 1, gap)) break;
          to = x + 1;
        } else if (x - to >= gap) {
          break;
        }
      }
      if (to - from >= min_length) r.runs.push_back({y, from, to});
    }
  }
  index_lines(r, ink.height);
  return r;
}

// The runs of every column, found in one pass down the rows (reading the image across would
// leave the cache at every pixel).
Runs column_runs(const Ink& ink, int min_length, int gap) {
  Runs r;
  const int w = ink.width;
  std::vector<int> start(static_cast<size_t>(w), -1), last(static_cast<size_t>(w), -1);
  auto close = [&](int x) {
    const size_t i = static_cast<size_t>(x);
    if (last[i] >= 0 && last[i] + 1 - start[i] >= min_length) r.runs.push_back({x, start[i], last[i] + 1});
  };
  for (int y = 0; y < ink.height; ++y) {
    const std::uint8_t* p = &ink.dark[static_cast<size_t>(y) * w];
    for (int x = 0; x < w; ++x) {
      const void* first = std::memchr(p + x, 1, static_cast<size_t>(w - x));
      if (!first) break;
      x = static_cast<int>(static_cast<const std::uint8_t*>(first) - p);
      const size_t i = static_cast<size_t>(x);
      if (last[i] >= 0 && (y == last[i] + 1 || (y - last[i] - 1 <= gap && resumes(p + x, ink.height - y, w, gap)))) {
        last[i] = y;
      } else {
        close(x);
        start[i] = last[i] = y;
      }
    }
  }
  for (int x = 0; x < w; ++x) close(x);
  std::sort(r.runs.begin(), r.runs.end(), [](const Run& a, const Run& b) { return a.line != b.line ? a.line < b.line : a.from < b.from; });
  index_lines(r, w);
  return r;
}

int find(std::vector<int>& parent, int i) {
  while (parent[static_cast<size_t>(i)] != i) {
    parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
    i = parent[static_cast<size_t>(i)];
  }
  return i;
}

// Runs of neighbouring scan lines that overlap or touch at a corner, as one piece of line: a
// line several pixels thick, or a line not quite straight stepping from one scan line to the next.
struct Piece {
  double at = 0;  // the ink-weighted mean scan line
  int from = 0, to = 0;
  double area = 0;  // pixels of ink
  int length() const { return to - from; }
};

std::vector<Piece> pieces(const Runs& r, double dpi) {
  const std::vector<Run>& runs = r.runs;
  std::vector<int> parent(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) parent[i] = static_cast<int>(i);
  for (size_t l = 0; l + 2 < r.line_start.size(); ++l) {
    size_t a = r.line_start[l], a_end = r.line_start[l + 1], b = a_end, b_end = r.line_start[l + 2];
    while (a < a_end && b < b_end) {
      if (runs[a].from <= runs[b].to && runs[b].from <= runs[a].to) {
        int ra = find(parent, static_cast<int>(a)), rb = find(parent, static_cast<int>(b));
        if (ra != rb) parent[static_cast<size_t>(std::max(ra, rb))] = std::min(ra, rb);
      }
      if (runs[a].to < runs[b].to) {
        ++a;
      } else {
        ++b;
      }
    }
  }
  std::vector<Piece> sums(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    Piece& s = sums[static_cast<size_t>(find(parent, static_cast<int>(i)))];
    const double len = runs[i].to - runs[i].from;
    if (s.area == 0) {
      s.from = runs[i].from;
      s.to = runs[i].to;
    }
    s.from = std::min(s.from, runs[i].from);
    s.to = std::max(s.to, runs[i].to);
    s.at += runs[i].line * len;
    s.area += len;
  }
  const double max_thickness = std::max(6.0, kMaxThickness * dpi);
  std::vector<Piece> out;
  for (size_t i = 0; i < runs.size(); ++i) {
    if (parent[i] != static_cast<int>(i)) continue;
    Piece p = sums[i];
    if (p.area / p.length() > max_thickness) continue;  // a filled area
    p.at /= p.area;
    out.push_back(p);
  }
  return out;
}

// Pieces of one line joined: at nearly the same place across, end to end within the join gap
// (or overlapping: a line drawn twice), unless `apart` says the gap between them is a junction.
struct Chain {
  double at = 0, at_area = 0, area = 0;
  int from = 0, to = 0, longest = 0, covered = 0;
  int length() const { return to - from; }
  int thickness() const { return std::max(1, static_cast<int>(std::lround(area / std::max(1, covered)))); }
};

using Apart = std::function<bool(double at, int gap_from, int gap_to)>;

std::vector<Chain> chains(std::vector<Piece> ps, double dpi, const Apart& apart) {
  std::sort(ps.begin(), ps.end(), [](const Piece& a, const Piece& b) { return a.from < b.from; });
  const double offset = std::max(2.0, kJoinOffset * dpi);
  const int gap = px(kJoinGap, dpi);
  std::vector<Chain> out;
  std::vector<size_t> open;  // chains a later piece may still reach (pieces come by `from`)
  for (const Piece& p : ps) {
    std::erase_if(open, [&](size_t i) { return out[i].to + gap < p.from; });
    Chain* into = nullptr;
    for (size_t i : open) {
      Chain& c = out[i];
      if (std::abs(c.at - p.at) <= offset && (!into || std::abs(c.at - p.at) < std::abs(into->at - p.at))) into = &c;
    }
    if (into && into->to < p.from && apart && apart(into->at, into->to, p.from)) into = nullptr;
    if (!into) {
      open.push_back(out.size());
      out.push_back({p.at, p.at * p.area, p.area, p.from, p.to, p.length(), p.length()});
      continue;
    }
    into->covered += std::max(0, p.to - std::max(p.from, into->to));
    into->to = std::max(into->to, p.to);
    into->longest = std::max(into->longest, p.length());
    into->at_area += p.at * p.area;
    into->area += p.area;
    into->at = into->at_area / into->area;
  }
  return out;
}

ImageSegment segment_of(const Chain& c, bool horizontal) {
  return {horizontal, static_cast<int>(std::lround(c.at)), c.from, c.to, c.thickness()};
}

// Whether the column `x` passes through horizontal line `h` (give or take the slack).
bool under(double x, const ImageSegment& h, double slack) { return x >= h.from - slack && x < h.to + slack; }

// The rows of horizontal line `h`, with a pixel to spare.
bool within(int row, const ImageSegment& h) { return std::abs(row - h.at) <= h.thickness / 2 + 1; }

// Whether a vertical line at column `x` ending at row `end` (its first or last row) ends on a
// horizontal line.
bool ends_on_line(double x, int end, const std::vector<ImageSegment>& horizontal, double slack) {
  return std::any_of(horizontal.begin(), horizontal.end(), [&](const ImageSegment& h) {
    return under(x, h, slack) && std::abs(end - h.at) <= slack + h.thickness / 2.0;
  });
}

// Whether vertical `v` ends on horizontal lines at both ends: a border drawn one row high runs
// from the line above the row to the line below. Text set tight in its row may touch the line at
// one end, never at both.
bool ends_on_lines(const ImageSegment& v, const std::vector<ImageSegment>& horizontal, double slack) {
  return ends_on_line(v.at, v.from, horizontal, slack) && ends_on_line(v.at, v.to - 1, horizontal, slack);
}

// The first and last horizontal lines `v` crosses (runs on both sides of), null when none.
std::pair<const ImageSegment*, const ImageSegment*> crossed(const ImageSegment& v, const std::vector<ImageSegment>& horizontal,
                                                            double slack) {
  const ImageSegment* first = nullptr;
  const ImageSegment* last = nullptr;
  for (const ImageSegment& h : horizontal) {
    const double reach = slack + h.thickness / 2.0;
    if (!under(v.at, h, slack) || h.at - v.from <= reach || v.to - 1 - h.at <= reach) continue;
    if (!first || h.at < first->at) first = &h;
    if (!last || h.at > last->at) last = &h;
  }
  return {first, last};
}

int top_of(const ImageSegment& h) { return h.at - h.thickness / 2; }
int bottom_of(const ImageSegment& h) { return h.at - h.thickness / 2 + h.thickness; }

// `v` without a short end beyond the last horizontal line it crosses that does not itself end on
// a line: a stroke of the text in the next row, touching the border where the border stops.
ImageSegment trimmed(ImageSegment v, const std::vector<ImageSegment>& horizontal, double slack, int free_length) {
  const auto [first, last] = crossed(v, horizontal, slack);
  if (!first) return v;
  const int first_top = top_of(*first), last_bottom = bottom_of(*last);
  if (first_top - v.from < free_length && !ends_on_line(v.at, v.from, horizontal, slack)) v.from = first_top;
  if (v.to - last_bottom < free_length && !ends_on_line(v.at, v.to - 1, horizontal, slack)) v.to = last_bottom;
  return v;
}

// The share of the positions along `s` where the dark span across it is wider than the line
// itself (plus a little for a blurred edge). The strokes of a character are joined to other
// strokes along their length, and a row of characters run together by a blurred scan is tall
// all along; a ruling line has paper on both sides but where other lines cross it (`crossing`:
// lines at right angles, whose positions are not counted) or text touches it.
double share_beside(const ImageSegment& s, const Ink& ink, const std::vector<ImageSegment>& crossing) {
  const int along_end = s.horizontal ? ink.width : ink.height, across_end = s.horizontal ? ink.height : ink.width;
  auto dark = [&](int along, int across) {
    if (across < 0 || across >= across_end) return false;
    return s.horizontal ? ink.at(along, across) : ink.at(across, along);
  };
  const int reach = s.thickness / 2 + 2, widest = s.thickness + kBesideSlack;
  int positions = 0, beside = 0;
  for (int a = std::max(0, s.from); a < std::min(along_end, s.to); ++a) {
    if (std::any_of(crossing.begin(), crossing.end(), [&](const ImageSegment& c) { return within(a, c) && under(s.at, c, 2); }))
      continue;
    int at = -1;  // the ink nearest the line at this position
    for (int d = 0; d <= reach && at < 0; ++d) {
      if (dark(a, s.at - d)) at = s.at - d;
      else if (dark(a, s.at + d)) at = s.at + d;
    }
    if (at < 0) continue;  // a gap in the line
    ++positions;
    int lo = at, hi = at;
    while (dark(a, lo - 1) && hi - lo < widest) --lo;
    while (dark(a, hi + 1) && hi - lo < widest) ++hi;
    if (hi - lo + 1 > widest) ++beside;
  }
  return positions == 0 ? 1.0 : static_cast<double>(beside) / positions;
}

// Whether the ink of vertical `v` (the rows of horizontal lines aside) is joined to little
// reaching further sideways than a few pixels beyond its thickness: no more than a speck or two
// of a scan (kAttachedInk inch long at the line's thickness). A stroke of a character is joined
// to other strokes of it (through the stroke's own rows or a diagonal); a border alone in its
// row, between the lines above and below, is not.
bool stands_apart(const ImageSegment& v, const Ink& ink, const std::vector<ImageSegment>& horizontal, double dpi) {
  const int limit = v.thickness / 2 + kBesideSlack, wide = limit + px(kAttachedInk, dpi) + 1;
  const int most_outside = px(kAttachedInk, dpi) * std::max(2, v.thickness);
  const int x0 = std::max(0, v.at - wide), x1 = std::min(ink.width, v.at + wide + 1);
  const int y0 = std::max(0, v.from), y1 = std::min(ink.height, v.to);
  if (x0 >= x1 || y0 >= y1) return true;
  const int w = x1 - x0;
  std::vector<std::uint8_t> seen(static_cast<size_t>(w) * static_cast<size_t>(y1 - y0));
  auto open = [&](int x, int y) {
    if (x < x0 || x >= x1 || y < y0 || y >= y1 || !ink.at(x, y)) return false;
    std::uint8_t& s = seen[static_cast<size_t>(y - y0) * w + (x - x0)];
    if (s) return false;
    s = 1;
    return !std::any_of(horizontal.begin(), horizontal.end(), [&](const ImageSegment& h) { return within(y, h) && under(x, h, 2); });
  };
  std::vector<std::pair<int, int>> stack;
  for (int y = y0; y < y1; ++y)
    for (int x = std::max(x0, v.at - v.thickness / 2 - 1); x <= std::min(x1 - 1, v.at + v.thickness / 2 + 1); ++x)
      if (open(x, y)) stack.emplace_back(x, y);
  int outside = 0;
  while (!stack.empty()) {
    auto [x, y] = stack.back();
    stack.pop_back();
    if (std::abs(x - v.at) > limit && ++outside > most_outside) return false;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx)
        if ((dx || dy) && open(x + dx, y + dy)) stack.emplace_back(x + dx, y + dy);
  }
  return true;
}

// `v` without an end one row high (shorter than `free_length`, from its end to the first or last
// horizontal line it crosses) whose ink is joined to strokes beside it: where a stroke of a
// character lines up with a border below it and a blurred scan joins the two, the border seems
// to run on through the row of text to the line above. A border drawn one row high stands apart
// (see stands_apart), as a short vertical line must.
ImageSegment without_joined_ends(ImageSegment v, const Ink& ink, const std::vector<ImageSegment>& horizontal, double slack,
                                 int free_length, double dpi) {
  const auto [first, last] = crossed(v, horizontal, slack);
  if (!first) return v;
  const int first_top = top_of(*first), last_bottom = bottom_of(*last);
  if (first_top > v.from && first_top - v.from < free_length) {
    ImageSegment end = v;
    end.to = first_top;
    if (!stands_apart(end, ink, horizontal, dpi)) v.from = first_top;
  }
  if (v.to > last_bottom && v.to - last_bottom < free_length) {
    ImageSegment end = v;
    end.from = last_bottom;
    if (!stands_apart(end, ink, horizontal, dpi)) v.to = last_bottom;
  }
  return v;
}

}  // namespace

int ink_threshold(const GreyImage& img) {
  if (img.empty() || img.pixels.empty()) return 0;
  // Four histograms filled in turn, so that runs of equal pixels (all of the paper) do not
  // wait on each other's counts.
  std::array<std::array<std::uint32_t, 256>, 4> part{};
  const size_t n = img.pixels.size();
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (size_t k = 0; k < 4; ++k) ++part[k][img.pixels[i + k]];
  for (; i < n; ++i) ++part[0][img.pixels[i]];
  std::array<double, 256> hist{};
  for (const auto& p : part)
    for (size_t v = 0; v < 256; ++v) hist[v] += p[v];
  const double total = static_cast<double>(n);
  double sum_all = 0;
  for (int v = 0; v < 256; ++v) sum_all += v * hist[static_cast<size_t>(v)];
  // Otsu: the split (ink below t) with the greatest variance between the two classes; where
  // several splits are equally good (a drawn image has no greys), the middle one.
  double best = -1, count0 = 0, sum0 = 0;
  int first = 0, last = 0;
  for (int t = 1; t < 256; ++t) {
    count0 += hist[static_cast<size_t>(t - 1)];
    sum0 += (t - 1) * hist[static_cast<size_t>(t - 1)];
    const double count1 = total - count0;
    if (count0 == 0 || count1 == 0) continue;
    const double m0 = sum0 / count0, m1 = (sum_all - sum0) / count1;
    const double between = count0 * count1 * (m0 - m1) * (m0 - m1);
    if (between > best * (1 + 1e-12)) {
      best = between;
      first = last = t;
    } else if (between >= best * (1 - 1e-12)) {
      last = t;
    }
  }
  if (best < 0) return 0;  // one grey level only
  const int t = (first + last) / 2;
  int paper = t;
  double ink_count = 0, ink_sum = 0;
  for (int v = 0; v < 256; ++v) {
    const double c = hist[static_cast<size_t>(v)];
    if (v < t) {
      ink_count += c;
      ink_sum += v * c;
    } else if (c > hist[static_cast<size_t>(paper)]) {
      paper = v;
    }
  }
  if (ink_count == 0 || paper - ink_sum / ink_count < kMinContrast) return 0;
  return t + (paper - t) / 2;
}

double estimate_skew(const GreyImage& img) {
  const int threshold = ink_threshold(img);
  if (threshold == 0) return 0;
  // Ink pixels, sampled evenly when there are very many: a page of text gives rows sharp
  // enough with a fraction of them.
  constexpr size_t kMaxPoints = 200000;
  size_t n_ink = 0;
  for (std::uint8_t p : img.pixels) n_ink += p < threshold;
  if (n_ink == 0) return 0;
  const size_t stride = (n_ink + kMaxPoints - 1) / kMaxPoints;
  std::vector<float> xs, ys;
  xs.reserve(n_ink / stride + 1);
  ys.reserve(n_ink / stride + 1);
  const float cx = static_cast<float>(img.width - 1) / 2;
  size_t seen = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (img.at(x, y) < threshold && seen++ % stride == 0) {
        xs.push_back(static_cast<float>(x) - cx);
        ys.push_back(static_cast<float>(y));
      }
  // Along a row of a page turned counter-clockwise by a, y + x·tan(a) stays the same: the
  // profile of that sum down the page is sharpest (greatest sum of squares) at the page's skew.
  const int offset = static_cast<int>(std::abs(cx) * std::tan(kMaxSkew * std::numbers::pi / 180)) + 2;
  std::vector<std::int32_t> profile(static_cast<size_t>(img.height + 2 * offset + 2));
  auto score = [&](double degrees, size_t step) {
    std::fill(profile.begin(), profile.end(), 0);
    const float k = static_cast<float>(std::tan(degrees * std::numbers::pi / 180));
    const float shift = static_cast<float>(offset) + 0.5f;
    for (size_t i = 0; i < xs.size(); i += step) ++profile[static_cast<size_t>(ys[i] + xs[i] * k + shift)];
    double s = 0;
    for (std::int32_t v : profile) s += static_cast<double>(v) * v;
    return s;
  };
  // Coarse over the whole range on an eighth of the points, then fine around the best.
  constexpr double kCoarse = 0.1, kFine = 0.01;
  constexpr int kCoarseSteps = static_cast<int>(kMaxSkew / kCoarse + 0.5);
  double best_angle = 0, best = -1;
  for (int i = -kCoarseSteps; i <= kCoarseSteps; ++i) {
    const double s = score(i * kCoarse, 8);
    if (s > best) best = s, best_angle = i * kCoarse;
  }
  // Rows stand out from specks scattered at random when the profile at the best angle changes
  // from one bin to the next by much more than chance does: for a count of n in a bin, by about
  // the square root of 2n.
  score(best_angle, 1);
  double change = 0;
  for (size_t i = 1; i < profile.size(); ++i) change += static_cast<double>(profile[i] - profile[i - 1]) * (profile[i] - profile[i - 1]);
  if (change < kMinRowContrast * 2 * static_cast<double>(xs.size())) return 0;
  constexpr int kFineSteps = static_cast<int>(kCoarse / kFine + 0.5);
  std::array<double, 2 * kFineSteps + 1> fine{};
  size_t top = kFineSteps;
  for (size_t i = 0; i < fine.size(); ++i) {
    fine[i] = score(best_angle + (static_cast<int>(i) - kFineSteps) * kFine, 1);
    if (fine[i] > fine[top]) top = i;
  }
  double angle = best_angle + (static_cast<int>(top) - kFineSteps) * kFine;
  if (top > 0 && top + 1 < fine.size()) {  // the peak of the parabola through the best and its neighbours
    const double l = fine[top - 1], c = fine[top], r = fine[top + 1], d = l - 2 * c + r;
    if (d < 0) angle += kFine * 0.5 * (l - r) / d;
  }
  return std::clamp(angle, -kMaxSkew, kMaxSkew);
}

GreyImage rotated(const GreyImage& img, double degrees) {
  GreyImage out(img.width, img.height, img.dpi, 255);
  if (img.empty()) return out;
  const double r = degrees * std::numbers::pi / 180, c = std::cos(r), s = std::sin(r);
  const double cx = (img.width - 1) / 2.0, cy = (img.height - 1) / 2.0;
  const int w = img.width, h = img.height;
  auto pixel = [&](int x, int y) -> double { return x < 0 || y < 0 || x >= w || y >= h ? 255.0 : img.at(x, y); };
  // The pixel of `out` at (x, y) comes from the point of `img` turned counter-clockwise by r
  // about the centre.
  for (int y = 0; y < h; ++y) {
    const double dy = y - cy;
    for (int x = 0; x < w; ++x) {
      const double dx = x - cx;
      const double sx = cx + dx * c + dy * s, sy = cy - dx * s + dy * c;
      const double fx0 = std::floor(sx), fy0 = std::floor(sy);
      const int x0 = static_cast<int>(fx0), y0 = static_cast<int>(fy0);
      if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) continue;
      const double fx = sx - fx0, fy = sy - fy0;
      double a, b, d, e;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const std::uint8_t* p = &img.pixels[static_cast<size_t>(y0) * w + x0];
        a = p[0], b = p[1], d = p[w], e = p[w + 1];
      } else {
        a = pixel(x0, y0), b = pixel(x0 + 1, y0), d = pixel(x0, y0 + 1), e = pixel(x0 + 1, y0 + 1);
      }
      const double v = (a + (b - a) * fx) * (1 - fy) + (d + (e - d) * fx) * fy;
      out.pixels[static_cast<size_t>(y) * w + x] = static_cast<std::uint8_t>(std::clamp(v + 0.5, 0.0, 255.0));
    }
  }
  return out;
}

std::vector<ImageSegment> find_ruling_lines(const GreyImage& img) {
  const int threshold = ink_threshold(img);
  if (threshold == 0) return {};
  const double dpi = dpi_of(img);
  const Ink ink = ink_of(img, threshold);
  // Rounded down: at 150 dpi a gap of two pixels is already the space between two characters.
  const int run_min = px(kRunMin, dpi), scan_gap = std::max(1, static_cast<int>(kScanGap * dpi));
  std::vector<ImageSegment> horizontal;
  for (const Chain& c : chains(pieces(row_runs(ink, run_min, scan_gap), dpi), dpi, nullptr))
    if (c.length() >= px(kHorizontalMin, dpi) && c.longest >= px(kHorizontalPiece, dpi) &&
        share_beside(segment_of(c, true), ink, {}) <= kMaxBeside)
      horizontal.push_back(segment_of(c, true));
  // A vertical line that stops at a horizontal line ends there: what follows across the gap
  // beyond it (text under the table, a label in the next row) is not more of it.
  const double slack = std::max(2.0, kMeetSlack * dpi);
  Apart junction = [&](double at, int gap_from, int gap_to) {
    return std::any_of(horizontal.begin(), horizontal.end(), [&](const ImageSegment& h) {
      const int reach = h.thickness / 2 + 1;
      return under(at, h, slack) && h.at + reach >= gap_from && h.at - reach <= gap_to;
    });
  };
  std::vector<ImageSegment> out = horizontal;
  const int free_length = px(kVerticalFree, dpi);
  for (const Chain& c : chains(pieces(column_runs(ink, run_min, scan_gap), dpi), dpi, junction)) {
    const ImageSegment v =
        without_joined_ends(trimmed(segment_of(c, false), horizontal, slack, free_length), ink, horizontal, slack, free_length, dpi);
    if (v.length() < px(kVerticalMin, dpi) || share_beside(v, ink, horizontal) > kMaxBeside) continue;
    const bool long_piece = std::min(c.longest, v.length()) >= free_length;
    if (long_piece || (ends_on_lines(v, horizontal, slack) && stands_apart(v, ink, horizontal, dpi))) out.push_back(v);
  }
  std::sort(out.begin(), out.end(), [](const ImageSegment& a, const ImageSegment& b) {
    if (a.horizontal != b.horizontal) return a.horizontal;
    return a.at != b.at ? a.at < b.at : a.from < b.from;
  });
  return out;
}

void erase_lines(GreyImage& img, const std::vector<ImageSegment>& segments) {
  for (const ImageSegment& s : segments) {
    const int half = s.thickness / 2 + 1;
    PixelBox b = s.horizontal ? PixelBox{s.from - 1, s.at - half, s.to + 1, s.at + half + 1}
                              : PixelBox{s.at - half, s.from - 1, s.at + half + 1, s.to + 1};
    b = {std::max(0, b.x0), std::max(0, b.y0), std::min(img.width, b.x1), std::min(img.height, b.y1)};
    for (int y = b.y0; y < b.y1; ++y)
      for (int x = b.x0; x < b.x1; ++x) img.at(x, y) = 255;
  }
}

GreyImage crop(const GreyImage& img, const PixelBox& box) {
  const PixelBox b{std::max(0, box.x0), std::max(0, box.y0), std::min(img.width, box.x1), std::min(img.height, box.y1)};
  if (b.empty()) return GreyImage(0, 0, img.dpi);
  GreyImage out(b.width(), b.height(), img.dpi);
  for (int y = b.y0; y < b.y1; ++y)
    std::memcpy(&out.pixels[static_cast<size_t>(y - b.y0) * out.width], &img.pixels[static_cast<size_t>(y) * img.width + b.x0],
                static_cast<size_t>(b.width()));
  return out;
}

}  // namespace nianbao
