// Part 3 from a ruled table: rows by their labels (group labels spanning rows, a row cut by a
// page end joined again), columns by the header stacked over them.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "extract/tables/grid/grid_build.h"

#include "extract/normalize/misread.h"
#include "extract/tables/grid/grid_rows.h"
#include "extract/tables/positions/table_positions_build.h"
#include "extract/tables/stand_in_rows.h"
#include "extract/tables/table_decisions.h"

namespace nianbao {

namespace {

struct Placed {
  std::map<std::string, std::vector<const Token*>> cells;
  std::set<std::string> unsure;  // columns a grid cell lay over together with another
  std::map<std::string, PageBox> slots;  // column -> the grid cell it was read from
  Location loc;
  std::string label;
  bool has_values = false;
};

// A name over columns that are not side by side is read twice: it names neither.
void drop_duplicates(std::vector<std::optional<std::string>>& names) {
  std::map<std::string, int> runs;
  for (size_t c = 0; c < names.size(); ++c)
    if (names[c] && (c == 0 || names[c - 1] != names[c])) ++runs[*names[c]];
  for (auto& n : names)
    if (n && runs[*n] > 1) n.reset();
}

// Completes the names from the schema's order when the value columns are exactly the schema's
// and every name read agrees with that order.
void names_by_order(std::vector<std::optional<std::string>>& names, int edge, const SchemaTable& st) {
  if (names.size() - static_cast<size_t>(edge) != st.columns.size()) return;
  for (size_t i = 0; i < st.columns.size(); ++i) {
    const auto& n = names[static_cast<size_t>(edge) + i];
    if (n && *n != st.columns[i].key) return;
  }
  for (size_t i = 0; i < st.columns.size(); ++i) names[static_cast<size_t>(edge) + i] = st.columns[i].key;
}

// What the tables of a part read so far: the rows placed (the first time a row is printed is
// the table) and the column names of the last table with a header.
struct Reading {
  std::map<std::string, Placed> placed;
  Location loc;
  std::vector<std::optional<std::string>> names;
  std::vector<double> xs;
};

bool same_columns(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > 2.0) return false;
  return true;
}

// On a table read by OCR, a row with values whose label named no row, alone between two rows
// that are one row of the schema apart, is that row when at least half of one of its match
// forms is found in its label: a label misread beyond what match_row_near allows (a blurred
// scan, "52.要和甩行收矶天铺认或重新出具已获取信息") still stands where its row is printed.
void by_order(const GridTable& t, const SchemaTable& st, const std::vector<GridRow>& rows,
              std::vector<std::optional<std::string>>& keys) {
  auto has_values = [&](const GridRow& r) {
    return std::any_of(r.values.begin(), r.values.end(), [&](int k) { return t.cells[static_cast<size_t>(k)].value; });
  };
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    if (keys[i] || !keys[i - 1] || !keys[i + 1] || !has_values(rows[i])) continue;
    const int before = st.row_index(*keys[i - 1]), after = st.row_index(*keys[i + 1]);
    if (before < 0 || after != before + 2) continue;
    const SchemaRow& between = st.rows[static_cast<size_t>(before + 1)];
    const std::u32string label = code_points(joined_m(t, rows[i].labels));
    for (const std::string& form : between.match) {
      const std::u32string p = code_points(form);
      if (p.size() >= 4 && near_distance(p, label) * 2 <= p.size()) {
        keys[i] = between.key;
        break;
      }
    }
  }
}

void read_table(const Schema& schema, const SchemaTable& st, const GridTable& t,
                const std::vector<const Schema*>& others, Reading& rd) {
  int edge = value_edge(t, schema, st.key);
  std::vector<GridRow> rows = grid_rows(t, edge);
  if (rows.empty()) return;
  auto match = [&](const std::string& m, const std::string& outer) -> std::optional<std::string> {
    if (m.empty()) return std::nullopt;
    if (auto own = schema.match_row(m, st.key)) return own->row;
    if (auto own = schema.match_row(outer + m, st.key)) return own->row;
    for (const Schema* other : others)
      if (auto o = other->match_row(m, st.key); o && st.row_index(o->row) < 0) return o->row;
    if (t.ocr) {
      if (auto own = schema.match_row_near(m, st.key)) return own->row;
      if (auto own = schema.match_row_near(outer + m, st.key)) return own->row;
    }
    return std::nullopt;
  };
  auto row_key = [&](const GridRow& r) { return match(joined_m(t, r.labels), joined_m(t, r.outer)); };
  // The columns of a row: its own in the schema, or in the other version's that has it.
  auto row_columns = [&](const std::string& key) -> std::vector<std::string> {
    if (int idx = st.row_index(key); idx >= 0) return st.rows[static_cast<size_t>(idx)].columns;
    for (const Schema* other : others)
      if (const SchemaTable* ft = other->table(st.key); ft && ft->row_index(key) >= 0)
        return ft->rows[static_cast<size_t>(ft->row_index(key))].columns;
    return {};
  };
  // The rest of a row cut by the page end: no label, or a label that is no row's start, or the
  // part before the break named no row ("7.属于" | "行政执法案卷").
  join_broken_rows(t, rows, [&](const std::string& before, const std::string& m) {
    return !m.empty() && (starts_numbered(m) || (match(m, "") && match(before, "")));
  });
  int header_end = t.rows();
  for (const GridRow& r : rows) {
    bool values = std::any_of(r.values.begin(), r.values.end(), [&](int k) { return t.cells[static_cast<size_t>(k)].value; });
    if (values || row_key(r)) {
      header_end = r.r0;
      break;
    }
  }
  std::vector<ColumnHead> heads = column_heads(t, header_end);
  std::vector<std::optional<std::string>> names(heads.size());
  for (size_t c = static_cast<size_t>(std::max(0, edge)); c < heads.size(); ++c)
    names[c] = column_named(schema, st.key, heads[c].leaf, t);
  drop_duplicates(names);
  if (edge >= 0) names_by_order(names, edge, st);
  bool named = std::any_of(names.begin(), names.end(), [](const auto& n) { return n.has_value(); });
  if (named) {
    rd.names = names;
    rd.xs = t.xs;
  } else if (same_columns(rd.xs, t.xs)) {
    names = rd.names;  // a table going on under the header of the one before
  }

  std::vector<int> header;
  for (size_t k = 0; k < t.cells.size(); ++k)
    if (t.cells[k].r0 < header_end && t.cells[k].c0 >= edge) header.push_back(static_cast<int>(k));
  if (const Token* h = first_token(t, header); h && rd.loc.page == 0) rd.loc = h->loc;

  std::vector<std::optional<std::string>> keys;
  for (const GridRow& r : rows) keys.push_back(r.r0 < header_end ? std::nullopt : row_key(r));
  if (t.ocr) by_order(t, st, rows, keys);
  for (size_t i = 0; i < rows.size(); ++i) {
    const GridRow& r = rows[i];
    const std::optional<std::string>& key = keys[i];
    if (r.r0 < header_end) continue;
    if (!key || rd.placed.count(*key)) continue;  // the first time a row is printed is the table
    Placed& p = rd.placed[*key];
    const Token* lt = first_token(t, r.labels);
    if (!lt) lt = first_token(t, r.values);
    if (lt) p.loc = lt->loc;
    p.label = joined_text(t, r.labels);
    std::vector<std::optional<std::string>> by_cell = row_names(t, r.values, names, row_columns(*key));
    for (size_t i = 0; i < r.values.size(); ++i) {
      const GridCell& c = t.cells[static_cast<size_t>(r.values[i])];
      if (const auto& name = by_cell[i]) p.slots.try_emplace(*name, PageBox{c.page, c.box});
      if (c.empty()) continue;
      p.has_values = true;
      if (const auto& name = by_cell[i]) {
        auto& v = p.cells[*name];
        v.insert(v.end(), c.tokens.begin(), c.tokens.end());
        continue;
      }
      // Over columns of different names: each of them is unreadable, the rest of the row is not.
      for (int col = c.c0; col < c.c1 && col < static_cast<int>(names.size()); ++col)
        if (const auto& n = names[static_cast<size_t>(col)]) {
          p.unsure.insert(*n);
          p.slots.try_emplace(*n, PageBox{c.page, c.box});
          auto& v = p.cells[*n];
          v.insert(v.end(), c.tokens.begin(), c.tokens.end());
        }
    }
  }
}

std::optional<PageBox> slot(const Placed& p, const std::string& column) {
  auto it = p.slots.find(column);
  if (it == p.slots.end()) return std::nullopt;
  return it->second;
}

Table assemble(const SchemaTable& st, const std::vector<const Schema*>& others, Reading& rd) {
  Table out = empty_table(st);
  std::map<std::string, Placed>& placed = rd.placed;
  out.loc = rd.loc;
  if (out.loc.page == 0)
    for (const auto& [key, p] : placed)
      if (out.loc.page == 0 || p.loc.page < out.loc.page || (p.loc.page == out.loc.page && p.loc.line < out.loc.line))
        out.loc = p.loc;

  for (auto& [key, p] : placed) {
    int idx = st.row_index(key);
    if (idx < 0) {
      // A row of another format version (stand_in_rows.h): read with its own columns, settled below.
      const SchemaRow* fr = stand_in_row(st, others, key);
      if (!fr || !p.has_values) continue;
      TableRow extra;
      extra.key = key;
      extra.label = p.label;
      extra.loc = p.loc;
      extra.found = true;
      for (const auto& ck : fr->columns)
        if (const SchemaColumn* col = st.column(ck))
          put_grid_cell(extra, *col, p.cells[ck], p.unsure.count(ck) > 0, slot(p, ck));
      out.rows.push_back(std::move(extra));
      continue;
    }
    for (auto& r : out.rows)
      if (r.key == key) {
        r.found = true;
        r.loc = p.loc;
        r.label = p.label;
        for (const auto& ck : st.rows[static_cast<size_t>(idx)].columns)
          put_grid_cell(r, *st.column(ck), p.cells[ck], p.unsure.count(ck) > 0, slot(p, ck));
      }
  }
  settle_stand_ins(out, st, others);
  return out;
}

}  // namespace

void put_grid_cell(TableRow& row, const SchemaColumn& col, const std::vector<const Token*>& tokens,
                   bool unsure, const std::optional<PageBox>& cell) {
  bool all_values = std::all_of(tokens.begin(), tokens.end(), [](const Token* t) { return is_value_token(*t); });
  if (tokens.size() > 1 && !unsure && !all_values) {
    Token joined = *tokens.front();
    joined.text.clear();
    for (const Token* t : tokens) joined.text += t->text;
    put_cell(row, col, {&joined}, false, cell);
  } else {
    put_cell(row, col, tokens, unsure, cell);
  }
  // Where the lines say the cell is, rather than where its words are.
  if (cell) row.cells[col.key].box = cell;
}

Table build_grid_rows(const Schema& schema, const SchemaTable& st, const std::vector<GridTable>& tables,
                      const std::vector<const Schema*>& others) {
  Reading rd;
  for (const GridTable& t : tables) read_table(schema, st, t, others, rd);
  return assemble(st, others, rd);
}

}  // namespace nianbao
