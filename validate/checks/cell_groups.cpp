#include "validate/checks/cell_groups.h"

#include <algorithm>

namespace nianbao::checks {

namespace {

// One group: the shared line (a row, or a column) and its cells in reading order.
struct Group {
  std::string key;
  std::vector<const CellRef*> cells;
};

std::vector<Group> group_cells(const std::vector<CellRef>& cells, bool by_row) {
  std::vector<Group> groups;
  for (const CellRef& c : cells) {
    const std::string& key = by_row ? c.row : c.column;
    auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.key == key; });
    if (g == groups.end()) g = groups.insert(groups.end(), Group{key, {}});
    g->cells.push_back(&c);
  }
  return groups;
}

bool same_text(const Group& g) {
  return std::all_of(g.cells.begin(), g.cells.end(),
                     [&](const CellRef* c) { return c->text == g.cells.front()->text; });
}

}  // namespace

Text cell_list(const std::vector<CellRef>& cells, const Rules& rules, const std::string& table,
               const std::string& version, bool with_text, CellGrouping grouping,
               const std::vector<CellRef>& table_cells) {
  std::vector<Group> rows = group_cells(cells, true);
  std::vector<Group> columns = grouping == CellGrouping::ByRow ? std::vector<Group>{} : group_cells(cells, false);
  const bool by_row = grouping == CellGrouping::ByRow || rows.size() <= columns.size();
  const std::vector<Group>& groups = by_row ? rows : columns;
  auto line_name = [&](const std::string& key, bool row) {
    return row ? rules.labels.row_name(table, key, version) : rules.labels.column_name(table, key, version);
  };
  Text out;
  for (size_t i = 0; i < groups.size(); ++i) {
    const Group& g = groups[i];
    Text head = line_name(g.key, by_row);
    out.zh += (i ? "；" : "") + ("“" + head.zh + "”" + (by_row ? "行" : "列"));
    out.en += (i ? "; " : "") + std::string(by_row ? "row" : "column") + " \"" + head.en + "\"";
    const bool once = with_text && g.cells.size() > 1 && same_text(g);
    // Cells that show different texts are named one by one, each with its own.
    const bool each = with_text && !once;
    // The other cells of the same line, those not in the group.
    std::vector<const CellRef*> rest;
    size_t line_size = 0;
    for (const CellRef& c : table_cells) {
      if ((by_row ? c.row : c.column) != g.key) continue;
      ++line_size;
      const std::string& other = by_row ? c.column : c.row;
      if (std::none_of(g.cells.begin(), g.cells.end(),
                       [&](const CellRef* m) { return (by_row ? m->column : m->row) == other; }))
        rest.push_back(&c);
    }
    const bool whole = !each && line_size == g.cells.size() && g.cells.size() > 1;
    const bool but = !whole && !each && line_size > 2 && rest.size() < g.cells.size();
    const std::vector<const CellRef*>& named = but ? rest : g.cells;
    Text members;
    for (size_t k = 0; k < named.size() && !whole; ++k) {
      const CellRef& c = *named[k];
      Text name = line_name(by_row ? c.column : c.row, !by_row);
      members.zh += (each && k ? "、" : "") + ("“" + name.zh + "”");
      members.en += (k ? ", " : "") + ("\"" + name.en + "\"");
      if (each) {
        members.zh += by_row ? "列" : "行";
        if (!c.text.empty()) {
          members.zh += "（印有“" + c.text + "”）";
          members.en += " (printed \"" + c.text + "\")";
        }
      }
    }
    const std::string n = std::to_string(g.cells.size());
    if (whole) {
      out.zh += by_row ? "各列（" + n + " 个）" : "各行（" + n + " 个）";
      out.en += by_row ? ", all " + n + " columns" : ", all " + n + " rows";
    } else if (but) {
      out.zh += "除" + members.zh + (by_row ? "列" : "行") + "外各" + (by_row ? "列" : "行") + "（" + n + " 个）";
      out.en += std::string(by_row ? ", all columns but " : ", all rows but ") + members.en + " (" + n + ")";
    } else {
      out.zh += members.zh + (each ? "" : by_row ? "列" : "行");
      out.en += std::string(g.cells.size() > 1 ? (by_row ? ", columns " : ", rows ") : (by_row ? ", column " : ", row ")) +
                members.en;
    }
    if (once && !g.cells.front()->text.empty()) {
      out.zh += "（印有“" + g.cells.front()->text + "”）";
      out.en += " (printed \"" + g.cells.front()->text + "\")";
    }
  }
  return out;
}

void shared_line(const std::vector<CellRef>& cells, Finding& f) {
  if (cells.empty()) return;
  auto all_same = [&](std::string CellRef::*field) {
    return std::all_of(cells.begin(), cells.end(), [&](const CellRef& c) { return c.*field == cells.front().*field; });
  };
  if (all_same(&CellRef::row)) f.row = cells.front().row;
  if (all_same(&CellRef::column)) f.column = cells.front().column;
}

}  // namespace nianbao::checks
