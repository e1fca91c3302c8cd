// A finding's place in a web page in words (Finding::where, nianbao/locate.h), shared by the
// text, JSON and HTML renderings.
#pragma once

#include <string>

#include "extract/model/bilingual.h"
#include "extract/model/finding.h"
#include "extract/model/model.h"

namespace nianbao {

// "“三、收到和处理政府信息公开申请情况”中“（一）予以公开”行", "“一、总体情况”下第 2 段",
// "标题“二、主动公开政府信息情况”", "报告开头第 1 段"; English with Lang::En.
std::string describe_where(const Where& where, Lang lang);

// A place as the HTML report shows it beside a finding: "第 48 段" in a Word document (the
// paragraph number, as the text output's "FILE:¶48"), else "第 4 页第 12 行".
std::string place_words(InputFormat format, const Location& loc, Lang lang);

// The same, short, beside a table and its rows: "第 48 段" / "¶48" in a Word document, else "4:12".
std::string place_short(InputFormat format, const Location& loc, Lang lang);

}  // namespace nianbao
