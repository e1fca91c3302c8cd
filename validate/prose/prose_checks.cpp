#include "validate/prose/prose_checks.h"

#include <cmath>

#include "extract/rules/schema.h"

namespace nianbao {

ProseContext ProseContext::read(const Report& report, const Rules& rules) {
  ProseContext c;
  c.report = &report;
  FigureContext figures = rules.prose.figures;
  figures.year = report.meta.year.value_or(0);
  c.paragraphs.reserve(report.paragraphs.size());
  for (const Paragraph& p : report.paragraphs) {
    c.paragraphs.push_back(read_prose(p, figures));
    c.enumerations.push_back(find_enumerations(c.paragraphs.back(), rules.prose.words));
  }
  return c;
}

namespace checks {

void prose(const Report& report, const Rules& rules, std::vector<Finding>& out,
           std::vector<Finding>* verified) {
  ProseContext context = ProseContext::read(report, rules);
  prose_rates(context, rules, out, verified);
  prose_sums(context, rules, out, verified);
  prose_percentages(context, rules, out, verified);
  prose_tables(context, rules, out, verified);
  prose_zero_claims(context, rules, out, verified);
  prose_outcomes(context, rules, out, verified);
  prose_blanks(context, rules, out);
  prose_placeholders(context, rules, out);
  empty_sections(report, rules, out);
}

const Check& prose_check() {
  static const Check check{
      "prose",
      {"text.table_mismatch", "text.table_mismatch.zero", "text.table_mismatch.percent", "text.sum_mismatch",
       "text.sum_mismatch.percent", "text.double_count", "text.unfilled_blank", "structure.empty_section",
       "text.table_mismatch.outcome", "text.placeholder", "meta.no_agency", "meta.no_year",
       "structure.missing_section.table",
       // The statements that hold are worded by verified_rule(rule).
       "verified.text.table_mismatch", "verified.text.table_mismatch.zero", "verified.text.table_mismatch.percent",
       "verified.text.sum_mismatch", "verified.text.sum_mismatch.percent", "verified.text.table_mismatch.outcome"},
      // The rates of prose.toml name their own rules.
      [](const Rules& rules) {
        std::vector<std::string> ids;
        for (const RateRule& rate : rules.prose.rates) {
          ids.push_back(rate.rule);
          ids.push_back(verified_rule(rate.rule));
        }
        return ids;
      },
      [](const Report& r, const Rules& rules, Validation& v) { prose(r, rules, v.findings, &v.verified); }};
  return check;
}

std::string statement_quote(const ProseParagraph& p, size_t begin, size_t end) {
  const std::string& t = p.folded.text;
  size_t sentence_begin = p.sentences.empty() ? 0 : p.sentences[p.sentence_of(begin)].begin;
  // Back over one clause mark and the clause before it.
  size_t b = begin;
  int marks = 0;
  while (b > sentence_begin) {
    size_t back = b - 1;
    while (back > sentence_begin && (static_cast<unsigned char>(t[back]) & 0xC0) == 0x80) --back;
    if (clause_mark_at(t, back) && ++marks == 2) break;
    b = back;
  }
  while (b < begin && clause_mark_at(t, b)) b += clause_mark_at(t, b);
  return p.quote(b, end);
}

namespace {

// The schema of one of the report's tables, which knows its applicant columns. The formats
// have the same part-3 columns, so a report of no known format is read with the newest one.
const SchemaTable* schema_table(const Report& report, const Rules& rules, const std::string& key) {
  const Schema* schema = rules.schema(report.meta.format_version);
  return (schema ? *schema : rules.newest()).table(key);
}

}  // namespace

std::optional<double> table_value(const Report& report, const Rules& rules, const CellSum& cells) {
  double sum = 0;
  for (const std::string& spec : cells) {
    size_t a = spec.find('/'), b = spec.rfind('/');
    auto t = report.tables.find(spec.substr(0, a));
    if (t == report.tables.end()) return std::nullopt;
    const SchemaTable* schema = schema_table(report, rules, t->first);
    std::vector<std::string> applicants;
    if (schema) applicants = schema->applicant_columns();
    std::string row = spec.substr(a + 1, b - a - 1), column = spec.substr(b + 1);
    std::vector<std::string> columns{column};
    if (column == "orgs") {
      columns.clear();
      if (schema) columns = schema->applicant_columns("organisation");
      if (columns.empty()) return std::nullopt;  // a table without organisation columns
    }
    std::vector<const TableRow*> rows;
    if (row.size() > 2 && row.compare(row.size() - 2, 2, ".*") == 0) {
      std::string group = row.substr(0, row.size() - 2);
      for (const TableRow& r : t->second.rows)
        if (r.key == group || r.key.rfind(group + ".", 0) == 0) rows.push_back(&r);
    } else if (const TableRow* r = t->second.row(row)) {
      rows.push_back(r);
    }
    if (rows.empty()) return std::nullopt;
    for (const TableRow* r : rows) {
      if (!r->found) return std::nullopt;
      for (const std::string& c : columns) {
        auto it = r->cells.find(c);
        if (it != r->cells.end() && it->second.value) {
          sum += *it->second.value;
          continue;
        }
        // A blank total (上海 2019 left the column empty in most rows) is the sum of the
        // applicant columns, read as the table writes them: a blank among them is the 0 the
        // format asks for. An unreadable cell or a row with no number at all gives nothing.
        if (c != "total" || (it != r->cells.end() && it->second.state != CellState::Empty))
          return std::nullopt;
        bool any = false;
        for (const std::string& part : applicants) {
          auto p = r->cells.find(part);
          if (p == r->cells.end()) return std::nullopt;
          if (p->second.value) {
            sum += *p->second.value;
            any = true;
          } else if (p->second.state != CellState::Empty) {
            return std::nullopt;
          }
        }
        if (!any) return std::nullopt;
      }
    }
  }
  return sum;
}

bool percent_agrees(double part, double whole, const Percent& percent) {
  if (whole <= 0) return false;
  double computed = part / whole * 100;
  double unit = std::pow(10.0, -percent.decimals);
  if (std::fabs(computed - percent.value) <= unit / 2 + 1e-9) return true;
  // Some reports cut the digits off rather than round them: 35 / 805 = 4.348% printed "4.34%".
  return percent.value <= computed + 1e-9 && computed < percent.value + unit - 1e-9;
}

}  // namespace checks
}  // namespace nianbao
