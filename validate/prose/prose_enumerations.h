// A stated total and its stated parts, found in a paragraph's figures:
//   "主动公开政府信息共899条，其中，…41条；…737条，…76条，…45条"   (parts after 其中)
//   "总馆…14.6万人次，分馆…14.6万人次；全年总计16.51万人次"         (a total after its parts)
//   "预决算公开197条（政府预决算32条、部门预决算公开165条）"        (parts in brackets)
// Parts are the figures of the whole's unit that follow in the same sentence and bracket level;
// where the list ends is not written, so the parts that add up to the whole are taken when
// there are such, and the checks decide what a list that does not add up means.
#pragma once

#include <vector>

#include "validate/prose/prose_figures.h"
#include "extract/rules/prose_rules.h"

namespace nianbao {

struct Enumeration {
  enum class Kind { PartsAfter, TotalAfter, Bracket };
  Kind kind = Kind::PartsAfter;
  size_t whole = 0;                 // index into ProseParagraph::figures
  std::vector<size_t> candidates;   // the parts that may belong to it, in text order
  size_t matched = 0;               // the first `matched` candidates add up to the whole (0: none)
  std::vector<size_t> continued;    // parts in the next sentences that complete the sum
  bool complete = false;            // the list says it is all of the whole (其他…, 分别为)
  size_t marker = 0;                // folded offset of "其中" (or of the whole)
};

// Whether two figures count the same kind of thing: the same unit (万 and 亿 may differ).
bool same_kind(const Figure& a, const Figure& b);

// Whether the sum of `parts` equals `whole` within the printed precision of all of them.
bool adds_up(double sum, double tolerance, const Figure& whole);

std::vector<Enumeration> find_enumerations(const ProseParagraph& p, const EnumerationWords& words);

}  // namespace nianbao
