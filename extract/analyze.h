// From a Document (any reader) to a Report: parts, prose, metadata, format version, tables.
#pragma once

#include "extract/model/model.h"

namespace nianbao {

// Throws ReadError("no_report") when nothing of an annual report is found in the document.
Report analyze(const Document& doc);

// The format version a report year requires: "2019" for 2019–2020, "2021" from 2021,
// "pre2019" before 2019.
std::string required_format_version(int year);

}  // namespace nianbao
