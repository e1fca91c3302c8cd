#include "extract/tables/positions/table_positions_geom.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {

namespace {

// Values of one column stand within this many points of each other on their aligned edge
// (at least; scaled up for large type).
constexpr double kAlignTolerance = 2.5;
constexpr double kAlignToleranceEm = 0.35;
// A value reaching further than this share of its width into a neighbour's band is ambiguous.
constexpr double kAmbiguousShare = 0.5;
// A header word lying over two bands by at least this share of its width each is a group
// heading ("行政诉讼", "法人或其他组织").
constexpr double kGroupShare = 0.25;
// Words on one line closer than this many font sizes are one piece of a label.
constexpr double kPieceGapEm = 1.0;
// Words whose left edges are this close (points) start in one label column.
constexpr double kColumnStartTolerance = 1.5;
// The next line of a wrapped label starts at most this many line heights under the last.
constexpr double kWrapGap = 1.3;

double overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// Orders words as read: top to bottom, then left to right among words on one line.
bool reading_before(const Token* a, const Token* b) {
  if (a->loc.page != b->loc.page) return a->loc.page < b->loc.page;
  double h = std::min(a->height(), b->height());
  if (std::fabs(a->box.y0 - b->box.y0) > 0.5 * h) return a->box.y0 < b->box.y0;
  return a->box.x0 < b->box.x0;
}

std::string joined_m(std::vector<const Token*> ts) {
  std::sort(ts.begin(), ts.end(), reading_before);
  std::string out;
  for (const Token* t : ts) out += t->m;
  return out;
}

bool is_unit(const std::string& m) { return m == "元" || m == "万元"; }

Column span_column(double x0, double x1) {
  Column c;
  c.x0 = x0;
  c.x1 = x1;
  return c;
}

}  // namespace

bool is_cell_value_text(const std::string& folded) {
  std::string t = compact(folded);
  if (t.empty()) return false;
  if (is_placeholder(t)) return true;
  // "3." and "1、" are item numbers of labels, not values.
  if (t.back() == '.' || (t.size() >= 3 && t.compare(t.size() - 3, 3, "、") == 0)) return false;
  if (parse_number(t)) return true;
  auto q = parse_quantity(t);
  return q && (q->unit == "元" || q->unit.empty());
}

std::vector<PageTokens> tokens_of(const std::vector<const Line*>& lines, size_t first, size_t end) {
  std::vector<PageTokens> out;
  for (size_t i = first; i < end && i < lines.size(); ++i) {
    const Line& l = *lines[i];
    if (out.empty() || out.back().page != l.loc.page) out.push_back({l.loc.page, {}});
    for (const auto& s : l.spans) {
      Token t;
      t.text = s.text;
      t.m = match_form(s.text);
      t.box = s.box;
      t.font = s.font_size;
      t.loc = l.loc;
      t.line = i;
      // Only words of table lines are values: a number in a sentence is prose.
      t.table_line = l.is_table_row();
      t.value = t.table_line && is_cell_value_text(fold(s.text));
      // "251000 元": a unit printed apart from its number is part of the value.
      auto& toks = out.back().tokens;
      if (!toks.empty() && toks.back().value && toks.back().line == i && is_unit(t.m) &&
          t.box.x0 - toks.back().box.x1 <= kPieceGapEm * std::max(1.0, t.font)) {
        toks.back().text += t.text;
        toks.back().m += t.m;
        toks.back().box.x1 = t.box.x1;
        continue;
      }
      toks.push_back(std::move(t));
    }
  }
  return out;
}

std::vector<Column> columns_from_values(const std::vector<const Token*>& values) {
  if (values.empty()) return {};
  std::vector<double> heights;
  for (const Token* t : values) heights.push_back(t->height());
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  double tol = std::max(kAlignTolerance, kAlignToleranceEm * heights[heights.size() / 2]);
  std::vector<Column> best;
  for (int align = 0; align < 3; ++align) {
    auto coord = [align](const Token* t) {
      return align == 0 ? t->cx() : align == 1 ? t->box.x0 : t->box.x1;
    };
    std::vector<const Token*> sorted = values;
    std::sort(sorted.begin(), sorted.end(),
              [&](const Token* a, const Token* b) { return coord(a) < coord(b); });
    std::vector<Column> cols;
    double last = 0;
    for (const Token* t : sorted) {
      if (cols.empty() || coord(t) - last > tol) cols.push_back(span_column(t->box.x0, t->box.x1));
      cols.back().x0 = std::min(cols.back().x0, t->box.x0);
      cols.back().x1 = std::max(cols.back().x1, t->box.x1);
      last = coord(t);
    }
    if (best.empty() || cols.size() < best.size()) best = std::move(cols);
  }
  return best;
}

std::vector<Column> columns_from_header(const std::vector<const Token*>& header) {
  // Pieces: words of one line close together ("总 计" printed spaced out).
  std::vector<std::vector<const Token*>> pieces;
  std::vector<const Token*> sorted = header;
  std::sort(sorted.begin(), sorted.end(), reading_before);
  for (const Token* t : sorted) {
    if (!pieces.empty()) {
      const Token* prev = pieces.back().back();
      if (prev->line == t->line && t->box.x0 - prev->box.x1 <= kPieceGapEm * std::max(1.0, t->font)) {
        pieces.back().push_back(t);
        continue;
      }
    }
    pieces.push_back({t});
  }
  struct P { double x0, x1; std::vector<const Token*> ts; bool wide = false; };
  std::vector<P> ps;
  for (auto& p : pieces) ps.push_back({p.front()->box.x0, p.back()->box.x1, p});
  // A piece over two pieces that do not overlap each other heads a group of columns.
  for (auto& a : ps) {
    std::vector<const P*> under;
    for (const auto& b : ps)
      if (&a != &b && overlap(a.x0, a.x1, b.x0, b.x1) > 0) under.push_back(&b);
    for (size_t i = 0; i < under.size() && !a.wide; ++i)
      for (size_t j = i + 1; j < under.size(); ++j)
        if (overlap(under[i]->x0, under[i]->x1, under[j]->x0, under[j]->x1) <= 0) a.wide = true;
  }
  std::vector<Column> cols;
  std::sort(ps.begin(), ps.end(), [](const P& a, const P& b) { return a.x0 < b.x0; });
  for (const auto& p : ps) {
    if (p.wide) continue;
    if (!cols.empty() && overlap(cols.back().x0, cols.back().x1, p.x0, p.x1) > 0) {
      cols.back().x0 = std::min(cols.back().x0, p.x0);
      cols.back().x1 = std::max(cols.back().x1, p.x1);
    } else {
      cols.push_back(span_column(p.x0, p.x1));
    }
  }
  return cols;
}

void set_bands(std::vector<Column>& cols, double label_edge) {
  std::sort(cols.begin(), cols.end(), [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  for (size_t i = 0; i < cols.size(); ++i) {
    cols[i].left = i == 0 ? label_edge : (cols[i - 1].x1 + cols[i].x0) / 2;
    cols[i].right = i + 1 == cols.size() ? 1e9 : (cols[i].x1 + cols[i + 1].x0) / 2;
  }
}

int column_of(const std::vector<Column>& cols, const Token& t) {
  for (size_t i = 0; i < cols.size(); ++i) {
    if (t.cx() < cols[i].left || t.cx() >= cols[i].right) continue;
    double w = std::max(1e-6, t.box.x1 - t.box.x0);
    double outside = w - overlap(t.box.x0, t.box.x1, cols[i].left, cols[i].right);
    return outside > kAmbiguousShare * w ? -1 : static_cast<int>(i);
  }
  return -1;
}

std::vector<int> columns_near(const std::vector<Column>& cols, const Token& t) {
  std::vector<int> out;
  int nearest = -1;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (!cols[i].key) continue;
    if (overlap(t.box.x0, t.box.x1, cols[i].left, cols[i].right) > 0) out.push_back(static_cast<int>(i));
    if (nearest < 0 || std::fabs(cols[i].center() - t.cx()) < std::fabs(cols[static_cast<size_t>(nearest)].center() - t.cx()))
      nearest = static_cast<int>(i);
  }
  if (out.empty() && nearest >= 0) out.push_back(nearest);
  return out;
}

void name_columns(std::vector<Column>& cols, const std::vector<const Token*>& header,
                  const Schema& schema, const std::string& table,
                  std::vector<const Token*>* groups) {
  std::vector<std::vector<const Token*>> stacks(cols.size());
  for (const Token* t : header) {
    double w = std::max(1e-6, t->box.x1 - t->box.x0);
    int best = -1, spanned = 0;
    double best_share = 0;
    for (size_t i = 0; i < cols.size(); ++i) {
      double share = overlap(t->box.x0, t->box.x1, cols[i].left, cols[i].right) / w;
      if (share >= kGroupShare) ++spanned;
      if (share > best_share) {
        best_share = share;
        best = static_cast<int>(i);
      }
    }
    if (spanned >= 2) {
      if (groups) groups->push_back(t);
    } else if (best >= 0) {
      stacks[static_cast<size_t>(best)].push_back(t);
    }
  }
  for (size_t i = 0; i < cols.size(); ++i) {
    cols[i].header = joined_m(stacks[i]);
    cols[i].key = cols[i].header.empty() ? std::nullopt : schema.match_column(cols[i].header, table);
  }
}

bool starts_numbered(const std::string& m) { return item_number_length(m) > 0; }

std::vector<LabelCell> label_cells(const std::vector<const Token*>& words, const Schema& schema,
                                   const std::string& table,
                                   const std::map<size_t, std::vector<const Token*>>* figures) {
  std::vector<const Token*> sorted = words;
  std::sort(sorted.begin(), sorted.end(), reading_before);
  // Where numbered labels start: the left edges of label columns.
  std::vector<double> column_starts;
  for (const Token* t : sorted)
    if (starts_numbered(t->m)) column_starts.push_back(t->box.x0);
  auto starts_column = [&](const Token* t) {
    return std::any_of(column_starts.begin(), column_starts.end(),
                       [t](double x) { return std::fabs(x - t->box.x0) <= kColumnStartTolerance; });
  };
  // Pieces: the words of one line in one label column.
  std::vector<LabelCell> pieces;
  std::vector<bool> beside_figures;  // per piece: on a line of figures
  size_t last_line = static_cast<size_t>(-1);
  for (const Token* t : sorted) {
    // A word starting with an item number, or standing where such words start, begins a piece
    // of its own, however near the group label before it on the line ("（六）其" "1.申请人…",
    // "（三）不予" "益": the group label's column is tight).
    if (!pieces.empty() && last_line == t->line && !starts_numbered(t->m) && !starts_column(t) &&
        t->box.x0 - pieces.back().box.x1 <= kPieceGapEm * std::max(1.0, t->font)) {
      LabelCell& p = pieces.back();
      p.text += t->text;
      p.box.x1 = std::max(p.box.x1, t->box.x1);
      p.box.y0 = std::min(p.box.y0, t->box.y0);
      p.box.y1 = std::max(p.box.y1, t->box.y1);
    } else {
      pieces.push_back({t->text, "", t->box, t->loc.page, t->loc, std::nullopt});
      beside_figures.push_back(figures && figures->count(t->line));
    }
    last_line = t->line;
  }
  std::vector<size_t> order(pieces.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const LabelCell& x = pieces[a];
    const LabelCell& y = pieces[b];
    return x.page != y.page ? x.page < y.page : x.box.y0 < y.box.y0;
  });
  std::vector<LabelCell> cells;
  std::vector<Box> last_piece;  // per cell: its lowest piece
  std::vector<bool> has_figures;  // per cell: one of its pieces is on a line of figures
  for (size_t k : order) {
    LabelCell& p = pieces[k];
    const bool on_figures = beside_figures[k];
    p.m = match_form(p.text);
    auto own = schema.match_row(p.m, table);
    int into = -1;
    for (size_t i = cells.size(); i-- > 0;) {
      const LabelCell& c = cells[i];
      if (c.page != p.page) break;
      const Box& lb = last_piece[i];
      double h = std::max(1.0, lb.y1 - lb.y0);
      double gap = p.box.y0 - lb.y1;
      if (gap > kWrapGap * h || gap < -0.5 * h) continue;
      if (overlap(lb.x0, lb.x1, p.box.x0, p.box.x1) <= 0) continue;
      if (starts_numbered(p.m) || own || (on_figures && has_figures[i])) break;
      into = static_cast<int>(i);
      break;
    }
    if (into < 0) {
      p.row = own ? std::optional<std::string>(own->row) : std::nullopt;
      cells.push_back(p);
      last_piece.push_back(p.box);
      has_figures.push_back(on_figures);
      continue;
    }
    LabelCell& c = cells[static_cast<size_t>(into)];
    c.text += p.text;
    c.m += p.m;
    c.box.x0 = std::min(c.box.x0, p.box.x0);
    c.box.x1 = std::max(c.box.x1, p.box.x1);
    c.box.y1 = std::max(c.box.y1, p.box.y1);
    last_piece[static_cast<size_t>(into)] = p.box;
    if (on_figures) has_figures[static_cast<size_t>(into)] = true;
    auto m = schema.match_row(c.m, table);
    c.row = m ? std::optional<std::string>(m->row) : std::nullopt;
  }
  return cells;
}

}  // namespace nianbao
