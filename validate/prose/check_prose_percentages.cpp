// text.sum_mismatch.percent: shares stated with their counts ("予以公开及部分公开208件
// （17.46%），不予公开20件（1.68%）…") recomputed over the whole they are shares of.
//
// The whole is rarely named next to the shares, so it is found from them: of the figures of the
// same unit stated before (the whole of their "其中" first), the one that most shares agree
// with. A share is only called wrong when at least two others agree on that whole and they
// outnumber those that do not; a single share that fits no figure is left alone.
#include <cmath>
#include <cstdio>

#include "validate/prose/prose_checks.h"

namespace nianbao::checks {

namespace {

struct Run {
  std::vector<size_t> items;  // figures with a share, in order
};

std::vector<Run> runs_of(const ProseParagraph& p) {
  std::vector<Run> runs;
  bool open = false;
  for (size_t i = 0; i < p.figures.size(); ++i) {
    const Figure& f = p.figures[i];
    if (f.unit == "%" || f.other_period) continue;
    const Figure* last = open ? &p.figures[runs.back().items.back()] : nullptr;
    bool same_list = last && same_kind(*last, f) && last->depth == f.depth;
    if (f.percent) {
      if (!same_list) runs.push_back({});
      runs.back().items.push_back(i);
      open = true;
    } else if (last && same_kind(*last, f) && f.depth <= last->depth) {
      open = false;  // a count of the same kind without a share ends the list
    }
  }
  return runs;
}

std::vector<size_t> denominators(const ProseParagraph& p, const std::vector<Enumeration>& lists, const Run& run) {
  std::vector<size_t> out;
  size_t first = run.items.front();
  for (const Enumeration& e : lists)
    for (size_t c : e.candidates)
      if (c == first && e.kind == Enumeration::Kind::PartsAfter) out.push_back(e.whole);
  const Figure& f = p.figures[first];
  for (size_t i = first; i-- > 0 && out.size() < 8;) {
    const Figure& d = p.figures[i];
    if (d.percent || d.other_period || d.depth > f.depth || !same_kind(d, f)) continue;
    out.push_back(i);
  }
  return out;
}

std::string computed_text(double part, double whole, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals + 1, part / whole * 100);
  return buf;
}

}  // namespace

void prose_percentages(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                       std::vector<Finding>* verified) {
  for (size_t k = 0; k < prose.paragraphs.size(); ++k) {
    const ProseParagraph& p = prose.paragraphs[k];
    for (const Run& run : runs_of(p)) {
      std::vector<size_t> candidates = denominators(p, prose.enumerations[k], run);
      size_t best = 0, best_agree = 0;
      for (size_t c : candidates) {
        size_t agree = 0;
        for (size_t i : run.items)
          agree += percent_agrees(p.figures[i].absolute(), p.figures[c].absolute(), *p.figures[i].percent);
        if (agree > best_agree) best = c, best_agree = agree;
      }
      if (best_agree == 0) continue;
      const Figure& whole = p.figures[best];
      size_t disagree = run.items.size() - best_agree;
      if (disagree == 0) {
        if (!verified) continue;
        Finding f = start_finding("text.sum_mismatch.percent", rules);
        const Figure& first = p.figures[run.items.front()];
        const Figure& last = p.figures[run.items.back()];
        f.loc = p.loc_at(first.number_begin);
        f.args["quote"] = statement_quote(p, first.begin, last.after);
        f.args["whole"] = whole.number_text;
        f.args["count"] = std::to_string(run.items.size());
        verified->push_back(std::move(f));
        continue;
      }
      if (best_agree < 2 || best_agree <= disagree || whole.bound != Bound::Exact) continue;
      for (size_t i : run.items) {
        const Figure& part = p.figures[i];
        if (part.bound != Bound::Exact ||
            percent_agrees(part.absolute(), whole.absolute(), *part.percent))
          continue;
        Finding f = start_finding("text.sum_mismatch.percent", rules);
        f.loc = p.loc_at(part.number_begin);
        f.expected = std::round(part.absolute() / whole.absolute() * 1000) / 10;
        f.actual = part.percent->value;
        f.args["quote"] = p.quote(part.clause_begin, part.after);
        f.args["percent"] = part.percent->text;
        f.args["part"] = part.number_text;
        f.args["whole"] = whole.number_text;
        f.args["computed"] = computed_text(part.absolute(), whole.absolute(), part.percent->decimals);
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace nianbao::checks
