#include "extract/read/html/html_reader.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/model/errors.h"
#include "extract/rules/headings.h"
#include "extract/read/html/html_charset.h"
#include "extract/read/html/html_content.h"
#include "extract/read/input_file.h"
#include "extract/read/html/html_parse.h"
#include "extract/read/html/html_walk.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// Publication dates CMSs put in <meta> (TRS "PubDate", Open Graph, Dublin Core).
std::string published_from_meta(const std::map<std::string, std::string>& meta) {
  static const RE2 date("^\\s*((?:19|20)[0-9]{2})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})");
  for (const char* key : {"pubdate", "publishdate", "firstpublishedtime", "article:published_time",
                          "dc.date", "dcterms.issued", "publish_time", "publishtime"}) {
    auto it = meta.find(key);
    std::string y, m, d;
    if (it == meta.end() || !RE2::PartialMatch(it->second, date, &y, &m, &d)) continue;
    return y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d;
  }
  return {};
}

bool names_a_report(const std::string& text) {
  const std::string t = compact(text);
  return (t.find("年度报告") != std::string::npos || t.find("年报") != std::string::npos) &&
         t.find("公开") != std::string::npos;
}

// A full title: names a report and its year ("平潭综合实验区2020年度政府信息公开工作年度报告"),
// where a body's title may be split over elements ("平潭综合实验区2020年" / "政府信息公开工作年度报告").
// Not a sentence that mentions a report ("根据…《…年度报告有关事项的通知》…2020年…").
bool is_full_title(const std::string& text) {
  static const RE2 year("(?:19|20)[0-9]{2}年");
  static const RE2 sentence("[。，；：,;]");
  const std::string t = compact(text);
  return names_a_report(t) && RE2::PartialMatch(t, year) && !RE2::PartialMatch(t, sentence) &&
         utf8_length(t) <= 60;
}

// The page's own name for the article, in the order a CMS is most exact about it: the
// ArticleTitle meta, the article-title element printed above the body (the nearest full title
// before the report), the Description meta, then <title> ("标题_栏目_网站": its first part).
std::string page_title(const HtmlFlow& flow, const ReportLines& report) {
  if (auto it = flow.meta.find("articletitle"); it != flow.meta.end() && is_full_title(it->second))
    return it->second;
  for (size_t i = std::min(report.first, flow.lines.size()); i-- > 0;)
    if (flow.lines[i].cells.empty() && flow.lines[i].link_chars == 0 && is_full_title(flow.lines[i].text))
      return flow.lines[i].text;
  if (auto it = flow.meta.find("description"); it != flow.meta.end() && is_full_title(it->second))
    return it->second;
  std::string title = flow.title;
  for (const char* sep : {"_", "|", " - ", "－", "——"})
    if (size_t at = title.find(sep); at != std::string::npos) title = title.substr(0, at);
  return is_full_title(title) ? title : std::string();
}

}  // namespace

Document read_html_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                         const Limits& limits) {
  check_file_size(path, bytes.size(), limits);
  if (bytes.empty()) throw ReadError("empty", path + ": 文件为空 (empty file)");
  const DecodedPage page = decode_page(bytes, path);
  const ParsedHtml parsed = parse_html(page.text, path);
  const HtmlFlow flow = walk_html(parsed);
  if (flow.lines.empty())
    throw ReadError("empty", path + ": 网页中没有文字 (the page holds no text)");
  const ReportLines report = select_report(flow, headings);

  Document doc;
  doc.path = path;
  doc.format = InputFormat::Html;
  doc.pages.resize(1);
  doc.pages[0].number = 1;
  bool titled = false;
  for (size_t i : report.lines) {
    const HtmlLine& l = flow.lines[i];
    Line line;
    line.text = l.cells.empty() ? without_furniture(l.text) : l.text;
    line.loc = {1, l.line, static_cast<int>(doc.pages[0].lines.size()) + 1};
    line.cells = l.cells;
    // A body whose title is whole; one split over elements, or missing, takes the page's.
    if (doc.pages[0].lines.size() < 15 && l.cells.empty() && is_full_title(l.text)) titled = true;
    doc.pages[0].lines.push_back(std::move(line));
  }
  doc.notes.charset = page.charset;
  doc.notes.replaced_bytes = page.replaced;
  for (int line : page.replaced_lines) doc.notes.replaced_at.push_back({1, line});
  if (!flow.title.empty()) doc.properties["html_title"] = flow.title;
  if (std::string date = published_from_meta(flow.meta); !date.empty())
    doc.properties["发布时间"] = date;
  if (std::string title = titled ? std::string() : page_title(flow, report); !title.empty())
    doc.properties["标题"] = title;

  for (const HtmlImage& img : flow.images) {
    if (img.before < report.first || img.before > report.end) continue;
    ++doc.notes.images;
    if (img.before > report.tables_begin && img.before <= report.tables_end)
      doc.notes.table_image_lines.push_back(img.line);
  }
  return doc;
}

Document read_html_file(const std::string& path, const HeadingRules& headings, const Limits& limits) {
  return read_html_bytes(read_input_file(path, limits), path, headings, limits);
}

}  // namespace nianbao
