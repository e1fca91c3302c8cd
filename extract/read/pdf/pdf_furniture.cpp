#include "extract/read/pdf/pdf_furniture.h"

#include <re2/re2.h>

#include <map>

#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

// Headers and footers sit in the top and bottom margins: this share of the page height.
constexpr double kMargin = 0.1;
// A line in a margin that recurs (digits aside) on this share of the pages is a running header
// or footer; at least kMinRepeats pages, so that a two-page report keeps its title.
constexpr double kRunningShare = 0.5;
constexpr int kMinRepeats = 3;

bool in_margin(const Line& l, double page_height) {
  if (!l.box || page_height <= 0) return false;
  return l.box->y1 < kMargin * page_height || l.box->y0 > (1 - kMargin) * page_height;
}

bool is_page_number(const std::string& compacted) {
  // "-3-", "— 3 —", "3", "第3页", "第3页共6页", "3/6", "Page 3"
  static const RE2 re(
      "^[-~·•]*(?:第?[0-9]+页?(?:/[0-9]+|共[0-9]+页)?|(?i:page)[0-9]+(?:of[0-9]+)?)[-~·•]*$");
  return RE2::FullMatch(compacted, re);
}

std::string digits_masked(const std::string& compacted) {
  std::string out = compacted;
  static const RE2 digits("[0-9]+");
  RE2::GlobalReplace(&out, digits, "#");
  return out;
}

// Whether a line is printed inside a ruled table of its page: between two horizontal rulings
// that reach across it. A table's lines are the report's, wherever they stand: a header
// repeated at the top of every page, or a row of a single number at the foot of one, is not
// a running header or a page number.
bool in_ruled_table(const Line& l, const std::vector<Ruling>& rulings) {
  if (!l.box) return false;
  double cy = (l.box->y0 + l.box->y1) / 2;
  bool above = false, below = false;
  for (const Ruling& r : rulings) {
    if (!r.horizontal || r.from > l.box->x0 + 1 || r.to < l.box->x1 - 1) continue;
    above = above || r.at <= cy;
    below = below || r.at >= cy;
  }
  return above && below;
}

}  // namespace

void remove_furniture(std::vector<PdfPageLines>& pages) {
  std::map<std::string, int> seen;  // masked margin text -> pages it is on
  for (const auto& p : pages) {
    std::map<std::string, bool> here;
    for (const auto& l : p.lines)
      if (in_margin(l, p.height)) here[digits_masked(compact(l.text))] = true;
    for (const auto& [k, v] : here) ++seen[k];
  }
  int need = std::max(kMinRepeats, static_cast<int>(kRunningShare * static_cast<double>(pages.size()) + 0.5));
  for (auto& p : pages) {
    std::vector<Line> kept;
    kept.reserve(p.lines.size());
    for (auto& l : p.lines) {
      if (in_margin(l, p.height) && !in_ruled_table(l, p.rulings)) {
        std::string c = compact(l.text);
        // A line of numbers set apart like cells ("1  0  0  1  2", a table drawn without
        // lines) is a table row, not a page number.
        if (c.empty() || (is_page_number(c) && l.cells.size() < 2)) continue;
        if (seen[digits_masked(c)] >= need) continue;
      }
      kept.push_back(std::move(l));
    }
    p.lines = std::move(kept);
  }
}

}  // namespace nianbao
