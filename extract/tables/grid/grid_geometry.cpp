#include "extract/tables/grid/grid_geometry.h"

#include <algorithm>
#include <numeric>

namespace nianbao {

namespace {

// A border is drawn between two cells when lines cover at least this share of their common side.
constexpr double kBorderCover = 0.5;
// Beyond these a page is a drawing, not tables: its rulings are left to the word positions.
constexpr size_t kMaxLines = 3000;
constexpr size_t kMaxElementary = 200000;

struct Seg {
  double at = 0, from = 0, to = 0;
};

// Pieces of one line joined: at the same position within the tolerance (double borders, the
// borders of two cells side by side) and touching or overlapping. Lines of two tables at nearly
// the same position (one above the other) stay apart.
std::vector<Seg> merge(std::vector<Seg> segs) {
  std::sort(segs.begin(), segs.end(), [](const Seg& a, const Seg& b) { return a.from < b.from; });
  struct Line {
    Seg seg;
    double sum = 0, weight = 0;  // for the mean position
  };
  std::vector<Line> open;
  std::vector<Seg> out;
  for (const Seg& s : segs) {
    Line* into = nullptr;
    for (Line& l : open)
      if (std::abs(l.seg.at - s.at) <= kRulingTolerance && s.from <= l.seg.to + kRulingTolerance &&
          (!into || std::abs(l.seg.at - s.at) < std::abs(into->seg.at - s.at)))
        into = &l;
    double w = std::max(0.1, s.to - s.from);
    if (!into) {
      if (open.size() >= kMaxLines) return {};  // a drawing, not tables
      open.push_back({s, s.at * w, w});
      continue;
    }
    into->seg.to = std::max(into->seg.to, s.to);
    into->sum += s.at * w;
    into->weight += w;
    into->seg.at = into->sum / into->weight;
  }
  for (const Line& l : open) out.push_back(l.seg);
  std::sort(out.begin(), out.end(), [](const Seg& a, const Seg& b) { return a.at < b.at; });
  return out;
}

int find(std::vector<int>& parent, int i) {
  while (parent[static_cast<size_t>(i)] != i) {
    parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
    i = parent[static_cast<size_t>(i)];
  }
  return i;
}

void unite(std::vector<int>& parent, int a, int b) {
  a = find(parent, a);
  b = find(parent, b);
  if (a != b) parent[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
}

bool touch(const Seg& h, const Seg& v) {
  return v.at >= h.from - kRulingTolerance && v.at <= h.to + kRulingTolerance &&
         h.at >= v.from - kRulingTolerance && h.at <= v.to + kRulingTolerance;
}

// Positions within the tolerance of each other as one boundary (their mean).
std::vector<double> boundaries(std::vector<double> at) {
  std::sort(at.begin(), at.end());
  std::vector<double> out;
  for (size_t i = 0; i < at.size();) {
    size_t j = i;
    double sum = 0;
    while (j < at.size() && at[j] - at[i] <= kRulingTolerance) sum += at[j++];
    out.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return out;
}

// Whether the lines at boundary `at` cover [a, b] enough to be a border there.
bool covered(const std::vector<Seg>& lines, double at, double a, double b) {
  double cover = 0;
  for (const Seg& s : lines)
    if (std::abs(s.at - at) <= kRulingTolerance)
      cover += std::max(0.0, std::min(b, s.to) - std::max(a, s.from));
  return cover >= kBorderCover * (b - a);
}

RuledTable cut(const std::vector<Seg>& hs, const std::vector<Seg>& vs) {
  RuledTable t;
  std::vector<double> x, y;
  for (const Seg& v : vs) x.push_back(v.at);
  for (const Seg& h : hs) y.push_back(h.at);
  // A table broken by the page end has no border under its last row (nor over its first row
  // on the next page): the lines across it end where the row does.
  double top = 1e18, bottom = -1e18, west = 1e18, east = -1e18;
  for (const Seg& v : vs) {
    top = std::min(top, v.from);
    bottom = std::max(bottom, v.to);
  }
  for (const Seg& h : hs) {
    west = std::min(west, h.from);
    east = std::max(east, h.to);
  }
  y.push_back(top);
  y.push_back(bottom);
  x.push_back(west);
  x.push_back(east);
  t.xs = boundaries(std::move(x));
  t.ys = boundaries(std::move(y));
  int R = t.rows(), C = t.cols();
  if (R < 1 || C < 1 || static_cast<size_t>(R) * static_cast<size_t>(C) > kMaxElementary) return {};
  t.box = {t.xs.front(), t.ys.front(), t.xs.back(), t.ys.back()};
  // Lines at each boundary, so that a border test only looks at its own.
  std::vector<std::vector<Seg>> at_x(static_cast<size_t>(C) + 1), at_y(static_cast<size_t>(R) + 1);
  auto nearest = [](const std::vector<double>& bs, double at) {
    size_t k = static_cast<size_t>(std::lower_bound(bs.begin(), bs.end(), at) - bs.begin());
    if (k == bs.size() || (k > 0 && at - bs[k - 1] < bs[k] - at)) --k;
    return k;
  };
  for (const Seg& v : vs) at_x[nearest(t.xs, v.at)].push_back({t.xs[nearest(t.xs, v.at)], v.from, v.to});
  for (const Seg& h : hs) at_y[nearest(t.ys, h.at)].push_back({t.ys[nearest(t.ys, h.at)], h.from, h.to});
  std::vector<int> parent(static_cast<size_t>(R * C));
  std::iota(parent.begin(), parent.end(), 0);
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < C; ++c) {
      double cx0 = t.xs[static_cast<size_t>(c)], cx1 = t.xs[static_cast<size_t>(c) + 1];
      double cy0 = t.ys[static_cast<size_t>(r)], cy1 = t.ys[static_cast<size_t>(r) + 1];
      size_t right = static_cast<size_t>(c) + 1, below = static_cast<size_t>(r) + 1;
      if (c + 1 < C && !covered(at_x[right], t.xs[right], cy0, cy1)) unite(parent, r * C + c, r * C + c + 1);
      if (r + 1 < R && !covered(at_y[below], t.ys[below], cx0, cx1)) unite(parent, r * C + c, (r + 1) * C + c);
    }
  // Each group of elementary cells is a cell: the rectangle around it.
  std::vector<int> index(static_cast<size_t>(R * C), -1);
  t.owner.assign(static_cast<size_t>(R * C), -1);
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < C; ++c) {
      int root = find(parent, r * C + c);
      int& k = index[static_cast<size_t>(root)];
      if (k < 0) {
        k = static_cast<int>(t.cells.size());
        t.cells.push_back({r, r + 1, c, c + 1, {}});
      }
      RuledCell& cell = t.cells[static_cast<size_t>(k)];
      cell.r1 = std::max(cell.r1, r + 1);
      cell.c0 = std::min(cell.c0, c);
      cell.c1 = std::max(cell.c1, c + 1);
      t.owner[static_cast<size_t>(r * C + c)] = k;
    }
  for (RuledCell& cell : t.cells)
    cell.box = {t.xs[static_cast<size_t>(cell.c0)], t.ys[static_cast<size_t>(cell.r0)],
                t.xs[static_cast<size_t>(cell.c1)], t.ys[static_cast<size_t>(cell.r1)]};
  return t;
}

}  // namespace

int RuledTable::cell_at(double x, double y) const {
  if (xs.size() < 2 || ys.size() < 2 || x < xs.front() || x > xs.back() || y < ys.front() || y > ys.back())
    return -1;
  auto index = [](const std::vector<double>& bs, double v) {
    long k = std::upper_bound(bs.begin(), bs.end(), v) - bs.begin() - 1;
    return static_cast<int>(std::clamp(k, 0L, static_cast<long>(bs.size()) - 2));
  };
  return owner[static_cast<size_t>(index(ys, y) * cols() + index(xs, x))];
}

std::vector<RuledTable> ruled_tables(const std::vector<Ruling>& rulings) {
  std::vector<Seg> h, v;
  for (const Ruling& r : rulings) (r.horizontal ? h : v).push_back({r.at, r.from, r.to});
  h = merge(std::move(h));
  v = merge(std::move(v));
  if (h.size() < 2 || v.size() < 2 || h.size() > kMaxLines || v.size() > kMaxLines) return {};
  int nh = static_cast<int>(h.size()), nv = static_cast<int>(v.size());
  std::vector<int> parent(static_cast<size_t>(nh + nv));
  std::iota(parent.begin(), parent.end(), 0);
  for (int i = 0; i < nh; ++i)
    for (int j = 0; j < nv; ++j)
      if (touch(h[static_cast<size_t>(i)], v[static_cast<size_t>(j)])) unite(parent, i, nh + j);
  std::vector<std::vector<Seg>> hs(parent.size()), vs(parent.size());
  for (int i = 0; i < nh; ++i) hs[static_cast<size_t>(find(parent, i))].push_back(h[static_cast<size_t>(i)]);
  for (int j = 0; j < nv; ++j) vs[static_cast<size_t>(find(parent, nh + j))].push_back(v[static_cast<size_t>(j)]);
  std::vector<RuledTable> out;
  for (size_t k = 0; k < parent.size(); ++k) {
    if (hs[k].size() < 2 || vs[k].size() < 2) continue;
    RuledTable t = cut(hs[k], vs[k]);
    if (!t.cells.empty()) out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const RuledTable& a, const RuledTable& b) { return a.box.y0 < b.box.y0; });
  return out;
}

}  // namespace nianbao
