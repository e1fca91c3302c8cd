// Old binary Word files (.doc, and .wps from WPS Office) read through LibreOffice: `soffice`
// converts them to DOCX in a private temporary directory, which is removed in every case.
#pragma once

#include <string>

#include "extract/read/limits.h"

namespace nianbao {

// The DOCX bytes of the file whose bytes are `bytes` (`path` names it in messages). Throws
// ReadError: "missing_tool" (no soffice on PATH: the message names the package
// libreoffice-writer-nogui), "convert_failed" (LibreOffice could not convert it), "timeout" (it
// took longer than limits.timeout_seconds), "io", and the size limits of the converted file.
std::string convert_to_docx(const std::string& bytes, const std::string& path, const Limits& limits);

// The soffice executable found on PATH, "" when there is none.
std::string find_soffice();

}  // namespace nianbao
