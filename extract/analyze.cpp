#include "extract/analyze.h"

#include "extract/model/errors.h"
#include "extract/segment/meta.h"
#include "extract/segment/report_presence.h"
#include "extract/segment/segment.h"
#include "extract/tables/positions/table_positions.h"
#include "extract/tables/text/table_text.h"

namespace nianbao {
namespace {

[[noreturn]] void throw_no_report(const Document& doc) {
  throw ReadError("no_report", doc.path +
                                   ": 文件中没有政府信息公开工作年度报告的内容 "
                                   "(no open-government-information annual report found)");
}

// A report is written in Chinese: a source without a single CJK ideograph (U+4E00..U+9FFF,
// lead bytes E4..E9 in UTF-8) holds none, however long it is, and is answered before the
// heavier stages look at it (a 10 MB line of digits).
bool has_ideograph(const Document& doc) {
  for (const auto& page : doc.pages)
    for (const auto& line : page.lines)
      for (char ch : line.text) {
        const auto b = static_cast<unsigned char>(ch);
        if (b >= 0xE4 && b <= 0xE9) return true;
      }
  return false;
}

}  // namespace

Report analyze(const Document& doc, const Rules& rules) {
  if (!has_ideograph(doc)) throw_no_report(doc);
  Report report;
  Segmentation seg = segment(doc, rules.headings);
  report.sections = seg.sections;
  report.paragraphs = std::move(seg.paragraphs);
  report.meta = extract_meta(doc, report.paragraphs, rules.meta);
  report.properties = doc.properties;
  report.notes = doc.notes;
  report.page_source = doc.page_source;
  for (const auto& page : doc.pages)
    for (const auto& line : page.lines)
      if (line.box) report.line_boxes.emplace(line.loc, *line.box);

  const std::optional<int>& year = report.meta.year;
  bool old_layout = (year && *year < rules.first_format_year()) || (seg.pre2019_layout && !year);
  if (!old_layout) {
    // A PDF keeps where every word stands: its tables are rebuilt from positions.
    TableExtraction tables =
        doc.format == InputFormat::Pdf
            ? rebuild_tables_from_positions(doc, rules, report.sections, year, seg.repeated)
            : rebuild_tables_from_text(doc, rules, report.sections, year, seg.repeated);
    report.tables = std::move(tables.tables);
    if (tables.format_version != kUnknownFormatVersion)
      report.meta.format_version = tables.format_version;
    else if (!report.tables.empty() && year)
      report.meta.format_version = rules.required_version(*year);
    else if (seg.pre2019_layout)
      old_layout = true;
  }
  if (old_layout) report.meta.format_version = kPreFormatVersion;

  if (auto why = why_not_a_report(doc, report, rules.meta)) throw ReadError("no_report", doc.path + ": " + *why);
  return report;
}

}  // namespace nianbao
