#include "render/render_where.h"

namespace nianbao {

std::string describe_where(const Where& w, Lang lang) {
  if (lang == Lang::Zh) {
    const std::string under = w.heading.empty() ? "报告开头" : "“" + w.heading + "”";
    if (!w.row.empty()) return under + "中“" + w.row + "”行";
    if (w.paragraph == 0) return "标题“" + w.heading + "”";
    return under + (w.heading.empty() ? "" : "下") + "第 " + std::to_string(w.paragraph) + " 段";
  }
  const std::string under = w.heading.empty() ? "from the top" : "under \"" + w.heading + "\"";
  if (!w.row.empty()) return "row \"" + w.row + "\" " + under;
  if (w.paragraph == 0) return "heading \"" + w.heading + "\"";
  return "paragraph " + std::to_string(w.paragraph) + " " + under;
}

std::string place_words(InputFormat format, const Location& loc, Lang lang) {
  if (!loc.known()) return "";
  const bool zh = lang == Lang::Zh;
  if (format == InputFormat::Docx)
    return zh ? "第 " + std::to_string(loc.line) + " 段" : "¶" + std::to_string(loc.line);
  return zh ? "第 " + std::to_string(loc.page) + " 页第 " + std::to_string(loc.line) + " 行"
            : "p. " + std::to_string(loc.page) + ", line " + std::to_string(loc.line);
}

std::string place_short(InputFormat format, const Location& loc, Lang lang) {
  if (!loc.known()) return "";
  if (format == InputFormat::Docx) return place_words(format, loc, lang);
  return std::to_string(loc.page) + ":" + std::to_string(loc.line);
}

}  // namespace nianbao
