// meta.year_mismatch.body: a paragraph of parts 1–4 that opens with another year than the
// report's — the trace of last year's report reused without changing the year (docs/FORMAT.md §9.2
// rank 12; the 2011 东莞统计局 case where only the title year was changed).
#include <re2/re2.h>

#include "extract/normalize/normalize.h"
#include "validate/validate.h"

namespace nianbao::checks {

void body_years(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  const Meta& m = report.meta;
  if (!m.year) return;
  // The year opens the paragraph, possibly after an item number, and is followed by a comma:
  // "2019年，我局…", "（一）2019年,…". "2019年1月…" or "较2019年增长" are other statements.
  static const RE2 opening(R"(^(?:\(?[一二三四五六七八九十0-9]{1,3}[)、.]?)?((?:19|20)[0-9]{2})年度?[,，])");
  for (const Paragraph& p : report.paragraphs) {
    if (p.section < 1 || p.section > 4) continue;
    std::string text = compact(p.text);
    std::string year_text;
    if (!RE2::PartialMatch(text, opening, &year_text)) continue;
    int found = std::stoi(year_text);
    // The following year is that of plans and of the publication itself.
    if (found == *m.year || found == *m.year + 1) continue;
    Finding f = start_finding("meta.year_mismatch.body", rules);
    f.loc = p.loc();
    f.expected = *m.year;
    f.actual = found;
    size_t comma = text.find(year_text) + year_text.size();
    f.args["quote"] = text.substr(0, text.find_first_of(",，", comma) == std::string::npos
                                         ? comma
                                         : text.find_first_of(",，", comma));
    f.args["found"] = year_text;
    f.args["year"] = std::to_string(*m.year);
    put(f, "part", rules.labels.section_name(p.section));
    out.push_back(std::move(f));
  }
}

const Check& body_years_check() {
  static const Check check{"body_years", {"meta.year_mismatch.body"}, nullptr,
                           [](const Report& r, const Rules& rules, Validation& v) { body_years(r, rules, v.findings); }};
  return check;
}

}  // namespace nianbao::checks
