#include "extract/normalize/misread.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace nianbao {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c >= 0) out += static_cast<char32_t>(c);
  }
  return out;
}

namespace {

// One column of the edit table per character of `text`; `anywhere` lets the match of `pattern`
// start at any character of `text` and end at any (a substring), not only at its ends.
size_t distance(const std::u32string& pattern, const std::u32string& text, bool anywhere) {
  std::vector<size_t> col(pattern.size() + 1);
  for (size_t i = 0; i <= pattern.size(); ++i) col[i] = i;
  size_t best = col.back();
  for (char32_t c : text) {
    size_t diagonal = col[0];
    if (!anywhere) ++col[0];
    for (size_t i = 1; i <= pattern.size(); ++i) {
      const size_t up = col[i];
      col[i] = std::min({col[i] + 1, col[i - 1] + 1, diagonal + (pattern[i - 1] == c ? 0 : 1)});
      diagonal = up;
    }
    best = std::min(best, col.back());
  }
  return anywhere ? best : col.back();
}

}  // namespace

size_t edit_distance(const std::u32string& a, const std::u32string& b) { return distance(a, b, false); }

size_t near_distance(const std::u32string& pattern, const std::u32string& text) { return distance(pattern, text, true); }

bool same_but_misreads(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::u32string x = code_points(a), y = code_points(b);
  return few_misreads(edit_distance(x, y), std::max(x.size(), y.size()));
}

}  // namespace nianbao
