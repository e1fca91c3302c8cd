// The HTML report: one self-contained page (inline CSS and script, no network) showing the
// findings, the rebuilt tables laid out like the official format with the offending cells
// marked, the verified statements and, for PDFs, the page images with the places boxed.
#pragma once

#include <string>

#include "extract/model/bilingual.h"
#include "extract/model/check_result.h"

namespace nianbao {

struct Rules;

struct HtmlOptions {
  Lang lang = Lang::Zh;
  // Render the PDF pages that carry a finding as images (needs the source file readable).
  bool page_images = true;
  // The name shown for the file (an upload's own name rather than its temporary path);
  // empty: CheckResult::file.
  std::string display_name;
};

std::string render_html(const CheckResult& r, const Rules& rules, const HtmlOptions& options);

// The body of the report without <html>/<head>, for pages that embed several reports or
// insert one into an existing page (the self-check page). Uses the classes of html_style().
std::string render_html_fragment(const CheckResult& r, const Rules& rules, const HtmlOptions& options);

// The stylesheet and the script the fragment needs (without <style>/<script> tags).
const std::string& html_style();
const std::string& html_script();

// Escapes text for HTML element content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace nianbao
