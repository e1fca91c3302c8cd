// Column heads printed without a gap between them: a table drawn without borders and without
// cell padding (a browser printing a page whose table has neither) sets "本年制发件数本年废止件数
// 现行有效件数" as one run of text over three columns. The run is cut where the schema's column
// labels follow each other, each piece taking its share of the run's width by its characters
// (the heads are set in one font, character by character).
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

}  // namespace

bool split_joined_heads(std::vector<Column>& cols, const SchemaTable& st) {
  bool any = false;
  std::vector<Column> out;
  for (const Column& col : cols) {
    std::vector<Piece> pieces;
    if (col.header.empty() || !cut_into_labels(col.header, 0, st, pieces) || pieces.size() < 2) {
      out.push_back(col);
      continue;
    }
    double chars = static_cast<double>(utf8_length(col.header));
    double x = col.x0, per = (col.x1 - col.x0) / chars;
    for (const Piece& p : pieces) {
      Column c;
      c.x0 = x;
      c.x1 = x + per * static_cast<double>(utf8_length(p.m));
      c.header = p.m;
      c.key = p.key;
      x = c.x1;
      out.push_back(std::move(c));
    }
    any = true;
  }
  cols = std::move(out);
  return any;
}

}  // namespace nianbao
