#include "extract/read/html/html_content.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// How far above the report block a title outside it (a CMS prints the article title in its
// own <div> above the body) is looked for, and how far into the block one counts as present.
constexpr size_t kTitleReach = 30;
constexpr size_t kTitleInside = 15;
// A signature outside the block: at most this many short lines (agency, date).
constexpr size_t kSignatureReach = 3;

bool is_title_like(const HtmlLine& l) {
  if (!l.cells.empty()) return false;
  const std::string t = compact(l.text);
  return (t.find("年度报告") != std::string::npos || t.find("年报") != std::string::npos) &&
         t.find("公开") != std::string::npos && utf8_length(t) <= 80;
}

bool is_link_line(const HtmlLine& l) { return l.chars > 0 && l.link_chars * 5 >= l.chars * 4; }

// Lines that end the report when met after its last part heading.
bool is_trailer(const std::string& text) {
  static const RE2 trailer(
      "^[【\\[]?(?:相关(?:链接|文章|阅读|新闻|信息|附件|文件|稿件|推荐)|上一篇|下一篇|上一条|下一条|"
      "附件下载|责任编辑|网站地图|主办单位|版权所有|联系我们|网站标识码|ICP备).*");
  return RE2::FullMatch(compact(text), trailer) || is_page_furniture(text);
}

bool is_signature_line(const HtmlLine& l) {
  if (!l.cells.empty() || is_link_line(l) || utf8_length(l.text) > 40) return false;
  std::string t = compact(l.text);
  static const RE2 not_a_name("[0-9。,;:!?、《》]");
  return parse_date(t).has_value() || !RE2::PartialMatch(t, not_a_name);
}

std::vector<int> chain_of(const HtmlFlow& flow, int c) {
  std::vector<int> chain;
  for (int k = 0; c >= 0 && k < 100000; ++k, c = flow.parents[static_cast<size_t>(c)])
    chain.push_back(c);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

bool is_within(const HtmlFlow& flow, int c, int ancestor) {
  for (int k = 0; c >= 0 && k < 100000; ++k, c = flow.parents[static_cast<size_t>(c)])
    if (c == ancestor) return true;
  return false;
}

// Deepest container that holds all of `lines`.
int common_container(const HtmlFlow& flow, const std::vector<size_t>& lines) {
  std::vector<int> common = chain_of(flow, flow.lines[lines.front()].container);
  for (size_t i : lines) {
    std::vector<int> other = chain_of(flow, flow.lines[i].container);
    size_t k = 0;
    while (k < common.size() && k < other.size() && common[k] == other[k]) ++k;
    common.resize(k);
  }
  return common.empty() ? 0 : common.back();
}

// Without part headings (older reports, other wordings): the deepest container that holds
// most of the page's text that is not links.
int densest_container(const HtmlFlow& flow) {
  std::vector<size_t> text(flow.parents.size(), 0);
  size_t total = 0;
  for (const auto& l : flow.lines) {
    const size_t own = l.chars - std::min(l.chars, l.link_chars);
    total += own;
    for (int c = l.container, k = 0; c >= 0 && k < 100000; ++k, c = flow.parents[static_cast<size_t>(c)])
      text[static_cast<size_t>(c)] += own;
  }
  int best = 0;
  size_t best_depth = 0;
  for (size_t c = 0; c < text.size(); ++c) {
    if (text[c] * 2 < total) continue;
    const size_t depth = chain_of(flow, static_cast<int>(c)).size();
    if (depth > best_depth) {
      best = static_cast<int>(c);
      best_depth = depth;
    }
  }
  return best;
}

}  // namespace

bool is_page_furniture(const std::string& text) {
  std::string t = fold(text);
  if (utf8_length(t) > 60) return false;
  static const RE2 breadcrumb("^\\s*(?:当前位置|您的位置|您当前的位置|您现在的位置|所在位置|当前的位置).*");
  if (RE2::FullMatch(t, breadcrumb)) return true;
  static const RE2 strong("(?:打印|关闭|字体|字号|分享|收藏|返回顶部|回到顶部|扫一扫)");
  static const RE2 token(
      "(?:打印本页|打印本文|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|返回列表|返回|"
      "收藏本页|加入收藏|收藏|保存本页|分享到?:?|(?:字体|字号):?.*|大|中|小|默认|扫一扫.*|"
      "微信|微博|QQ空间|QQ|qq空间|朋友圈|浏览次数:?.*|访问量:?.*|阅读次数:?.*)");
  if (!RE2::PartialMatch(t, strong)) return false;
  for (const char* bracket : {"【", "】"}) RE2::GlobalReplace(&t, bracket, " ");
  for (char& c : t)
    if (c == '[' || c == ']' || c == '|' || c == '(' || c == ')') c = ' ';
  bool any = false;
  size_t start = 0;
  while (start < t.size()) {
    size_t stop = t.find(' ', start);
    if (stop == std::string::npos) stop = t.size();
    if (stop > start) {
      if (!RE2::FullMatch(t.substr(start, stop - start), token)) return false;
      any = true;
    }
    start = stop + 1;
  }
  return any;
}

std::string without_furniture(const std::string& text) {
  std::string out = text;
  static const RE2 group("(\\s*[【\\[][^】\\]]{1,30}[】\\]])");
  re2::StringPiece input(text);
  std::string g;
  while (RE2::FindAndConsume(&input, group, &g))
    if (is_page_furniture(g)) {
      const size_t at = out.find(g);
      if (at != std::string::npos) out.erase(at, g.size());
    }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

ReportLines select_report(const HtmlFlow& flow, const HeadingRules& rules) {
  ReportLines out;
  const size_t n = flow.lines.size();
  if (n == 0) return out;
  std::map<int, size_t> headings;  // part → first line heading it
  for (size_t i = 0; i < n; ++i) {
    const HtmlLine& l = flow.lines[i];
    if (!l.cells.empty() || utf8_length(l.text) >= rules.inline_scan_min_chars()) continue;
    if (auto h = rules.classify(l.text); h && h->level == 0 && h->part > 0)
      headings.emplace(h->part, i);
  }
  int report = 0;
  if (headings.size() >= 2) {
    std::vector<size_t> at;
    for (const auto& [part, i] : headings) at.push_back(i);
    report = common_container(flow, at);
  } else {
    report = densest_container(flow);
  }
  size_t first = n, end = 0;
  for (size_t i = 0; i < n; ++i)
    if (is_within(flow, flow.lines[i].container, report)) {
      first = std::min(first, i);
      end = i + 1;
    }
  if (first == n) first = 0, end = n;

  // The title, printed above the body by the page template.
  bool titled = false;
  for (size_t i = first; i < end && i < first + kTitleInside; ++i) titled |= is_title_like(flow.lines[i]);
  for (size_t i = first; !titled && i-- > (first > kTitleReach ? first - kTitleReach : 0);)
    if (is_title_like(flow.lines[i]) && !is_link_line(flow.lines[i])) {
      first = i;
      titled = true;
    }

  // The end: the first related-links list, pager or footer after the last part heading, and
  // no trailing lines of links.
  size_t last_heading = first;
  for (const auto& [part, i] : headings) last_heading = std::max(last_heading, i);
  for (size_t i = last_heading + 1; i < end; ++i)
    if (flow.lines[i].cells.empty() && is_trailer(flow.lines[i].text)) {
      end = i;
      break;
    }
  while (end > first + 1 && is_link_line(flow.lines[end - 1])) --end;
  const size_t block_end = end;
  for (size_t i = block_end; i < n && i < block_end + kSignatureReach; ++i) {
    if (!is_signature_line(flow.lines[i]) || is_trailer(flow.lines[i].text)) break;
    end = i + 1;
  }

  out.first = first;
  out.end = end;
  for (size_t i = first; i < end; ++i)
    if (!flow.lines[i].cells.empty() || !is_page_furniture(flow.lines[i].text)) out.lines.push_back(i);
  out.tables_begin = headings.count(2) ? headings[2] : first;
  out.tables_end = headings.count(5) ? headings[5] : headings.count(6) ? headings[6] : end;
  if (!headings.count(2)) out.tables_begin = out.tables_end = 0;
  return out;
}

}  // namespace nianbao
