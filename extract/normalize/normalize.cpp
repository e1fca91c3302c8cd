#include "extract/normalize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace nianbao {

namespace {

// Code points NFKC leaves alone but that reports use interchangeably with ASCII.
UChar32 fold_extra(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: return '"';   // “ ” „ ″
    case 0x2018: case 0x2019: case 0x2032: return '\'';                // ‘ ’ ′
    case 0x2014: case 0x2013: case 0x2012: case 0x2015: case 0x2212:   // — – ‒ ― −
    case 0x2500: case 0x30FC: return '-';                              // ─ ー
    case 0x3000: case 0x00A0: return ' ';
    case 0x3002: return 0x3002;  // 。 stays (sentence end)
    default: return c;
  }
}

bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

// Decodes one UTF-8 code point; returns its length or 0 when malformed.
size_t decode_utf8(std::string_view s, size_t i, char32_t* cp) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) {
    auto cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) return 0;
    c = (c << 6) | (cb & 0x3F);
  }
  if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  *cp = c;
  return len;
}

// The NFKC of code point `c` when it is one code point whatever stands around it (no combining
// class, never the second of a composition), 0 when ICU must tell: ASCII, the CJK unified
// ideographs and the Chinese punctuation reports are written with are their own NFKC; the full
// width forms of ASCII and the ideographic space are ASCII.
char32_t nfkc_alone(char32_t c) {
  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3002) || (c >= 0x3007 && c <= 0x3011) ||
      (c >= 0x3014 && c <= 0x301B) || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D)
    return c;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return ' ';
  return 0;
}

// What fold() makes of a text's code points once they are in NFKC, fed one by one: Markdown
// emphasis ("**一是**" in PDF->Markdown conversions) dropped, the extra foldings applied, runs of
// whitespace made one space (or none). A '*' is held until the next code point tells whether it
// opens a pair.
class Folder {
 public:
  Folder(std::string& out, bool keep_spaces) : out_(out), keep_spaces_(keep_spaces) {}

  void put(char32_t c) {
    if (star_) {
      star_ = false;
      if (c == U'*') return;  // the pair is not report text
      emit(U'*');
    }
    if (c == U'*') {
      star_ = true;
      return;
    }
    emit(c);
  }
  // Characters that fold() leaves as they are (kept_prefix), as bytes.
  void put_kept(std::string_view bytes) {
    if (star_) emit(U'*');
    star_ = false;
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    out_.append(bytes);
  }
  void finish() {
    if (star_) emit(U'*');
    star_ = false;
  }

 private:
  void emit(char32_t code_point) {
    const UChar32 c = fold_extra(static_cast<UChar32>(code_point));
    if (is_space(c)) {
      pending_space_ = keep_spaces_ && !out_.empty();
      return;
    }
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    append_utf8(out_, static_cast<char32_t>(c));
  }

  std::string& out_;
  const bool keep_spaces_;
  bool pending_space_ = false;
  bool star_ = false;
};

// Whether fold() leaves code point `c` as it is, whatever stands around it: ASCII but whitespace
// and '*', the CJK ideographs, and the Chinese punctuation NFKC and fold_extra keep.
bool kept_as_is(char32_t c) {
  if (c < 0x80) return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '*';
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3002) || (c >= 0x3007 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301B);
}

}  // namespace

size_t kept_prefix(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = s[i];
    if (b < 0x80) {
      if (!kept_as_is(b)) break;
      ++i;
      continue;
    }
    // Every other character kept is three bytes (U+3001 to U+9FFF), decoded here: none of them is
    // an overlong form or a surrogate, so what kept_as_is takes is well formed.
    if ((b & 0xF0) != 0xE0 || i + 3 > text.size() || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) break;
    const char32_t c = static_cast<char32_t>((b & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F));
    if (!kept_as_is(c)) break;
    i += 3;
  }
  return i;
}

namespace {

// fold_impl for text made only of code points whose NFKC needs no context (nfkc_alone): most of
// a report, the figures of its tables and its Chinese prose. Decoded and folded in one walk,
// without a copy of the text in code points (four bytes each: 40 MB for a 10 MB line of digits).
// False, with `out` left partly written, at the first code point that needs ICU.
bool fold_alone(std::string_view text, bool keep_spaces, std::string& out) {
  Folder folder(out, keep_spaces);
  for (size_t i = 0; i < text.size();) {
    // Most of a report is copied as it is, a stretch at a time.
    if (const size_t kept = kept_prefix(text.substr(i))) {
      folder.put_kept(text.substr(i, kept));
      i += kept;
      continue;
    }
    char32_t c = 0;
    const size_t n = decode_utf8(text, i, &c);
    const char32_t alone = n == 0 ? 0 : nfkc_alone(c);
    if (alone == 0) return false;
    folder.put(alone);
    i += n;
  }
  folder.finish();
  return true;
}

// fold_impl through ICU's NFKC, for text holding a code point whose NFKC depends on its
// neighbours (or a malformed sequence, which ICU reads as U+FFFD).
void fold_icu(std::string_view text, bool keep_spaces, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString norm = U_SUCCESS(status) ? nfkc->normalize(src, status) : src;
  if (U_FAILURE(status)) norm = src;
  Folder folder(out, keep_spaces);
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    folder.put(static_cast<char32_t>(c));
  }
  folder.finish();
}

std::string fold_impl(std::string_view text, bool keep_spaces) {
  std::string out;
  out.reserve(text.size());
  if (!fold_alone(text, keep_spaces, out)) {
    out.clear();
    fold_icu(text, keep_spaces, out);
  }
  return out;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = 0;
    size_t n = decode_utf8(s, i, &c);
    if (n == 0) { ++i; continue; }
    out.push_back(c);
    i += n;
  }
  return out;
}

int digit_value(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'○': case U'Ｏ': case U'O': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return (c >= U'0' && c <= U'9') ? static_cast<int>(c - U'0') : -1;
  }
}

long long unit_value(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}

bool three_digits_follow(const std::string& s, size_t comma) {
  size_t j = s.find_first_not_of("0123456789", comma + 1);
  if (j == std::string::npos) j = s.size();
  return j - (comma + 1) == 3;
}

}  // namespace

std::string fold(std::string_view text) { return fold_impl(text, true); }
std::string compact(std::string_view text) { return fold_impl(text, false); }

std::string chinese_numeral(int n) {
  static const char* digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string s = n / 10 == 1 ? "" : digits[n / 10];
  s += "十";
  if (n % 10) s += digits[n % 10];
  return s;
}

std::optional<long long> parse_chinese_integer(std::string_view text) {
  std::u32string s = to_u32(compact(text));
  if (s.empty()) return std::nullopt;
  bool has_unit = false;
  for (char32_t c : s) {
    if (unit_value(c) || c == U'万' || c == U'亿') has_unit = true;
    else if (digit_value(c) < 0) return std::nullopt;
  }
  if (!has_unit) {  // digit by digit: "二〇二一", "2021"
    long long v = 0;
    for (char32_t c : s) {
      v = v * 10 + digit_value(c);
      if (v > 1'000'000'000'000LL) return std::nullopt;
    }
    return v;
  }
  long long total = 0, section = 0, digit = -1;
  for (char32_t c : s) {
    if (int d = digit_value(c); d >= 0) {
      digit = d;
    } else if (long long u = unit_value(c)) {
      section += (digit < 0 ? 1 : digit) * u;  // "十五": a bare 十 means 10
      digit = -1;
    } else {  // 万 / 亿
      long long big = c == U'万' ? 10'000 : 100'000'000;
      section += digit < 0 ? 0 : digit;
      total = (total + (section == 0 ? 1 : section)) * big;
      section = 0;
      digit = -1;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

namespace {

// A date written out in full is a dozen characters ("二〇二一年十二月三十一日"); more than this, spaces
// aside, and a text is not one.
constexpr size_t kMaxDateChars = 32;

// Whether `text` holds more than `limit` characters besides whitespace and '*' (which compact()
// drops), counted no further than that: a line of megabytes is not folded to learn it is no date.
bool more_characters_than(std::string_view text, size_t limit) {
  size_t n = 0;
  for (char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b & 0xC0) == 0x80 || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '*') continue;
    if (++n > limit) return true;
  }
  return false;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (more_characters_than(text, kMaxDateChars)) return std::nullopt;
  std::string s = compact(text);
  Date d;
  // "YYYY年M月D日" with Arabic or Chinese numerals.
  if (auto y = s.find("年"); y != std::string::npos) {
    auto m = s.find("月", y);
    auto e = s.find("日", m == std::string::npos ? y : m);
    if (m == std::string::npos || e == std::string::npos || e + 3 != s.size()) return std::nullopt;
    auto year = parse_chinese_integer(s.substr(0, y));
    auto month = parse_chinese_integer(s.substr(y + 3, m - y - 3));
    auto day = parse_chinese_integer(s.substr(m + 3, e - m - 3));
    if (!year || !month || !day) return std::nullopt;
    d = {static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day)};
  } else {
    int yy = 0, mm = 0, dd = 0;
    char s1 = 0, s2 = 0;
    int consumed = 0;
    if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &yy, &s1, &mm, &s2, &dd, &consumed) != 5)
      return std::nullopt;
    if (s1 != s2 || (s1 != '-' && s1 != '.' && s1 != '/') || consumed != static_cast<int>(s.size()))
      return std::nullopt;
    d = {yy, mm, dd};
  }
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return std::nullopt;
  return d;
}

namespace {

// The bytes of the sign a number may open with ("增加", "减少", "+", "-"), 0 when none.
size_t sign_length(std::string_view s) {
  if (s.rfind("增加", 0) == 0 || s.rfind("减少", 0) == 0) return 6;
  return !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
}

// After its sign a number holds only these: digits, a point, thousands commas.
bool in_number(char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }

}  // namespace

bool has_sentence_punctuation(std::string_view text) {
  for (std::string_view mark : {"。", "，", "；", "：", "！", "？", ",", ";", ":", "!", "?"})
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

std::optional<Number> parse_number(std::string_view text) {
  std::string s = compact(text);
  Number n;
  const size_t signed_by = sign_length(s);
  const double sign = s.rfind("减少", 0) == 0 || (signed_by == 1 && s[0] == '-') ? -1 : 1;
  n.is_signed = signed_by > 0;
  s = s.substr(signed_by);
  if (s.empty()) return std::nullopt;
  std::string digits;
  bool point = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      if (point) ++n.decimals;
    } else if (c == '.' && !point && i > 0 && i + 1 < s.size()) {
      digits.push_back(c);
      point = true;
    } else if (c == ',' && !point && i > 0 && three_digits_follow(s, i)) {
      continue;  // thousands separator
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 30) return std::nullopt;
  n.value = sign * std::stod(digits);
  return n;
}

std::optional<Quantity> parse_quantity(std::string_view text) {
  std::string s = compact(text);
  // The longest prefix that is a number. A number is its sign and then only in_number
  // characters: no longer prefix can be one, so no longer one is tried (this runs on every word
  // of a table; trying every prefix of a label was most of its cost).
  size_t limit = sign_length(s);
  while (limit < s.size() && in_number(s[limit])) ++limit;
  size_t end = 0;
  for (size_t i = 1; i <= limit; ++i)
    if (parse_number(s.substr(0, i))) end = i;
  if (end == 0) return std::nullopt;
  Quantity q;
  q.number = *parse_number(s.substr(0, end));
  std::string rest = s.substr(end);
  if (rest.rfind("万", 0) == 0) { q.scale = 1e4; rest = rest.substr(3); }
  else if (rest.rfind("亿", 0) == 0) { q.scale = 1e8; rest = rest.substr(3); }
  q.unit = rest;
  return q;
}

std::optional<double> digits_value(std::string_view text) {
  if (text.empty() || text.size() > 31) return std::nullopt;
  bool point = false, digit = false;
  for (char c : text) {
    if (c == '.' && !point) point = true;
    else if (c >= '0' && c <= '9') digit = true;
    else return std::nullopt;
  }
  if (!digit) return std::nullopt;
  return std::strtod(std::string(text).c_str(), nullptr);
}

bool is_valid_utf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    char32_t c = 0;
    size_t n = decode_utf8(bytes, i, &c);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (char ch : text)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace nianbao
