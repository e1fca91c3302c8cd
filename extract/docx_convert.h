// Old binary Word files (.doc, and .wps from WPS Office) read through LibreOffice: `soffice`
// converts them to DOCX in a private temporary directory, which is removed in every case.
#pragma once

#include <string>

namespace nianbao {

// The DOCX bytes of the converted file. Throws ReadError: "missing_tool" (no soffice on PATH:
// the message names the package libreoffice-writer-nogui), "convert_failed" (LibreOffice
// could not convert it or took longer than `timeout_seconds`), "io".
std::string convert_to_docx(const std::string& path, int timeout_seconds = 120);

// The soffice executable found on PATH, "" when there is none.
std::string find_soffice();

}  // namespace nianbao
