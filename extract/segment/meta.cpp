#include "extract/segment/meta.h"

#include <re2/re2.h>

#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

// How far into the document the title and a date under it are looked for.
constexpr size_t kHeadLines = 15;

std::string strip_heading_marks(std::string s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == '#' || s[i] == ' ')) ++i;
  return s.substr(i);
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<int> year_in(const std::string& compacted) {
  static const RE2 arabic("((?:19|20)[0-9]{2})年");
  static const RE2 chinese("([〇零○一二三四五六七八九]{4})年");
  std::string y;
  if (RE2::PartialMatch(compacted, arabic, &y)) return std::stoi(y);
  if (RE2::PartialMatch(compacted, chinese, &y))
    if (auto v = parse_chinese_integer(y)) return static_cast<int>(*v);
  return std::nullopt;
}

bool starts_with_year(const std::string& compacted) {
  static const RE2 year("^(?:(?:19|20)[0-9]{2}|[〇零○一二三四五六七八九]{4})年");
  return RE2::PartialMatch(compacted, year);
}

// A line with one non-empty cell ("标题\t" copied from a web page) reads as text.
bool is_single_cell(const Line& line) {
  int filled = 0;
  for (const auto& c : line.cells) filled += !c.empty();
  return filled <= 1;
}

// A short line without sentence punctuation or digits: a name, not prose.
bool is_name_line(const Line& line) {
  if (line.is_table_row()) return false;
  std::string t = strip_heading_marks(compact(line.text));
  static const RE2 not_a_name("[0-9。,;:!?、]");
  return !t.empty() && utf8_length(t) <= 30 && !RE2::PartialMatch(t, not_a_name);
}

// The title that starts at lines[i], if one does.
bool title_at(const std::vector<const Line*>& lines, size_t i, Meta& m) {
  static const RE2 report_word("(年度报告|年报|工作报告)");
  if (lines[i]->is_table_row() && !is_single_cell(*lines[i])) return false;
  std::string t = strip_heading_marks(compact(lines[i]->text));
  if (t.find("政府信息公开") == std::string::npos && t.find("信息公开") == std::string::npos &&
      t.find("年度报告") == std::string::npos)
    return false;
  re2::StringPiece hit;
  if (!RE2::PartialMatch(t, report_word, &hit)) {
    // The title wrapped, possibly inside the word itself ("…工作年度" | "报告").
    if (i + 1 >= lines.size()) return false;
    std::string next = compact(lines[i + 1]->text);
    if (utf8_length(next) >= 20) return false;
    std::string joined = t + next;
    if (!RE2::PartialMatch(joined, report_word, &hit) ||
        static_cast<size_t>(hit.data() - joined.data()) + hit.size() <= t.size())
      return false;
    m.title = joined.substr(0, static_cast<size_t>(hit.data() - joined.data()) + hit.size());
    m.title_loc = lines[i]->loc;
    return true;
  }
  // A dump line runs on into the body: the title ends at its first "报告".
  std::string candidate = t.substr(0, static_cast<size_t>(hit.data() - t.data()) + hit.size());
  // "本年度报告根据《条例》…" opens the body; a title names the disclosure work or a year.
  if (candidate.find("公开") == std::string::npos && !year_in(candidate)) return false;
  m.title = candidate;
  m.title_loc = lines[i]->loc;
  // PDFs often print the agency on a line of its own above "2024 年政府信息公开工作年度报告".
  if (i > 0 && starts_with_year(m.title) && is_name_line(*lines[i - 1])) {
    m.title = strip_heading_marks(compact(lines[i - 1]->text)) + m.title;
    m.title_loc = lines[i - 1]->loc;
  }
  return true;
}

// The title is the first line that names an annual report; PDF->Markdown conversions wrap it
// over two lines ("2025 年上海市人民政府办公厅政府信息公开\n工作年度报告").
void find_title(const std::vector<const Line*>& lines, const Document& doc, Meta& m) {
  // A portal dump names the page's title in its header; its body starts with the site's
  // breadcrumbs ("当前位置:首页>政务公开>…"), so the header is the better source.
  if (auto it = doc.properties.find("标题"); it != doc.properties.end() && !it->second.empty()) {
    m.title = compact(it->second);
    if (!lines.empty()) m.title_loc = lines.front()->loc;
    return;
  }
  // A printed web page keeps the portal's navigation above the article ("首页 政务公开
  // 政府信息公开年报"): a line naming a report without a year gives way to a later one with it.
  Meta first;
  for (size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    Meta found;
    if (!title_at(lines, i, found)) continue;
    if (year_in(found.title)) {
      m.title = found.title;
      m.title_loc = found.title_loc;
      return;
    }
    if (first.title.empty()) first = found;
  }
  if (!first.title.empty()) {
    m.title = first.title;
    m.title_loc = first.title_loc;
  }
}

std::string agency_from_title(const std::string& title) {
  static const RE2 year_token("(?:(?:19|20)[0-9]{2}|[〇零○一二三四五六七八九]{4})年度?");
  static const RE2 suffix("(?:关于)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:的)?(?:年度报告|年报|工作报告|报告)$");
  std::string a = title;
  RE2::GlobalReplace(&a, year_token, "");
  RE2::Replace(&a, suffix, "");
  return a;
}

// The signature block at the end: the agency on one line and the date on the next.
void find_signature(const std::vector<const Line*>& lines, Meta& m, std::string* signer) {
  size_t first = lines.size() > 12 ? lines.size() - 12 : 0;
  for (size_t i = lines.size(); i-- > first;) {
    std::string t = compact(lines[i]->text);
    if (!t.empty() && (t.front() == '(' || t.back() == ')')) {
      // "(2026年1月23日)" under the title of some conversions
      if (t.front() == '(') t = t.substr(1);
      if (!t.empty() && t.back() == ')') t.pop_back();
    }
    auto d = parse_date(t);
    if (!d) continue;
    m.published = d->iso();
    m.published_loc = lines[i]->loc;
    if (i > 0 && !lines[i - 1]->is_table_row()) {
      std::string s = compact(lines[i - 1]->text);
      if (utf8_length(s) <= 30 && s.find("。") == std::string::npos) *signer = s;
    }
    return;
  }
}

void find_date_under_title(const std::vector<const Line*>& lines, Meta& m) {
  static const RE2 label("^(?:发布日期|发布时间|成文日期|日期):");
  for (size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    std::string t = compact(lines[i]->text);
    if (t.size() > 2 && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    RE2::Replace(&t, label, "");
    if (auto d = parse_date(t)) {
      m.published = d->iso();
      m.published_loc = lines[i]->loc;
      return;
    }
  }
}

void find_period(const std::vector<Paragraph>& paragraphs, Meta& m) {
  static const RE2 period(
      "统计(?:期限|时间|时限|区间|周期)[^0-9]{0,12}([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"
      "[^0-9]{0,8}?(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日");
  for (const auto& p : paragraphs) {
    std::string t = compact(p.text);
    std::string y1, m1, d1, y2, m2, d2;
    if (!RE2::PartialMatch(t, period, &y1, &m1, &d1, &y2, &m2, &d2)) continue;
    if (y2.empty()) y2 = y1;  // "2025年1月1日至12月31日"
    Date a{std::stoi(y1), std::stoi(m1), std::stoi(d1)};
    Date b{std::stoi(y2), std::stoi(m2), std::stoi(d2)};
    m.period_start = a.iso();
    m.period_end = b.iso();
    size_t at = p.text.find("统计");
    m.period_loc = p.loc_at(at == std::string::npos ? 0 : at);
    return;
  }
}

// A government's own summary report (本级政府, deadline 31 March) is published by a
// 人民政府 or a region's administrative committee, not by one of its departments.
bool is_summary_agency(const std::string& agency) {
  if (agency.empty() || agency.find("办公") != std::string::npos) return false;
  for (const char* s : {"人民政府", "管委会", "管理委员会", "实验区", "新区", "开发区"})
    if (ends_with(agency, s)) return true;
  for (const char* s : {"局", "委", "厅", "院", "中心", "所", "办", "部", "处", "会", "站", "队", "馆"})
    if (agency.find(s) != std::string::npos) return false;
  for (const char* s : {"省", "市", "县", "区", "旗", "州", "盟"})
    if (ends_with(agency, s)) return true;
  return false;
}

}  // namespace

Meta extract_meta(const Document& doc, const std::vector<Paragraph>& paragraphs) {
  Meta m;
  std::vector<const Line*> lines = doc.all_lines();
  find_title(lines, doc, m);
  std::string signer;
  find_signature(lines, m, &signer);
  if (!m.published) find_date_under_title(lines, m);
  if (!m.published)
    if (auto it = doc.properties.find("发布时间"); it != doc.properties.end())
      if (auto d = parse_date(it->second.substr(0, it->second.find(' ')))) m.published = d->iso();
  find_period(paragraphs, m);

  m.year = year_in(m.title);
  if (!m.year && m.period_start) m.year = std::stoi(m.period_start->substr(0, 4));
  m.agency = agency_from_title(m.title);
  // The signature names the agency in full where the title shortens it
  // ("平潭综合实验区" in the title, "平潭综合实验区管委会" signed).
  if (!signer.empty() && (m.agency.empty() || (signer.rfind(m.agency, 0) == 0 && signer != m.agency)))
    m.agency = signer;
  m.summary_report = is_summary_agency(m.agency);
  return m;
}

}  // namespace nianbao
