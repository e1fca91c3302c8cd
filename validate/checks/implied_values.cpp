#include "validate/checks/implied_values.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace nianbao::checks {

namespace {

// The value `unknown` needs for sum(left) == sum(right), the other cells given by `cell_of`;
// none when it is on neither side or another cell has no number.
template <typename CellOf>
std::optional<double> solve(const std::vector<std::string>& left, const std::vector<std::string>& right,
                            const std::string& unknown, CellOf cell_of) {
  double balance = 0;  // sum(left) - sum(right) without the unknown
  int sign = 0;        // +1: the unknown is on the left
  for (const auto* side : {&left, &right}) {
    const double s = side == &left ? 1 : -1;
    for (const std::string& k : *side) {
      if (k == unknown) {
        if (sign != 0) return std::nullopt;  // on both sides: it cancels out
        sign = static_cast<int>(s);
        continue;
      }
      const Cell* c = cell_of(k);
      if (!c || !c->present()) return std::nullopt;
      balance += s * *c->value;
    }
  }
  if (sign == 0) return std::nullopt;
  return -balance / sign;
}

}  // namespace

std::optional<double> implied_value(const Table& table, const Rules& rules, const std::string& version,
                                    const std::string& row, const std::string& column) {
  const TableRow* r = table.row(row);
  if (!r) return std::nullopt;
  std::vector<std::string> row_keys;
  for (const TableRow& tr : table.rows) row_keys.push_back(tr.key);
  std::optional<double> found;
  for (const Relation& rel : rules.relations.all()) {
    if (rel.table != table.key || !rel.applies_to(version)) continue;
    std::optional<double> v;
    if (rel.per == Relation::Per::Column) {
      if (!rel.selects(column)) continue;
      const std::vector<std::string> left = resolve_keys(rel.left, row_keys), right = resolve_keys(rel.right, row_keys);
      // A relation over rows that are not all printed says nothing.
      const bool all_found = std::all_of(left.begin(), left.end(), [&](const std::string& k) { return table.row(k)->found; }) &&
                             std::all_of(right.begin(), right.end(), [&](const std::string& k) { return table.row(k)->found; });
      if (!all_found) continue;
      v = solve(left, right, row, [&](const std::string& k) { return table.cell(k, column); });
    } else {
      if (!r->found || !rel.selects(row)) continue;
      v = solve(resolve_keys(rel.left, table.columns), resolve_keys(rel.right, table.columns), column,
                [&](const std::string& k) -> const Cell* {
                  auto it = r->cells.find(k);
                  return it == r->cells.end() ? nullptr : &it->second;
                });
    }
    if (!v) continue;
    if (found && std::fabs(*found - *v) > 1e-9) return std::nullopt;
    found = v;
  }
  if (!found) return std::nullopt;
  const Schema* schema = rules.schema(version);
  const SchemaTable* st = schema ? schema->table(table.key) : nullptr;
  const SchemaColumn* col = st ? st->column(column) : nullptr;
  if (*found < 0 && !(col && col->is_signed)) return std::nullopt;
  if (std::fabs(*found - std::round(*found)) > 1e-9 && !(col && col->decimal)) return std::nullopt;
  return found;
}

}  // namespace nianbao::checks
