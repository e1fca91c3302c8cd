#include "extract/read/html/html_grid.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {

bool is_value_text(const std::string& text) {
  const std::string t = compact(text);
  if (t.empty()) return false;
  static const RE2 number("[+-]?[0-9][0-9,.]*(?:万元|元|%|件|个|项)?");
  return RE2::FullMatch(t, number) || is_placeholder(t);
}

std::vector<std::vector<std::string>> expand_grid(const std::vector<SourceRow>& rows) {
  const size_t n = rows.size();
  std::vector<std::vector<std::string>> grid(n);
  // For every position, the cell covering it: the column it begins in and its width.
  struct Cover {
    int origin = -1;
    size_t width = 0;
  };
  std::vector<std::vector<Cover>> cover(n);
  auto take = [&](size_t r, size_t c, Cover by) {
    if (cover[r].size() <= c) cover[r].resize(c + 1);
    cover[r][c] = by;
    if (grid[r].size() <= c) grid[r].resize(c + 1);
  };
  auto is_taken = [&](size_t r, size_t c) { return c < cover[r].size() && cover[r][c].origin >= 0; };

  size_t columns = 0;
  for (size_t r = 0; r < n; ++r) {
    size_t c = static_cast<size_t>(std::clamp(rows[r].skip_before, 0, kMaxGridColumns));
    if (c > 0 && grid[r].size() < c) grid[r].resize(c);
    for (const SourceCell& cell : rows[r].cells) {
      while (c < static_cast<size_t>(kMaxGridColumns) && is_taken(r, c)) ++c;
      if (c >= static_cast<size_t>(kMaxGridColumns)) break;
      const size_t width = std::min(static_cast<size_t>(std::max(cell.colspan, 1)),
                                    static_cast<size_t>(kMaxGridColumns) - c);
      const size_t height = cell.rowspan <= 0 ? n - r
                                              : std::min(static_cast<size_t>(cell.rowspan), n - r);
      const std::string text = cell.continues_above ? std::string() : cell.text;
      const bool repeat = !is_value_text(text);
      const Cover by{static_cast<int>(c), width};
      for (size_t dc = 0; dc < width; ++dc) {
        take(r, c + dc, by);
        grid[r][c + dc] = (dc == 0 || repeat) ? text : std::string();
        for (size_t dr = 1; dr < height; ++dr) take(r + dr, c + dc, by);
      }
      c += width;
      columns = std::max(columns, c);
    }
  }
  // A column that every row spans across is an artefact of the editor's column borders
  // (LibreOffice splits a column where one header's border is off by a hair, and every other
  // row merges across the split): no cell shows in it alone, and keeping it would give a row
  // an extra cell (LibreOffice draws it a twip wide). What begins in a dropped column shows in
  // the next one.
  // Every cell keeps at least one of its columns: a column goes only when each cell over it
  // has a column left of it that stays, or one right of it.
  std::vector<bool> drop(columns, false);
  for (size_t c = 0; c < columns; ++c) {
    bool covered = false, spanned = true;
    for (size_t r = 0; r < n && spanned; ++r) {
      if (c >= cover[r].size() || cover[r][c].origin < 0) continue;
      covered = true;
      const Cover& by = cover[r][c];
      const auto origin = static_cast<size_t>(by.origin);
      bool kept_left = false;
      for (size_t k = origin; k < c; ++k) kept_left |= !drop[k];
      spanned = kept_left || origin + by.width - 1 > c;
    }
    drop[c] = covered && spanned;
  }
  for (auto& row : grid) {
    size_t out = 0;
    for (size_t c = 0; c < row.size(); ++c) {
      if (c < drop.size() && drop[c]) {
        if (c + 1 < row.size() && row[c + 1].empty()) row[c + 1] = std::move(row[c]);
        continue;
      }
      if (out != c) row[out] = std::move(row[c]);
      ++out;
    }
    row.resize(out);
  }
  return grid;
}

}  // namespace nianbao
