// text.table_mismatch: figures of the prose against the tables (docs/FORMAT.md TXT.T3, TXT.T4,
// TXT.PCT). "全年收到政府信息公开申请34件" against 一、本年新收, "行政复议351件，其中结果维持72件…"
// against part 4, "未收到…申请" against a non-zero table.
//
// Which figure a clause speaks of is data (rules/prose.toml [[statement]]); a figure whose clause
// matches none, is qualified ("约"), or is about another year is left alone. A statement may be
// true of more than one table figure ("收到申请75件" counts 上年结转 with 新收 in many reports):
// it holds when it equals any of them.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "validate/prose/prose_checks.h"

namespace nianbao::checks {

namespace {

bool in_checked_part(const ProseParagraph& p) { return p.source->section <= 4; }

// Whose figure it is: the nearest clause, from the figure's own back through its sentence and
// the one before, that names a subject. "受理群众投诉35起，办结35起" — the 办结 clause names none,
// the one before names 投诉, so the 35 is not a count of applications.
bool subject_holds(const ProseParagraph& p, const Figure& f, const Pattern& subject, const Rules& rules) {
  if (!subject) return true;
  const Pattern& other = rules.prose.other_subjects;
  auto decides = [&](const std::string& clause, bool* holds) {
    bool other_named = other && other.partial_match(clause);
    if (other_named) return *holds = false, true;
    if (subject.partial_match(clause)) return *holds = true, true;
    return false;
  };
  bool holds = false;
  if (decides(f.statement, &holds)) return holds;
  const std::string& t = p.folded.text;
  size_t from = p.sentences.empty() ? 0 : p.sentences[f.sentence > 0 ? f.sentence - 1 : 0].begin;
  size_t end = f.clause_begin;
  for (size_t at = end; at > from;) {
    size_t back = at - 1;
    while (back > from && (static_cast<unsigned char>(t[back]) & 0xC0) == 0x80) --back;
    if (clause_mark_at(t, back) || back == from) {
      size_t begin = back == from && !clause_mark_at(t, back) ? back : back + clause_mark_at(t, back);
      if (end > begin && decides(t.substr(begin, end - begin), &holds)) return holds;
      end = back;
    }
    at = back;
  }
  return false;
}

const StatementRule* statement_for(const ProseParagraph& p, const Figure& f, const std::string& within,
                                   const Rules& rules) {
  bool percent = f.unit == "%";
  for (const StatementRule& s : rules.prose.statements) {
    if (s.within != within || s.percent != percent) continue;
    if (!percent && std::find(s.units.begin(), s.units.end(), f.unit) == s.units.end()) continue;
    if (!s.pattern.partial_match(f.statement)) continue;
    if (s.exclude && s.exclude.partial_match(f.statement)) continue;
    if (!subject_holds(p, f, s.subject, rules)) continue;
    return &s;
  }
  return nullptr;
}

bool checkable(const Figure& f) {
  return !f.other_period && f.bound == Bound::Exact && (f.unit == "%" || (f.decimals == 0 && f.scale == 1));
}

// The statement of the whole a figure is listed under ("行政复议351件，其中结果维持72件"), if any.
std::string whole_statement(const ProseContext& prose, size_t k, size_t i, const Rules& rules) {
  const ProseParagraph& p = prose.paragraphs[k];
  for (const Enumeration& e : prose.enumerations[k]) {
    if (e.kind != Enumeration::Kind::PartsAfter) continue;
    size_t n = e.matched ? e.matched : e.candidates.size();
    for (size_t c = 0; c < n; ++c)
      if (e.candidates[c] == i && checkable(p.figures[e.whole]))
        if (const StatementRule* s = statement_for(p, p.figures[e.whole], "", rules)) return s->id;
  }
  return {};
}

void compare(const ProseParagraph& p, const Figure& f, const StatementRule& s, const Report& report,
             const Rules& rules, std::vector<Finding>& out, std::vector<Finding>* verified) {
  std::optional<double> first, shown;
  size_t named = 0;
  bool holds = false;
  for (size_t a = 0; a < s.cells.size() && !holds; ++a) {
    std::optional<double> value = table_value(report, rules, s.cells[a]);
    if (!value) continue;
    if (!first) first = value, named = a;
    if (!s.percent) {
      holds = *value == f.value;
    } else {
      Percent printed{f.value, f.decimals, f.number_text};
      for (const CellSum& d : s.denominators)
        if (std::optional<double> whole = table_value(report, rules, d))
          holds = holds || percent_agrees(*value, *whole, printed);
    }
    if (holds) shown = value, named = a;
  }
  if (!first) return;
  if (!shown) shown = first;
  std::optional<double> whole;
  if (s.percent) whole = table_value(report, rules, s.denominators.front());
  if (s.percent && !holds && !whole) return;
  const char* rule = s.percent ? "text.table_mismatch.percent" : "text.table_mismatch";
  Finding finding = start_finding(rule, rules);
  // How sure the reading of the statement is depends on the statement: "不予公开35件" names one
  // figure of the table, "办理申请805件" may mean several (checks.toml severity_when).
  finding.severity = rules.catalog.severity(rule, s.id);
  finding.loc = p.loc_at(f.number_begin);
  finding.args["quote"] = statement_quote(p, f.begin, std::max(f.after, f.clause_end));
  finding.args["text_value"] = f.display();
  put(finding, "cell", s.names[named]);
  finding.args["table_value"] = format_number(*shown);
  if (s.percent && whole) {
    finding.args["table_value"] = format_number(*shown) + " ÷ " + format_number(*whole);
    finding.args["computed"] = format_number(std::round(*shown / *whole * 1000) / 10) + "%";
  }
  if (holds) {
    if (verified) verified->push_back(std::move(finding));
    return;
  }
  // "区政府办代表区政府受理…17件" beside a table of the whole district: the statement is about a
  // narrower body than the table, so a difference says nothing.
  const Pattern& scope = rules.prose.narrower_scope;
  const Range& sentence = p.sentences[f.sentence];
  if (scope && scope.partial_match(std::string_view(p.folded.text).substr(sentence.begin, sentence.end - sentence.begin)))
    return;
  finding.expected = *first;
  finding.actual = f.value;
  out.push_back(std::move(finding));
}

}  // namespace

void prose_tables(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                  std::vector<Finding>* verified) {
  const Report& report = *prose.report;
  if (!report.tables.count("applications") && !report.tables.count("reviews")) return;
  for (size_t k = 0; k < prose.paragraphs.size(); ++k) {
    const ProseParagraph& p = prose.paragraphs[k];
    if (!in_checked_part(p)) continue;
    for (size_t i = 0; i < p.figures.size(); ++i) {
      const Figure& f = p.figures[i];
      if (!checkable(f)) continue;
      const StatementRule* s = nullptr;
      std::string within = whole_statement(prose, k, i, rules);
      if (!within.empty()) s = statement_for(p, f, within, rules);
      if (!s) s = statement_for(p, f, "", rules);
      if (s) compare(p, f, *s, report, rules, out, verified);
    }
  }
}

// "未收到…申请", "未发生…行政复议": every figure the claim covers must be 0.
void prose_zero_claims(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                       std::vector<Finding>* verified) {
  const Report& report = *prose.report;
  for (const ProseParagraph& p : prose.paragraphs) {
    if (!in_checked_part(p)) continue;
    for (const Range& r : p.sentences) {
      re2::StringPiece sentence(p.folded.text.data() + r.begin, r.end - r.begin);
      for (const ZeroRule& z : rules.prose.zeros) {
        if (!z.about.empty() && std::none_of(z.about.begin(), z.about.end(), [&](const std::string& w) {
              return std::string_view(sentence.data(), sentence.size()).find(w) != std::string_view::npos;
            }))
          continue;
        re2::StringPiece match;
        if (!z.pattern.match(std::string_view(sentence.data(), sentence.size()), 0, sentence.size(), re2::RE2::UNANCHORED, &match, 1)) continue;
        size_t at = static_cast<size_t>(match.data() - p.folded.text.data());
        // What the claim is about runs to the end of its clause ("未发生…被行政复议纠错").
        size_t end = at + match.size();
        while (end < r.end && !clause_mark_at(p.folded.text, end)) ++end;
        if (z.exclude && z.exclude.partial_match(std::string_view(p.folded.text).substr(at, end - at))) continue;
        std::optional<double> nonzero, any;
        for (const CellSum& c : z.cells)
          if (std::optional<double> v = table_value(report, rules, c)) {
            any = v;
            if (*v != 0 && !nonzero) nonzero = v;
          }
        if (!any) continue;
        Finding f = start_finding("text.table_mismatch.zero", rules);
        f.loc = p.loc_at(at);
        f.args["quote"] = p.quote(at, end);
        put(f, "cell", z.name);
        f.args["table_value"] = format_number(nonzero.value_or(0));
        if (!nonzero) {
          if (verified) verified->push_back(std::move(f));
          continue;
        }
        f.expected = 0;
        f.actual = *nonzero;
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace nianbao::checks
