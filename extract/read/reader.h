// Picks the reader for an input (a file, or bytes in memory) and returns its Document.
#pragma once

#include <string>

#include "extract/read/limits.h"
#include "extract/model/model.h"
#include "extract/rules/headings.h"

namespace nianbao {

// Throws ReadError: not_found, not_a_file, empty, binary, encoding, unsupported_format (a format
// whose reader this build does not have), the readers' own errors, and too_large,
// too_many_pages, too_large_inflated when the file is over one of `limits`.
// `headings` (Rules::headings) are what the PDF, HTML and Word readers need of the rules.
Document read_document(const std::string& path, const HeadingRules& headings, const Limits& limits = {});

// The same for a document already in memory (an upload): the content picks the reader where it
// can, else the extension of `name`, which also names the document in messages. Nothing is
// written to disk, except a .doc/.wps handed to LibreOffice in a private temporary directory.
// The file checks (not_found, not_a_file) do not apply; `empty` is said as for a file.
Document read_document_bytes(std::string bytes, const std::string& name, const HeadingRules& headings,
                             const Limits& limits = {});

}  // namespace nianbao
