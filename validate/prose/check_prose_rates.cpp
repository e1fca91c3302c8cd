// A rate stated in the prose against the counts stated with it: the 平潭地税局 2013 report
// says "受理审批事项117件，办结171件，办结率100%".
#include <re2/re2.h>

#include <cmath>

#include "extract/normalize/normalize.h"
#include "validate/prose/prose_checks.h"

namespace nianbao::checks {

static std::string_view text_of(const re2::StringPiece& piece) { return {piece.data(), piece.size()}; }

void prose_rates(const ProseContext& prose, const Rules& rules, std::vector<Finding>& out,
                 std::vector<Finding>* verified) {
  for (const ProseParagraph& p : prose.paragraphs) {
    const std::string& text = p.folded.text;
    for (const RateRule& rule : rules.prose.rates) {
      int n = rule.pattern.capturing_groups() + 1;
      std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
      size_t pos = 0;
      while (pos < text.size() &&
             rule.pattern.match(text, pos, text.size(), re2::RE2::UNANCHORED, groups.data(), n)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        size_t end = begin + groups[0].size();
        pos = end > pos ? end : pos + 1;
        auto whole_value = digits_value(text_of(groups[static_cast<size_t>(rule.whole)]));
        auto part_value = digits_value(text_of(groups[static_cast<size_t>(rule.part)]));
        auto percent_value = digits_value(text_of(groups[static_cast<size_t>(rule.percent)]));
        if (!whole_value || !part_value || !percent_value) continue;
        double whole = *whole_value, part = *part_value;
        const re2::StringPiece& pct = groups[static_cast<size_t>(rule.percent)];
        std::string pct_text(pct);
        if (whole <= 0) continue;
        double computed = part / whole * 100;
        size_t dot = pct_text.find('.');
        int decimals = dot == std::string::npos ? 0 : static_cast<int>(pct_text.size() - dot - 1);
        double tolerance = 0.5 * std::pow(10.0, -decimals);
        bool holds = std::fabs(computed - *percent_value) <= tolerance + 1e-9;
        if (holds && !verified) continue;
        Finding f = start_finding(rule.rule, rules);
        // The place of the statement: where its rate is printed.
        f.loc = p.loc_at(static_cast<size_t>(pct.data() - text.data()));
        f.args["quote"] = p.quote(begin, end);
        f.args["name_zh"] = rule.name_zh;
        f.args["name_en"] = rule.name_en;
        f.args["percent"] = pct_text;
        f.args["part"] = format_number(part);
        f.args["whole"] = format_number(whole);
        f.args["computed"] = format_number(std::round(computed * 10) / 10);
        if (holds) {
          verified->push_back(std::move(f));
          continue;
        }
        f.expected = std::round(computed * 10) / 10;
        f.actual = *percent_value;
        out.push_back(std::move(f));
      }
    }
  }
}

void prose_rates(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  prose_rates(ProseContext::read(report, rules), rules, out, nullptr);
}

}  // namespace nianbao::checks
