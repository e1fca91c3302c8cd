#include "extract/read/text/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <vector>

#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_control_byte(unsigned char b) {
  // Tab, LF, VT (Word's manual line break), FF (pdftotext's page break) and CR are text.
  if (b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r') return false;
  return b < 0x20 || b == 0x7F;
}

// NUL bytes, or more than 5 % control characters: an image, an archive, a PDF saved as .txt.
// `units` is what the share is taken of (bytes, or code points of decoded text).
bool looks_binary(std::string_view s, size_t units) {
  size_t controls = 0;
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b == 0) return true;
    if (is_control_byte(b)) ++controls;
  }
  return units > 0 && controls * 20 > units;
}

[[noreturn]] void throw_binary(const std::string& path) {
  throw ReadError("binary", path + ": 二进制文件，不是文本报告 (binary file, not a text report)");
}

[[noreturn]] void throw_encoding(const std::string& path, const std::string& zh,
                                const std::string& en) {
  throw ReadError("encoding", path + ": 无法解码文本，" + zh + " (cannot decode the text: " + en + ")");
}

// Byte-order marks, longest first: a UTF-32LE BOM begins with the UTF-16LE one.
struct Bom {
  std::string_view bytes;
  const char* charset;
};
constexpr Bom kWideBoms[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
};

std::string strip_leading_bom(std::string text) {
  if (starts_with_bytes(text, kUtf8Bom)) text.erase(0, kUtf8Bom.size());
  return text;
}

// Counts the sequences a converter replaces (the substitution itself is ICU's).
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char* units,
                          int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED)
    ++*static_cast<int*>(const_cast<void*>(context));
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, err);
}

// `bytes` in `charset` as UTF-8 with every bad sequence replaced by U+FFFD, and how many were.
std::optional<std::pair<std::string, int>> convert_replacing(std::string_view bytes,
                                                             const char* charset) {
  if (bytes.size() >= static_cast<size_t>(INT32_MAX) / 2) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  int replaced = 0;
  ucnv_setToUCallBack(conv.get(), count_and_substitute, &replaced, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::vector<UChar> units(bytes.size() + 1);
  const int32_t n = ucnv_toUChars(conv.get(), units.data(), static_cast<int32_t>(units.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &length, units.data(), n, 0xFFFD, nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), length, nullptr, units.data(), n, 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return std::pair{std::move(out), replaced};
}

// Whether `bytes` end with the first bytes of a UTF-8 sequence that the file does not finish
// (and are otherwise UTF-8 up to there).
bool ends_inside_utf8_character(std::string_view bytes) {
  for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto b = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return need > back && is_valid_utf8(bytes.substr(0, bytes.size() - back));
  }
  return false;
}

// The lines of `text` that hold U+FFFD.
std::vector<int> lines_with_replacement(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::vector<int> lines;
  int line = 1;
  size_t from = 0;
  for (size_t at = text.find(kReplacement); at != std::string_view::npos;
       at = text.find(kReplacement, at + kReplacement.size())) {
    line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                        text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    from = at;
    if (lines.empty() || lines.back() != line) lines.push_back(line);
  }
  return lines;
}

}  // namespace

// Strict conversion to UTF-8: an illegal or unmappable sequence fails instead of becoming
// U+FFFD, so a wrong guess at the encoding is noticed rather than producing mojibake.
std::optional<std::string> convert_strict(std::string_view bytes, const char* charset) {
  if (bytes.size() >= static_cast<size_t>(INT32_MAX) / 2) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;

  // Every encoding we accept needs at least one byte per UTF-16 unit, plus the terminator.
  std::vector<UChar> units(bytes.size() + 1);
  const int32_t n = ucnv_toUChars(conv.get(), units.data(), static_cast<int32_t>(units.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  if (n == 0) return std::string();

  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &length, units.data(), n, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(length), '\0');
  status = U_ZERO_ERROR;
  // Unpaired surrogates (a truncated UTF-16 file) fail here.
  u_strToUTF8(out.data(), length, nullptr, units.data(), n, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

std::string normalize_newlines(std::string text) {
  size_t to = text.find('\r');
  if (to == std::string::npos) return text;
  // The text only shrinks: each byte is written at or before where it was read.
  for (size_t from = to; from < text.size(); ++from) {
    if (text[from] == '\r') {
      text[to++] = '\n';
      if (from + 1 < text.size() && text[from + 1] == '\n') ++from;
    } else {
      text[to++] = text[from];
    }
  }
  text.resize(to);
  return text;
}

DecodedText decode_text(std::string_view bytes, const std::string& path) {
  for (const Bom& bom : kWideBoms) {
    if (!starts_with_bytes(bytes, bom.bytes)) continue;
    auto text = convert_strict(bytes.substr(bom.bytes.size()), bom.charset);
    if (!text) throw_encoding(path, std::string(bom.charset) + " 字节序列不完整或非法",
                                std::string("truncated or invalid ") + bom.charset);
    if (looks_binary(*text, utf8_length(*text))) throw_binary(path);
    return {normalize_newlines(strip_leading_bom(std::move(*text))), bom.charset, 0, {}};
  }

  if (looks_binary(bytes, bytes.size())) throw_binary(path);
  if (is_valid_utf8(bytes)) {
    std::string text(bytes);
    return {normalize_newlines(strip_leading_bom(std::move(text))), "UTF-8", 0, {}};
  }
  // Not UTF-8: older systems export GBK, which GB18030 contains.
  if (auto text = convert_strict(bytes, "GB18030"))
    return {normalize_newlines(strip_leading_bom(std::move(*text))), "GB18030", 0, {}};
  // A file cut in the middle of a character is cut short, not sprinkled with bad bytes: what
  // is missing is the rest of the report.
  if (ends_inside_utf8_character(bytes))
    throw_encoding(path, "文件在一个字符中间截断（不完整）", "the file ends inside a character (cut short)");
  // A few stray bytes: the encoding that needs fewer replacements, when they are few.
  auto utf8 = convert_replacing(bytes, "UTF-8");
  auto gb = convert_replacing(bytes, "GB18030");
  const bool take_gb = gb && (!utf8 || gb->second < utf8->second);
  auto& best = take_gb ? gb : utf8;
  const size_t allowed = kMaxReplacedSequences + bytes.size() / kBytesPerExtraReplacement;
  // And few against what was read: a hundred good characters for every bad sequence.
  if (best && best->second > 0 && static_cast<size_t>(best->second) <= allowed &&
      utf8_length(best->first) >= static_cast<size_t>(best->second) * 101) {
    DecodedText d{normalize_newlines(strip_leading_bom(std::move(best->first))),
                  take_gb ? "GB18030" : "UTF-8", 0, {}};
    d.replaced = best->second;
    d.replaced_lines = lines_with_replacement(d.text);
    return d;
  }
  throw_encoding(path, "既不是 UTF-8 也不是 GB18030/GBK", "neither UTF-8 nor GB18030/GBK");
}

}  // namespace nianbao
