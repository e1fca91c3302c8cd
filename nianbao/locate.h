// The place of each finding in a web page as a person finds it (Finding::where): the part
// heading above it and the table row it is on, or which paragraph under that heading. A page's
// source line does not show a reader where to look, and one written on a single line puts
// every place at line 1.
#pragma once

#include <vector>

#include "extract/model/finding.h"
#include "extract/model/model.h"

namespace nianbao {

// Sets `where` on every finding with a known place; HTML documents only, others are left alone.
void locate_findings(const Document& doc, const Report& report, std::vector<Finding>& findings);

}  // namespace nianbao
