// Normalisation for matching: full/half width, punctuation, Chinese numerals, dates, numbers.
//
// The original text is always kept for display; these functions produce the folded form that
// patterns and label matching run on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nianbao {

// NFKC (full-width digits, letters and punctuation to ASCII), curly quotes to straight ones,
// dashes unified to '-', ideographic space to ' ', Markdown emphasis markers (**) removed.
// Whitespace is kept (runs of it collapsed to one space).
std::string fold(std::string_view text);

// fold() and then every whitespace removed: the form labels and headings are compared in.
std::string compact(std::string_view text);

// Whether `text` holds the punctuation of a sentence (。，；：！？ or their ASCII forms), which a
// title, a heading or a table's label does not.
bool has_sentence_punctuation(std::string_view text);

// A Chinese numeral as an integer: "十五" 15, "一千二百三十" 1230, "两万" 20000; digit by digit
// for year-style strings ("二〇二一" 2021, "二零二一"). ASCII digits pass through ("2021").
std::optional<long long> parse_chinese_integer(std::string_view text);

// An integer as the Chinese numeral a counter shows: 3 "三", 10 "十", 21 "二十一" (1–99; other
// values in ASCII digits). Word's chineseCounting and CSS cjk-ideographic count alike.
std::string chinese_numeral(int n);

struct Date {
  int year = 0, month = 0, day = 0;
  std::string iso() const;  // "2021-01-15"
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

// "2021年1月15日", "2021 年 1 月 15 日", "二〇二一年一月十五日", "2021-01-15", "2021.1.15",
// "2021/01/15". The whole string must be the date (surrounding spaces allowed).
std::optional<Date> parse_date(std::string_view text);

// A number as printed in a table cell or the prose: "1,234", "１２", "2315831.33", "+12", "-3",
// "减少3", "增加3", "0.5". Returns nothing when the text is not a plain number.
struct Number {
  double value = 0;
  int decimals = 0;  // digits after the point as printed (precision)
  bool is_signed = false;  // printed with an explicit sign or 增加/减少
};
std::optional<Number> parse_number(std::string_view text);

// A number with a unit: "2315831.33 元", "14.6万人次", "251000元", "12%", "3.5亿元".
// `value` is the number as printed, `scale` the multiplier of the 万/亿 prefix (1 when none),
// `unit` what follows the number after the prefix ("元", "人次", "%", "" …).
struct Quantity {
  Number number;
  double scale = 1;
  std::string unit;
  double absolute() const { return number.value * scale; }
};
std::optional<Quantity> parse_quantity(std::string_view text);

// Digits (with an optional point) as a number, without exceptions: nothing when the text is
// not such a number or has more than 30 digits (a run a fuzzer or a broken copy produces).
std::optional<double> digits_value(std::string_view text);

// The length in bytes of the stretch at the start of `text` that fold() and compact() leave as
// it is: ASCII but whitespace and '*', the CJK ideographs, the Chinese punctuation NFKC keeps.
// Most of a report: what folds it a character at a time copies such stretches whole.
size_t kept_prefix(std::string_view text);

// UTF-8 helpers.
bool is_valid_utf8(std::string_view bytes);
// Number of code points.
size_t utf8_length(std::string_view text);
// Appends code point `c` (not a surrogate, at most U+10FFFF) in UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace nianbao
