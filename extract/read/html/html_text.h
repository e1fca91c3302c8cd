// Text of HTML as a browser lays it out: whitespace collapsed, &nbsp; as a space, and the line
// breaks that Word and editors put into source text between two Chinese characters dropped (a
// browser shows “政府信息\n公开” with a space; the report means “政府信息公开”). Next to a
// digit or a Latin letter such a break stays a space: Word wraps there at a space it replaces.
#pragma once

#include <string>
#include <string_view>

namespace nianbao {

class TextJoin {
 public:
  // Appends the content of a text node that starts on source line `line`.
  void add(std::string_view text, int line, bool in_link);
  // A boundary between blocks inside one cell (“本年新<br>制作数量”, two <p> in a <td>): Chinese
  // joins without a space, other text with one.
  void soft_break();
  bool empty() const { return text_.empty(); }
  // The text collected, trimmed of ideographic spaces at both ends, and resets.
  std::string take();
  int line() const { return line_; }
  size_t chars() const { return chars_; }
  size_t link_chars() const { return link_chars_; }

 private:
  std::string text_;
  bool pending_space_ = false;
  bool pending_newline_ = false;
  char32_t last_ = 0;
  int line_ = 0;
  size_t chars_ = 0;
  size_t link_chars_ = 0;
};

// Word's conditional markup that libxml2 keeps as text (“<![if !supportLists]>”), removed.
std::string without_conditionals(std::string_view text);

}  // namespace nianbao
