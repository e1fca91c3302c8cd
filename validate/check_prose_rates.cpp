// A rate stated in the prose against the counts stated with it: the 平潭地税局 2013 report
// says "受理审批事项117件，办结171件，办结率100%".
#include <re2/re2.h>

#include <cmath>

#include "extract/normalize.h"
#include "validate/validate.h"

namespace nianbao::checks {

void prose_rates(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  for (const Paragraph& p : report.paragraphs) {
    std::string text = compact(p.text);
    for (const RateRule& rule : rules.prose.rates) {
      const re2::RE2& re = *rule.pattern;
      int n = re.NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
      size_t pos = 0;
      while (pos < text.size() &&
             re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, groups.data(), n)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        size_t end = begin + groups[0].size();
        pos = end > pos ? end : pos + 1;
        double whole = std::stod(std::string(groups[static_cast<size_t>(rule.whole)]));
        double part = std::stod(std::string(groups[static_cast<size_t>(rule.part)]));
        std::string pct_text(groups[static_cast<size_t>(rule.percent)]);
        double percent = std::stod(pct_text);
        if (whole <= 0) continue;
        double computed = part / whole * 100;
        size_t dot = pct_text.find('.');
        int decimals = dot == std::string::npos ? 0 : static_cast<int>(pct_text.size() - dot - 1);
        double tolerance = 0.5 * std::pow(10.0, -decimals);
        if (std::fabs(computed - percent) <= tolerance + 1e-9) continue;
        Finding f = start_finding(rule.rule, rules);
        // The place of the statement: the piece of the paragraph where its rate is printed.
        std::string rate_word = rule.name_zh.empty() ? "率" : rule.name_zh;
        size_t at = p.text.find(rate_word);
        f.loc = p.loc_at(at == std::string::npos ? 0 : at);
        f.expected = std::round(computed * 10) / 10;
        f.actual = percent;
        f.args["quote"] = text.substr(begin, end - begin);
        f.args["name_zh"] = rule.name_zh;
        f.args["name_en"] = rule.name_en;
        f.args["percent"] = pct_text;
        f.args["part"] = format_number(part);
        f.args["whole"] = format_number(whole);
        f.args["computed"] = format_number(std::round(computed * 10) / 10);
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace nianbao::checks
