#include "extract/segment/meta.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "extract/normalize/normalize.h"

namespace nianbao {

namespace {

// How far into the document the title and a date under it are looked for: a web page printed
// to PDF puts the site's header, navigation and the article's metadata block above the title.
constexpr size_t kHeadLines = 25;

std::string_view strip_heading_marks(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == '#' || s[i] == ' ')) ++i;
  return s.substr(i);
}

// The compact form of each line, made the first time it is asked for and kept: the title, the
// page's fields, the signature and the date under the title read the same first and last lines,
// and one of them may be a whole report flattened to megabytes.
class CompactLines {
 public:
  explicit CompactLines(const std::vector<const Line*>& lines) : lines_(lines), forms_(lines.size()) {}
  const std::string& operator[](size_t i) const {
    if (!forms_[i]) forms_[i] = compact(lines_[i]->text);
    return *forms_[i];
  }

 private:
  const std::vector<const Line*>& lines_;
  mutable std::vector<std::optional<std::string>> forms_;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<int> year_in(std::string_view compacted) {
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

// Short, without digits or sentence punctuation: a name (an agency as it signs), not prose.
bool is_agency_name(std::string_view compacted) {
  static const RE2 not_a_name("[0-9。,;:!?、]");
  return utf8_length(compacted) <= 30 && !RE2::PartialMatch(compacted, not_a_name);
}

bool is_name_line(const Line& line, const std::string& compacted) {
  if (line.is_table_row()) return false;
  std::string_view t = strip_heading_marks(compacted);
  return !t.empty() && is_agency_name(t);
}

std::string agency_from_title(const std::string& title);

bool contains_any(std::string_view t, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return t.find(w) != std::string::npos; });
}

// The end (in bytes) of the first report word in `t`, the longest word at the earliest place;
// npos when none.
size_t report_word_end(std::string_view t, const MetaRules& rules) {
  size_t best = std::string::npos, end = std::string::npos;
  for (const std::string& w : rules.report_words)
    if (size_t at = t.find(w); at != std::string::npos && (best == std::string::npos || at < best)) {
      best = at;
      end = at + w.size();
    }
  return end;
}

// A sentence that mentions the report rather than a title naming it.
bool is_sentence(std::string_view t, const MetaRules& rules) {
  if (has_sentence_punctuation(t)) return true;
  return std::any_of(rules.sentence_openers.begin(), rules.sentence_openers.end(),
                     [&](const std::string& w) { return t.rfind(w, 0) == 0; });
}

// The title is the first line that names an annual report: the site's navigation and sentences
// that mention the report are passed over, and a title wrapped over lines ("…工作年度" /
// "报告"; PDF->Markdown conversions: "2025 年上海市人民政府办公厅政府信息公开\n工作年度报告")
// is joined.
void find_title(const std::vector<const Line*>& lines, const CompactLines& compacted, const Document& doc,
                const MetaRules& rules, Meta& m) {
  // A portal dump names the page's title in its header; its body starts with the site's
  // breadcrumbs ("当前位置:首页>政务公开>…"), so the header is the better source.
  if (auto it = doc.properties.find("标题"); it != doc.properties.end() && !it->second.empty()) {
    m.title = compact(it->second);
    if (!lines.empty()) m.title_loc = lines.front()->loc;
    return;
  }
  auto usable = [&](size_t i) {
    if (lines[i]->is_table_row() && !is_single_cell(*lines[i])) return false;
    return !contains_any(compacted[i], rules.navigation);
  };
  // The title starting at lines[i], if one does.
  auto title_at = [&](size_t i, Meta& found) {
    if (!usable(i)) return false;
    const std::string_view t = strip_heading_marks(compacted[i]);
    size_t end = report_word_end(t, rules);
    if (t.find("信息公开") == std::string::npos && end == std::string::npos) return false;
    // Join the lines a wrapped title runs on over, until a report word ends it. The line is
    // copied only when another is joined to it (it may be a report on one line).
    std::string joined;
    std::string_view title = t;
    for (size_t k = i + 1; end == std::string::npos && k < lines.size() && k < i + rules.max_title_lines && usable(k); ++k) {
      const std::string_view next = strip_heading_marks(compacted[k]);
      if (next.empty() || is_sentence(next, rules) || utf8_length(next) >= 20) break;
      if (joined.empty()) joined = t;
      joined += next;
      title = joined;
      end = report_word_end(title, rules);
    }
    if (end == std::string::npos) return false;
    // A dump line runs on into the body: the title ends at its first report word.
    std::string candidate(title.substr(0, end));
    // "本年度报告根据《条例》…" opens the body; a title names the disclosure work or a year.
    if (is_sentence(candidate, rules)) return false;
    if (candidate.find("公开") == std::string::npos && !year_in(candidate)) return false;
    found.title = candidate;
    found.title_loc = lines[i]->loc;
    // A title split before its report words, the agency and year on the line above
    // ("平潭综合实验区2020年" / "政府信息公开工作年度报告", two paragraphs of a web page).
    if (i > 0 && !year_in(found.title) && usable(i - 1)) {
      const std::string_view above = strip_heading_marks(compacted[i - 1]);
      if (!is_sentence(above, rules) && utf8_length(above) <= 30 && year_in(above) &&
          (ends_with(above, "年") || ends_with(above, "年度"))) {
        found.title = std::string(above) + found.title;
        found.title_loc = lines[i - 1]->loc;
      }
    }
    // PDFs often print the agency on a line of its own above "2024 年政府信息公开工作年度报告"
    // (a title that names none: "2024 年上海市科委…" under a "正文" label keeps its own).
    if (i > 0 && starts_with_year(found.title) && agency_from_title(found.title).empty() &&
        is_name_line(*lines[i - 1], compacted[i - 1]) && usable(i - 1)) {
      found.title = std::string(strip_heading_marks(compacted[i - 1])) + found.title;
      found.title_loc = lines[i - 1]->loc;
    }
    return true;
  };
  // A line naming a report without a year (a site's column "政府信息公开年报" the navigation
  // words did not catch) gives way to a later one with it.
  Meta first;
  for (size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    Meta found;
    if (!title_at(i, found)) continue;
    if (year_in(found.title)) {
      m.title = found.title;
      m.title_loc = found.title_loc;
      return;
    }
    if (first.title.empty()) first = found;
  }
  m.title = first.title;
  m.title_loc = first.title_loc;
}

// The metadata block of a portal's article page, read from its cells ("发布机构" | "某局") or
// from "名称：…" lines (several fields may share one).
struct PageFields {
  std::string title, agency;
  Location title_loc;
};

// The field `label` (compact form) names: "title", "agency", "other", or "" for none.
std::string field_kind(std::string label, const MetaRules& rules) {
  while (!label.empty() && label.back() == ':') label.pop_back();
  auto in = [&](const std::vector<std::string>& names) { return std::find(names.begin(), names.end(), label) != names.end(); };
  if (in(rules.title_fields)) return "title";
  if (in(rules.agency_fields)) return "agency";
  if (in(rules.other_fields)) return "other";
  return "";
}

void put_field(PageFields& f, const std::string& kind, const std::string& value, const Location& loc) {
  if (value.empty()) return;
  if (kind == "title" && f.title.empty()) {
    f.title = value;
    f.title_loc = loc;
  } else if (kind == "agency" && f.agency.empty()) {
    f.agency = value;
  }
}

PageFields find_page_fields(const std::vector<const Line*>& lines, const CompactLines& compacted,
                            const MetaRules& rules) {
  PageFields f;
  std::vector<std::string> labels = rules.title_fields;
  labels.insert(labels.end(), rules.agency_fields.begin(), rules.agency_fields.end());
  labels.insert(labels.end(), rules.other_fields.begin(), rules.other_fields.end());
  std::stable_sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const Line& line = *lines[i];
    if (line.cells.size() > 1) {
      for (size_t c = 0; c + 1 < line.cells.size(); ++c)
        if (std::string kind = field_kind(compact(line.cells[c]), rules); !kind.empty())
          put_field(f, kind, compact(line.cells[c + 1]), line.loc);
      continue;
    }
    // "索引号：… 发布机构：某局 名称：…": each label with its colon starts a value.
    const std::string& t = compacted[i];
    std::vector<std::pair<size_t, std::string>> starts;  // value start, kind
    std::vector<size_t> label_at;
    // At each colon, the longest label that ends there (no label holds a colon, so none spans
    // two); looked for only at colons, which most lines have none of.
    for (size_t colon = t.find(':'); colon != std::string::npos; colon = t.find(':', colon + 1)) {
      for (const std::string& l : labels)
        if (l.size() <= colon && (label_at.empty() || colon - l.size() >= starts.back().first) &&
            t.compare(colon - l.size(), l.size(), l) == 0) {
          label_at.push_back(colon - l.size());
          starts.emplace_back(colon + 1, field_kind(l, rules));
          break;
        }
    }
    for (size_t k = 0; k < starts.size(); ++k) {
      size_t end = k + 1 < label_at.size() ? label_at[k + 1] : t.size();
      put_field(f, starts[k].second, t.substr(starts[k].first, end - starts[k].first), line.loc);
    }
  }
  return f;
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
void find_signature(const std::vector<const Line*>& lines, const CompactLines& compacted, Meta& m,
                    std::string* signer) {
  size_t first = lines.size() > 12 ? lines.size() - 12 : 0;
  for (size_t i = lines.size(); i-- > first;) {
    std::string_view t = compacted[i];
    if (!t.empty() && (t.front() == '(' || t.back() == ')')) {
      // "(2026年1月23日)" under the title of some conversions
      if (t.front() == '(') t.remove_prefix(1);
      if (!t.empty() && t.back() == ')') t.remove_suffix(1);
    }
    auto d = parse_date(t);
    if (!d) continue;
    m.published = d->iso();
    m.published_loc = lines[i]->loc;
    if (i > 0 && !lines[i - 1]->is_table_row()) {
      const std::string& s = compacted[i - 1];
      if (utf8_length(s) <= 30 && s.find("。") == std::string::npos) *signer = s;
    }
    return;
  }
}

void find_date_under_title(const std::vector<const Line*>& lines, const CompactLines& compacted, Meta& m) {
  static const RE2 label("^(?:发布日期|发布时间|成文日期|日期):");
  for (size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    std::string_view t = compacted[i];
    if (t.size() > 2 && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    re2::StringPiece date(t);
    RE2::Consume(&date, label);  // the label in front, when there is one
    if (auto d = parse_date(std::string_view(date.data(), date.size()))) {
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

// A place's name alone ("平潭综合实验区", "示例县"), not an organ of it.
bool names_a_place(const std::string& agency, const MetaRules& rules) {
  return std::any_of(rules.place_endings.begin(), rules.place_endings.end(),
                     [&](const std::string& e) { return ends_with(agency, e); });
}

// An area's summary report (本级政府, deadline 31 March): its title says it covers the area
// ("全市…年度报告"), or it is published by the area's government or committee, or by the area
// itself, not by one of its departments or its government's office (rules/meta.toml [summary]).
bool is_summary_report(const std::string& title, const std::string& agency, const MetaRules& rules) {
  // Looked for after the agency's name, which may hold such a word (全州县).
  const std::string scope = !agency.empty() && title.rfind(agency, 0) == 0 ? title.substr(agency.size()) : title;
  if (contains_any(scope, rules.summary_title_words)) return true;
  if (agency.empty() || contains_any(agency, rules.office_words)) return false;
  for (const std::string& e : rules.government_endings)
    if (ends_with(agency, e)) return true;
  if (contains_any(agency, rules.department_words)) return false;
  return names_a_place(agency, rules);
}

}  // namespace

Meta extract_meta(const Document& doc, const std::vector<Paragraph>& paragraphs, const MetaRules& rules) {
  Meta m;
  std::vector<const Line*> lines = doc.all_lines();
  const CompactLines compacted(lines);
  find_title(lines, compacted, doc, rules, m);
  // The article's own name in the page's metadata block is the title, when it names a report.
  const PageFields fields = find_page_fields(lines, compacted, rules);
  if (!fields.title.empty() && report_word_end(fields.title, rules) != std::string::npos &&
      !is_sentence(fields.title, rules)) {
    m.title = fields.title;
    m.title_loc = fields.title_loc;
  }
  std::string signer;
  find_signature(lines, compacted, m, &signer);
  if (!m.published) find_date_under_title(lines, compacted, m);
  if (!m.published)
    if (auto it = doc.properties.find("发布时间"); it != doc.properties.end())
      if (auto d = parse_date(it->second.substr(0, it->second.find(' ')))) m.published = d->iso();
  find_period(paragraphs, m);

  m.year = year_in(m.title);
  if (!m.year && m.period_start) m.year = std::stoi(m.period_start->substr(0, 4));
  m.agency = agency_from_title(m.title);
  // The signature names the agency in full where the title shortens it
  // ("平潭综合实验区" in the title, "平潭综合实验区管委会" signed).
  if (!signer.empty() && is_agency_name(signer) &&
      (m.agency.empty() || (signer.rfind(m.agency, 0) == 0 && signer != m.agency)))
    m.agency = signer;
  // So does the metadata block's publisher, where the title names only a place: a publisher
  // "某局办公室" under a title of "某局" is the office that put the page up, not the agency.
  if (!fields.agency.empty() && is_agency_name(fields.agency) &&
      (m.agency.empty() || (names_a_place(m.agency, rules) && fields.agency.rfind(m.agency, 0) == 0)))
    m.agency = fields.agency;
  m.summary_report = is_summary_report(m.title, m.agency, rules);
  return m;
}

}  // namespace nianbao
