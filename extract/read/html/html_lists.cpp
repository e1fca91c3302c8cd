#include "extract/read/html/html_lists.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extract/read/docx/docx_numbering.h"
#include "extract/normalize/normalize.h"
#include "extract/normalize/vocabulary.h"

namespace nianbao {
namespace {

std::string prop(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_one_of(const std::string& s, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return s == n; });
}

// HTML's rules for parsing integers (`start`, `value`): optional sign, digits, anything after
// them ignored; false when there is no digit. Huge values are clamped, never overflow.
bool parse_integer(const std::string& text, long long* out) {
  size_t i = text.find_first_not_of(" \t\r\n\f");
  if (i == std::string::npos) return false;
  const bool negative = text[i] == '-';
  if (text[i] == '-' || text[i] == '+') ++i;
  if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  long long v = 0;
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
    v = std::min(v * 10 + (text[i] - '0'), 1000000000LL);
  *out = negative ? -v : v;
  return true;
}

// The list-style-type a `list-style` shorthand sets: the shorthand resets an omitted type to
// its initial value, disc.
std::string shorthand_type(const std::string& value) {
  std::string type = "disc";
  size_t i = 0;
  while (i < value.size()) {
    const size_t end = std::min(value.find_first_of(" \t\r\n\f", i), value.size());
    const std::string token = value.substr(i, end - i);
    i = end + 1;
    if (token.empty() || is_one_of(token, {"inside", "outside"}) || token.starts_with("url(")) continue;
    type = token.front() == '"' || token.front() == '\'' ? "string" : token;
  }
  return type;
}

// The list-style-type the inline style of `n` sets; "" when it sets none. Later declarations
// win, as in a browser.
std::string css_list_style(const xmlNode* n) {
  const std::string style = lower(prop(n, "style"));
  std::string found;
  size_t i = 0;
  while (i < style.size()) {
    const size_t end = std::min(style.find(';', i), style.size());
    const std::string decl = style.substr(i, end - i);
    i = end + 1;
    const size_t colon = decl.find(':');
    if (colon == std::string::npos) continue;
    const std::string name(trim(decl.substr(0, colon)));
    std::string value = decl.substr(colon + 1);
    if (const size_t bang = value.find('!'); bang != std::string::npos) value.resize(bang);
    value = std::string(trim(value));
    // Keywords that defer to another rule leave the type as the rest of the page sets it.
    if (value.empty() || is_one_of(value, {"inherit", "unset", "revert", "revert-layer"})) continue;
    if (name == "list-style-type") {
      found = value.front() == '"' || value.front() == '\'' ? "string" : value.substr(0, value.find(' '));
      if (found == "initial") found = "disc";
    } else if (name == "list-style") {
      found = value == "initial" ? "disc" : shorthand_type(value);
    }
  }
  return found;
}

// The list style the presentational `type` attribute of an <ol>, <ul> or <li> maps to; "" when
// it has none. The number types are case-sensitive ("a" and "A" differ), the bullets are not.
std::string type_attr_style(const xmlNode* n) {
  const std::string t(trim(prop(n, "type")));
  if (t == "1") return "decimal";
  if (t == "a") return "lower-alpha";
  if (t == "A") return "upper-alpha";
  if (t == "i") return "lower-roman";
  if (t == "I") return "upper-roman";
  const std::string bullet = lower(t);
  return is_one_of(bullet, {"disc", "circle", "square", "none"}) ? bullet : "";
}

// An element's own list style: its inline CSS beats its `type` attribute.
std::string specified_style(const xmlNode* n) {
  std::string s = css_list_style(n);
  return s.empty() ? type_attr_style(n) : s;
}

long long count_items(const xmlNode* list) {
  long long n = 0;
  for (const xmlNode* c = list->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->name && lower(reinterpret_cast<const char*>(c->name)) == "li") ++n;
  return n;
}

// CSS's alphabetic system: a … z, aa, ab …
std::string alphabetic(long long n, char first) {
  std::string s;
  while (n > 0) {
    --n;
    s.insert(s.begin(), static_cast<char>(first + n % 26));
    n /= 26;
  }
  return s;
}

// CSS's cjk-decimal writes the digits one by one: 10 is "一〇".
std::string cjk_decimal(long long n) {
  std::string s;
  for (char c : std::to_string(n)) s += c == '0' ? "〇" : chinese_numeral(c - '0');
  return s;
}

// The first code point of `text` past leading spaces (ASCII or ideographic); 0 when none.
char32_t first_code_point(std::string_view text) {
  size_t i = 0;
  while (true) {
    if (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      ++i;
    } else if (text.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else {
      break;
    }
  }
  if (i >= text.size()) return 0;
  const auto b = static_cast<unsigned char>(text[i]);
  const size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  if (i + len > text.size()) return b;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return c;
}

// ①–⑳, ⑴, ⒈, ❶, ㈠, ㊀ and their kin. Checked before folding: NFKC turns ① into a bare "1"
// that no longer looks like a number of its own.
bool is_enclosed_number(char32_t c) {
  return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3220 && c <= 0x3229) ||
         (c >= 0x3251 && c <= 0x325F) || (c >= 0x3280 && c <= 0x3289) || (c >= 0x32B1 && c <= 0x32BF);
}

}  // namespace

void HtmlListCounter::open(const xmlNode* list) {
  List l;
  l.ordered = list->name && lower(reinterpret_cast<const char*>(list->name)) == "ol";
  l.style = specified_style(list);
  // The user-agent style sheet gives every <ol> decimal and every other list a bullet, so a
  // list nested in a cjk-ideographic one counts 1. 2. 3. unless it says otherwise.
  if (l.style.empty()) l.style = l.ordered ? "decimal" : "disc";
  if (l.ordered && xmlHasProp(list, reinterpret_cast<const xmlChar*>("reversed"))) l.step = -1;
  long long start = 0;
  if (l.ordered && parse_integer(prop(list, "start"), &start)) {
    l.next = start;
  } else {
    l.next = l.step < 0 ? count_items(list) : 1;
  }
  lists_.push_back(std::move(l));
}

void HtmlListCounter::close() {
  if (!lists_.empty()) lists_.pop_back();
}

std::string HtmlListCounter::next_marker(const xmlNode* item) {
  if (lists_.empty()) return {};
  List& list = lists_.back();
  long long value = list.next;
  long long own = 0;
  if (list.ordered && parse_integer(prop(item, "value"), &own)) value = own;
  list.next = value + list.step;
  std::string style = specified_style(item);
  return list_marker(value, style.empty() ? list.style : style);
}

std::string list_marker(long long n, const std::string& style) {
  if (is_one_of(style, {"none", "disc", "circle", "square", "disclosure-open", "disclosure-closed", "string"}))
    return {};
  if (is_one_of(style, {"cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal"}) && n >= 1 && n <= 99)
    return chinese_numeral(static_cast<int>(n)) + "、";
  if (style == "cjk-decimal" && n >= 0) return cjk_decimal(n) + "、";
  // Roman numerals are the same in CSS and in Word's numbering, whose formatter draws them.
  if (is_one_of(style, {"lower-roman", "upper-roman"}) && n >= 1 && n < 4000)
    return format_number(static_cast<int>(n), style == "upper-roman" ? "upperRoman" : "lowerRoman") + ". ";
  if (is_one_of(style, {"lower-alpha", "lower-latin"}) && n >= 1) return alphabetic(n, 'a') + ". ";
  if (is_one_of(style, {"upper-alpha", "upper-latin"}) && n >= 1) return alphabetic(n, 'A') + ". ";
  if (style == "decimal-leading-zero" && n > -10 && n < 10)
    return (n < 0 ? "-0" : "0") + std::to_string(n < 0 ? -n : n) + ". ";
  // decimal, and what falls outside the range of its style.
  return std::to_string(n) + ". ";
}

bool starts_with_number(std::string_view text) {
  if (is_enclosed_number(first_code_point(text))) return true;
  // On the folded text: "（一）" is "(一)", "１．" is "1."; "1.5万" is a figure, not a number.
  static const RE2 numbered(
      "^(?:第[0-9一二三四五六七八九十百零〇两]+(?:部分|章|节|条|项)"
      "|[(\\[【〔][0-9一二三四五六七八九十百零〇]+[)\\]】〕]"
      "|[一二三四五六七八九十百零〇]+\\s*[、.,:]"
      "|[0-9]{1,3}\\s*(?:[、:)]|\\.(?:[^0-9]|$))"
      "|[A-Za-z]\\s*[.)、]"
      "|[IVXivx]{1,6}\\s*[.)、])");
  return RE2::PartialMatch(fold(text), numbered);
}

}  // namespace nianbao
