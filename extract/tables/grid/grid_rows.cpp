#include "extract/tables/grid/grid_rows.h"

#include <algorithm>
#include <map>

namespace nianbao {

namespace {

// For every elementary cell (row-major), the cell covering it, or -1.
std::vector<int> owners(const GridTable& t) {
  std::vector<int> out(static_cast<size_t>(t.rows()) * static_cast<size_t>(std::max(0, t.cols())), -1);
  for (size_t k = 0; k < t.cells.size(); ++k) {
    const GridCell& c = t.cells[k];
    for (int r = c.r0; r < c.r1 && r < t.rows(); ++r)
      for (int col = c.c0; col < c.c1 && col < t.cols(); ++col)
        out[static_cast<size_t>(r * t.cols() + col)] = static_cast<int>(k);
  }
  return out;
}

bool before(const Token* a, const Token* b) {
  return a->line != b->line ? a->line < b->line : a->box.x0 < b->box.x0;
}

}  // namespace

std::optional<Schema::RowMatch> row_named(const Schema& schema, const std::string& table, const std::string& m,
                                          const GridTable& t) {
  if (m.empty()) return std::nullopt;
  return t.ocr ? schema.match_row_near(m, table) : schema.match_row(m, table);
}

std::optional<std::string> column_named(const Schema& schema, const std::string& table, const std::string& m,
                                        const GridTable& t) {
  if (m.empty()) return std::nullopt;
  return t.ocr ? schema.match_column_near(m, table) : schema.match_column(m, table);
}

int value_edge(const GridTable& t, const Schema& schema, const std::string& table) {
  std::map<int, int> votes;  // first value column -> rows printing their first value there
  for (int r = 0; r < t.rows(); ++r) {
    int first = -1;
    for (const GridCell& c : t.cells)
      if (c.r0 == r && c.value && (first < 0 || c.c0 < first)) first = c.c0;
    if (first >= 0) ++votes[first];
  }
  int best = -1, most = 0;
  for (const auto& [col, n] : votes)
    if (n > most) {
      best = col;
      most = n;
    }
  if (best >= 0) return best;
  for (int col = 0; col < t.cols(); ++col)
    for (const GridCell& c : t.cells)
      if (c.c0 == col && !c.empty() && column_named(schema, table, c.m, t)) return col;
  return -1;
}

std::vector<GridRow> grid_rows(const GridTable& t, int edge) {
  std::vector<GridRow> out;
  if (edge <= 0 || edge > t.cols()) return out;
  std::vector<int> own = owners(t);
  auto at = [&](int r, int c) { return own[static_cast<size_t>(r * t.cols() + c)]; };
  for (int r = 0; r < t.rows(); ++r) {
    int row_edge = edge;
    while (row_edge > 1) {
      int k = at(r, row_edge - 1);
      if (k < 0 || !t.cells[static_cast<size_t>(k)].value || t.cells[static_cast<size_t>(k)].r0 != r) break;
      row_edge = t.cells[static_cast<size_t>(k)].c0;
    }
    int label = -1;
    for (int c = row_edge - 1; c >= 0 && label < 0; --c) {
      int k = at(r, c);
      if (k >= 0 && t.cells[static_cast<size_t>(k)].c1 <= row_edge && !t.cells[static_cast<size_t>(k)].empty()) label = k;
    }
    if (label < 0) {
      int k = at(r, row_edge - 1);
      if (k < 0 || t.cells[static_cast<size_t>(k)].c1 > row_edge) continue;  // a caption across the table
      label = k;
    }
    if (!out.empty() && out.back().labels.front() == label && out.back().r1 == r) {
      out.back().r1 = r + 1;
      continue;
    }
    GridRow row;
    row.labels = {label};
    row.edge = row_edge;
    row.r0 = r;
    row.r1 = r + 1;
    row.continued = std::find(t.page_starts.begin(), t.page_starts.end(), r) != t.page_starts.end();
    for (int c = 0; c < t.cells[static_cast<size_t>(label)].c0; ++c) {
      int k = at(r, c);
      if (k >= 0 && (row.outer.empty() || row.outer.back() != k)) row.outer.push_back(k);
    }
    out.push_back(std::move(row));
  }
  for (GridRow& row : out)
    for (size_t k = 0; k < t.cells.size(); ++k) {
      const GridCell& c = t.cells[k];
      if (c.c0 >= row.edge && c.r0 >= row.r0 && c.r0 < row.r1) row.values.push_back(static_cast<int>(k));
    }
  return out;
}

std::string joined_m(const GridTable& t, const std::vector<int>& cells) {
  std::string out;
  for (int k : cells) out += t.cells[static_cast<size_t>(k)].m;
  return out;
}

std::string joined_text(const GridTable& t, const std::vector<int>& cells) {
  std::string out;
  for (int k : cells) out += t.cells[static_cast<size_t>(k)].text;
  return out;
}

const Token* first_token(const GridTable& t, const std::vector<int>& cells) {
  const Token* best = nullptr;
  for (int k : cells) {
    const GridCell& c = t.cells[static_cast<size_t>(k)];
    if (!c.tokens.empty() && (!best || before(c.tokens.front(), best))) best = c.tokens.front();
  }
  return best;
}

std::vector<ColumnHead> column_heads(const GridTable& t, int header_end) {
  std::vector<ColumnHead> out(static_cast<size_t>(std::max(0, t.cols())));
  for (int col = 0; col < t.cols(); ++col) {
    std::vector<const GridCell*> over;
    for (const GridCell& c : t.cells)
      if (c.r0 < header_end && c.c0 <= col && col < c.c1 && !c.empty()) over.push_back(&c);
    if (over.empty()) continue;
    int narrowest = 1 << 20;
    for (const GridCell* c : over) narrowest = std::min(narrowest, c->c1 - c->c0);
    std::stable_sort(over.begin(), over.end(), [](const GridCell* a, const GridCell* b) {
      return a->c1 - a->c0 != b->c1 - b->c0 ? a->c1 - a->c0 < b->c1 - b->c0 : a->r0 < b->r0;
    });
    for (const GridCell* c : over) {
      if (c->c1 - c->c0 == narrowest) out[static_cast<size_t>(col)].leaf += c->m;
      else out[static_cast<size_t>(col)].groups.push_back(c->m);
    }
  }
  return out;
}

std::vector<std::optional<std::string>> row_names(const GridTable& t, const std::vector<int>& cells,
                                                  const std::vector<std::optional<std::string>>& names,
                                                  const std::vector<std::string>& columns) {
  std::vector<std::optional<std::string>> out;
  // Each line of cells on its own: a row cut by a page end has a line of cells on each page.
  for (size_t from = 0; from < cells.size();) {
    size_t to = from;
    int r0 = t.cells[static_cast<size_t>(cells[from])].r0;
    while (to < cells.size() && t.cells[static_cast<size_t>(cells[to])].r0 == r0) ++to;
    bool whole = true;
    for (size_t i = from; i < to; ++i) {
      const GridCell& c = t.cells[static_cast<size_t>(cells[i])];
      out.push_back(name_of(names, c.c0, c.c1));
      const auto& n = out.back();
      if (!n || std::find(columns.begin(), columns.end(), *n) == columns.end() ||
          std::count(out.begin() + static_cast<long>(from), out.end(), n) > 1)
        whole = false;
    }
    // Blank cells after the last value (a ragged row running past the header) do not count.
    size_t end = to;
    while (end > from && t.cells[static_cast<size_t>(cells[end - 1])].empty()) --end;
    if (!whole && (to - from == columns.size() || end - from == columns.size())) {
      size_t n = std::min(columns.size(), to - from);
      std::copy(columns.begin(), columns.begin() + static_cast<long>(n), out.begin() + static_cast<long>(from));
      std::fill(out.begin() + static_cast<long>(from + n), out.begin() + static_cast<long>(to), std::nullopt);
    }
    from = to;
  }
  return out;
}

std::optional<std::string> name_of(const std::vector<std::optional<std::string>>& names, int c0, int c1) {
  std::optional<std::string> out;
  for (int c = std::max(0, c0); c < c1 && c < static_cast<int>(names.size()); ++c) {
    const auto& n = names[static_cast<size_t>(c)];
    if (!n) continue;
    if (out && *out != *n) return std::nullopt;
    out = n;
  }
  return out;
}

}  // namespace nianbao
