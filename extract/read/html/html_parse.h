// Parsing an HTML page with libxml2's HTML parser: recovering from broken markup, never touching
// the network, and keeping the source line of every text node.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nianbao {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

struct ParsedHtml {
  std::unique_ptr<xmlDoc, XmlDocFree> doc;
  // The line each text node starts on. libxml2 stamps a text node with the line where its
  // first chunk of 100 bytes ended, which for a long paragraph is lines below its start.
  std::unordered_map<const xmlNode*, int> text_lines;
  int text_line(const xmlNode* text) const;
};

// `utf8` is the page as UTF-8 (html_charset.h). Inline formatting tags (<span>, <font>, <b>,
// <o:p> …) are dropped before parsing: they carry no structure, and Word and CMS editors nest
// them so deep that libxml2 stops at its depth limit of 256 and loses the rest of the page.
// Throws ReadError "corrupt" when the page is still nested too deep after that.
ParsedHtml parse_html(std::string_view utf8, const std::string& path);

// The page with its inline formatting tags (and, with `blocks`, its <div>-like containers)
// removed; the newlines inside removed tags stay so that line numbers do not move.
std::string flatten_markup(std::string_view html, bool blocks);

}  // namespace nianbao
