#include "extract/segment/report_presence.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// One of the report's parts found is a report, however little of it is there: its findings say
// what is missing.
constexpr size_t kMinParts = 1;
// A listing names several reports, one a line (each a link, often with its date); a report
// names itself in its title and perhaps once more in a running header.
constexpr size_t kMinListedTitles = 3;
// A line naming a report longer than this is a sentence of the report, not a link's title.
constexpr size_t kMaxTitleChars = 60;

size_t cells_read(const Report& report) {
  size_t n = 0;
  for (const auto& [key, table] : report.tables)
    for (const auto& row : table.rows)
      for (const auto& [col, cell] : row.cells) n += cell.present();
  return n;
}

// Lines that name an annual report of a year, each as a listing prints one: short, a year,
// one of the words a title ends with.
size_t report_titles(const Document& doc, const MetaRules& rules) {
  static const RE2 year("(?:19|20)[0-9]{2}年");
  size_t n = 0;
  for (const Line* line : doc.all_lines()) {
    const std::string t = compact(line->text);
    if (utf8_length(t) > kMaxTitleChars || !RE2::PartialMatch(t, year)) continue;
    n += std::any_of(rules.report_words.begin(), rules.report_words.end(),
                     [&](const std::string& w) { return t.find(w) != std::string::npos; });
  }
  return n;
}

}  // namespace

std::optional<std::string> why_not_a_report(const Document& doc, const Report& report, const MetaRules& rules) {
  if (report.meta.title.empty() && report.sections.empty() && report.tables.empty())
    return std::string("文件中没有政府信息公开工作年度报告的内容 (no open-government-information annual report found)");
  // A report whose parts were found, or with one figure read, is checked as a report, however
  // badly it reads: its findings say what is wrong with it.
  if (report.sections.size() >= kMinParts || cells_read(report) > 0) return std::nullopt;
  const size_t titles = report_titles(doc, rules);
  if (titles >= kMinListedTitles)
    return "文件列出 " + std::to_string(titles) +
           " 个年度报告的标题或链接，没有报告的各部分和表格中的数字：是栏目列表页，不是报告 (a listing of " +
           std::to_string(titles) + " reports' titles or links, without a report's parts or figures: a listing page, not a report)";
  // A title naming its agency and year is a report's first page (a draft, a report cut short):
  // checked, its findings say what is missing. Without them there is nothing to check.
  if (report.meta.year && !report.meta.agency.empty()) return std::nullopt;
  return std::string(
      "文件中没有报告的各部分和表格中的数字，也读不出机关和年度 (none of a report's parts, no figure in its tables, no agency "
      "and year)");
}

}  // namespace nianbao
