#include "extract/read/html/html_parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <set>

#include "extract/model/errors.h"

namespace nianbao {
namespace {

constexpr int kOptions = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;

struct LineStamp {
  charactersSAXFunc characters = nullptr;
  std::unordered_map<const xmlNode*, int>* lines = nullptr;
};

// Wraps the tree builder's text callback: when it starts a new text node, the node's first line
// is the parser's current line minus the newlines in the chunk just read.
void stamp_characters(void* ctx, const xmlChar* ch, int len) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto* stamp = static_cast<LineStamp*>(ctxt->_private);
  int newlines = 0;
  for (int i = 0; i < len; ++i) newlines += ch[i] == '\n';
  const int start = ctxt->input ? std::max(1, ctxt->input->line - newlines) : 0;
  const xmlNode* before = ctxt->node ? ctxt->node->last : nullptr;
  stamp->characters(ctx, ch, len);
  const xmlNode* after = ctxt->node ? ctxt->node->last : nullptr;
  if (after && after != before && after->type == XML_TEXT_NODE) (*stamp->lines)[after] = start;
}

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_inline_format(std::string_view name) {
  return name_in(name, {"span", "font", "b", "i", "u", "s", "strong", "em", "small", "big", "o:p",
                        "ins", "del", "strike", "tt", "sup", "sub"}) ||
         name.starts_with("st1:");
}

bool is_layout_block(std::string_view name) {
  return name_in(name, {"div", "section", "article", "center", "blockquote", "main", "header",
                        "footer", "aside", "form", "fieldset"});
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// End of the tag starting at `lt` (index of '>' + 1), quotes respected; npos when unterminated.
size_t tag_end(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// libxml2's document, parsed with line stamps; `halted` when the parser gave up (too deep).
ParsedHtml parse_once(const std::string& html, bool* halted) {
  ParsedHtml out;
  LineStamp stamp;
  stamp.lines = &out.text_lines;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) throw std::bad_alloc();
  stamp.characters = ctxt->sax->characters;
  ctxt->sax->characters = stamp_characters;
  ctxt->_private = &stamp;
  out.doc.reset(htmlCtxtReadMemory(ctxt, html.data(), static_cast<int>(html.size()), nullptr,
                                   "UTF-8", kOptions));
  *halted = ctxt->disableSAX != 0;
  htmlFreeParserCtxt(ctxt);
  return out;
}

}  // namespace

int ParsedHtml::text_line(const xmlNode* text) const {
  auto it = text_lines.find(text);
  if (it != text_lines.end()) return it->second;
  const long line = xmlGetLineNo(text);
  return line > 0 ? static_cast<int>(std::min<long>(line, INT_MAX)) : 0;
}

std::string flatten_markup(std::string_view html, bool blocks) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.append(html.substr(i, lt - i));
    i = lt;
    // Comments, scripts and styles pass unchanged: what looks like a tag in them is not one.
    if (html.substr(lt, 4) == "<!--") {
      size_t close = html.find("-->", lt + 4);
      close = close == std::string_view::npos ? html.size() : close + 3;
      out.append(html.substr(lt, close - lt));
      i = close;
      continue;
    }
    size_t name_start = lt + 1 + (lt + 1 < html.size() && html[lt + 1] == '/');
    size_t name_end = name_start;
    while (name_end < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == ':'))
      ++name_end;
    const std::string name = lower(html.substr(name_start, name_end - name_start));
    const size_t end = name.empty() ? std::string_view::npos : tag_end(html, lt);
    if (end == std::string_view::npos) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const std::string_view tag = html.substr(lt, end - lt);
    if ((name == "script" || name == "style") && html[lt + 1] != '/') {
      size_t close = lower(html.substr(end)).find("</" + name);
      close = close == std::string::npos ? html.size() : end + close;
      out.append(html.substr(lt, close - lt));
      i = close;
      continue;
    }
    const std::string attrs = lower(tag);
    const bool hides = attrs.find("display:none") != std::string::npos ||
                       attrs.find("display: none") != std::string::npos;
    if (!hides && (is_inline_format(name) || (blocks && is_layout_block(name)))) {
      // A removed container still separates blocks.
      if (blocks && is_layout_block(name)) out += "<br>";
      for (char c : tag)
        if (c == '\n') out += '\n';
    } else {
      out.append(tag);
    }
    i = end;
  }
  out.append(html.substr(std::min(i, html.size())));
  return out;
}

ParsedHtml parse_html(std::string_view utf8, const std::string& path) {
  if (utf8.size() >= static_cast<size_t>(INT_MAX))
    throw ReadError("too_large", path + ": 文件过大 (file too large)");
  bool halted = false;
  ParsedHtml parsed = parse_once(flatten_markup(utf8, false), &halted);
  // Containers nested hundreds deep (unclosed <div>s of a broken template): read the page
  // without its containers rather than lose everything after the limit.
  if (halted) parsed = parse_once(flatten_markup(utf8, true), &halted);
  if (halted || !parsed.doc)
    throw ReadError("corrupt", path + ": 网页标签嵌套过深，无法读取 (markup nested too deeply to read)");
  return parsed;
}

}  // namespace nianbao
