#include "extract/analyze.h"

#include "extract/model/errors.h"
#include "extract/segment/meta.h"
#include "extract/segment/segment.h"
#include "extract/tables/positions/table_positions.h"
#include "extract/tables/text/table_text.h"

namespace nianbao {

std::string required_format_version(int year) {
  if (year <= 2018) return "pre2019";
  if (year <= 2020) return "2019";
  return "2021";
}

Report analyze(const Document& doc) {
  Report report;
  Segmentation seg = segment(doc);
  report.sections = seg.sections;
  report.paragraphs = std::move(seg.paragraphs);
  report.meta = extract_meta(doc, report.paragraphs);
  report.properties = doc.properties;

  bool old_layout = (report.meta.year && *report.meta.year <= 2018) ||
                    (seg.pre2019_layout && !report.meta.year);
  if (!old_layout) {
    // A PDF keeps where every word stands: its tables are rebuilt from positions.
    TableExtraction tables =
        doc.format == InputFormat::Pdf
            ? rebuild_tables_from_positions(doc, report.sections, report.meta.year, seg.repeated)
            : rebuild_tables_from_text(doc, report.sections, report.meta.year, seg.repeated);
    report.tables = std::move(tables.tables);
    if (tables.format_version != "unknown")
      report.meta.format_version = tables.format_version;
    else if (!report.tables.empty() && report.meta.year)
      report.meta.format_version = required_format_version(*report.meta.year);
    else if (seg.pre2019_layout)
      old_layout = true;
  }
  if (old_layout) report.meta.format_version = "pre2019";

  if (report.meta.title.empty() && report.sections.empty() && report.tables.empty())
    throw ReadError("no_report", doc.path +
                                     ": 文件中没有政府信息公开工作年度报告的内容 "
                                     "(no open-government-information annual report found)");
  return report;
}

}  // namespace nianbao
