// The numbers a browser draws in front of the items of ordered lists. LibreOffice and some web
// editors save a report's numbered part headings as `<ol><li><h1>总体情况</h1></li></ol>`: the
// reader sees "一、总体情况" (or "1. 总体情况"), the markup holds only "总体情况", and the
// heading rules need the number the reader sees.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

// The lists open at a point of the walk, innermost last, each counting its items the way the
// HTML rendering rules do (`start`, `reversed`, `value` on an item).
class HtmlListCounter {
 public:
  // Entering and leaving <ol>, <ul>, <menu> or <dir>.
  void open(const xmlNode* list);
  void close();
  // The marker drawn beside the <li> `item` ("一、", "1. ", "iv. "), counting the item; ""
  // when no number is drawn: a bullet, `list-style-type: none`, an item outside any list.
  // Call once per item, in document order.
  std::string next_marker(const xmlNode* item);

 private:
  struct List {
    std::string style;  // the list's computed list-style-type
    bool ordered = false;
    long long next = 1;
    int step = 1;       // -1 for <ol reversed>
  };
  std::vector<List> lists_;
};

// The marker of counter value `n` in the CSS list style `style` (a lower-case name): "一、" for
// cjk-ideographic, "一〇、" for cjk-decimal, "3. " for decimal, "iv. " for lower-roman, "c. "
// for lower-alpha; "" for the bullet styles and none. A name it does not know is decimal, as in
// a browser.
std::string list_marker(long long n, const std::string& style);

// Whether a line already starts with a number of its own ("一、", "（二）", "3.", "第四部分",
// "①"): a page that writes the number into the text, even inside an <ol>, must not get a second.
bool starts_with_number(std::string_view text);

}  // namespace nianbao
