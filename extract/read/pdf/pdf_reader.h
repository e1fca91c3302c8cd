// Reader for PDF reports: pages of lines with word boxes and the ruling lines of their tables.
#pragma once

#include <string>

#include "extract/read/limits.h"
#include "extract/model/model.h"
#include "extract/rules/headings.h"

namespace nianbao {

// Throws ReadError (extract/model/errors.h) when the PDF cannot be read, or is over
// limits.max_file_mb (too_large) or limits.max_pages (too_many_pages: said before any page is
// read). `headings` tell the part headings from the short lines of a table.
// The Document keeps the loaded PDF as its page_source.
Document read_pdf_file(const std::string& path, const HeadingRules& headings, const Limits& limits = {});

// Same from bytes already in memory (kept with the loaded PDF); `path` is only used for the
// Document and messages.
Document read_pdf_bytes(std::string bytes, const std::string& path, const HeadingRules& headings,
                        const Limits& limits = {});

}  // namespace nianbao
