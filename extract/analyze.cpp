#include "extract/analyze.h"

#include "extract/model/errors.h"
#include "extract/segment/meta.h"
#include "extract/segment/report_presence.h"
#include "extract/segment/segment.h"
#include "extract/tables/positions/table_positions.h"
#include "extract/tables/text/table_text.h"

namespace nianbao {

Report analyze(const Document& doc, const Rules& rules) {
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
