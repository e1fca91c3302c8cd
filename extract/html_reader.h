// Reader for HTML reports (libxml2): the report inside the page, its prose lines and its
// tables as grids.
#pragma once

#include <string>

#include "extract/model.h"

namespace nianbao {

// Throws ReadError (extract/errors.h) when the page cannot be read.
Document read_html_file(const std::string& path);

}  // namespace nianbao
