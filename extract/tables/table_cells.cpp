#include "extract/tables/table_cells.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"
#include "extract/rules/relations.h"

namespace nianbao {

namespace {

bool selected(const std::vector<std::string>& only, const std::string& key) {
  return only.empty() || std::any_of(only.begin(), only.end(), [&](const std::string& p) {
           return glob_match(p, key);
         });
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

Cell make_cell(const std::string& text, const SchemaColumn& column, Location loc) {
  Cell c;
  c.text = std::string(trim(fold(text)));
  c.loc = loc;
  const std::string& t = c.text;
  if (t.empty()) {
    c.state = CellState::Empty;
    return c;
  }
  // U+FFFD stands for a character that could not be read (a figure OCR was not sure of, a byte
  // no encoding reads): the cell is unreadable, the tool's failure, and shows what was seen.
  if (const size_t mark = t.find(kUnreadMark); mark != std::string::npos) {
    c.state = CellState::Unreadable;
    c.unrecognised = true;
    for (size_t at = mark; at != std::string::npos; at = c.text.find(kUnreadMark, at)) c.text.erase(at, kUnreadMark.size());
    return c;
  }
  if (is_placeholder(t)) {
    c.state = CellState::Placeholder;
    return c;
  }
  if (auto n = parse_number(t)) {
    c.value = n->value;
    c.state = CellState::Value;
    return c;
  }
  auto q = parse_quantity(t);
  if (!q || (q->unit != "元" && !q->unit.empty())) {
    c.state = CellState::Invalid;
    return c;
  }
  double yuan = q->absolute();
  c.state = CellState::Value;
  if (column.unit == "万元") {
    c.value = yuan / 10000.0;
    if (!(q->scale == 10000.0 && q->unit == "元"))
      c.note = t + " → " + format_number(*c.value) + "万元";
  } else if (column.unit == "元") {
    c.value = yuan;
    if (q->scale != 1.0) c.note = t + " → " + format_number(yuan) + "元";
  } else {
    c.value = yuan;
  }
  return c;
}

Cell placed_cell(const std::optional<std::string>& text, const SchemaColumn& column,
                 Location loc, bool printed, const std::string& row_text) {
  if (text) return make_cell(*text, column, loc);
  Cell c;
  c.loc = loc;
  c.state = printed ? CellState::Unreadable : CellState::Empty;
  if (printed) c.row_text = row_text;
  return c;
}

std::vector<SplitRow> split_rows(const SchemaTable& table, const std::vector<int>& rows) {
  std::vector<SplitRow> out;
  for (int r : rows) {
    const SchemaRow& row = table.rows[static_cast<size_t>(r)];
    SplitRow sr;
    for (const auto& key : row.columns) {
      const SchemaColumn* col = table.column(key);
      sr.columns.push_back(SplitColumn{col->is_signed, col->decimal});
    }
    // The row's cells a side of a sum names, in pattern order, each once.
    auto indexes = [&](const std::vector<std::string>& side) {
      std::vector<size_t> out_idx;
      for (const auto& pattern : side)
        for (size_t i = 0; i < row.columns.size(); ++i)
          if (glob_match(pattern, row.columns[i]) &&
              std::find(out_idx.begin(), out_idx.end(), i) == out_idx.end())
            out_idx.push_back(i);
      return out_idx;
    };
    for (const auto& sum : table.sums) {
      if (!sum.per_row || !selected(sum.only, row.key)) continue;
      std::vector<size_t> l = indexes(sum.left), rr = indexes(sum.right);
      if (!l.empty() && !rr.empty()) sr.sums.emplace_back(l, rr);
    }
    out.push_back(std::move(sr));
  }
  return out;
}

namespace {

using Grid = std::map<std::pair<int, std::string>, double>;  // (row, column) -> value

// Every per-column sum whose cells are all known holds.
bool column_sums_hold(const SchemaTable& table, const Grid& grid) {
  for (const auto& sum : table.sums) {
    if (sum.per_row) continue;
    for (const auto& col : table.columns) {
      if (!selected(sum.only, col.key)) continue;
      double sides[2] = {0, 0};
      bool known = true;
      for (int side = 0; side < 2 && known; ++side)
        for (const auto& rk : side == 0 ? sum.left : sum.right) {
          auto it = grid.find({table.row_index(rk), col.key});
          if (it == grid.end()) {
            known = false;
            break;
          }
          sides[side] += it->second;
        }
      if (known && std::fabs(sides[0] - sides[1]) > 1e-6) return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::vector<std::optional<std::string>>> solve_table(
    const SchemaTable& table, const std::vector<RowCandidates>& rows) {
  std::vector<std::vector<std::optional<std::string>>> out(rows.size());
  Grid fixed;
  std::vector<size_t> open;  // rows with several candidates
  double combos = 1;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& rc = rows[i];
    const SchemaRow& row = table.rows[static_cast<size_t>(rc.row)];
    if (rc.cuts.size() == 1) {
      for (size_t c = 0; c < row.columns.size(); ++c) {
        out[i].push_back(rc.cuts[0][c]);
        auto n = parse_number(rc.cuts[0][c]);
        if (n) fixed[{rc.row, row.columns[c]}] = n->value;
      }
    } else if (rc.cuts.size() > 1) {
      open.push_back(i);
      combos *= static_cast<double>(rc.cuts.size());
    }
  }
  if (open.empty()) return out;
  std::vector<std::vector<std::vector<std::string>>> solutions;  // per solution, per open row
  bool column_sums = std::any_of(table.sums.begin(), table.sums.end(),
                                 [](const SchemaSum& sum) { return !sum.per_row; });
  const size_t cap = 256;
  if (column_sums && combos <= 2e6) {
    std::vector<std::vector<std::string>> pick(open.size());
    Grid grid = fixed;
    auto rec = [&](auto&& self, size_t k) -> void {
      if (solutions.size() > cap) return;
      if (k == open.size()) {
        if (column_sums_hold(table, grid)) solutions.push_back(pick);
        return;
      }
      const auto& rc = rows[open[k]];
      const SchemaRow& row = table.rows[static_cast<size_t>(rc.row)];
      for (const auto& cut : rc.cuts) {
        for (size_t c = 0; c < row.columns.size(); ++c)
          grid[{rc.row, row.columns[c]}] = cell_number(cut[c]);
        pick[k] = cut;
        self(self, k + 1);
      }
      for (const auto& col : row.columns) grid.erase({rc.row, col});
    };
    rec(rec, 0);
  }
  for (size_t k = 0; k < open.size(); ++k) {
    // With no consistent whole, each row keeps only what all its own cuts agree on: the
    // published table may itself be wrong, and validation must still see it.
    std::vector<std::vector<std::string>> cuts;
    if (solutions.empty() || solutions.size() > cap) {
      cuts = rows[open[k]].cuts;
    } else {
      for (const auto& sol : solutions) cuts.push_back(sol[k]);
    }
    out[open[k]] = agreed_cells(cuts);
  }
  return out;
}

void blank_absent_rows(const SchemaTable& st, Table& t) {
  for (TableRow& row : t.rows) {
    if (row.found || !row.cells.empty()) continue;
    int idx = st.row_index(row.key);
    if (idx < 0) continue;
    for (const auto& ck : st.rows[static_cast<size_t>(idx)].columns)
      row.cells[ck] = placed_cell(std::nullopt, *st.column(ck), row.loc, false);
  }
}

}  // namespace nianbao
