// Whether the text layer of a PDF can be trusted: fonts without a Unicode map give private-use
// or replacement characters (or no Chinese at all), which must be said, never read as text.
#pragma once

#include <cstddef>
#include <string_view>

namespace nianbao {

struct TextLayerCount {
  size_t chars = 0;      // code points other than whitespace
  size_t unreadable = 0;  // private use, U+FFFD, control characters
  size_t han = 0;         // CJK ideographs

  void add(std::string_view utf8);
  // Too many unreadable characters, or a long text with hardly any Chinese.
  bool garbled() const;
};

}  // namespace nianbao
