// Reader for PDF reports (poppler-cpp): pages of lines with word boxes.
#pragma once

#include <string>

#include "extract/model.h"

namespace nianbao {

// Throws ReadError (extract/errors.h) when the PDF cannot be read.
Document read_pdf_file(const std::string& path);

}  // namespace nianbao
