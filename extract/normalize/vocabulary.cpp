#include "extract/normalize/vocabulary.h"

#include <algorithm>

#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

constexpr std::string_view kWideSpaces[] = {"\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF"};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

size_t leading_space(std::string_view s) {
  if (s.empty()) return 0;
  if (is_ascii_space(s.front())) return 1;
  for (auto w : kWideSpaces)
    if (s.starts_with(w)) return w.size();
  return 0;
}

size_t trailing_space(std::string_view s) {
  if (s.empty()) return 0;
  if (is_ascii_space(s.back())) return 1;
  for (auto w : kWideSpaces)
    if (s.ends_with(w)) return w.size();
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view trim_right(std::string_view s) {
  while (size_t n = trailing_space(s)) s.remove_suffix(n);
  return s;
}

std::string_view trim(std::string_view s) {
  while (size_t n = leading_space(s)) s.remove_prefix(n);
  return trim_right(s);
}

bool is_placeholder(std::string_view text) {
  text = trim(text);
  // Folded, every dash is '-' and full-width slashes are ASCII; plain ASCII needs no folding
  // (the common case: this runs on every cell).
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
  const std::string t = ascii ? std::string(text) : compact(text);
  if (t == "/" || t == "\\" || t == "无") return true;
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c == '-'; });
}

size_t item_number_length(std::string_view m) {
  size_t i = 0;
  while (i < m.size() && is_digit(m[i])) ++i;
  // "1." of "1.属于…", not the "12." of a decimal "12.5".
  if (i > 0 && i < m.size() && m[i] == '.' && !(i + 1 < m.size() && is_digit(m[i + 1]))) return i + 1;
  static constexpr std::string_view numerals = "一二三四五六七八九十";
  auto numeral_run = [&](size_t from) {
    size_t k = from;
    while (k + 3 <= m.size() && numerals.find(m.substr(k, 3)) != std::string_view::npos) k += 3;
    return k;
  };
  if (!m.empty() && m[0] == '(') {
    size_t k = numeral_run(1);
    if (k > 1 && k < m.size() && m[k] == ')') return k + 1;
  }
  size_t k = numeral_run(0);
  if (k > 0 && m.substr(k, 3) == "、") return k + 3;
  return 0;
}

}  // namespace nianbao
