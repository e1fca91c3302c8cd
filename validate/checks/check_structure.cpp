// The six parts and the format version: structure.missing_section (and .table for a part
// without its table), structure.order (and
// structure.order.numbering for a misnumbered heading), structure.format_version.
//
// Only reports under the 2019 条例 formats are held to them: a report for a year before 2019,
// one of unknown year, or one whose tables follow the older format gets no structure finding.
#include <algorithm>
#include <limits>
#include <optional>

#include "extract/normalize/normalize.h"
#include "validate/validate.h"

namespace nianbao::checks {

namespace {

Text numeral(int n) { return {chinese_numeral(n), std::to_string(n)}; }

void missing_sections(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  for (int n = 1; n <= 6; ++n) {
    if (report.section(n)) continue;
    // Placed at the heading of the next part present (where the part was expected), else at
    // the last part, else at the title.
    Location loc;
    for (const Section& s : report.sections)
      if (s.number > n) {
        loc = s.loc;
        break;
      }
    if (!loc.known() && !report.sections.empty()) loc = report.sections.back().loc;
    Finding f = start_finding("structure.missing_section", rules);
    f.loc = first_known({loc, report.meta.title_loc});
    put(f, "title", rules.labels.section_name(n));
    put(f, "number", numeral(n));
    out.push_back(std::move(f));
  }
}

void order(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  int highest = 0;
  for (const Section& s : report.sections) {
    if (s.number < 1 || s.number > 6) continue;
    // The same part met twice is left alone: that is most often a sub-heading read as a
    // heading, not a misplaced part.
    if (s.number < highest) {
      Finding f = start_finding("structure.order", rules);
      f.loc = s.loc;
      put(f, "title", rules.labels.section_name(s.number));
      put(f, "previous", rules.labels.section_name(highest));
      out.push_back(std::move(f));
    }
    if (s.printed != 0 && s.printed != s.number) {
      Finding f = start_finding("structure.order.numbering", rules);
      f.loc = s.loc;
      f.expected = s.number;
      f.actual = s.printed;
      put(f, "title", rules.labels.section_name(s.number));
      put(f, "printed", numeral(s.printed));
      put(f, "number", numeral(s.number));
      out.push_back(std::move(f));
    }
    if (s.number > highest) highest = s.number;
  }
}

void format_version(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const Meta& m = report.meta;
  if (!rules.schema(m.format_version)) return;
  const std::string required = rules.required_version(*m.year);
  if (m.format_version == required) return;
  Finding f = start_finding("structure.format_version", rules);
  // At the part-3 table, whose rows tell the versions apart, else the first table.
  Location loc;
  for (const char* key : {"applications", "proactive", "reviews"}) {
    auto it = report.tables.find(key);
    if (it != report.tables.end() && it->second.loc.known()) {
      loc = it->second.loc;
      f.table = key;
      break;
    }
  }
  f.loc = first_known({loc, m.title_loc});
  f.args["year"] = std::to_string(*m.year);
  put(f, "required", rules.labels.format_version_name(required));
  put(f, "found", rules.labels.format_version_name(m.format_version));
  out.push_back(std::move(f));
}

// The line of a picture printed inside part `s` (before the next part's heading), if any.
std::optional<int> picture_in(const Report& report, const Section& s) {
  int end = std::numeric_limits<int>::max();
  for (const Section& other : report.sections)
    if (other.loc.page == s.loc.page && other.loc.line > s.loc.line) end = std::min(end, other.loc.line);
  for (int line : report.notes.table_image_lines)
    if (line > s.loc.line && line < end) return line;
  return std::nullopt;
}

// A part present without its table: the statistics the format asks for are not there (or not
// as a table nianbao can read: a picture, a garbled conversion). A warning, since the second
// case is nianbao's failure as much as the report's.
void missing_tables(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  for (const auto& [part, table] : {std::pair{2, "proactive"}, {3, "applications"}, {4, "reviews"}}) {
    const Section* s = report.section(part);
    if (!s || report.tables.count(table)) continue;
    // A table published as a picture: there, but not to be checked.
    std::optional<int> picture = picture_in(report, *s);
    Finding f = start_finding(picture ? "structure.missing_section.table_image"
                                      : "structure.missing_section.table",
                              rules);
    f.loc = picture ? Location{s->loc.page, *picture} : s->loc;
    f.table = table;
    put(f, "title", rules.labels.section_name(part));
    out.push_back(std::move(f));
  }
}

// Pages of a PDF that are pictures of text (the rest of the report has a text layer): what
// they hold is not checked.
void scanned_pages(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  for (int page : report.notes.scanned_pages) {
    Finding f = start_finding("structure.missing_section.scanned", rules);
    f.loc = {page, 1};
    f.args["page"] = std::to_string(page);
    out.push_back(std::move(f));
  }
}

// Pages of a PDF that are pictures read by OCR: said once, with how many figures were read and
// how sure the reading was, so that a supervisor knows how far to trust what is found.
void scanned_read(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const SourceNotes& n = report.notes;
  if (n.ocr_pages.empty()) return;
  Finding f = start_finding("structure.scanned_read", rules);
  f.loc = {n.ocr_pages.front(), 1};
  std::string pages;
  for (int p : n.ocr_pages) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
  f.args["pages"] = pages;
  f.args["figures"] = std::to_string(n.ocr_figures);
  f.args["confidence"] = std::to_string(static_cast<int>(n.ocr_confidence));
  out.push_back(std::move(f));
}

// Bytes of a text file that no encoding reads, replaced so that the rest is checked: where
// they were, since a figure on those lines may have lost a digit.
void invalid_bytes(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const SourceNotes& n = report.notes;
  if (n.replaced_bytes == 0) return;
  Finding f = start_finding("structure.invalid_bytes", rules);
  if (!n.replaced_at.empty()) f.loc = n.replaced_at.front();
  std::string lines;
  for (const Location& at : n.replaced_at) lines += (lines.empty() ? "" : ", ") + std::to_string(at.line);
  f.args["count"] = std::to_string(n.replaced_bytes);
  f.args["lines"] = lines;
  out.push_back(std::move(f));
}

}  // namespace

void structure(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  invalid_bytes(report, rules, out);
  scanned_read(report, rules, out);
  const Meta& m = report.meta;
  if (m.format_version == kPreFormatVersion || !m.year || *m.year < rules.first_format_year()) return;
  missing_sections(report, rules, out);
  missing_tables(report, rules, out);
  scanned_pages(report, rules, out);
  order(report, rules, out);
  format_version(report, rules, out);
}

const Check& structure_check() {
  static const Check check{"structure",
                           {"structure.missing_section", "structure.missing_section.table",
                            "structure.missing_section.table_image", "structure.missing_section.scanned", "structure.scanned_read",
                            "structure.invalid_bytes", "structure.order", "structure.order.numbering", "structure.format_version"},
                           nullptr,
                           [](const Report& r, const Rules& rules, Validation& v) { structure(r, rules, v.findings); }};
  return check;
}

}  // namespace nianbao::checks
