// Dates and years of the report: meta.year_mismatch (title year vs statistics period) and
// meta.late (published after the legal deadline of 条例 art. 49).
#include <cstdio>

#include "validate/validate.h"

namespace nianbao::checks {

namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

std::optional<Ymd> parse_iso(const std::string& s) {
  Ymd v;
  // A time after the date ("2021-01-15T08:58") is ignored.
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &v.y, &v.m, &v.d) != 3) return std::nullopt;
  if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > 31) return std::nullopt;
  return v;
}

// Days since 1970-01-01 (proleptic Gregorian), for the number of days late.
long days_from_civil(Ymd v) {
  int y = v.m <= 2 ? v.y - 1 : v.y;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Text show_date(Ymd v) {
  char en[16];
  std::snprintf(en, sizeof en, "%04d-%02d-%02d", v.y, v.m, v.d);
  return {std::to_string(v.y) + "年" + std::to_string(v.m) + "月" + std::to_string(v.d) + "日",
          en};
}

void year_mismatch(const Meta& m, const Rules& rules, std::vector<Finding>& out) {
  if (!m.year || !m.period_start || !m.period_end) return;
  auto start_date = parse_iso(*m.period_start), end_date = parse_iso(*m.period_end);
  if (!start_date || !end_date) return;
  int wrong = start_date->y != *m.year ? start_date->y : end_date->y != *m.year ? end_date->y : 0;
  if (wrong == 0) return;
  Finding f = start_finding("meta.year_mismatch", rules);
  f.loc = first_known({m.period_loc, m.title_loc});
  f.expected = *m.year;
  f.actual = wrong;
  f.args["year"] = std::to_string(*m.year);
  put(f, "period_start", show_date(*start_date));
  put(f, "period_end", show_date(*end_date));
  out.push_back(std::move(f));
}

void late(const Meta& m, const Rules& rules, std::vector<Finding>& out) {
  if (!m.year || !m.published) return;
  auto published = parse_iso(*m.published);
  if (!published) return;
  // Before the 2019 revision the 2007 条例 gave every report until 31 March.
  enum Kind { Pre2019, Summary, Own };
  const Kind kind = *m.year < 2019 ? Pre2019 : m.summary_report ? Summary : Own;
  static const char* const params[] = {"pre2019_deadline", "summary_deadline", "own_deadline"};
  static const char* const defaults[] = {"03-31", "03-31", "01-31"};
  static const Text names[] = {
      {"年度报告", "annual reports before 2019"},
      {"本级政府年度报告", "a government's summary report"},
      {"本机关年度报告", "an agency's own report"},
  };
  const RuleInfo* info = rules.catalog.find("meta.late");
  std::string mmdd = info ? info->param(params[kind], defaults[kind]) : defaults[kind];
  auto deadline = parse_iso(std::to_string(*m.year + 1) + "-" + mmdd);
  if (!deadline) return;
  long days = days_from_civil(*published) - days_from_civil(*deadline);
  if (days <= 0) return;
  Finding f = start_finding("meta.late", rules);
  f.loc = first_known({m.published_loc, m.title_loc});
  put(f, "published", show_date(*published));
  put(f, "deadline", show_date(*deadline));
  put(f, "kind", names[kind]);
  f.args["days"] = std::to_string(days);
  out.push_back(std::move(f));
}

}  // namespace

void meta(const Report& report, const Rules& rules, std::vector<Finding>& out) {
  year_mismatch(report.meta, rules, out);
  late(report.meta, rules, out);
}

const Check& meta_check() {
  static const Check check{"meta", {"meta.year_mismatch", "meta.late"}, nullptr,
                           [](const Report& r, const Rules& rules, Validation& v) { meta(r, rules, v.findings); }};
  return check;
}

}  // namespace nianbao::checks
