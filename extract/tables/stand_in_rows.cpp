#include "extract/tables/stand_in_rows.h"

#include <algorithm>

namespace nianbao {

namespace {

bool has_group(const SchemaTable& st, const std::string& group) {
  return std::any_of(st.rows.begin(), st.rows.end(), [&](const SchemaRow& r) { return r.group == group; });
}

bool printed(const TableRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [](const auto& kv) { return kv.second.state != CellState::Empty; });
}

}  // namespace

const SchemaRow* stand_in_row(const SchemaTable& st, const std::vector<const Schema*>& others,
                              const std::string& key) {
  if (st.row_index(key) >= 0 || !has_group(st, key)) return nullptr;
  for (const Schema* other : others)
    if (const SchemaTable* ot = other->table(st.key))
      if (int i = ot->row_index(key); i >= 0) return &ot->rows[static_cast<size_t>(i)];
  return nullptr;
}

bool stand_in_wanted(const Table& t, const SchemaTable& st, const std::vector<const Schema*>& others) {
  for (const SchemaRow& r : st.rows) {
    if (r.group.empty() || !stand_in_row(st, others, r.group)) continue;
    bool printed_group = std::any_of(t.rows.begin(), t.rows.end(), [&](const TableRow& row) {
      int i = st.row_index(row.key);
      return row.found && i >= 0 && st.rows[static_cast<size_t>(i)].group == r.group;
    });
    if (!printed_group) return true;
  }
  return false;
}

bool has_stand_in(const Table& t, const SchemaTable& st) {
  return std::any_of(t.rows.begin(), t.rows.end(), [&](const TableRow& r) { return st.row_index(r.key) < 0; });
}

SchemaTable with_stand_ins(const SchemaTable& st, const std::vector<const Schema*>& others) {
  SchemaTable out = st;
  out.rows.clear();
  std::vector<std::string> added;
  for (const SchemaRow& r : st.rows) {
    if (!r.group.empty() && std::find(added.begin(), added.end(), r.group) == added.end())
      if (const SchemaRow* s = stand_in_row(st, others, r.group)) {
        out.rows.push_back(*s);
        added.push_back(r.group);
      }
    out.rows.push_back(r);
  }
  return out;
}

void settle_stand_ins(Table& t, const SchemaTable& st, const std::vector<const Schema*>& others) {
  std::vector<TableRow> foreign;
  for (auto it = t.rows.begin(); it != t.rows.end();) {
    if (st.row_index(it->key) >= 0) {
      ++it;
      continue;
    }
    foreign.push_back(std::move(*it));
    it = t.rows.erase(it);
  }
  for (TableRow& row : foreign) {
    if (!row.found || !printed(row) || !stand_in_row(st, others, row.key)) continue;
    const std::string& group = row.key;
    auto in_group = [&](const TableRow& r) {
      int i = st.row_index(r.key);
      return i >= 0 && st.rows[static_cast<size_t>(i)].group == group;
    };
    if (std::any_of(t.rows.begin(), t.rows.end(), [&](const TableRow& r) { return in_group(r) && r.found; }))
      continue;
    auto first = std::find_if(t.rows.begin(), t.rows.end(), in_group);
    size_t at = static_cast<size_t>(first - t.rows.begin());
    std::erase_if(t.rows, in_group);
    t.rows.insert(t.rows.begin() + static_cast<std::ptrdiff_t>(std::min(at, t.rows.size())), std::move(row));
  }
}

}  // namespace nianbao
