// Reader for plain-text and Markdown reports (portal text dumps, PDF→Markdown/OCR conversions,
// tab-separated copies of Word tables).
//
// Line numbers are the file's lines as an editor shows them; pages are counted from the
// page-number lines (“— 3 —”, “第3页 共6页”) that conversions leave behind, and those lines are
// not kept as prose.
#pragma once

#include <string>
#include <string_view>

#include "extract/read/limits.h"
#include "extract/model/model.h"

namespace nianbao {

// Reads a plain-text or Markdown report. Throws ReadError (extract/model/errors.h) when the file cannot
// be read: not_found, not_a_file, too_large, io, empty, binary, encoding.
Document read_text_file(const std::string& path, const Limits& limits = {});

// Same from bytes already in memory; `path` is only used for the Document and messages.
Document read_text_bytes(const std::string& bytes, const std::string& path, const Limits& limits = {});

// True when a line is a page-number line: "-3-", "- 3 -", "— 3 —", "—3—", "第3页", "第 3 页",
// "第3页 共6页", "3/6", and the same with full-width dashes and digits.
bool is_page_number_line(std::string_view text);

}  // namespace nianbao
