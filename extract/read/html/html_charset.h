// The characters of an HTML page: its bytes decoded to UTF-8 by the byte-order mark, the
// charset the page declares (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding>),
// or, when it declares none or declares wrongly, detection (UTF-8, else GB18030 which contains
// GBK and GB2312).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

// The charset named in the first 64 KiB of the page, lower-cased ("gb2312", "utf-8"), or "".
std::string declared_charset(std::string_view bytes);

struct DecodedPage {
  std::string text;     // UTF-8, newlines as in the file (line numbers stay those of the file)
  std::string charset;  // what was used: "UTF-8", "GB18030", "Big5", "windows-1252", …
  int replaced = 0;                 // bad byte sequences replaced, as DecodedText says
  std::vector<int> replaced_lines;  // their lines
};

// Throws ReadError "binary" or "encoding" like decode_text (extract/read/text/encoding.h).
DecodedPage decode_page(std::string_view bytes, const std::string& path);

}  // namespace nianbao
