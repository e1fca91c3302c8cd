// Reader for Word documents: DOCX (libzip + libxml2); DOC and WPS through LibreOffice.
#pragma once

#include <string>

#include "extract/model.h"

namespace nianbao {

// Throws ReadError (extract/errors.h) when the document cannot be read.
Document read_docx_file(const std::string& path);
// .doc / .wps: converted to DOCX by soffice in a private temporary directory, then read.
Document read_word_binary_file(const std::string& path);

}  // namespace nianbao
