// The upload page of the self-check server.
#pragma once

#include <cstddef>
#include <string>

#include "extract/model/bilingual.h"

namespace nianbao {

// The whole page, with the report stylesheet and script inline; `max_bytes` lets the page
// refuse an over-size file before sending it.
std::string upload_page(Lang lang, size_t max_bytes);

// "文件太大：…" — the message for an upload over the limit, in both languages.
std::string too_large_message(size_t max_bytes);

}  // namespace nianbao
