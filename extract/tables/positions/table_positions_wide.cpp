// Part 4 from positions: a three-level header (行政复议 | 行政诉讼; 未经复议直接起诉 | 复议后起诉;
// the five results of each) over one line of fifteen values. The leaves are read from the
// header stacked over each column; a new group starts where the results start again; each group
// takes the row its group heading names.
#include <algorithm>
#include <set>

#include "extract/tables/positions/table_positions_build.h"

namespace nianbao {

namespace {

struct Leaf {
  const Column* col;
  int row = -1;  // index into the schema rows
};

int column_index(const SchemaTable& st, const std::optional<std::string>& key) {
  if (!key) return -1;
  for (size_t i = 0; i < st.columns.size(); ++i)
    if (st.columns[i].key == *key) return static_cast<int>(i);
  return -1;
}

// Assigns each column its row: groups of leaves (a group ends where the results start over),
// named by the group heading above them, or by order when there are exactly as many groups as
// rows and every leaf is named.
std::vector<Leaf> leaves_of(const std::vector<Column>& cols, const std::vector<const Token*>& groups,
                            const Schema& schema, const SchemaTable& st) {
  std::vector<std::vector<size_t>> runs;
  int prev = 1 << 20;
  bool all_named = true;
  for (size_t i = 0; i < cols.size(); ++i) {
    int k = column_index(st, cols[i].key);
    if (k < 0) all_named = false;
    if (runs.empty() || (k >= 0 && k <= prev)) runs.push_back({});
    runs.back().push_back(i);
    if (k >= 0) prev = k;
  }
  std::vector<int> run_row(runs.size(), -1);
  for (size_t r = 0; r < runs.size(); ++r) {
    double left = cols[runs[r].front()].left, right = cols[runs[r].back()].right;
    for (const Token* g : groups) {
      if (g->cx() < left || g->cx() >= right) continue;
      if (auto m = schema.match_row(g->m, st.key)) {
        int idx = st.row_index(m->row);
        if (run_row[r] >= 0 && run_row[r] != idx) run_row[r] = -2;  // two names: neither
        else if (run_row[r] != -2) run_row[r] = idx;
      }
    }
  }
  bool by_order = all_named && runs.size() == st.rows.size();
  for (size_t r = 0; r < runs.size() && by_order; ++r)
    if (run_row[r] >= 0 && run_row[r] != static_cast<int>(r)) by_order = false;
  std::vector<Leaf> out;
  for (size_t r = 0; r < runs.size(); ++r)
    for (size_t i : runs[r]) out.push_back({&cols[i], by_order ? static_cast<int>(r) : std::max(-1, run_row[r])});
  return out;
}

}  // namespace

Table build_wide_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages) {
  Table t = empty_table(st);
  // The header may start on one page and end on the next (a header row broken by the page
  // end): it is everything of the table before the first value; columns keep their x.
  const Token* first = nullptr;
  for (const auto& page : pages)
    for (const auto& tok : page.tokens)
      if (tok.value && (!first || tok.loc.page < first->loc.page ||
                        (tok.loc.page == first->loc.page && tok.box.y0 < first->box.y0)))
        first = &tok;
  std::vector<const Token*> values, header;
  for (const auto& page : pages)
    for (const auto& tok : page.tokens) {
      if (tok.value) {
        values.push_back(&tok);
      } else if (tok.table_line && (!first || tok.loc.page < first->loc.page ||
                                    (tok.loc.page == first->loc.page && tok.box.y1 <= first->box.y0))) {
        header.push_back(&tok);
      }
    }
  bool has_header = std::any_of(header.begin(), header.end(), [&](const Token* h) {
    return schema.match_column(h->m, st.key) || schema.match_row(h->m, st.key);
  });
  if (!has_header) return t;
  t.loc = header.front()->loc;
  // Values on the page of the first one set the columns (the line of values is one line).
  std::vector<const Token*> on_page;
  for (const Token* v : values)
    if (v->loc.page == first->loc.page) on_page.push_back(v);
  std::vector<Column> cols = on_page.empty() ? columns_from_header(header) : columns_from_values(on_page);
  if (cols.empty()) return t;
  double edge = cols.front().x0;
  for (const Token* h : header) edge = std::min(edge, h->box.x0);
  set_bands(cols, edge - 1);
  std::vector<const Token*> groups;
  name_columns(cols, header, schema, st.key, &groups);
  name_by_joined_heads(cols, header, st);
  if (cols.size() == st.rows.size() * st.columns.size())
    for (size_t i = 0; i < cols.size(); ++i)
      if (!cols[i].key) cols[i].key = st.columns[i % st.columns.size()].key;
  if (!std::any_of(cols.begin(), cols.end(), [](const Column& c) { return c.key.has_value(); })) return t;
  std::vector<Leaf> leaves = leaves_of(cols, groups, schema, st);

  std::map<std::pair<int, std::string>, std::vector<const Token*>> placed;
  std::map<int, Location> row_loc;
  std::set<std::pair<int, std::string>> unsure;  // cells a value could not be placed between
  for (const Token* v : on_page) {
    int k = column_of(cols, *v);
    if (k < 0 || leaves[static_cast<size_t>(k)].row < 0 || !cols[static_cast<size_t>(k)].key) {
      for (int n : columns_near(cols, *v)) {
        int row = leaves[static_cast<size_t>(n)].row;
        if (row < 0) continue;
        std::pair<int, std::string> at{row, *cols[static_cast<size_t>(n)].key};
        unsure.insert(at);
        placed[at].push_back(v);
        row_loc.emplace(row, v->loc);
      }
      continue;
    }
    int row = leaves[static_cast<size_t>(k)].row;
    placed[{row, *cols[static_cast<size_t>(k)].key}].push_back(v);
    row_loc.emplace(row, v->loc);
  }
  for (const auto& l : leaves)
    if (l.row >= 0) row_loc.emplace(l.row, on_page.empty() ? t.loc : on_page.front()->loc);
  for (const Token* h : header) cover(t, h->loc.page, h->box);
  // An empty cell belongs under its column, on the line of values.
  std::map<std::pair<int, std::string>, PageBox> slots;
  if (auto line = box_around(on_page))
    for (const Leaf& l : leaves)
      if (l.row >= 0 && l.col->key)
        slots.emplace(std::pair{l.row, *l.col->key}, slot_of(line->page, *l.col, line->box.y0, line->box.y1));
  for (size_t r = 0; r < st.rows.size(); ++r) {
    if (!row_loc.count(static_cast<int>(r))) continue;
    TableRow& row = t.rows[r];
    row.found = true;
    row.loc = row_loc[static_cast<int>(r)];
    for (const auto& ck : st.rows[r].columns) {
      auto slot = slots.find({static_cast<int>(r), ck});
      put_cell(row, *st.column(ck), placed[{static_cast<int>(r), ck}], unsure.count({static_cast<int>(r), ck}) > 0,
               slot == slots.end() ? std::nullopt : std::optional<PageBox>(slot->second));
    }
  }
  return t;
}

}  // namespace nianbao
