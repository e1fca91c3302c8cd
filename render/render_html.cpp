#include "render/render_html.h"
#include "render/render_where.h"

#include <map>
#include <set>
#include <sstream>

#include "render/page_images.h"
#include "render/render_html_tables.h"
#include "validate/validate.h"

namespace nianbao {

namespace {

struct Words {
  const char *findings, *tables, *pages, *verified, *none, *error, *warning, *info, *whole,
      *page_link, *agency, *year, *format, *published, *summary, *read_error, *no_tables, *page,
      *unread, *by_severity, *by_part, *by_rule, *all_rules;
};

const Words& words(Lang lang) {
  static const Words zh{"问题", "重建的表格", "页面图像", "核对无误的表述", "没有发现问题", "错误", "警告", "提示",
                        "全文", "看原页", "机关", "年度", "格式", "发布日期", "汇总", "无法读取",
                        "没有识别出表格", "第 %d 页", "个单元格本工具未能读取", "严重程度", "部分", "规则",
                        "全部规则"};
  static const Words en{"Findings", "Rebuilt tables", "Page images", "Verified statements", "No findings",
                        "error", "warning", "note", "Whole report", "see page", "Agency", "Year", "Format",
                        "Published", "Summary", "Cannot be read", "No tables found", "Page %d",
                        "cell(s) this tool could not read", "Severity", "Part", "Rule", "all rules"};
  return lang == Lang::Zh ? zh : en;
}

const char* severity_word(Severity s, Lang lang) {
  const Words& w = words(lang);
  return s == Severity::Error ? w.error : s == Severity::Warning ? w.warning : w.info;
}

std::string page_word(int page, Lang lang) {
  std::string fmt = words(lang).page;
  return fmt.replace(fmt.find("%d"), 2, std::to_string(page));
}

// Beside a finding: in a web page the heading and row or paragraph a reader finds it by (its
// source line is not shown in a browser), else the page and line, or a Word paragraph.
std::string place(const CheckResult& r, const Finding& f, Lang lang) {
  if (f.where) return html_escape(describe_where(*f.where, lang));
  return place_words(r.format, f.loc, lang);
}

// The part a finding belongs to: the table's part when it names one, else the part whose
// lines contain its place, else 0 (the whole report: title, dates, structure).
int part_of(const Finding& f, const Report& report) {
  if (f.table == "proactive") return 2;
  if (f.table == "applications") return 3;
  if (f.table == "reviews") return 4;
  if (!f.loc.known()) return 0;
  int part = 0;
  for (const auto& s : report.sections) {
    if (std::pair(s.loc.page, s.loc.line) > std::pair(f.loc.page, f.loc.line)) break;
    part = s.number;
  }
  return part;
}

std::string header(const CheckResult& r, const Rules& rules, Lang lang, const std::string& name) {
  const Words& w = words(lang);
  const Meta& m = r.report.meta;
  std::ostringstream o;
  o << "<header><h2>" << html_escape(m.title.empty() ? name : m.title) << "</h2><p class=\"meta\">"
    << html_escape(name) << " · " << w.agency << " " << html_escape(m.agency) << " · " << w.year << " "
    << (m.year ? std::to_string(*m.year) : "—") << " · " << w.format << " "
    << html_escape(rules.labels.format_version_name(m.format_version).in(lang)) << " · " << w.published << " "
    << html_escape(m.published.value_or("—")) << "</p><p class=\"summary\">" << w.summary << ": <b class=\"error\">"
    << r.count(Severity::Error) << " " << w.error << "</b> · <b class=\"warning\">" << r.count(Severity::Warning)
    << " " << w.warning << "</b> · <b class=\"info\">" << r.count(Severity::Info) << " " << w.info << "</b>";
  // Cells this tool could not read are not the report's problems: counted apart.
  if (int u = r.unread_cells()) o << " · <b class=\"unread\">" << u << " " << w.unread << "</b>";
  o << "</p></header>";
  return o.str();
}

// The filter over the findings: by severity, by part and by rule, all shown at first. The
// script (html_script) hides what does not pass and a part left with nothing shown.
std::string findings_filter(const CheckResult& r, const Rules& rules, Lang lang, const std::vector<int>& parts) {
  const Words& w = words(lang);
  std::ostringstream o;
  o << "<div class=\"filter\"><span class=\"fname\">" << w.by_severity << "</span>";
  for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
    o << "<label><input type=\"checkbox\" checked data-sev=\"" << to_string(s) << "\"> " << severity_word(s, lang)
      << "</label>";
  o << "<span class=\"fname\">" << w.by_part << "</span>";
  for (int part : parts) {
    std::string name = part ? rules.labels.section_name(part).in(lang) : w.whole;
    // The part's number is enough beside its heading below: "三、收到和处理…" shows as "三".
    std::string shortname = name.substr(0, name.find("、"));
    o << "<label title=\"" << html_escape(name) << "\"><input type=\"checkbox\" checked data-part=\"" << part << "\"> "
      << html_escape(part ? shortname : name) << "</label>";
  }
  std::set<std::string> ids;
  for (const Finding& f : r.findings) ids.insert(f.rule);
  o << "<label><span class=\"fname\">" << w.by_rule << "</span> <select data-rule-filter=\"1\"><option value=\"\">"
    << w.all_rules << "</option>";
  for (const std::string& id : ids) o << "<option value=\"" << html_escape(id) << "\">" << html_escape(id) << "</option>";
  o << "</select></label></div>";
  return o.str();
}

std::string findings_list(const CheckResult& r, const Rules& rules, Lang lang,
                          const std::map<size_t, int>& page_of_mark) {
  const Words& w = words(lang);
  std::map<int, std::vector<size_t>> groups;
  for (size_t i = 0; i < r.findings.size(); ++i) groups[part_of(r.findings[i], r.report)].push_back(i);
  std::vector<int> parts;
  for (const auto& [part, items] : groups) parts.push_back(part);
  std::ostringstream o;
  o << "<section class=\"findings\"><h3>" << w.findings << "</h3>" << findings_filter(r, rules, lang, parts)
    << "<div id=\"nb-detail\"></div>";
  if (r.findings.empty()) o << "<p class=\"none\">" << w.none << "</p>";
  for (const auto& [part, items] : groups) {
    o << "<div class=\"part-group\" data-part=\"" << part << "\"><h4 class=\"part\">"
      << html_escape(part ? rules.labels.section_name(part).in(lang) : w.whole) << "</h4><ol class=\"findings\">";
    for (size_t i : items) {
      const Finding& f = r.findings[i];
      std::string cells;
      for (const auto& id : finding_cells(f, r.report, rules)) cells += (cells.empty() ? "" : " ") + id;
      o << "<li class=\"finding sev-" << to_string(f.severity) << (f.reading ? " reading" : "") << "\" data-index=\"" << i
        << "\" data-rule=\"" << html_escape(f.rule) << "\" data-sev=\"" << to_string(f.severity) << "\" data-part=\"" << part
        << "\" data-cells=\"" << cells << "\"><span class=\"sev " << to_string(f.severity)
        << "\">" << severity_word(f.severity, lang) << "</span><code>" << html_escape(f.rule) << "</code> "
        << "<span class=\"where\">" << place(r, f, lang) << "</span> <span class=\"msg\">"
        << html_escape(rules.catalog.format_message(f, lang)) << "</span>";
      if (auto p = page_of_mark.find(i); p != page_of_mark.end())
        o << " <a href=\"#page-" << p->second << "\">" << w.page_link << "</a>";
      o << "</li>";
    }
    o << "</ol></div>";
  }
  o << "</section>";
  return o.str();
}

std::string pages_html(const std::vector<PageImage>& images, Lang lang) {
  std::ostringstream o;
  o << "<section class=\"pages\"><h3>" << words(lang).pages << "</h3>";
  for (const auto& img : images) {
    o << "<figure class=\"page\" id=\"page-" << img.page << "\"><div class=\"pagebox\"><img alt=\""
      << page_word(img.page, lang) << "\" src=\"data:image/png;base64," << img.png_base64 << "\">";
    // Percentages of the page size, so the boxes follow the image however it is scaled.
    for (const auto& m : img.marks) {
      std::string ids;
      for (size_t i : m.findings) {
        if (!ids.empty()) ids += ' ';
        ids += std::to_string(i);
      }
      auto pct = [](double v, double of) { return std::to_string(of > 0 ? 100.0 * v / of : 0) + "%"; };
      const double pad = 1.5;  // points around the text, so the box does not cover it
      o << "<div class=\"mark " << (m.cell ? "cell" : "line") << "\" data-findings=\"" << ids
        << "\" style=\"left:" << pct(m.box.x0 - pad, img.width) << ";top:" << pct(m.box.y0 - pad, img.height)
        << ";width:" << pct(m.box.x1 - m.box.x0 + 2 * pad, img.width)
        << ";height:" << pct(m.box.y1 - m.box.y0 + 2 * pad, img.height) << "\"></div>";
    }
    o << "</div><figcaption>" << page_word(img.page, lang) << "</figcaption></figure>";
  }
  o << "</section>";
  return o.str();
}

std::string verified_html(const CheckResult& r, const Rules& rules, Lang lang) {
  std::ostringstream o;
  o << "<section class=\"verified\"><h3>" << words(lang).verified << " (" << r.verified.size()
    << ")</h3><ul class=\"verified\">";
  for (const auto& f : r.verified) {
    Finding worded = f;
    worded.rule = verified_rule(f.rule);
    o << "<li><span class=\"where\">" << place(r, f, lang) << "</span> "
      << html_escape(rules.catalog.format_message(worded, lang)) << "</li>";
  }
  o << "</ul></section>";
  return o.str();
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_html_fragment(const CheckResult& r, const Rules& rules, const HtmlOptions& opt) {
  const Words& w = words(opt.lang);
  const std::string& name = opt.display_name.empty() ? r.file : opt.display_name;
  std::ostringstream o;
  o << "<div class=\"nb-report\" lang=\"" << (opt.lang == Lang::Zh ? "zh-CN" : "en") << "\">";
  if (!r.ok) {
    // The reader's message names the file it was given: show the name the user knows.
    std::string message = r.error_message;
    if (!opt.display_name.empty() && !r.file.empty())
      for (size_t at = message.find(r.file); at != std::string::npos;
           at = message.find(r.file, at + opt.display_name.size()))
        message.replace(at, r.file.size(), opt.display_name);
    o << "<header><h2>" << html_escape(name) << "</h2></header><p class=\"error-box\" data-code=\""
      << html_escape(r.error_code) << "\">" << w.read_error << ": " << html_escape(message) << "</p></div>";
    return o.str();
  }
  std::vector<PageImage> images;
  if (opt.page_images) images = render_page_images(r);
  std::map<size_t, int> page_of_mark;
  for (const auto& img : images)
    for (const auto& m : img.marks)
      for (size_t i : m.findings) page_of_mark.emplace(i, img.page);
  o << header(r, rules, opt.lang, name) << findings_list(r, rules, opt.lang, page_of_mark) << "<section class=\"tables\"><h3>"
    << w.tables << "</h3>";
  std::string tables = render_tables_html(r, rules, opt.lang);
  o << (tables.empty() ? std::string("<p>") + w.no_tables + "</p>" : tables) << "</section>";
  if (!images.empty()) o << pages_html(images, opt.lang);
  o << verified_html(r, rules, opt.lang) << "</div>";
  return o.str();
}

std::string render_html(const CheckResult& r, const Rules& rules, const HtmlOptions& opt) {
  std::string title = r.report.meta.title.empty() ? r.file : r.report.meta.title;
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(opt.lang == Lang::Zh ? "zh-CN" : "en") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
         "<title>" + html_escape(title) + "</title><style>" + html_style() + "</style></head><body>\n" +
         render_html_fragment(r, rules, opt) + "\n<script>" + html_script() + "</script></body></html>\n";
}

}  // namespace nianbao
