#include "extract/tables/grid/grid_table.h"

#include <algorithm>
#include <cmath>

#include "extract/normalize/misread.h"
#include "extract/normalize/normalize.h"
#include "extract/rules/schema.h"
#include "extract/tables/grid/grid_geometry.h"

namespace nianbao {

namespace {

// The same column boundary on two pages of one table: within this many points.
constexpr double kSameColumn = 2.0;
// A number wrapped in its cell fills this share of the cell's width and stops short of its
// right border by at most a digit and the cell's padding (font sizes, points).
constexpr double kWrapFill = 0.6;
constexpr double kWrapReachEm = 0.8;
constexpr double kCellPadding = 6.0;

const Page* page_of(const Document& doc, int number) {
  if (number >= 1 && static_cast<size_t>(number) <= doc.pages.size() &&
      doc.pages[static_cast<size_t>(number) - 1].number == number)
    return &doc.pages[static_cast<size_t>(number) - 1];
  for (const Page& p : doc.pages)
    if (p.number == number) return &p;
  return nullptr;
}

bool digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
}

// Whether `next`, on the line under `last`, is the rest of a number wrapped in a cell too narrow
// for it: `last` is all digits and fills its line up to the right border, `next` goes on with
// digits or the unit.
bool wraps(const Token& last, const Token& next, const Box& cell) {
  double width = cell.x1 - cell.x0, h = last.height();
  if (!digits(last.text) || width <= 0) return false;
  bool goes_on = (next.text[0] >= '0' && next.text[0] <= '9') || next.m.rfind("元", 0) == 0 ||
                 next.m.rfind("万元", 0) == 0;
  return goes_on && last.box.x1 - last.box.x0 >= kWrapFill * width &&
         cell.x1 - last.box.x1 <= kWrapReachEm * h + kCellPadding && next.box.y0 - last.box.y1 < h;
}

GridCell grid_cell(const RuledCell& rc, int page, std::vector<const Token*> words, std::deque<Token>& joined) {
  std::sort(words.begin(), words.end(), [](const Token* a, const Token* b) {
    return a->line != b->line ? a->line < b->line : a->box.x0 < b->box.x0;
  });
  std::vector<const Token*> tokens;
  for (const Token* t : words) {
    if (!tokens.empty() && tokens.back()->line != t->line && wraps(*tokens.back(), *t, rc.box)) {
      Token j = *tokens.back();
      j.text += t->text;
      j.m += t->m;
      j.box.x0 = std::min(j.box.x0, t->box.x0);
      j.box.x1 = std::max(j.box.x1, t->box.x1);
      j.box.y1 = std::max(j.box.y1, t->box.y1);
      j.value = is_cell_value_text(fold(j.text));
      joined.push_back(std::move(j));
      tokens.back() = &joined.back();
      continue;
    }
    tokens.push_back(t);
  }
  GridCell c;
  c.r0 = rc.r0;
  c.r1 = rc.r1;
  c.c0 = rc.c0;
  c.c1 = rc.c1;
  c.page = page;
  c.box = rc.box;
  for (const Token* t : tokens) {
    c.text += t->text;
    if (is_value_token(*t)) c.value = true;
  }
  c.m = match_form(c.text);
  c.tokens = std::move(tokens);
  return c;
}

// One page's piece of a table: its cells with their words.
struct Piece {
  int page = 0;
  bool ocr = false;  // read by OCR from a scanned page
  std::vector<double> xs;
  int rows = 0;
  std::vector<GridCell> cells;
};

// Whether `b`, the piece of a table on the next page, has the columns of `a`: either every
// boundary of `b` is one of `a` between the same outer edges, or the two share their value
// columns, counted from the right edge, while their label columns differ. A table continued on
// the next page keeps its value columns where they were, but its label side may be split
// otherwise (a group column only on pages holding groups) or lose its left border, drawn by a
// cell begun on the page before.
bool continues_columns(const std::vector<double>& a, const std::vector<double>& b) {
  auto near = [](double p, double q) { return std::fabs(p - q) <= kSameColumn; };
  size_t shared = 0;
  while (shared < a.size() && shared < b.size() && near(a[a.size() - 1 - shared], b[b.size() - 1 - shared])) ++shared;
  if (shared >= 3 && 2 * shared >= std::min(a.size(), b.size())) return true;
  if (!near(a.front(), b.front()) || !near(a.back(), b.back())) return false;
  return std::all_of(b.begin(), b.end(), [&](double x) {
    return std::any_of(a.begin(), a.end(), [&](double y) { return near(x, y); });
  });
}

// The column boundaries of both pieces, those within kSameColumn of each other taken once.
std::vector<double> united_columns(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> all(a);
  all.insert(all.end(), b.begin(), b.end());
  std::sort(all.begin(), all.end());
  std::vector<double> out;
  for (double x : all)
    if (out.empty() || x - out.back() > kSameColumn) out.push_back(x);
  return out;
}

// Cells numbered by the boundaries `from` numbered instead by those of `to`, which hold them.
void renumber_columns(std::vector<GridCell>& cells, const std::vector<double>& from, const std::vector<double>& to) {
  auto index = [&](int c) {
    double x = from[static_cast<size_t>(c)];
    auto it = std::min_element(to.begin(), to.end(), [x](double p, double q) { return std::fabs(p - x) < std::fabs(q - x); });
    return static_cast<int>(it - to.begin());
  };
  for (GridCell& c : cells) {
    c.c0 = index(c.c0);
    c.c1 = index(c.c1);
  }
}

// Whether row `r` of `a` prints what row `r` of `b` does, cell by cell: a header printed again
// reads the same, but where it was read by OCR (`misreads`), a character in six may differ.
bool same_row(const std::vector<GridCell>& a, const std::vector<GridCell>& b, int r, bool misreads) {
  auto row = [r](const std::vector<GridCell>& cells) {
    std::vector<const GridCell*> out;
    for (const GridCell& c : cells)
      if (c.r0 == r) out.push_back(&c);
    return out;
  };
  const std::vector<const GridCell*> x = row(a), y = row(b);
  if (x.size() != y.size()) return false;
  for (size_t k = 0; k < x.size(); ++k) {
    if (x[k]->c0 != y[k]->c0 || x[k]->c1 != y[k]->c1) return false;
    if (x[k]->m != y[k]->m && !(misreads && same_but_misreads(x[k]->m, y[k]->m))) return false;
  }
  return true;
}

bool has_text(const std::vector<GridCell>& cells, int r) {
  return std::any_of(cells.begin(), cells.end(), [r](const GridCell& c) { return c.r0 == r && !c.empty(); });
}

GridTable start(Piece p) {
  GridTable t;
  t.xs = std::move(p.xs);
  t.row_page.assign(static_cast<size_t>(p.rows), p.page);
  t.cells = std::move(p.cells);
  t.ocr = p.ocr;
  return t;
}

// Appends the next page's piece of the table; false when it is another table.
bool continue_table(GridTable& t, Piece& p) {
  if (!continues_columns(t.xs, p.xs)) return false;
  std::vector<double> xs = united_columns(t.xs, p.xs);
  renumber_columns(t.cells, t.xs, xs);
  renumber_columns(p.cells, p.xs, xs);
  t.xs = std::move(xs);
  // The header printed again on top of the page.
  int skip = 0;
  while (skip < p.rows && skip < t.rows() && has_text(p.cells, skip) &&
         same_row(p.cells, t.cells, skip, t.ocr || p.ocr))
    ++skip;
  t.ocr = t.ocr || p.ocr;
  int offset = t.rows() - skip;
  t.page_starts.push_back(t.rows());
  for (GridCell& c : p.cells) {
    if (c.r1 <= skip) continue;
    c.r0 = std::max(c.r0, skip) + offset;
    c.r1 += offset;
    t.cells.push_back(std::move(c));
  }
  for (int r = skip; r < p.rows; ++r) t.row_page.push_back(p.page);
  return true;
}

}  // namespace

bool is_value_token(const Token& t) { return t.value || is_cell_value_text(fold(t.text)); }

std::vector<GridTable> grid_tables(const Document& doc, const std::vector<PageTokens>& pages) {
  std::vector<GridTable> out;
  auto joined = std::make_shared<std::deque<Token>>();
  int last_page = -1;  // the page of the last piece, when it was the lowest table of its page
  bool last_lowest = false;
  for (const PageTokens& pt : pages) {
    const Page* page = page_of(doc, pt.page);
    if (!page || page->rulings.empty()) continue;
    std::vector<RuledTable> tables = ruled_tables(page->rulings);
    const bool ocr = std::find(doc.notes.ocr_pages.begin(), doc.notes.ocr_pages.end(), pt.page) != doc.notes.ocr_pages.end();
    std::vector<Piece> pieces;
    for (const RuledTable& rt : tables) {
      std::vector<std::vector<const Token*>> in(rt.cells.size());
      bool any = false;
      for (const Token& tok : pt.tokens) {
        int k = rt.cell_at(tok.cx(), tok.cy());
        if (k < 0) continue;
        in[static_cast<size_t>(k)].push_back(&tok);
        any = true;
      }
      if (!any) continue;  // a table of another part
      Piece p;
      p.page = pt.page;
      p.ocr = ocr;
      p.xs = rt.xs;
      p.rows = rt.rows();
      for (size_t k = 0; k < rt.cells.size(); ++k) p.cells.push_back(grid_cell(rt.cells[k], pt.page, std::move(in[k]), *joined));
      pieces.push_back(std::move(p));
    }
    for (size_t i = 0; i < pieces.size(); ++i) {
      // Only the lowest table of a page runs on to the top one of the next page.
      bool joined_up = i == 0 && last_lowest && last_page == pt.page - 1 && !out.empty() &&
                    continue_table(out.back(), pieces[i]);
      if (!joined_up) {
        out.push_back(start(std::move(pieces[i])));
        out.back().joined = joined;
      }
    }
    if (!pieces.empty()) {
      last_page = pt.page;
      last_lowest = true;
    }
  }
  return out;
}

}  // namespace nianbao
