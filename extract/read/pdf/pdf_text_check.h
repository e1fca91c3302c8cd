// Whether the text layer of a PDF can be trusted: fonts without a Unicode map give private-use
// or replacement characters (or no Chinese at all), which must be said, never read as text.
#pragma once

#include <cstddef>
#include <string_view>

namespace nianbao {

struct TextLayerCount {
  size_t chars = 0;       // code points other than whitespace
  size_t unreadable = 0;  // private use, U+FFFD, control characters
  size_t han = 0;         // CJK ideographs
  // Latin letters with diacritics ("政ó|开" for 政务公开): in a Chinese report, the mark of a
  // font whose Unicode map points its glyphs at the wrong characters (Ghostscript's re-encoded
  // subsets give whole pages of them) rather than of anything a report prints.
  size_t misread = 0;

  void add(std::string_view utf8);
  // Too many unreadable characters, a long text with hardly any Chinese, or a Chinese text with
  // more misread letters than a report ever prints.
  bool garbled() const;
  // The characters that cannot be taken for what they show: unreadable and misread.
  size_t wrong() const { return unreadable + misread; }
};

}  // namespace nianbao
