// Column heads printed without a gap between them: a table drawn without borders and without
// cell padding (a browser printing a page whose table has neither) sets "本年制发件数本年废止件数
// 现行有效件数" as one run of text over three columns. The run is cut where the schema's column
// labels follow each other, each piece taking its share of the run's width by its characters
// (the heads are set in one font, character by character; the match form keeps every
// printed character but spaces, which a run without gaps has none of).
#include <algorithm>
#include <map>

#include "extract/normalize/normalize.h"
#include "extract/tables/positions/table_positions_geom.h"

namespace nianbao {

namespace {

struct Piece {
  std::string m;
  std::string key;
};

// `m` from `at` on as labels of `st`'s columns, one after another; false when it is not.
bool cut_into_labels(const std::string& m, size_t at, const SchemaTable& st, std::vector<Piece>& out) {
  if (at == m.size()) return true;
  for (const SchemaColumn& c : st.columns) {
    std::vector<std::string> names{c.label};
    names.insert(names.end(), c.variants.begin(), c.variants.end());
    for (const std::string& name : names) {
      std::string nm = match_form(name);
      if (nm.empty() || m.compare(at, nm.size(), nm) != 0) continue;
      out.push_back({nm, c.key});
      if (cut_into_labels(m, at + nm.size(), st, out)) return true;
      out.pop_back();
    }
  }
  return false;
}

// Where in `m` a run of two labels or more of `st` starts, with its pieces; npos when none.
// The label column's head may be set in the same run ("信息内容上一年项目数量…"), so the labels
// may start after a lead of other text.
size_t joined_heads_at(const std::string& m, const SchemaTable& st, std::vector<Piece>& pieces) {
  for (size_t lead = 0; lead < m.size(); ++lead) {
    if ((static_cast<unsigned char>(m[lead]) & 0xC0) == 0x80) continue;
    pieces.clear();
    if (cut_into_labels(m, lead, st, pieces) && pieces.size() >= 2) return lead;
  }
  return std::string::npos;
}

// The columns a run of heads (words of one line, left to right) prints, each over its share of
// the run's width; none when the run is not one.
std::vector<Column> heads_of_run(const std::vector<const Token*>& words, const SchemaTable& st) {
  std::string m;
  for (const Token* t : words) m += t->m;
  std::vector<Piece> pieces;
  size_t lead = joined_heads_at(m, st, pieces);
  if (lead == std::string::npos) return {};
  double x0 = words.front()->box.x0, x1 = words.back()->box.x1;
  double per = (x1 - x0) / static_cast<double>(utf8_length(m));
  double x = x0 + per * static_cast<double>(utf8_length(m.substr(0, lead)));
  std::vector<Column> out;
  for (const Piece& p : pieces) {
    Column c;
    c.x0 = x;
    c.x1 = x + per * static_cast<double>(utf8_length(p.m));
    c.header = p.m;
    c.key = p.key;
    x = c.x1;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

bool is_joined_heads(const std::string& m, const SchemaTable& st) {
  std::vector<Piece> pieces;
  return joined_heads_at(m, st, pieces) != std::string::npos;
}

bool split_joined_heads(std::vector<Column>& cols, const std::vector<const Token*>& header,
                        const SchemaTable& st) {
  bool any = false;
  std::vector<Column> out;
  for (const Column& col : cols) {
    // The heads in this column's band, line by line (a caption stacked above them is another
    // line), each line read as one run.
    std::map<size_t, std::vector<const Token*>> lines;
    for (const Token* t : header)
      if (t->cx() >= col.left && t->cx() < col.right) lines[t->line].push_back(t);
    bool split = false;
    for (auto& [line, words] : lines) {
      std::sort(words.begin(), words.end(), [](const Token* a, const Token* b) { return a->box.x0 < b->box.x0; });
      std::vector<Column> heads = heads_of_run(words, st);
      if (heads.empty()) continue;
      out.insert(out.end(), heads.begin(), heads.end());
      split = true;
      break;
    }
    if (!split) out.push_back(col);
    any = any || split;
  }
  cols = std::move(out);
  return any;
}

void name_by_joined_heads(std::vector<Column>& cols, const std::vector<const Token*>& header,
                          const SchemaTable& st) {
  for (const Token* t : header)
    for (const Column& head : heads_of_run({t}, st))
      for (Column& col : cols)
        if (head.center() >= col.left && head.center() < col.right) {
          col.key = head.key;
          col.header = head.header;
        }
}

}  // namespace nianbao
