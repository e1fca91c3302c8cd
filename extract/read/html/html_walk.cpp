#include "extract/read/html/html_walk.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "extract/read/html/html_grid.h"
#include "extract/read/html/html_lists.h"
#include "extract/read/html/html_text.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// Past this many characters a cell holds prose, not a figure or a label: a layout table.
constexpr size_t kMaxDataCellChars = 300;

// A list item's first line up to this many characters may be a heading and gets the number the
// browser draws beside it (the heading rules' own limit, rules/headings.toml). A longer line is
// prose, quoted as its text reads.
constexpr size_t kMaxNumberedLineChars = 60;

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string_view name_of(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool has_attr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

// Never read: what a browser does not show as text of the page.
bool is_skipped(std::string_view name) {
  return name_in(name, {"head", "script", "style", "noscript", "template", "select", "option",
                        "button", "textarea", "input", "iframe", "object", "embed", "svg", "math",
                        "canvas", "map", "audio", "video", "nav", "xml", "title", "link", "meta",
                        "datalist", "noframes"});
}

bool is_hidden(const xmlNode* n) {
  if (has_attr(n, "hidden")) return true;
  std::string style = compact(attr(n, "style"));
  std::transform(style.begin(), style.end(), style.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos ||
         style.find("mso-hide:all") != std::string::npos;
}

bool is_heading(std::string_view name) { return name_in(name, {"h1", "h2", "h3", "h4", "h5", "h6"}); }

bool is_list(std::string_view name) { return name_in(name, {"ol", "ul", "menu", "dir"}); }

bool is_block(std::string_view name) {
  return name_in(name, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                        "dt", "dd", "blockquote", "pre", "section", "article", "header", "footer",
                        "main", "aside", "address", "center", "figure", "figcaption", "form",
                        "fieldset", "legend", "hr", "details", "summary", "menu", "dir", "body",
                        "html", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"});
}

// Blocks that hold other blocks: the candidates for “the report” in html_content.h.
bool is_container(std::string_view name) {
  return name_in(name, {"html", "body", "div", "section", "article", "main", "aside", "header",
                        "footer", "center", "form", "blockquote", "ul", "ol", "dl", "menu", "dir",
                        "fieldset", "figure", "details", "table", "td", "th"});
}

template <typename F>
void for_each_row(xmlNode* table, F f) {
  for (xmlNode* c = table->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view n = name_of(c);
    if (n == "tr") f(c);
    if (n == "thead" || n == "tbody" || n == "tfoot")
      for (xmlNode* r = c->children; r; r = r->next)
        if (r->type == XML_ELEMENT_NODE && name_of(r) == "tr") f(r);
  }
}

int span_attr(const xmlNode* cell, const char* name) {
  const std::string v = attr(cell, name);
  if (v.empty()) return 1;
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') break;
    n = std::min(n * 10 + (c - '0'), 65534);
  }
  return n;
}

struct CellRead {
  std::string text;
  int line = 0;
  bool nested_table = false;
  std::vector<int> image_lines;
};

class Walker {
 public:
  explicit Walker(const ParsedHtml& parsed) : parsed_(parsed) { out_.parents.push_back(-1); }

  HtmlFlow run(xmlNode* root) {
    struct Frame {
      xmlNode* node;
      bool exit, block, container, link;
      bool heading = false, list = false, item = false;
    };
    std::vector<Frame> stack{{root, false, false, false, false}};
    std::vector<int> containers{0};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.exit) {
        if (f.block) flush(containers.back());
        if (f.container) containers.pop_back();
        if (f.link) --links_;
        if (f.heading) --headings_;
        if (f.list) lists_.close();
        if (f.item) marker_.clear();
        continue;
      }
      xmlNode* n = f.node;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
          text_.add(without_conditionals(reinterpret_cast<const char*>(n->content)),
                    parsed_.text_line(n), links_ > 0);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
          n->type != XML_HTML_DOCUMENT_NODE)
        continue;
      const std::string_view name = name_of(n);
      if (n->type == XML_ELEMENT_NODE) {
        if (name == "head") read_head(n);
        if (is_skipped(name) || is_hidden(n)) continue;
        if (name == "br") {
          flush(containers.back());
          continue;
        }
        if (name == "img") {
          if (is_content_image(n)) out_.images.push_back({out_.lines.size(), element_line(n)});
          continue;
        }
        if (name == "table" && read_data_table(n, containers.back())) continue;
      }
      Frame exit{n, true, is_block(name), is_container(name), false};
      if (exit.block) flush(containers.back());
      if (exit.container) {
        containers.push_back(static_cast<int>(out_.parents.size()));
        out_.parents.push_back(containers[containers.size() - 2]);
      }
      if (name == "a" && has_attr(n, "href")) {
        exit.link = true;
        ++links_;
      }
      if (n->type == XML_ELEMENT_NODE) enter_list_markup(n, name, exit);
      stack.push_back(exit);
      std::vector<xmlNode*> children;
      for (xmlNode* c = n->children; c; c = c->next) children.push_back(c);
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back({*it, false, false, false, false});
    }
    flush(0);
    return std::move(out_);
  }

 private:
  template <typename Frame>
  void enter_list_markup(const xmlNode* n, std::string_view name, Frame& exit) {
    if (is_heading(name)) {
      exit.heading = true;
      ++headings_;
    } else if (is_list(name)) {
      exit.list = true;
      lists_.open(n);
    } else if (name == "li") {
      exit.item = true;
      marker_ = lists_.next_marker(n);
    }
  }

  void flush(int container) {
    if (text_.empty()) {
      text_ = TextJoin();
      return;
    }
    HtmlLine l;
    l.line = text_.line();
    l.chars = text_.chars();
    l.link_chars = text_.link_chars();
    l.text = text_.take();
    l.container = container;
    if (l.text.empty()) return;
    number_list_item(l);
    out_.lines.push_back(std::move(l));
  }

  // The first line of a list item gets the marker the browser draws beside it, when the line
  // is a heading or short enough to be one and does not carry a number of its own.
  void number_list_item(HtmlLine& l) {
    if (marker_.empty()) return;
    const std::string marker = std::exchange(marker_, {});
    if (headings_ == 0 && utf8_length(l.text) > kMaxNumberedLineChars) return;
    if (starts_with_number(l.text)) return;
    l.text = marker + l.text;
    l.chars += utf8_length(marker);
  }

  int element_line(const xmlNode* n) const {
    const long line = xmlGetLineNo(n);
    return line > 0 ? static_cast<int>(line) : 0;
  }

  // Icons, logos, share buttons and spacers are page furniture, not content.
  static bool is_content_image(const xmlNode* img) {
    for (const char* dim : {"width", "height"}) {
      const std::string v = attr(img, dim);
      if (!v.empty() && v.back() != '%' && std::atoi(v.c_str()) > 0 && std::atoi(v.c_str()) < 60)
        return false;
    }
    std::string id = attr(img, "src") + " " + attr(img, "class") + " " + attr(img, "alt");
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* furniture : {"icon", "logo", "share", "qrcode", "ewm", "weixin", "wechat",
                                  "weibo", "print", "close", "arrow", "spacer", "blank.gif",
                                  "erweima", "二维码", "bg."})
      if (id.find(furniture) != std::string::npos) return false;
    return true;
  }

  void read_head(xmlNode* head) {
    for (xmlNode* c = head->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (name_of(c) == "title") {
        xmlChar* t = xmlNodeGetContent(c);
        if (t) {
          TextJoin j;
          j.add(reinterpret_cast<const char*>(t), 0, false);
          out_.title = j.take();
          xmlFree(t);
        }
      } else if (name_of(c) == "meta") {
        std::string key = attr(c, "name");
        if (key.empty()) key = attr(c, "property");
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (!key.empty()) out_.meta[key] = attr(c, "content");
      }
    }
  }

  // The text of a cell and what it holds, its blocks joined (html_text.h).
  CellRead read_cell(xmlNode* cell) const {
    CellRead r;
    TextJoin j;
    std::vector<xmlNode*> stack;
    for (xmlNode* c = cell->last; c; c = c->prev) stack.push_back(c);
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      if (!n) {  // end of a block
        j.soft_break();
        continue;
      }
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
          j.add(without_conditionals(reinterpret_cast<const char*>(n->content)),
                parsed_.text_line(n), false);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = name_of(n);
      if (is_skipped(name) || is_hidden(n)) continue;
      if (name == "table") r.nested_table = true;
      if (name == "img" && is_content_image(n)) r.image_lines.push_back(element_line(n));
      if (name == "br" || is_block(name)) {
        j.soft_break();
        stack.push_back(nullptr);
      }
      for (xmlNode* c = n->last; c; c = c->prev) stack.push_back(c);
    }
    r.line = j.line();
    r.text = j.take();
    return r;
  }

  // Emits the rows of a data table as lines; false (nothing emitted) for a layout table.
  bool read_data_table(xmlNode* table, int container) {
    std::vector<SourceRow> rows;
    std::vector<int> lines;
    std::vector<int> images;
    size_t widest = 0;
    bool layout = false;
    for_each_row(table, [&](xmlNode* tr) {
      if (layout || is_hidden(tr)) return;
      SourceRow row;
      int line = 0;
      for (xmlNode* c = tr->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || (name_of(c) != "td" && name_of(c) != "th")) continue;
        CellRead cell = read_cell(c);
        if (cell.nested_table || utf8_length(cell.text) > kMaxDataCellChars) layout = true;
        if (!line && !cell.text.empty()) line = cell.line;
        images.insert(images.end(), cell.image_lines.begin(), cell.image_lines.end());
        row.cells.push_back({std::move(cell.text), span_attr(c, "colspan"), span_attr(c, "rowspan"), false});
      }
      widest = std::max(widest, row.cells.size());
      rows.push_back(std::move(row));
      lines.push_back(line ? line : element_line(tr));
    });
    if (layout || widest < 2) return false;
    flush(container);
    // A list item that starts with a table has its number beside the table, on no line of text.
    marker_.clear();
    for (int line : images) out_.images.push_back({out_.lines.size(), line});
    for (xmlNode* c = table->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && name_of(c) == "caption") {
        CellRead cap = read_cell(c);
        if (!cap.text.empty())
          out_.lines.push_back({cap.text, cap.line, {}, container, utf8_length(cap.text), 0});
      }
    auto grid = expand_grid(rows);
    for (size_t r = 0; r < grid.size(); ++r) {
      // A row of blank cells is kept (a blank form's data row): the table has it.
      if (grid[r].empty()) continue;
      HtmlLine l;
      l.line = lines[r];
      l.cells = std::move(grid[r]);
      for (size_t k = 0; k < l.cells.size(); ++k) l.text += (k ? "\t" : "") + l.cells[k];
      l.chars = utf8_length(l.text);
      l.container = container;
      out_.lines.push_back(std::move(l));
    }
    return true;
  }

  const ParsedHtml& parsed_;
  HtmlFlow out_;
  TextJoin text_;
  int links_ = 0;
  int headings_ = 0;         // headings open around the text being collected
  HtmlListCounter lists_;
  std::string marker_;       // the number of the list item whose first line is still to come
};

}  // namespace

HtmlFlow walk_html(const ParsedHtml& parsed) {
  Walker w(parsed);
  return w.run(reinterpret_cast<xmlNode*>(parsed.doc.get()));
}

}  // namespace nianbao
