// Part 3 from positions: columns from the values, named by the header above them; rows from
// the labels left of them.
#include <algorithm>
#include <cmath>
#include <set>

#include "extract/tables/table_cells.h"
#include "extract/tables/positions/table_positions_build.h"
#include "extract/tables/stand_in_rows.h"

namespace nianbao {

namespace {

// A line of values belongs to a label whose lines reach within this many line heights of it.
constexpr double kOwnReach = 0.3;
// Without such a label, to the nearest label this close, if the next is clearly farther.
constexpr double kNearReach = 1.5;
constexpr double kNearRatio = 2.0;
// An unlabelled line of values this close to a label makes that row unreadable.
constexpr double kOrphanReach = 3.0;

struct Placed {
  std::map<std::string, std::vector<const Token*>> cells;
  Location loc;
  std::string label;
  bool unsure = false;              // the row's lines of values belong to it by nearness only
  std::set<std::string> unsure_at;  // columns a value could not be placed between
  bool has_values = false;
  // Where an empty cell of the row belongs, by column key: on the page its label is first
  // printed, under each column of that page.
  std::map<std::string, PageBox> slots;
  std::optional<PageBox> slot(const std::string& column) const {
    auto it = slots.find(column);
    return it == slots.end() ? std::nullopt : std::optional<PageBox>(it->second);
  }
};

// Puts a line of figures into the row `lc` labels, each under the column of `under` it stands in.
void place_line(Placed& p, const LabelCell& lc, const std::vector<const Token*>& vs, const std::vector<Column>& under,
                bool near_only) {
  if (p.loc.page == 0) {
    p.loc = lc.loc;
    p.label = lc.text;
  }
  p.has_values = true;
  p.unsure = p.unsure || near_only;
  for (const Token* v : vs) {
    int k = column_of(under, *v);
    if (k < 0 || !under[static_cast<size_t>(k)].key) {
      for (int n : columns_near(under, *v)) {
        const std::string& key = *under[static_cast<size_t>(n)].key;
        p.unsure_at.insert(key);
        p.cells[key].push_back(v);
      }
      continue;
    }
    p.cells[*under[static_cast<size_t>(k)].key].push_back(v);
  }
}

// The last line of figures of a page when it may belong to a row labelled on the next page:
// below every row label of its page, or beside the label of a row of another format version
// that stands for a group of this one ("（六）其他处理" over rows 1–3, whose first label the page
// break pushed onto the next page). `owner`: that row's label, if any, who keeps the line when
// the next page does not claim it.
struct Carried {
  std::vector<const Token*> values;
  std::vector<Column> cols;
  int page = 0;
  std::optional<LabelCell> owner;
  bool near_only = false;
};

// Sets the slots of the rows first labelled on this page: the label's lines and the lines of
// values it owns, under every named column.
void set_slots(std::map<std::string, Placed>& placed, const std::vector<LabelCell>& cells,
               const std::map<int, std::pair<double, double>>& owned_y, const std::vector<Column>& cols,
               int page) {
  for (size_t i = 0; i < cells.size(); ++i) {
    const LabelCell& c = cells[i];
    if (!c.row) continue;
    auto p = placed.find(*c.row);
    if (p == placed.end() || !p->second.slots.empty() || !(p->second.loc == c.loc)) continue;
    double y0 = c.box.y0, y1 = c.box.y1;
    if (auto o = owned_y.find(static_cast<int>(i)); o != owned_y.end()) {
      y0 = std::min(y0, o->second.first);
      y1 = std::max(y1, o->second.second);
    }
    for (const Column& col : cols)
      if (col.key) p->second.slots[*col.key] = slot_of(page, col, y0, y1);
  }
}

// Names the columns of a page that has no header of its own after those of the page before
// (a table continued on the next page without repeating its header).
void inherit_names(std::vector<Column>& cols, const std::vector<Column>& prev) {
  for (auto& c : cols) {
    if (c.key) continue;
    for (const auto& p : prev)
      if (p.key && c.center() >= p.left && c.center() < p.right) c.key = p.key;
  }
}

// Completes the names from the schema's column order when the page has exactly the schema's
// columns and every name read agrees with that order.
void names_by_order(std::vector<Column>& cols, const SchemaTable& st) {
  if (cols.size() != st.columns.size()) return;
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i].key && *cols[i].key != st.columns[i].key) return;
  for (size_t i = 0; i < cols.size(); ++i) cols[i].key = st.columns[i].key;
}

// A name read twice on one page identifies neither column.
void drop_duplicates(std::vector<Column>& cols) {
  std::map<std::string, int> n;
  for (const auto& c : cols)
    if (c.key) ++n[*c.key];
  for (auto& c : cols)
    if (c.key && n[*c.key] > 1) c.key.reset();
}

}  // namespace

Table empty_table(const SchemaTable& st) {
  Table t;
  t.key = st.key;
  for (const auto& c : st.columns) t.columns.push_back(c.key);
  for (const auto& r : st.rows) {
    TableRow row;
    row.key = r.key;
    row.label = r.label;
    t.rows.push_back(std::move(row));
  }
  return t;
}

void put_cell(TableRow& row, const SchemaColumn& col, const std::vector<const Token*>& values,
              bool unsure, const std::optional<PageBox>& slot) {
  std::optional<std::string> text;
  if (values.size() == 1 && !unsure) text = values.front()->text;
  Cell c = placed_cell(text, col, values.empty() ? row.loc : values.front()->loc,
                       !values.empty() || unsure);
  if (!text) {
    // What was printed stays visible on the unreadable cell.
    for (const Token* v : values) c.text += (c.text.empty() ? "" : " ") + v->text;
    if (values.size() > 1) c.note = "several values in one cell";
  }
  c.box = values.empty() ? slot : box_around(values);
  row.cells[col.key] = std::move(c);
}

int owner_of(const std::vector<LabelCell>& cells, double y0, double y1, bool* near_only) {
  double cy = (y0 + y1) / 2, h = std::max(1.0, y1 - y0);
  int best = -1;
  for (size_t i = 0; i < cells.size(); ++i) {
    const LabelCell& c = cells[i];
    if (!c.row || cy < c.box.y0 - kOwnReach * h || cy > c.box.y1 + kOwnReach * h) continue;
    if (best < 0 || c.box.x0 > cells[static_cast<size_t>(best)].box.x0) best = static_cast<int>(i);
  }
  if (near_only) *near_only = false;
  if (best >= 0) return best;
  double d1 = 1e9, d2 = 1e9;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i].row) continue;
    double d = cy < cells[i].box.y0 ? cells[i].box.y0 - cy : std::max(0.0, cy - cells[i].box.y1);
    if (d < d1) {
      d2 = d1;
      d1 = d;
      best = static_cast<int>(i);
    } else if (d < d2) {
      d2 = d;
    }
  }
  if (best < 0 || d1 > kOrphanReach * h) return -1;
  if (near_only) *near_only = d1 > kNearReach * h || d2 < kNearRatio * d1;
  return best;
}

std::map<size_t, std::vector<const Token*>> value_lines(const std::vector<const Token*>& values) {
  std::map<size_t, std::vector<const Token*>> out;
  for (const Token* v : values) out[v->line].push_back(v);
  return out;
}

Table build_grid_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages, const std::vector<const Schema*>& others) {
  Table t = empty_table(st);
  std::map<std::string, Placed> placed;
  std::vector<Column> prev;
  std::optional<Carried> carried;
  for (const auto& page : pages) {
    std::vector<const Token*> values, words;
    for (const auto& tok : page.tokens)
      if (tok.value) values.push_back(&tok);
    if (values.empty()) continue;
    std::vector<Column> cols = columns_from_values(values);
    double label_edge = cols.front().x0 - 1;
    set_bands(cols, label_edge);
    double first_y = 1e9;
    for (const Token* v : values) first_y = std::min(first_y, v->box.y0);
    std::vector<const Token*> header;
    // Words printed among a row's values, in a value column ("不详"): cell texts, read (and
    // judged) as the cell's content like the values beside them.
    const auto figures = value_lines(values);
    std::vector<const Token*> cell_texts;
    for (const auto& tok : page.tokens) {
      if (tok.value || !tok.table_line) continue;
      if (tok.cx() >= label_edge && tok.box.y1 <= first_y) header.push_back(&tok);
      else if (tok.cx() < label_edge) words.push_back(&tok);
      else if (figures.count(tok.line)) cell_texts.push_back(&tok);
    }
    name_columns(cols, header, schema, st.key, nullptr);
    drop_duplicates(cols);
    bool named = std::any_of(cols.begin(), cols.end(), [](const Column& c) { return c.key.has_value(); });
    if (named)
      for (const Token* h : header) cover(t, page.page, h->box);
    if (!named) inherit_names(cols, prev);
    names_by_order(cols, st);
    if (std::any_of(cols.begin(), cols.end(), [](const Column& c) { return c.key.has_value(); })) prev = cols;
    if (t.loc.page == 0) t.loc = header.empty() ? values.front()->loc : header.front()->loc;

    std::vector<LabelCell> cells = label_cells(words, schema, st.key, &figures);
    for (auto& c : cells)
      for (const Schema* other : others)
        if (!c.row)
          if (auto m = other->match_row(c.m, st.key); m && st.row_index(m->row) < 0) c.row = m->row;
    std::map<int, std::pair<double, double>> owned_y;  // label cell -> extent of its values
    std::vector<const Token*> in_cells = values;
    in_cells.insert(in_cells.end(), cell_texts.begin(), cell_texts.end());
    double lowest_label = -1e9;
    for (const auto& c : cells)
      if (c.row) lowest_label = std::max(lowest_label, c.box.y1);
    std::optional<Carried> carry;  // this page's last line, for the next page
    const auto lines = value_lines(in_cells);
    for (auto it = lines.begin(); it != lines.end(); ++it) {
      const std::vector<const Token*>& vs = it->second;
      double y0 = 1e9, y1 = -1e9;
      for (const Token* v : vs) {
        y0 = std::min(y0, v->box.y0);
        y1 = std::max(y1, v->box.y1);
      }
      bool near_only = false;
      int owner = owner_of(cells, y0, y1, &near_only);
      const LabelCell* lc = owner >= 0 ? &cells[static_cast<size_t>(owner)] : nullptr;
      bool stand_in = lc && st.row_index(*lc->row) < 0;
      if (std::next(it) == lines.end() && (stand_in || (!lc && y0 > lowest_label))) {
        carry = Carried{vs, cols, page.page, lc ? std::optional<LabelCell>(*lc) : std::nullopt, near_only};
        continue;
      }
      if (!lc) continue;
      auto [oy, fresh] = owned_y.try_emplace(owner, y0, y1);
      if (!fresh) oy->second = {std::min(oy->second.first, y0), std::max(oy->second.second, y1)};
      place_line(placed[*lc->row], *lc, vs, cols, near_only);
    }
    // The figures that ended the page before go to the first row labelled on this page when it
    // has none beside it (and, when they stood beside a stand-in row, is of the stand-in's
    // group); else they stay with the row they stood beside, if any.
    if (carried && carried->page + 1 == page.page)
      for (size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i].row) continue;
        int idx = st.row_index(*cells[i].row);
        bool free = idx >= 0 && !owned_y.count(static_cast<int>(i)) && !placed[*cells[i].row].has_values;
        if (free && carried->owner) free = st.rows[static_cast<size_t>(idx)].group == *carried->owner->row;
        if (free) {
          place_line(placed[*cells[i].row], cells[i], carried->values, carried->cols, false);
          carried.reset();
        }
        break;
      }
    if (carried && carried->owner)
      place_line(placed[*carried->owner->row], *carried->owner, carried->values, carried->cols, carried->near_only);
    carried = std::move(carry);
    // A label naming a row with no values of its own is still a row of the table: blank cells.
    for (const auto& c : cells)
      if (c.row && !placed.count(*c.row) && st.row_index(*c.row) >= 0) {
        Placed& p = placed[*c.row];
        p.loc = c.loc;
        p.label = c.text;
      }
    for (const auto& c : cells)
      if (c.row && placed.count(*c.row)) cover(t, page.page, c.box);
    set_slots(placed, cells, owned_y, cols, page.page);
  }
  if (carried && carried->owner)  // no page after to claim them
    place_line(placed[*carried->owner->row], *carried->owner, carried->values, carried->cols, carried->near_only);
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
        if (const SchemaColumn* col = st.column(ck)) put_cell(extra, *col, p.cells[ck], p.unsure || p.unsure_at.count(ck), p.slot(ck));
      t.rows.push_back(std::move(extra));
      continue;
    }
    for (auto& r : t.rows)
      if (r.key == key) {
        r.found = true;
        r.loc = p.loc;
        r.label = p.label;
        for (const auto& ck : st.rows[static_cast<size_t>(idx)].columns)
          put_cell(r, *st.column(ck), p.cells[ck], (p.unsure && p.has_values) || p.unsure_at.count(ck),
                   p.slot(ck));
      }
  }
  settle_stand_ins(t, st, others);
  return t;
}

}  // namespace nianbao
