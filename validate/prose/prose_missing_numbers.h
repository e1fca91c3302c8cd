// Counts stated with their number left out: in a sentence that counts in 条, a clause with no
// digit that ends in 条 ("全年公开核准企业资质条、施工许可证76条") is a blank of the template, not a
// phrase. Found once per paragraph and used twice: reported as an unfilled blank, and keeping a
// list with such a blank from being called a sum that does not add up.
#pragma once

#include <vector>

#include "extract/rules/prose_rules.h"
#include "validate/prose/prose_figures.h"

namespace nianbao {

struct MissingNumber {
  size_t begin = 0, end = 0;  // folded offsets of the clause
  size_t unit = 0;            // folded offset of the unit, where the number is missing
};

std::vector<MissingNumber> missing_numbers(const ProseParagraph& p, const MissingNumberRule& rule);

}  // namespace nianbao
