// How far a text read by OCR is from the text printed: a character misread, dropped or added
// counts one. Labels and headers read from a scanned page are compared with what they should be
// allowing one such misreading in every six characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nianbao {

// The code points of UTF-8 `s`, invalid bytes left out.
std::u32string code_points(std::string_view s);

// The fewest characters to change, drop or add to turn `a` into `b` (Levenshtein).
size_t edit_distance(const std::u32string& a, const std::u32string& b);

// The fewest characters to change, drop or add for `pattern` to appear somewhere in `text`
// (Sellers' approximate substring match).
size_t near_distance(const std::u32string& pattern, const std::u32string& text);

// Whether `distance` misreadings in a text of `length` characters are few enough for it to be
// the same text: at most one in six.
inline bool few_misreads(size_t distance, size_t length) { return distance * 6 <= length; }

// Whether UTF-8 texts `a` and `b` are the same but for few misreadings (few_misreads over the
// longer of the two).
bool same_but_misreads(std::string_view a, std::string_view b);

}  // namespace nianbao
