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
               const std::string& version, bool with_text, CellGrouping grouping) {
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
    Text members;
    for (size_t k = 0; k < g.cells.size(); ++k) {
      const CellRef& c = *g.cells[k];
      Text name = line_name(by_row ? c.column : c.row, !by_row);
      members.zh += "“" + name.zh + "”";
      members.en += (k ? ", " : "") + ("\"" + name.en + "\"");
      if (with_text && !once && !c.text.empty()) {
        members.zh += "（“" + c.text + "”）";
        members.en += " (\"" + c.text + "\")";
      }
    }
    out.zh += members.zh + (by_row ? "列" : "行");
    out.en += std::string(g.cells.size() > 1 ? (by_row ? ", columns " : ", rows ") : (by_row ? ", column " : ", row ")) +
              members.en;
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
