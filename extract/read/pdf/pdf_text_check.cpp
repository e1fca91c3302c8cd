#include "extract/read/pdf/pdf_text_check.h"

namespace nianbao {

namespace {

// A text layer is garbage when this share of its characters cannot be read…
constexpr double kUnreadableShare = 0.05;
constexpr size_t kMinUnreadable = 10;
// …or when a text of this many characters has less than this share of Chinese characters.
constexpr size_t kMinCharsForHanTest = 200;
constexpr double kMinHanShare = 0.05;
// …or when a Chinese text has this share of misread letters (none of the real reports has one).
constexpr double kMisreadShare = 0.01;

// Decodes one code point; malformed bytes count as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool is_unreadable(char32_t cp) {
  return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || cp == 0xFFFD ||
         (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0);
}

// Latin-1 Supplement and Latin Extended-A and -B letters; not × and ÷, which reports print.
bool is_accented_latin(char32_t cp) { return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7; }

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

}  // namespace

void TextLayerCount::add(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000) continue;
    ++chars;
    if (is_unreadable(cp)) ++unreadable;
    if (is_han(cp)) ++han;
    if (is_accented_latin(cp)) ++misread;
  }
}

bool TextLayerCount::garbled() const {
  if (chars == 0) return false;
  if (unreadable >= kMinUnreadable &&
      static_cast<double>(unreadable) >= kUnreadableShare * static_cast<double>(chars))
    return true;
  const bool chinese = static_cast<double>(han) >= kMinHanShare * static_cast<double>(chars);
  if (chinese && misread >= kMinUnreadable && static_cast<double>(misread) >= kMisreadShare * static_cast<double>(chars))
    return true;
  return chars >= kMinCharsForHanTest && !chinese;
}

}  // namespace nianbao
