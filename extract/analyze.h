// From a Document (any reader) to a Report: parts, prose, metadata, format version, tables.
#pragma once

#include "extract/model/model.h"
#include "extract/rules/rules.h"

namespace nianbao {

// Throws ReadError("no_report") when nothing of an annual report is found in the document.
Report analyze(const Document& doc, const Rules& rules);

}  // namespace nianbao
