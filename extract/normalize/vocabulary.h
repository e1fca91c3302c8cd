// The small vocabulary every reader and table rebuilder shares, written once so that a text,
// HTML, Word and PDF copy of the same table are read alike: what counts as space at the edge
// of a cell or line, what a printed placeholder is, and what an item number is.
#pragma once

#include <string_view>

namespace nianbao {

// `s` without the spaces at its ends: ASCII whitespace, the ideographic space of Chinese
// indentation (U+3000), NBSP from HTML copies and stray BOMs.
std::string_view trim(std::string_view s);
std::string_view trim_right(std::string_view s);

// A cell printed to say "nothing here" instead of a number: "/", "\", "无", or a run of dashes
// of any kind ("-", "--", "———", "－"). `text` may be raw or folded; spaces around are ignored.
bool is_placeholder(std::string_view text);

// Length in bytes of the item number `compacted` (compact() form) starts with: "1." of
// "1.属于国家秘密", "(一)" of "(一)予以公开", "一、" of "一、本年新收…"; 0 when there is none.
size_t item_number_length(std::string_view compacted);

}  // namespace nianbao
