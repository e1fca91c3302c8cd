// text.table_mismatch.outcome: a statement of how every case it names came out, against the
// tables. 上海 2019 writes "信息公开类行政复议7件，诉讼9件，均获维持" while its part-4 table has 2
// reconsiderations and 1 lawsuit still pending: "均获维持" is then false, whatever the counts.
// Which claims and which cells is data (rules/prose.toml [[outcome]]); a claim about a part or
// the rest ("其中5件均获维持", "其余均已办结") is left alone.
#include <re2/re2.h>

#include <algorithm>

#include "validate/prose/prose_checks.h"

namespace nianbao::checks {

namespace {

// The start of the clause `at` is in (after the clause mark before it, within the sentence).
size_t clause_start(const std::string& t, size_t sentence_begin, size_t at) {
  size_t b = at;
  while (b > sentence_begin) {
    size_t back = b - 1;
    while (back > sentence_begin && (static_cast<unsigned char>(t[back]) & 0xC0) == 0x80) --back;
    if (size_t n = clause_mark_at(t, back)) return back + n;
    b = back;
  }
  return sentence_begin;
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

// Where `group` is named in a sentence whose text up to the claim's end is `before` (the offset of its
// last naming, or before.size() for a group claimed without being named); npos when the claim
// is not about it: it does not name the group, or names another subject (投诉, 信访 …) after it.
size_t claimed(const OutcomeGroup& group, const std::string& before, const Rules& rules) {
  if (!group.named) return before.size();
  re2::StringPiece input(before), match;
  size_t last = std::string::npos, last_end = 0;
  size_t pos = 0;
  while (pos < before.size() && group.named.match(before, pos, before.size(), re2::RE2::UNANCHORED, &match, 1)) {
    last = static_cast<size_t>(match.data() - before.data());
    last_end = last + match.size();
    pos = std::max(last_end, pos + 1);
  }
  if (last == std::string::npos) return last;
  const Pattern& other = rules.prose.other_subjects;
  return other && other.partial_match(std::string_view(before).substr(last_end)) ? std::string::npos : last;
}

// The sum of the cells that have a number: a claim that none is pending is refuted by one
// group's 1 even when the other group's cell was left blank (上海 2019).
std::optional<double> any_cells(const Report& report, const Rules& rules, const CellSum& cells) {
  std::optional<double> sum;
  for (const std::string& cell : cells)
    if (std::optional<double> v = table_value(report, rules, CellSum{cell})) sum = sum.value_or(0) + *v;
  return sum;
}

}  // namespace

void prose_outcomes(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                    std::vector<Finding>* verified) {
  const Report& report = *prose.report;
  for (const ProseParagraph& p : prose.paragraphs) {
    if (p.source->section > 4) continue;  // parts 5 and 6 speak of plans and other matters
    const std::string& t = p.folded.text;
    for (const Range& r : p.sentences) {
      for (const OutcomeRule& o : rules.prose.outcomes) {
        re2::StringPiece sentence(t.data() + r.begin, r.end - r.begin), match;
        if (!o.pattern.match(std::string_view(sentence.data(), sentence.size()), 0, sentence.size(), re2::RE2::UNANCHORED, &match, 1)) continue;
        size_t at = static_cast<size_t>(match.data() - t.data());
        size_t end = at + match.size();
        while (end < r.end && !clause_mark_at(t, end)) ++end;
        if (o.exclude && o.exclude.partial_match(std::string_view(t).substr(at, end - at))) continue;
        std::string before = t.substr(r.begin, at - r.begin);
        if (o.exclude_before && o.exclude_before.partial_match(before)) continue;
        // "7件均获维持": a claim about the figure of its own clause, not about every case.
        size_t own = clause_start(t, r.begin, at);
        if (has_digit(std::string_view(t).substr(own, at - own))) continue;
        Text detail;
        double wrong = 0;
        bool any_group = false, any_value = false;
        size_t named_at = at;  // the first subject the claim is about
        // The claim may name its cases itself ("未发生行政复议被纠错").
        std::string named_in = t.substr(r.begin, at + match.size() - r.begin);
        for (const OutcomeGroup& g : o.groups) {
          size_t where = claimed(g, named_in, rules);
          if (where == std::string::npos) continue;
          any_group = true;
          named_at = std::min(named_at, r.begin + where);
          for (size_t c = 0; c < g.cells.size(); ++c) {
            std::optional<double> v = any_cells(report, rules, g.cells[c]);
            if (!v) continue;
            any_value = true;
            if (*v == 0) continue;
            wrong += *v;
            const char* sep_zh = detail.zh.empty() ? "" : "，";
            const char* sep_en = detail.en.empty() ? "" : ", ";
            detail.zh += sep_zh + g.names[c].zh + "为 " + format_number(*v);
            detail.en += sep_en + g.names[c].en + " is " + format_number(*v);
          }
        }
        if (!any_group || !any_value) continue;
        // Quoted from the clause that names what the claim is about.
        Finding f = start_finding("text.table_mismatch.outcome", rules);
        f.loc = p.loc_at(at);
        f.args["quote"] = named_at < at ? p.quote(clause_start(t, r.begin, named_at), end) : statement_quote(p, at, end);
        f.args["claim"] = p.quote(at, at + match.size());
        if (detail.zh.empty()) {
          if (verified) verified->push_back(std::move(f));
          continue;
        }
        f.expected = 0;
        f.actual = wrong;
        put(f, "detail", detail);
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace nianbao::checks
