// Finding the report inside a web page: the block that holds the part headings (一、总体情况 …
// 六、其他需要报告的事项), widened to the title above it, without the site's navigation,
// breadcrumbs, toolbars (“打印本页”, “关闭窗口”), related-link lists and footer.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/rules/headings.h"
#include "extract/read/html/html_walk.h"

namespace nianbao {

struct ReportLines {
  std::vector<size_t> lines;  // indices into HtmlFlow::lines, in order
  size_t first = 0, end = 0;  // the range they were taken from
  // Where the parts of the tables start and end (indices into HtmlFlow::lines): from the
  // heading of part 2 to the heading of part 5, when found.
  size_t tables_begin = 0, tables_end = 0;
};

ReportLines select_report(const HtmlFlow& flow, const HeadingRules& rules);

// A line of page furniture: “打印本页”, “【字体：大 中 小】”, “关闭窗口”, “分享到：”, …
bool is_page_furniture(const std::string& text);

// The line without its bracketed furniture (“发布时间：2024-01-25 【字体：大 中 小】【打印】” →
// “发布时间：2024-01-25”).
std::string without_furniture(const std::string& text);

}  // namespace nianbao
