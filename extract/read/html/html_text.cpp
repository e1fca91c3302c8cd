#include "extract/read/html/html_text.h"

namespace nianbao {
namespace {

// Chinese, Japanese and full-width characters and punctuation: no space between them.
bool is_wide(char32_t c) { return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC); }

bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD;
}

// Decodes one UTF-8 sequence at s[i], advancing i. Invalid bytes pass as themselves.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return c;
}

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

}  // namespace

void TextJoin::add(std::string_view text, int line, bool in_link) {
  int at = line;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (c == '\n') {
      ++at;
      pending_space_ = pending_newline_ = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0) {
      pending_space_ = true;
      continue;
    }
    if (is_invisible(c)) continue;
    if (text_.empty()) {
      line_ = at;
    } else if (pending_space_ && !(pending_newline_ && is_wide(last_) && is_wide(c))) {
      text_ += ' ';
    }
    pending_space_ = pending_newline_ = false;
    text_.append(text.substr(start, i - start));
    last_ = c;
    ++chars_;
    if (in_link) ++link_chars_;
  }
}

void TextJoin::soft_break() {
  if (text_.empty()) return;
  pending_space_ = pending_newline_ = true;
}

std::string TextJoin::take() {
  std::string out = std::move(text_);
  while (out.starts_with(kIdeographicSpace)) out.erase(0, kIdeographicSpace.size());
  while (out.ends_with(kIdeographicSpace) || out.ends_with(' '))
    out.erase(out.size() - (out.back() == ' ' ? 1 : kIdeographicSpace.size()));
  *this = TextJoin();
  return out;
}

std::string without_conditionals(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = text.find("<![", i);
    if (at == std::string_view::npos) break;
    const size_t close = text.find("]>", at);
    if (close == std::string_view::npos) break;
    const std::string_view inner = text.substr(at + 3, close - at - 3);
    if (!inner.starts_with("if") && !inner.starts_with("endif")) {
      out.append(text.substr(i, at + 3 - i));
      i = at + 3;
      continue;
    }
    out.append(text.substr(i, at - i));
    // The newlines inside stay, so that line numbers keep counting.
    for (char ch : inner)
      if (ch == '\n') out += '\n';
    i = close + 2;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace nianbao
