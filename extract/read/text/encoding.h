// Decoding the bytes of a text report to UTF-8.
//
// Reports reach us as UTF-8 (with or without BOM), as UTF-16 saved by Windows Notepad, and as
// GBK/GB18030 from older government systems. Everything after the reader works on UTF-8 with
// '\n' line ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, CRLF and lone CR turned into '\n'
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "GB18030"
  // Byte sequences that are valid in neither encoding, each replaced by U+FFFD: a few stray
  // bytes in an otherwise readable file (a bad copy, a truncated transfer). 0 when none.
  int replaced = 0;
  std::vector<int> replaced_lines;  // 1-based lines of `text` holding a replacement, ascending
};

// At most this many replaced sequences, and one per this many bytes beyond it, and a hundred
// good characters for each, make a text readable with replacements; more is a wrong encoding
// or not text at all.
constexpr int kMaxReplacedSequences = 8;
constexpr size_t kBytesPerExtraReplacement = 1000;

// Throws ReadError "binary" (NUL bytes, many control characters) or "encoding" (neither UTF-8,
// a BOM-marked UTF-16/32, nor GB18030, even with a few bad sequences replaced: of UTF-8 and
// GB18030 the one needing fewer replacements is taken). `path` only goes into the messages.
DecodedText decode_text(std::string_view bytes, const std::string& path);

// CRLF and lone CR to LF, in place: a text without CR is given back as it came.
std::string normalize_newlines(std::string text);

// `bytes` in `charset` (an ICU converter name) as UTF-8; nothing when any byte sequence is not
// valid in that charset (no substitution characters: a wrong guess must fail).
std::optional<std::string> convert_strict(std::string_view bytes, const char* charset);

}  // namespace nianbao
