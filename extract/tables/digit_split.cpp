#include "extract/tables/digit_split.h"

#include <cmath>
#include <cstdlib>

namespace nianbao {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// A cell text allowed for `col`: [sign] integer-part [. fraction], integer part without leading
// zero unless it is "0".
bool well_formed(std::string_view t, const SplitColumn& col) {
  size_t i = 0;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    if (!col.is_signed) return false;
    i = 1;
  }
  size_t int_start = i;
  while (i < t.size() && digit(t[i])) ++i;
  size_t int_len = i - int_start;
  if (int_len == 0) return false;
  if (int_len > 1 && t[int_start] == '0') return false;
  if (i == t.size()) return true;
  if (t[i] != '.' || !col.decimal) return false;
  ++i;
  size_t frac_start = i;
  while (i < t.size() && digit(t[i])) ++i;
  return i == t.size() && i > frac_start;
}

bool sums_hold(const SplitRow& row, const std::vector<std::string>& cells, size_t first) {
  for (const auto& [left, right] : row.sums) {
    double l = 0, r = 0;
    for (size_t k : left) l += cell_number(cells[first + k]);
    for (size_t k : right) r += cell_number(cells[first + k]);
    if (std::fabs(l - r) > 1e-6 * std::max(1.0, std::fabs(l))) return false;
  }
  return true;
}

// The search is exponential in the cells of a row before its sums prune it: a crafted run of a
// few hundred digits would take minutes. Real rows need a few thousand steps.
constexpr size_t kMaxSteps = 200000;

// The longest cell a cut makes.
constexpr size_t kMaxCellChars = 16;

struct Cutter {
  std::string_view run;
  const std::vector<SplitRow>& rows;
  size_t limit;
  size_t cells_total = 0;
  std::vector<std::string> cur;
  std::vector<std::vector<std::string>> out;
  size_t steps = 0;

  bool exhausted() const { return steps > kMaxSteps; }

  void go(size_t row, size_t col, size_t pos, size_t row_first) {
    if (out.size() >= limit || ++steps > kMaxSteps) return;
    if (row == rows.size()) {
      if (pos == run.size()) out.push_back(cur);
      return;
    }
    const SplitRow& r = rows[row];
    if (col == r.columns.size()) {
      if (sums_hold(r, cur, row_first)) go(row + 1, 0, pos, cur.size());
      return;
    }
    size_t cells_left = cells_total - cur.size();  // including this one
    size_t chars_left = run.size() - pos;
    if (chars_left < cells_left) return;
    size_t max_len = chars_left - (cells_left - 1);
    for (size_t len = 1; len <= max_len && len <= kMaxCellChars; ++len) {
      std::string_view tok = run.substr(pos, len);
      if (!well_formed(tok, r.columns[col])) {
        size_t s = (tok[0] == '+' || tok[0] == '-') ? 1 : 0;
        // "0" followed by another digit never becomes well formed by growing.
        if (tok.size() > s + 1 && tok[s] == '0' && tok[s + 1] != '.') break;
        continue;
      }
      cur.emplace_back(tok);
      go(row, col + 1, pos + len, row_first);
      cur.pop_back();
      if (out.size() >= limit || exhausted()) return;
    }
  }
};

}  // namespace

double cell_number(std::string_view text) {
  std::string s(text);
  return std::strtod(s.c_str(), nullptr);
}

std::vector<std::vector<std::string>> split_run(std::string_view run,
                                                const std::vector<SplitRow>& rows, size_t limit) {
  Cutter c{run, rows, limit, 0, {}, {}};
  for (const auto& r : rows) c.cells_total += r.columns.size();
  if (c.cells_total == 0) return {};
  // Longer than its cells can hold, a run has no cut: known without searching.
  if (run.size() > c.cells_total * kMaxCellChars) return {};
  c.go(0, 0, 0, 0);
  // A search cut short proves nothing about uniqueness: no cut, so every cell stays unreadable.
  if (c.exhausted()) return {};
  return c.out;
}

std::vector<std::optional<std::string>> agreed_cells(
    const std::vector<std::vector<std::string>>& cuts) {
  std::vector<std::optional<std::string>> out;
  if (cuts.empty()) return out;
  for (size_t i = 0; i < cuts[0].size(); ++i) {
    std::optional<std::string> v = cuts[0][i];
    for (const auto& cut : cuts)
      if (cut[i] != *v) {
        v.reset();
        break;
      }
    out.push_back(v);
  }
  return out;
}

}  // namespace nianbao
