#include "extract/read/html/html_charset.h"

#include <re2/re2.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "extract/read/text/encoding.h"
#include "extract/model/errors.h"
#include "extract/normalize/normalize.h"

namespace nianbao {
namespace {

// Declarations sit in <head>; Word puts kilobytes of styles before some of them.
constexpr size_t kDeclarationWindow = 64 * 1024;

// Names pages use, mapped to the converter that reads them. GB2312 and GBK pages routinely
// hold characters beyond their declared set (“镕”, “堃”): GB18030 reads them all.
std::string converter_for(const std::string& declared) {
  for (const char* gb : {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936",
                         "euc-cn", "x-euc-cn", "csgb2312", "gb_2312-80"})
    if (declared == gb) return "GB18030";
  if (declared == "utf-8" || declared == "utf8") return "UTF-8";
  if (declared == "big5" || declared == "big5-hkscs" || declared == "x-x-big5") return "Big5";
  return declared;
}

// Strict: an invalid sequence fails rather than becoming U+FFFD, so a page that lies about its
// charset falls through to detection.

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kDeclarationWindow));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // <meta charset="gbk">, <meta http-equiv="content-type" content="text/html; charset=gb2312">
  static const RE2 meta("<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
  static const RE2 xml("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([a-z0-9_:.\\-]+)");
  std::string name;
  if (RE2::PartialMatch(head, meta, &name) || RE2::PartialMatch(head, xml, &name)) return name;
  return {};
}

DecodedPage decode_page(std::string_view bytes, const std::string& path) {
  const bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                   bytes.starts_with("\xFE\xFF");
  if (!bom) {
    const std::string declared = declared_charset(bytes);
    const std::string charset = converter_for(declared);
    // UTF-8 and the GB family (GB18030 holds GBK and GB2312, whose pages routinely use
    // characters beyond their declared set) are what detection tries anyway; a declared legacy
    // charset (Big5, windows-1252) is used when the bytes fit it.
    if (!declared.empty() && charset != "UTF-8" && charset != "GB18030" &&
        !is_valid_utf8(bytes)) {
      if (auto text = convert_strict(bytes, charset.c_str())) return {normalize_newlines(std::move(*text)), charset, 0, {}};
    }
  }
  DecodedText d = decode_text(bytes, path);
  return {std::move(d.text), std::move(d.encoding), d.replaced, std::move(d.replaced_lines)};
}

}  // namespace nianbao
