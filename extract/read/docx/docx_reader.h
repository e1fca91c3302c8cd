// Reader for Word documents: DOCX (libzip + libxml2); DOC and WPS through LibreOffice.
//
// Lines are the body's paragraphs and table rows (extract/read/docx/docx_body.h): `loc.line` is the
// paragraph number (FILE:¶N), counting every paragraph and every table row once; `loc.page`
// counts page breaks. Numbered paragraphs carry the number Word draws (“一、”).
//
// Notes set on the Document: the pictures in the body and those between the headings of parts 2
// and 5, where the tables belong; converted_from ("doc" or "wps") for files converted by
// LibreOffice.
#pragma once

#include <string>

#include "extract/read/limits.h"
#include "extract/model/model.h"
#include "extract/rules/headings.h"

namespace nianbao {

// Throws ReadError (extract/model/errors.h): not_found, not_a_file, io, empty, too_large (file over
// limits.max_file_mb, or more than 10000 entries), too_large_inflated (over
// limits.max_inflated_mb when inflated: a zip bomb), corrupt (not a ZIP, damaged, no
// word/document.xml, malformed XML or a DTD in it).
// `headings` find the parts where the tables belong (pictures there are tables as images).
Document read_docx_file(const std::string& path, const HeadingRules& headings, const Limits& limits = {});
Document read_docx_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                         const Limits& limits = {});

// .doc / .wps: converted to DOCX by soffice in a private temporary directory, then read.
// Also throws missing_tool (soffice absent: names libreoffice-writer-nogui), convert_failed.
Document read_word_binary_file(const std::string& path, const HeadingRules& headings, const Limits& limits = {});
// Same from bytes already in memory; `path` names the file in messages, and its extension
// says "doc" or "wps".
Document read_word_binary_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                                const Limits& limits = {});

}  // namespace nianbao
