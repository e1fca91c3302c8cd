// Reader for HTML reports (libxml2): the report inside the page, its prose lines and its
// tables as grids.
//
// Every block (<p>, <div>, <li>, a heading, a <br>-separated piece) is a line; every row of a
// data table is a line whose cells are the row's grid (extract/read/html/html_grid.h). `loc.line` is the
// source line of the first character, as an editor shows it; the page is 1.
//
// Properties set on the Document: "html_title" (<title>), "发布时间" (a publication date from
// <meta name="PubDate"> and similar, "YYYY-MM-DD"), "标题" (<meta name="ArticleTitle">, only
// when the body shows no title). Notes: the charset used to decode, the pictures in the report
// and those between the headings of parts 2 and 5, where the tables belong (a table published
// as an image cannot be checked).
#pragma once

#include <string>

#include "extract/read/limits.h"
#include "extract/model/model.h"
#include "extract/rules/headings.h"

namespace nianbao {

// Throws ReadError (extract/model/errors.h): not_found, not_a_file, io, too_large (over
// limits.max_file_mb), empty, binary, encoding, corrupt (markup nested too deeply to parse).
// `headings` find the report among the portal's navigation and links.
Document read_html_file(const std::string& path, const HeadingRules& headings, const Limits& limits = {});

// Same from bytes already in memory; `path` is only used for the Document and messages.
Document read_html_bytes(const std::string& bytes, const std::string& path, const HeadingRules& headings,
                         const Limits& limits = {});

}  // namespace nianbao
