// Part 2 from positions: several small tables (第二十条第（一）项 …), each with its own header of
// one to three columns and one or two rows. A row's values are placed under the header printed
// nearest above it.
#include <algorithm>
#include <map>
#include <set>

#include "extract/tables/positions/table_positions_build.h"

namespace nianbao {

namespace {

// Header words on lines at most this many line heights apart form one header block.
constexpr double kBlockGap = 2.5;

struct HeaderBlock {
  std::vector<const Token*> tokens;
  double y0 = 1e9, y1 = -1e9;
};

// Header words grouped into blocks: a line of values or a row label ends a block.
std::vector<HeaderBlock> header_blocks(std::vector<const Token*> header,
                                       const std::vector<double>& barriers) {
  std::sort(header.begin(), header.end(), [](const Token* a, const Token* b) { return a->box.y0 < b->box.y0; });
  std::vector<HeaderBlock> blocks;
  for (const Token* t : header) {
    bool split = blocks.empty() || t->box.y0 - blocks.back().y1 > kBlockGap * t->height();
    if (!split)
      for (double b : barriers)
        if (b > blocks.back().y1 && b < t->box.y0) split = true;
    if (split) blocks.push_back({});
    HeaderBlock& hb = blocks.back();
    hb.tokens.push_back(t);
    hb.y0 = std::min(hb.y0, t->box.y0);
    hb.y1 = std::max(hb.y1, t->box.y1);
  }
  return blocks;
}

// The named columns under a header block.
std::vector<Column> columns_of_header(const std::vector<const Token*>& header, const Schema& schema,
                                      const SchemaTable& st, double label_edge) {
  std::vector<Column> cols = columns_from_header(header);
  set_bands(cols, label_edge);
  name_columns(cols, header, schema, st.key, nullptr);
  if (split_joined_heads(cols, header, st)) set_bands(cols, label_edge);
  return cols;
}

}  // namespace

Table build_item_table(const Schema& schema, const SchemaTable& st,
                       const std::vector<PageTokens>& pages) {
  Table t = empty_table(st);
  std::vector<Column> last_cols;  // the last header's columns: a header may end a page
  for (const auto& page : pages) {
    std::vector<const Token*> values;
    double label_edge = 1e9;
    for (const auto& tok : page.tokens)
      if (tok.value) {
        values.push_back(&tok);
        label_edge = std::min(label_edge, tok.box.x0 - 1);
      }
    if (values.empty())
      for (const auto& tok : page.tokens)
        if (tok.table_line && schema.match_column(tok.m, st.key) && tok.m != match_form("信息内容"))
          label_edge = std::min(label_edge, tok.box.x0 - 1);
    if (label_edge >= 1e9) continue;
    // Each small table sets its own columns: a label is what stands left of the first value of
    // its own line ("其他对外管理服务事项 4", its value right of where another table's values
    // start); the page's edge is for lines without values.
    const auto figures = value_lines(values);
    std::map<size_t, double> line_edge;  // per line of figures: just left of its first
    for (const auto& [line, vs] : figures) {
      double x = 1e9;
      for (const Token* v : vs) x = std::min(x, v->box.x0 - 1);
      line_edge[line] = x;
    }
    std::vector<const Token*> words, header;
    for (const auto& tok : page.tokens) {
      if (tok.value) continue;
      // A column's name is a header word wherever it stands: a header printed tight, on a line
      // the reader took for text, still names the columns under it.
      bool heads = is_joined_heads(tok.m, st) || (!tok.table_line && schema.match_column(tok.m, st.key));
      if (!tok.table_line && !heads) continue;
      auto own = line_edge.find(tok.line);
      double edge = own != line_edge.end() ? own->second : label_edge;
      (tok.cx() < edge && !heads ? words : header).push_back(&tok);
    }
    std::vector<LabelCell> cells = label_cells(words, schema, st.key, &figures);
    std::vector<double> barriers;
    for (const Token* v : values) barriers.push_back(v->cy());
    for (const auto& c : cells)
      if (c.row) barriers.push_back((c.box.y0 + c.box.y1) / 2);
    std::vector<HeaderBlock> blocks = header_blocks(header, barriers);
    if (t.loc.page == 0 && !blocks.empty()) t.loc = blocks.front().tokens.front()->loc;

    std::map<int, std::vector<const Token*>> owned;
    std::map<int, bool> unsure;
    for (const auto& [line, vs] : figures) {
      double y0 = 1e9, y1 = -1e9;
      for (const Token* v : vs) {
        y0 = std::min(y0, v->box.y0);
        y1 = std::max(y1, v->box.y1);
      }
      bool near_only = false;
      int owner = owner_of(cells, y0, y1, &near_only);
      if (owner < 0) continue;
      owned[owner].insert(owned[owner].end(), vs.begin(), vs.end());
      unsure[owner] = unsure[owner] || near_only;
    }
    for (size_t i = 0; i < cells.size(); ++i) {
      const LabelCell& c = cells[i];
      if (!c.row) continue;
      int idx = st.row_index(*c.row);
      if (idx < 0) continue;
      const SchemaRow& sr = st.rows[static_cast<size_t>(idx)];
      TableRow& row = t.rows[static_cast<size_t>(idx)];
      if (row.found) continue;  // the first time a row is printed is the table
      // The header nearest above the row.
      const HeaderBlock* hb = nullptr;
      for (const auto& b : blocks)
        if (b.y1 <= c.box.y0 + 0.5 * (c.box.y1 - c.box.y0)) hb = &b;
      std::vector<Column> cols = last_cols;
      if (hb) {
        cols = columns_of_header(hb->tokens, schema, st, label_edge);
      }
      row.found = true;
      row.loc = c.loc;
      row.label = c.text;
      cover(t, page.page, c.box);
      if (hb)
        for (const Token* h : hb->tokens) cover(t, page.page, h->box);
      std::map<std::string, std::vector<const Token*>> placed;
      bool doubt = unsure[static_cast<int>(i)];
      double y0 = c.box.y0, y1 = c.box.y1;
      for (const Token* v : owned[static_cast<int>(i)]) {
        y0 = std::min(y0, v->box.y0);
        y1 = std::max(y1, v->box.y1);
      }
      std::map<std::string, PageBox> slots;
      for (const Column& col : cols)
        if (col.key) slots.emplace(*col.key, slot_of(page.page, col, y0, y1));
      std::set<std::string> unsure_at;  // columns a value could not be placed between
      auto in_row = [&sr](const std::string& key) {
        return std::find(sr.columns.begin(), sr.columns.end(), key) != sr.columns.end();
      };
      for (const Token* v : owned[static_cast<int>(i)]) {
        std::string key;
        if (sr.columns.size() == 1) {
          key = sr.columns.front();  // one column: every value of the row is its value
        } else {
          int k = column_of(cols, *v);
          if (k >= 0 && cols[static_cast<size_t>(k)].key) key = *cols[static_cast<size_t>(k)].key;
        }
        if (!in_row(key)) {
          for (int n : columns_near(cols, *v)) {
            const std::string& near = *cols[static_cast<size_t>(n)].key;
            if (!in_row(near)) continue;
            unsure_at.insert(near);
            placed[near].push_back(v);
          }
          continue;
        }
        placed[key].push_back(v);
      }
      for (const auto& ck : sr.columns) {
        auto slot = slots.find(ck);
        put_cell(row, *st.column(ck), placed[ck], (doubt && !owned[static_cast<int>(i)].empty()) || unsure_at.count(ck),
                 slot == slots.end() ? std::nullopt : std::optional<PageBox>(slot->second));
      }
    }
    if (!blocks.empty()) {
      last_cols = columns_of_header(blocks.back().tokens, schema, st, label_edge);
    }
  }
  return t;
}

}  // namespace nianbao
