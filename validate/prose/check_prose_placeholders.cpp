// A draft still holding the template: text.placeholder for the template's own words left in
// place ("（文字描述）" under parts 1, 5 and 6 of the 国办 template, "××局", "（）"), and
// meta.no_agency / meta.no_year for a report that names no agency or no year. Those two are
// errors in a draft (a placeholder left, or a table without a single number), where the author
// has yet to write them; in a finished report they are notes, since there it is more likely
// this tool that did not find them.
//
// A draft without a year gets no structure check (a format cannot be required of an unknown
// year), so a part whose table could not be rebuilt — the template's part-4 table has no number
// to find it by — is said here, as structure.missing_section.table.
#include <re2/re2.h>

#include <algorithm>

#include "validate/prose/prose_checks.h"

namespace nianbao::checks {

namespace {

// Every cell of the table is blank (the template's tables, a draft's).
bool blank_table(const Table& table) {
  bool any = false;
  for (const TableRow& row : table.rows)
    for (const auto& [column, cell] : row.cells) {
      if (cell.state != CellState::Empty) return false;
      any = true;
    }
  return any;
}

// Where the report's title is, else its first line of prose.
Location head_of(const Report& report) {
  if (report.meta.title_loc.known()) return report.meta.title_loc;
  for (const Paragraph& p : report.paragraphs)
    if (p.loc().known()) return p.loc();
  return {1, 1};
}

void missing_meta(const Report& report, const Rules& rules, bool draft, std::vector<Finding>& out) {
  const char* kind = draft ? "draft" : "report";
  if (report.meta.agency.empty()) {
    Finding f = start_finding("meta.no_agency", rules);
    f.severity = rules.catalog.severity("meta.no_agency", kind);
    f.loc = head_of(report);
    out.push_back(std::move(f));
  }
  if (!report.meta.year) {
    Finding f = start_finding("meta.no_year", rules);
    f.severity = rules.catalog.severity("meta.no_year", kind);
    f.loc = head_of(report);
    out.push_back(std::move(f));
  }
}

void draft_tables(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  if (report.meta.year) return;  // the structure check says it
  for (const auto& [part, table] : {std::pair{2, "proactive"}, {3, "applications"}, {4, "reviews"}}) {
    const Section* s = report.section(part);
    if (!s || report.tables.count(table)) continue;
    Finding f = start_finding("structure.missing_section.table", rules);
    f.loc = s->loc;
    f.table = table;
    put(f, "title", rules.labels.section_name(part));
    out.push_back(std::move(f));
  }
}

}  // namespace

void prose_placeholders(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out) {
  const Report& report = *prose.report;
  size_t found = 0;
  for (const ProseParagraph& p : prose.paragraphs) {
    const std::string& t = p.folded.text;
    std::vector<size_t> reported;
    for (const PlaceholderRule& rule : rules.prose.placeholders) {
      re2::StringPiece groups[2];
      size_t pos = 0;
      while (pos < t.size() && rule.pattern.match(t, pos, t.size(), re2::RE2::UNANCHORED, groups, 2)) {
        size_t begin = static_cast<size_t>(groups[1].data() - t.data());
        size_t end = begin + groups[1].size();
        pos = std::max(end, pos + 1);
        if (std::find(reported.begin(), reported.end(), begin) != reported.end()) continue;
        reported.push_back(begin);
        Finding f = start_finding("text.placeholder", rules);
        f.loc = p.loc_at(begin);
        f.args["quote"] = p.quote(begin, end, 40);
        out.push_back(std::move(f));
        ++found;
      }
    }
  }
  bool any_blank_table = std::any_of(report.tables.begin(), report.tables.end(),
                                     [](const auto& t) { return blank_table(t.second); });
  bool draft = found > 0 || any_blank_table;
  // Without prose in any part the reading lost the text (a scan, a conversion that kept only the
  // tables), and with it the places an agency or year is named: their absence says nothing.
  bool any_prose = std::any_of(report.paragraphs.begin(), report.paragraphs.end(),
                               [](const Paragraph& p) { return p.section >= 1; });
  if (!any_prose) return;
  missing_meta(report, rules, draft, out);
  if (draft) draft_tables(report, rules, out);
}

}  // namespace nianbao::checks
