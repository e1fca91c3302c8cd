#include "extract/tables/text/table_rows.h"

#include <algorithm>

#include "extract/tables/table_cells.h"

namespace nianbao {

namespace {

// The candidates of a row from the numbers printed for it.
RowCandidates candidates_for(const SchemaTable& table, int row, const NumberGroup& g) {
  RowCandidates rc;
  rc.row = row;
  rc.printed = true;
  rc.loc = g.loc;
  if (!g.from_cells) {
    rc.printed_text = g.run;
  } else {
    for (const std::string& c : g.cells)
      if (!c.empty()) rc.printed_text += (rc.printed_text.empty() ? "" : " ") + c;
  }
  size_t width = table.rows[static_cast<size_t>(row)].columns.size();
  if (auto cells = fit_group(g, width)) {
    rc.cuts.push_back(*cells);
    return rc;
  }
  if (g.from_cells) return rc;  // cell boundaries are real: a wrong count is not a cut problem
  std::string unit;
  std::string digits = run_digits(g, &unit);
  auto rows = split_rows(table, {row});
  rc.cuts = split_run(digits, rows);
  if (rc.cuts.empty() && !rows[0].sums.empty()) {
    // The printed row may not add up; a cut that is unique without the sum still reads it.
    rows[0].sums.clear();
    auto loose = split_run(digits, rows, 2);
    if (loose.size() == 1) rc.cuts = loose;
  }
  for (auto& cut : rc.cuts)
    if (!cut.empty()) cut.back() += unit;
  return rc;
}

// Longest chain of label hits whose rows increase with their position: labels printed out of
// order by a conversion (a wrapped label landing elsewhere) drop out.
std::vector<size_t> ordered_chain(const std::vector<LabelHit>& hits) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < hits.size(); ++i)
    if (hits[i].anchored) idx.push_back(i);
  size_t n = idx.size();
  std::vector<size_t> len(n, 1), prev(n, SIZE_MAX);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < i; ++j)
      if (hits[idx[j]].row < hits[idx[i]].row && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  std::vector<size_t> chain;
  if (n == 0) return chain;
  size_t best = static_cast<size_t>(std::max_element(len.begin(), len.end()) - len.begin());
  for (size_t k = best; k != SIZE_MAX; k = prev[k]) chain.push_back(idx[k]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string printed_label(const TextStream& s, const LabelHit& h) {
  return s.printed(h.begin, h.end);
}

void assemble_rows(const SchemaTable& table, const TextStream& s, const StreamScan& scan,
                   std::vector<TableRow>& out, std::vector<RowCandidates>& cands) {
  const int nrows = static_cast<int>(table.rows.size());
  std::vector<size_t> chain = ordered_chain(scan.hits);
  std::vector<bool> in_chain(scan.hits.size(), false);
  for (size_t k : chain) in_chain[k] = true;
  for (size_t k : chain) {
    const LabelHit& h = scan.hits[k];
    TableRow& r = out[static_cast<size_t>(h.row)];
    r.found = true;
    r.loc = h.loc;
    r.label = printed_label(s, h);
    cands[static_cast<size_t>(h.row)] =
        candidates_for(table, h.row, scan.groups[static_cast<size_t>(h.group)]);
  }
  // Gaps between consecutive rows of the chain: unlabeled groups go to the rows in between
  // only when their count matches exactly.
  struct Anchor {
    int row;
    size_t pos;
  };
  std::vector<Anchor> anchors{{-1, s.begin}};
  for (size_t k : chain) anchors.push_back({scan.hits[k].row, scan.hits[k].begin});
  anchors.push_back({nrows, s.end});
  for (size_t a = 0; a + 1 < anchors.size(); ++a) {
    int r0 = anchors[a].row + 1, r1 = anchors[a + 1].row;
    size_t p0 = anchors[a].pos, p1 = anchors[a + 1].pos;
    std::vector<const NumberGroup*> loose;
    for (const auto& g : scan.groups) {
      bool own = g.hit >= 0 && in_chain[static_cast<size_t>(g.hit)];
      if (!own && g.pos >= p0 && g.pos < p1) loose.push_back(&g);
    }
    if (r0 >= r1) continue;
    std::vector<const NumberGroup*> fitting;
    for (const auto* g : loose) {
      bool fits_some = false;
      for (int r = r0; r < r1; ++r)
        if (fit_group(*g, table.rows[static_cast<size_t>(r)].columns.size())) fits_some = true;
      if (fits_some) fitting.push_back(g);
    }
    bool assign = fitting.size() == static_cast<size_t>(r1 - r0);
    for (int r = r0; assign && r < r1; ++r)
      if (!fit_group(*fitting[static_cast<size_t>(r - r0)],
                     table.rows[static_cast<size_t>(r)].columns.size()))
        assign = false;
    for (int r = r0; r < r1; ++r) {
      TableRow& row = out[static_cast<size_t>(r)];
      const LabelHit* label = nullptr;
      for (size_t k = 0; k < scan.hits.size(); ++k)
        if (!in_chain[k] && scan.hits[k].row == r && scan.hits[k].begin >= p0 &&
            scan.hits[k].begin < p1 && !label)
          label = &scan.hits[k];
      if (label) {
        row.found = true;
        row.loc = label->loc;
        row.label = printed_label(s, *label);
      }
      if (assign) {
        const NumberGroup& g = *fitting[static_cast<size_t>(r - r0)];
        cands[static_cast<size_t>(r)] = candidates_for(table, r, g);
        if (!label) {
          row.found = true;
          row.loc = g.loc;
        }
      } else if (!loose.empty() && row.found) {
        cands[static_cast<size_t>(r)].printed = true;  // numbers there, not attributable
        cands[static_cast<size_t>(r)].loc = row.loc;
      }
    }
  }
}

// A row printed with its numbers but out of the schema order (part 2 sub-tables printed in
// another order, 上海 2025) is still that row, when nothing else claimed it.
void add_unordered(const SchemaTable& table, const TextStream& s, const StreamScan& scan,
                   std::vector<TableRow>& out, std::vector<RowCandidates>& cands) {
  for (const auto& h : scan.hits) {
    TableRow& r = out[static_cast<size_t>(h.row)];
    if (!h.anchored || r.found || cands[static_cast<size_t>(h.row)].printed) continue;
    r.found = true;
    r.loc = h.loc;
    r.label = printed_label(s, h);
    cands[static_cast<size_t>(h.row)] =
        candidates_for(table, h.row, scan.groups[static_cast<size_t>(h.group)]);
  }
}

// Part 4: the labels are headers; the numbers of all rows follow one after the other.
void assemble_wide(const SchemaTable& table, const StreamScan& scan, std::vector<TableRow>& out,
                   std::vector<RowCandidates>& cands) {
  if (scan.groups.empty()) return;
  const size_t total = table.cells();
  std::vector<int> all_rows;
  for (size_t r = 0; r < table.rows.size(); ++r) all_rows.push_back(static_cast<int>(r));
  std::vector<std::pair<std::string, Location>> tokens;
  bool countable = true;
  for (const auto& g : scan.groups) {
    std::vector<std::string> t;
    if (g.from_cells) {
      t = g.cells;
      while (t.size() > total && t.back().empty()) t.pop_back();
    } else if (auto numbers = run_tokens(g, total); numbers && !numbers->empty()) {
      t = std::move(*numbers);  // all the table's numbers, or some of them
    } else {
      countable = false;
      break;
    }
    for (auto& x : t) tokens.emplace_back(std::move(x), g.loc);
  }
  std::vector<std::vector<std::string>> cuts;
  Location loc = scan.groups.front().loc;
  if (countable && tokens.size() == total) {
    std::vector<std::string> cut;
    for (auto& t : tokens) cut.push_back(t.first);
    cuts.push_back(cut);
  } else if (scan.groups.size() == 1 && !scan.groups[0].from_cells) {
    std::string unit;
    cuts = split_run(run_digits(scan.groups[0], &unit), split_rows(table, all_rows));
  }
  auto agreed = agreed_cells(cuts);
  size_t at = 0;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    RowCandidates& rc = cands[r];
    rc.printed = true;
    rc.loc = loc;
    out[r].found = true;
    out[r].loc = loc;
    size_t w = table.rows[r].columns.size();
    if (!agreed.empty()) {
      std::vector<std::string> cut;
      bool whole = true;
      for (size_t c = 0; c < w; ++c) {
        if (!agreed[at + c]) whole = false;
        cut.push_back(agreed[at + c].value_or(""));
      }
      if (whole) rc.cuts.push_back(cut);
      else
        for (const auto& full : cuts)
          rc.cuts.emplace_back(full.begin() + static_cast<std::ptrdiff_t>(at),
                               full.begin() + static_cast<std::ptrdiff_t>(at + w));
    }
    at += w;
  }
}

}  // namespace

Table assemble_table(const SchemaTable& table, const TextStream& stream, const StreamScan& scan) {
  Table t;
  t.key = table.key;
  for (const auto& c : table.columns) t.columns.push_back(c.key);
  std::vector<TableRow> rows(table.rows.size());
  std::vector<RowCandidates> cands(table.rows.size());
  for (size_t r = 0; r < table.rows.size(); ++r) {
    rows[r].key = table.rows[r].key;
    cands[r].row = static_cast<int>(r);
  }
  if (table.wide)
    assemble_wide(table, scan, rows, cands);
  else {
    assemble_rows(table, stream, scan, rows, cands);
    add_unordered(table, stream, scan, rows, cands);
  }
  auto solved = solve_table(table, cands);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const SchemaRow& sr = table.rows[r];
    Location loc = cands[r].printed ? cands[r].loc : rows[r].loc;
    for (size_t c = 0; c < sr.columns.size(); ++c) {
      const SchemaColumn& col = *table.column(sr.columns[c]);
      std::optional<std::string> text;
      if (!solved[r].empty()) text = solved[r][c];
      rows[r].cells[col.key] = placed_cell(text, col, loc, cands[r].printed, cands[r].printed_text);
    }
  }
  t.rows = std::move(rows);
  return t;
}

}  // namespace nianbao
