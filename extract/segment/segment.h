// Segmentation: the six parts of the report and its prose paragraphs.
#pragma once

#include <vector>

#include "extract/rules/headings.h"
#include "extract/model/model.h"

namespace nianbao {

struct Segmentation {
  std::vector<Section> sections;      // parts found, in document order (first of each number)
  std::vector<Paragraph> paragraphs;  // prose, joined across line and page breaks
  bool pre2019_layout = false;        // headings of the older (pre-2019) layout were seen
  // Later headings naming a part already found (a report that numbers its tables "一、主动公开
  // 政府信息情况" after a narrative "三、主动公开工作情况"): the tables may sit under them.
  std::vector<Section> repeated;
};

Segmentation segment(const Document& doc, const HeadingRules& rules);

}  // namespace nianbao
